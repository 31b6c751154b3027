#include "ZiaTenantModel.h"

#include "ZiaStyle.h"
#include "services/ZiaService.h"
#include "store/TenantStore.h"

#include <QColor>
#include <QLocale>
#include <QPixmap>

namespace zc {

ZiaTenantModel::ZiaTenantModel(TenantStore *store, ZiaService *zia, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_zia(zia)
    , m_rows(zia->ziaTenants())
{
    connect(store, &TenantStore::reset, this, &ZiaTenantModel::reload);
    for (auto sig : {&TenantStore::tenantInserted, &TenantStore::tenantChanged, &TenantStore::clientInserted,
                     &TenantStore::clientChanged})
        connect(store, sig, this, &ZiaTenantModel::reload);
    for (auto sig : {&TenantStore::tenantRemoved, &TenantStore::clientRemoved})
        connect(store, sig, this, &ZiaTenantModel::reload);
    connect(zia, &ZiaService::statusChanged, this, &ZiaTenantModel::onStatus);
}

void ZiaTenantModel::reload()
{
    const QStringList rows = m_zia->ziaTenants();
    if (rows == m_rows) {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void ZiaTenantModel::onStatus(const QString &tenantId)
{
    const int row = rowOf(tenantId);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ZiaTenantModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ZiaTenantModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ZiaTenantModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString id = m_rows.at(index.row());
    if (role == TenantIdRole)
        return id;
    const ZiaTenantStatus st = m_zia->status(id);
    const Tenant *t = m_store->tenant(id);
    switch (index.column()) {
    case TenantColumn:
        if (role == Qt::DisplayRole)
            return t ? t->name : id;
        if (role == Qt::DecorationRole && t && !t->color.isEmpty()) {
            QPixmap swatch(10, 10);
            swatch.fill(QColor(t->color));
            return swatch;
        }
        if (role == Qt::ToolTipRole && t)
            return t->isProtected ? tr("%1 (protected)").arg(t->name) : t->name;
        break;
    case StateColumn:
        if (role == Qt::DisplayRole) {
            if (m_zia->isActivating(id) && st.state != ZiaActivationState::InProgress)
                return tr("ACTIVATING");
            return ZiaStyle::badgeText(st.state);
        }
        if (role == BadgeColorRole)
            return ZiaStyle::color(m_zia->isActivating(id) ? ZiaActivationState::InProgress : st.state);
        if (role == Qt::ToolTipRole) {
            QString tip = ZiaStyle::describe(st.state);
            if (m_zia->isReadOnly(id))
                tip += QLatin1Char('\n') + tr("The ZIA API is in read-only mode (a scheduled upgrade).");
            return tip;
        }
        break;
    case ClientColumn:
        if (role == Qt::DisplayRole) {
            const ApiClient *c = m_store->client(st.clientId.isEmpty() ? m_zia->defaultClient(id) : st.clientId);
            return c ? c->name : QString();
        }
        break;
    case CheckedColumn:
        if (role == Qt::DisplayRole) {
            if (st.lastError.isError())
                return tr("failed: %1").arg(st.lastError.message);
            if (m_zia->isReadOnly(id))
                return tr("read-only mode");
            return st.checkedUtc.isValid()
                       ? QLocale().toString(st.checkedUtc.toLocalTime().time(), QLocale::ShortFormat)
                       : tr("not checked yet");
        }
        if (role == Qt::ToolTipRole && st.lastError.isError())
            return st.lastError.toString();
        if (role == Qt::ForegroundRole && (st.lastError.isError() || m_zia->isReadOnly(id)))
            return QColor(0xc6, 0x28, 0x28);
        break;
    }
    return {};
}

QVariant ZiaTenantModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TenantColumn: return tr("Tenant");
    case StateColumn: return tr("Status");
    case ClientColumn: return tr("Polled with");
    case CheckedColumn: return tr("Last check");
    }
    return {};
}

} // namespace zc
