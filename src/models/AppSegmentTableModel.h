#pragma once

#include "core/AppSegment.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

namespace zc {

// ZPA application segments, one row each, filled incrementally as pages arrive.
//
// - appendRows() inserts a batch with one beginInsertRows; a segment whose id is already in
//   the model (the same row on two pages, or a re-read) replaces that row instead of adding a
//   second one and is counted in duplicateCount(). Rows without an id are refused and counted
//   in rejectedCount().
// - Each row keeps its AppSegment (complete, compact) and a precomputed lower-case search text,
//   so filtering never formats or allocates per row.
// - The model sorts itself (sort() is implemented, on every column): it keeps the rows in
//   arrival order and a permutation for display, so sorting 100,000 rows is one std::sort of
//   integers with a direct comparator, and rows arriving while sorted are merged into place
//   (rows inserted at the end, then one layout change). AppSegmentFilterProxy forwards sort()
//   here and only filters; a plain QSortFilterProxyModel can still sort by SortRole.
// - DisplayRole is formatted for people, SortRole gives raw values, IdRole the id, JsonRole
//   the segment's full JSON object.
class AppSegmentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Enabled,
        Domains,
        TcpPorts,
        UdpPorts,
        SegmentGroup,
        ServerGroups,
        Microtenant,
        Modified,
        Id, // hidden by default in the view; useful for copy and export
        ColumnCount
    };
    // The segment as sent by the server (QJsonObject); used by JSON export.
    static constexpr int JsonRole = Qt::UserRole + 64;

    struct AppendStats
    {
        int inserted = 0;
        int replaced = 0; // id already present: the row was replaced
        int rejected = 0; // no id
    };

    explicit AppSegmentTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // column -1 restores the arrival order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    AppendStats appendRows(const QList<AppSegment> &segments);
    AppendStats appendRows(QList<AppSegment> &&segments); // moves the rows in
    // Inserts or replaces one segment (after a create, an update's re-read). False: no id.
    bool upsert(const AppSegment &segment);
    bool removeById(const QString &id);
    void clear(); // also resets the counters and totalExpected

    // What the listing announced (totalCount of page 1), for "n of m" and completeness checks;
    // also reserves room for that many rows (up to 1,000,000).
    void setTotalExpected(qint64 n);
    qint64 totalExpected() const { return m_totalExpected; }
    qint64 duplicateCount() const { return m_duplicates; }
    qint64 rejectedCount() const { return m_rejected; }

    // Rows are in display order (the current sort).
    int rowOf(const QString &id) const;
    const AppSegment &segmentAt(int row) const { return m_rows.at(m_order.at(row)); }
    // Valid until the model changes.
    QByteArrayView searchTextAt(int row) const { return storedSearchText(m_order.at(row)); }
    const AppSegment *segmentById(const QString &id) const;
    // All segments in arrival order ("stored" index), which a sort does not change.
    const QList<AppSegment> &segmentsInArrivalOrder() const { return m_rows; }
    int storedIndexAt(int row) const { return m_order.at(row); }
    QByteArrayView storedSearchText(int stored) const
    {
        const SearchSpan &sp = m_search.at(stored);
        return QByteArrayView(m_searchArena.constData() + sp.offset, sp.length);
    }

    static QString portsText(const PortRangeList &ranges);

private:
    struct SearchSpan
    {
        qsizetype offset;
        qsizetype length;
    };

signals:
    void countsChanged(); // totalExpected, duplicateCount or rejectedCount changed

private:
    // Strict total order of two stored segments by a column (ties broken by id).
    bool less(int column, int a, int b) const;
    bool before(int a, int b) const; // by the current sort column and order
    void relayout(const QList<int> &newOrder);
    void placeSorted(const QList<int> &affected); // merge changed/new storage rows into the order
    void rebuildPositions();

    void setSearchText(int stored, const AppSegment &s);
    void reserveRows(qsizetype n);

    QList<AppSegment> m_rows;     // storage, in arrival order
    // AppSegmentFilter::searchText() of every stored row, back to back in one buffer: a filter
    // pass reads one contiguous block instead of 100,000 separate allocations.
    QByteArray m_searchArena;
    QList<SearchSpan> m_search;   // per stored row
    QHash<QString, int> m_index; // id → storage index
    QList<int> m_order;          // display row → storage index
    QList<int> m_position;       // storage index → display row
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    qint64 m_totalExpected = -1;
    qint64 m_duplicates = 0;
    qint64 m_rejected = 0;
};

} // namespace zc
