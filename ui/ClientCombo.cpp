#include "ClientCombo.h"

#include "store/TenantStore.h"

#include <QCollator>
#include <algorithm>

namespace zc {

ClientCombo::ClientCombo(TenantStore *store, Filter filter, QWidget *parent)
    : QComboBox(parent)
    , m_store(store)
    , m_filter(std::move(filter))
    , m_emptyText(tr("(no suitable API client)"))
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    connect(store, &TenantStore::reset, this, &ClientCombo::rebuild);
    for (auto sig : {&TenantStore::clientInserted, &TenantStore::clientChanged, &TenantStore::tenantChanged})
        connect(store, sig, this, &ClientCombo::rebuild);
    for (auto sig : {&TenantStore::clientRemoved, &TenantStore::tenantRemoved})
        connect(store, sig, this, &ClientCombo::rebuild);
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        if (m_rebuilding)
            return;
        const QString id = currentClientId();
        if (id != m_last) {
            m_last = id;
            emit clientChanged(id);
        }
    });
    rebuild();
}

void ClientCombo::setTenant(const QString &tenantId)
{
    if (tenantId == m_tenantId && count() > 0)
        return;
    m_tenantId = tenantId;
    rebuild();
}

void ClientCombo::setEmptyText(const QString &text)
{
    m_emptyText = text;
    rebuild();
}

QString ClientCombo::currentClientId() const { return currentData().toString(); }

bool ClientCombo::setCurrentClientId(const QString &clientId)
{
    const int i = findData(clientId);
    if (i < 0 || clientId.isEmpty())
        return false;
    setCurrentIndex(i);
    return true;
}

int ClientCombo::clientCount() const
{
    int n = 0;
    for (int i = 0; i < count(); ++i)
        n += itemData(i).toString().isEmpty() ? 0 : 1;
    return n;
}

void ClientCombo::rebuild()
{
    m_rebuilding = true;
    const QString keep = m_last;
    QList<ApiClient> list;
    for (const ApiClient &c : m_store->clients())
        if ((m_tenantId.isEmpty() || c.tenantId == m_tenantId) && (!m_filter || m_filter(c)))
            list.append(c);
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(list.begin(), list.end(), [&collator](const ApiClient &a, const ApiClient &b) {
        return collator.compare(a.name, b.name) < 0;
    });
    clear();
    for (const ApiClient &c : list) {
        const Tenant *t = m_store->tenant(c.tenantId);
        const QString text = m_tenantId.isEmpty() && t
                                 ? tr("%1 — %2 (%3)").arg(c.name, t->name, c.info().name)
                                 : tr("%1 (%2)").arg(c.name, c.info().name);
        addItem(text, c.id);
        setItemData(count() - 1, c.info().label, Qt::ToolTipRole);
    }
    if (list.isEmpty())
        addItem(m_emptyText, QString());
    setEnabled(!list.isEmpty());
    const int i = findData(keep);
    setCurrentIndex(i >= 0 && !keep.isEmpty() ? i : 0);
    m_rebuilding = false;
    const QString id = currentClientId();
    if (id != m_last) {
        m_last = id;
        emit clientChanged(id);
    }
}

} // namespace zc
