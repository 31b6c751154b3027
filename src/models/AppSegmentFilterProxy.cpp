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
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_decision.clear();
    m_model = qobject_cast<AppSegmentTableModel *>(model);
    if (m_model) {
        // Connected before QSortFilterProxyModel's own handlers, so they run first: a changed
        // row is decided again when the base class asks about it.
        m_connections << connect(m_model, &QAbstractItemModel::dataChanged, this,
                                 [this](const QModelIndex &tl, const QModelIndex &br) { forgetDecisions(tl.row(), br.row()); });
        auto forgetAll = [this] { m_decision.clear(); };
        m_connections << connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, forgetAll);
        m_connections << connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, forgetAll);
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void AppSegmentFilterProxy::forgetDecisions(int firstRow, int lastRow)
{
    if (!m_model || m_decision.isEmpty())
        return;
    for (int row = std::max(firstRow, 0); row <= lastRow && row < m_model->rowCount(); ++row) {
        const int stored = m_model->storedIndexAt(row);
        if (stored < m_decision.size())
            m_decision[stored] = -1;
    }
}

void AppSegmentFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->sort(column, order);
    else
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
    // Decide every row now, in arrival (memory) order.
    m_decision.clear();
    if (m_model && !m_filter.acceptsAll()) {
        const QList<AppSegment> &rows = m_model->segmentsInArrivalOrder();
        m_decision.resize(rows.size());
        for (int s = 0; s < rows.size(); ++s)
            m_decision[s] = m_filter.matches(rows.at(s), m_model->storedSearchText(s)) ? 1 : 0;
    }
    // Qt 6.4 has no beginFilterChange(): the state is already changed, now re-filter.
    const QAbstractItemModel *src = sourceModel();
    if (src && src->rowCount() > m_bulkThreshold) {
        invalidate(); // one layout change: filter all rows once
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
    const int stored = m_model->storedIndexAt(sourceRow);
    if (stored < m_decision.size() && m_decision.at(stored) >= 0)
        return m_decision.at(stored) == 1;
    const bool ok = m_filter.matches(m_model->segmentsInArrivalOrder().at(stored), m_model->storedSearchText(stored));
    if (stored >= m_decision.size())
        m_decision.resize(stored + 1, -1);
    m_decision[stored] = ok ? 1 : 0;
    return ok;
}

} // namespace zc
