#pragma once

#include "core/AppSegmentFilter.h"

#include <QPointer>
#include <QSortFilterProxyModel>

namespace zc {

class AppSegmentTableModel;

// Sort and filter proxy over an AppSegmentTableModel. The decision per row is
// AppSegmentFilter's (core); sorting uses the model's comparator on every column.
//
// A filter change on a large model (more rows than bulkThreshold()) is applied as one layout
// change (invalidate()) instead of invalidateRowsFilter(): on Qt 6.4 the latter removes and
// inserts rows interval by interval and rebuilds its whole row mapping for each interval,
// which is quadratic when the matches are scattered (see tests/bench/zpa). Small models keep
// the fine-grained row signals.
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
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void applyFilterChange();

    QPointer<AppSegmentTableModel> m_model;
    AppSegmentFilter m_filter;
    int m_bulkThreshold = 2000;
};

} // namespace zc
