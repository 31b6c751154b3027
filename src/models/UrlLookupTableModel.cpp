#include "models/UrlLookupTableModel.h"

namespace zc {

UrlLookupTableModel::UrlLookupTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int UrlLookupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UrlLookupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UrlLookupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UrlLookupResult &r = m_rows.at(index.row());
    if (role == HasAlertRole)
        return !r.securityAlerts.isEmpty();
    switch (index.column()) {
    case UrlColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == RawRole)
            return r.url;
        break;
    case CategoriesColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return r.categories.join(QStringLiteral(", "));
        if (role == RawRole)
            return r.categories;
        break;
    case AlertsColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return r.securityAlerts.join(QStringLiteral(", "));
        if (role == RawRole)
            return r.securityAlerts;
        break;
    default:
        break;
    }
    return {};
}

QVariant UrlLookupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UrlColumn: return tr("URL");
    case CategoriesColumn: return tr("Categories");
    case AlertsColumn: return tr("Security alerts");
    default: return {};
    }
}

int UrlLookupTableModel::alertCount() const
{
    int n = 0;
    for (const UrlLookupResult &r : m_rows)
        n += r.securityAlerts.isEmpty() ? 0 : 1;
    return n;
}

void UrlLookupTableModel::appendResults(const QList<UrlLookupResult> &results)
{
    if (results.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(results.size()) - 1);
    m_rows.append(results);
    endInsertRows();
}

void UrlLookupTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace zc
