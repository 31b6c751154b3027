#include "TenantBanner.h"

#include "store/TenantStore.h"

#include <QCollator>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <algorithm>

namespace zc {

TenantBanner::TenantBanner(TenantStore *store, QWidget *parent)
    : QFrame(parent)
    , m_store(store)
    , m_stripe(new QFrame(this))
    , m_name(new QLabel(this))
    , m_badge(new QLabel(tr("PROTECTED"), this))
    , m_ziaBadge(new QLabel(this))
    , m_details(new QLabel(this))
    , m_combo(new QComboBox(this))
{
    setObjectName(QStringLiteral("tenantBanner"));
    setAttribute(Qt::WA_StyledBackground);
    setAccessibleName(tr("Active tenant"));
    m_stripe->setFixedWidth(6);
    QFont f = m_name->font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setBold(true);
    m_name->setFont(f);
    m_name->setObjectName(QStringLiteral("activeTenantName"));
    m_name->setTextFormat(Qt::PlainText);
    m_badge->setObjectName(QStringLiteral("protectedBadge"));
    m_badge->setStyleSheet(QStringLiteral("background: #b91c1c; color: white; font-weight: bold; "
                                          "border-radius: 3px; padding: 2px 6px;"));
    m_badge->setToolTip(tr("Production tenant: deleting it asks for its name to be typed"));
    m_ziaBadge->setObjectName(QStringLiteral("ziaBannerBadge"));
    m_ziaBadge->hide();
    m_details->setTextFormat(Qt::PlainText);
    QPalette dim = m_details->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::Disabled, QPalette::WindowText).darker(130));
    m_details->setPalette(dim);
    m_combo->setObjectName(QStringLiteral("activeTenantCombo"));
    m_combo->setMinimumContentsLength(22);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setAccessibleName(tr("Active tenant"));
    m_combo->setToolTip(tr("The tenant you are working on"));
    auto *comboLabel = new QLabel(tr("Acti&ve tenant:"), this);
    comboLabel->setBuddy(m_combo);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 10, 0);
    row->setSpacing(10);
    row->addWidget(m_stripe);
    row->addWidget(m_name);
    row->addWidget(m_badge, 0, Qt::AlignVCenter);
    row->addWidget(m_ziaBadge, 0, Qt::AlignVCenter);
    row->addWidget(m_details, 1);
    row->addWidget(comboLabel);
    row->addWidget(m_combo);
    setMinimumHeight(44);

    connect(m_combo, &QComboBox::currentIndexChanged, this, &TenantBanner::onComboChanged);
    connect(store, &TenantStore::reset, this, &TenantBanner::rebuild);
    connect(store, &TenantStore::tenantInserted, this, &TenantBanner::rebuild);
    connect(store, &TenantStore::tenantChanged, this, &TenantBanner::rebuild);
    connect(store, &TenantStore::tenantRemoved, this, &TenantBanner::rebuild);
    connect(store, &TenantStore::clientInserted, this, &TenantBanner::refresh);
    connect(store, &TenantStore::clientRemoved, this, &TenantBanner::refresh);
    rebuild();
}

void TenantBanner::setActiveTenant(const QString &tenantId)
{
    const QString id = m_store->tenant(tenantId) ? tenantId : QString();
    const int idx = m_combo->findData(id);
    if (idx >= 0 && idx != m_combo->currentIndex())
        m_combo->setCurrentIndex(idx); // -> onComboChanged
    else if (id != m_activeId) {
        m_activeId = id;
        refresh();
        emit activeTenantChanged(m_activeId);
    }
}

