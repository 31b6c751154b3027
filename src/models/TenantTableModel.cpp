#include "models/TenantTableModel.h"

#include "core/TenantDirectory.h"
#include "models/ModelRoles.h"

#include <QColor>
#include <QLocale>

namespace zc {

TenantTableModel::TenantTableModel(TenantDirectory *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_rows(store->tenants())
{
    connect(store, &TenantDirectory::reset, this, &TenantTableModel::reload);
    connect(store, &TenantDirectory::tenantInserted, this, [this](int i) {
        beginInsertRows({}, i, i);
        m_rows.insert(i, m_store->tenants().at(i));
        endInsertRows();
    });
    connect(store, &TenantDirectory::tenantChanged, this, [this](int i) {
        m_rows[i] = m_store->tenants().at(i);
        emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
    });
    connect(store, &TenantDirectory::tenantRemoved, this, [this](int i, const QString &) {
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    });
    // The client count column follows client changes.
    auto countsChanged = [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, Clients), index(int(m_rows.size()) - 1, Clients));
    };
    connect(store, &TenantDirectory::clientInserted, this, countsChanged);
    connect(store, &TenantDirectory::clientRemoved, this, countsChanged);
    connect(store, &TenantDirectory::clientChanged, this, countsChanged);
}

void TenantTableModel::reload()
{
    beginResetModel();
    m_rows = m_store->tenants();
    endResetModel();
}

int TenantTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return i;
    return -1;
}

int TenantTableModel::clientCount(const QString &tenantId) const
{
    int n = 0;
    for (const auto &c : m_store->clients())
        n += c.tenantId == tenantId ? 1 : 0;
    return n;
}

int TenantTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TenantTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TenantTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Tenant &t = m_rows.at(index.row());
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case FilterRole:
        switch (col) {
        case Name: return t.name;
        case Cloud: return t.cloudDisplay();
        case Vanity: return t.vanity;
        case ZpaCustomerId: return t.zpaCustomerId;
        case ZiaOrgId: return t.ziaOrgId;
        case Clients: return clientCount(t.id);
        case Protected: return t.isProtected ? tr("protected") : QString();
        case Notes: return role == FilterRole ? t.notes : t.notes.section(QLatin1Char('\n'), 0, 0);
        case Modified:
            if (role == FilterRole)
                return QString(); // dates are not what people filter by
            return QLocale().toString(t.modified.toLocalTime(), QLocale::ShortFormat);
        }
        break;
    case SortRole:
        switch (col) {
        case Clients: return clientCount(t.id);
        case Protected: return t.isProtected ? 1 : 0;
        case Modified: return t.modified;
        default: return data(index, Qt::DisplayRole).toString().toCaseFolded();
        }
    case IdRole: return t.id;
    case Qt::DecorationRole:
        if (col == Name && !t.color.isEmpty())
            return QColor(t.color);
        break;
    case Qt::ToolTipRole:
        if (col == Notes || col == Name)
            return t.notes.isEmpty() ? QVariant() : QVariant(t.notes.left(2000));
        if (col == Protected && t.isProtected)
            return tr("Production tenant: changes ask for the tenant's name to be typed");
        break;
    case Qt::TextAlignmentRole:
        if (col == Clients)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default: break;
    }
    return {};
}

QVariant TenantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Cloud: return tr("Cloud");
    case Vanity: return tr("Vanity domain");
    case ZpaCustomerId: return tr("ZPA customer");
    case ZiaOrgId: return tr("ZIA org");
    case Clients: return tr("API clients");
    case Protected: return tr("Protected");
    case Notes: return tr("Notes");
    case Modified: return tr("Modified");
    }
    return {};
}

} // namespace zc
