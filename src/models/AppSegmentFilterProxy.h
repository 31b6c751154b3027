#pragma once

#include "core/AppSegmentFilter.h"

#include <QPointer>
#include <QSortFilterProxyModel>

namespace zc {

class AppSegmentTableModel;

// Filter proxy over an AppSegmentTableModel. The decision per row is AppSegmentFilter's (core).
//
// Sorting: sort() is forwarded to the model, which keeps its rows in the chosen order (see
// AppSegmentTableModel); the proxy itself stays unsorted, so a filter keystroke costs one pass
// over the rows and no re-sort. (QSortFilterProxyModel's own sort calls index() and lessThan()
// through virtual calls for each of the ~1.7 million comparisons of 100,000 rows.) Over another
// source model the proxy sorts as QSortFilterProxyModel does, by SortRole.
//
// Filtering: on a filter change every row is decided in one pass in arrival order (the order
// the rows sit in memory), and the decisions are kept per stored row; QSortFilterProxyModel
// then asks filterAcceptsRow() in display order and gets a table lookup. Decisions of rows the
// model changes (dataChanged) are dropped and made again; rows added later are decided when
// asked. A filter change on a large model (more rows than bulkThreshold()) is applied as one
// layout change (invalidate()) instead of invalidateRowsFilter(): on Qt 6.4 the latter removes
// and inserts rows interval by interval and rebuilds its whole row mapping for each interval,
// which is quadratic when the matches are scattered. Small models keep the fine-grained row
// signals.
class AppSegmentFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AppSegmentFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    const AppSegmentFilter &filter() const { return m_filter; }
    void setFilter(const AppSegmentFilter &filter);
    void setSearchText(const QString &text);
    void setEnabledState(AppSegmentFilter::EnabledState state);
    void setMicrotenant(const QString &key);

    int bulkThreshold() const { return m_bulkThreshold; }
    void setBulkThreshold(int rows) { m_bulkThreshold = rows; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void applyFilterChange();
    void forgetDecisions(int firstRow, int lastRow);

    QPointer<AppSegmentTableModel> m_model;
    AppSegmentFilter m_filter;
    int m_bulkThreshold = 2000;
    mutable QList<qint8> m_decision; // per stored row: -1 not decided, 0 rejected, 1 accepted
    QList<QMetaObject::Connection> m_connections;
};

} // namespace zc