void TenantBanner::rebuild()
{
    m_rebuilding = true;
    QList<Tenant> tenants = m_store->tenants();
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(tenants.begin(), tenants.end(),
              [&collator](const Tenant &a, const Tenant &b) { return collator.compare(a.name, b.name) < 0; });
    m_combo->clear();
    m_combo->addItem(tenants.isEmpty() ? tr("(no tenants yet)") : tr("(none)"), QString());
    for (const Tenant &t : tenants) {
        QPixmap swatch(12, 12);
        swatch.fill(t.color.isEmpty() ? palette().color(QPalette::Mid) : QColor(t.color));
        m_combo->addItem(QIcon(swatch), t.isProtected ? tr("%1 (protected)").arg(t.name) : t.name, t.id);
    }
    const bool gone = !m_activeId.isEmpty() && !m_store->tenant(m_activeId);
    if (gone)
        m_activeId.clear();
    m_combo->setCurrentIndex(qMax(0, m_combo->findData(m_activeId)));
    m_rebuilding = false;
    refresh();
    if (gone)
        emit activeTenantChanged(m_activeId);
}

void TenantBanner::onComboChanged(int index)
{
    if (m_rebuilding || index < 0)
        return;
    const QString id = m_combo->itemData(index).toString();
    if (id == m_activeId)
        return;
    m_activeId = id;
    refresh();
    emit activeTenantChanged(m_activeId);
}

void TenantBanner::refresh()
{
    const Tenant *t = m_store->tenant(m_activeId);
    const QColor neutral = palette().color(QPalette::WindowText);
    m_nameColor = (t && !t->color.isEmpty()) ? QColor(t->color) : neutral;
    const QColor stripe = (t && !t->color.isEmpty()) ? QColor(t->color) : palette().color(QPalette::Mid);
    QColor tint = stripe;
    tint.setAlphaF(t && !t->color.isEmpty() ? 0.10 : 0.0);
    setStyleSheet(QStringLiteral("zc--TenantBanner { border: 1px solid %1; border-radius: 4px; "
                                 "background: rgba(%2,%3,%4,%5); }")
                      .arg(palette().color(QPalette::Mid).name())
                      .arg(tint.red()).arg(tint.green()).arg(tint.blue()).arg(tint.alphaF()));
    m_stripe->setStyleSheet(QStringLiteral("background: %1; border: none;").arg(stripe.name()));
    // A style sheet, not the palette: the banner's own style sheet would override a palette.
    m_name->setStyleSheet(QStringLiteral("color: %1;").arg(m_nameColor.name()));
    if (!t) {
        m_name->setText(m_store->tenants().isEmpty() ? tr("No tenant yet") : tr("No active tenant"));
        m_details->setText(m_store->tenants().isEmpty() ? tr("Add one with New tenant (Ctrl+N).")
                                                        : tr("Choose the tenant to work on."));
        m_badge->hide();
        setAccessibleDescription(m_name->text());
        return;
    }
    m_name->setText(t->name);
    m_badge->setVisible(t->isProtected);
    QStringList parts;
    parts << t->cloudDisplay();
    if (!t->vanity.isEmpty())
        parts << tr("vanity %1").arg(t->vanity);
    if (!t->zpaCustomerId.isEmpty())
        parts << tr("ZPA %1").arg(t->zpaCustomerId);
    if (!t->ziaOrgId.isEmpty())
        parts << tr("ZIA org %1").arg(t->ziaOrgId);
    const int clients = int(m_store->clientsOf(t->id).size());
    parts << (clients == 1 ? tr("1 API client") : tr("%1 API clients").arg(clients));
    m_details->setText(parts.join(QStringLiteral("  ·  ")));
    setAccessibleDescription(t->isProtected ? tr("%1, protected").arg(t->name) : t->name);
}

QString TenantBanner::nameText() const { return m_name->text(); }

void TenantBanner::setZiaBadge(const QString &text, const QColor &color, const QString &toolTip)
{
    m_ziaBadge->setText(text);
    m_ziaBadge->setToolTip(toolTip);
    m_ziaBadge->setStyleSheet(QStringLiteral("background: %1; color: white; font-weight: bold; "
                                             "border-radius: 3px; padding: 2px 6px;")
                                  .arg(color.name()));
    m_ziaBadge->setVisible(!text.isEmpty());
}

QString TenantBanner::ziaBadgeText() const { return m_ziaBadge->isVisibleTo(this) ? m_ziaBadge->text() : QString(); }

bool TenantBanner::isProtectedShown() const { return m_badge->isVisibleTo(this); }

} // namespace zc
