#include "models/AppSegmentFilterProxy.h"

#include "models/AppSegmentTableModel.h"
#include "models/ModelRoles.h"

namespace zc {

AppSegmentFilterProxy::AppSegmentFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void AppSegmentFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<AppSegmentTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void AppSegmentFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->prepareSort(column);
    QSortFilterProxyModel::sort(column, order);
}

void AppSegmentFilterProxy::setFilter(const AppSegmentFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    applyFilterChange();
}

void AppSegmentFilterProxy::setSearchText(const QString &text)
{
    if (text == m_filter.text())
        return;
    m_filter.setText(text);
    applyFilterChange();
}

void AppSegmentFilterProxy::setEnabledState(AppSegmentFilter::EnabledState state)
{
    if (state == m_filter.enabledState())
        return;
    m_filter.setEnabledState(state);
    applyFilterChange();
}

void AppSegmentFilterProxy::setMicrotenant(const QString &key)
{
    if (key == m_filter.microtenant())
        return;
    m_filter.setMicrotenant(key);
    applyFilterChange();
}

void AppSegmentFilterProxy::applyFilterChange()
{
    // Qt 6.4 has no beginFilterChange(): the state is already changed, now re-filter.
    const QAbstractItemModel *src = sourceModel();
    if (src && src->rowCount() > m_bulkThreshold) {
        if (m_model && sortColumn() >= 0)
            m_model->prepareSort(sortColumn());
        invalidate();
    } else {
        invalidateRowsFilter();
    }
}

bool AppSegmentFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_model)
        return true;
    if (m_filter.acceptsAll())
        return true;
    return m_filter.matches(m_model->segmentAt(sourceRow), m_model->searchTextAt(sourceRow));
}

bool AppSegmentFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_model && sortRole() == SortRole && left.model() == m_model && right.model() == m_model)
        return m_model->lessThan(left.column(), left.row(), right.row());
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace zc
