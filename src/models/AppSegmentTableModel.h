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
//   second one, and is counted in duplicateCount(). Rows without an id are refused and
//   counted in rejectedCount().
// - Each row keeps its AppSegment (the full original JSON, compactly: see AppSegment) and a
//   precomputed lower-case search text, so filtering never formats or allocates per row.
// - DisplayRole is formatted for people, SortRole gives raw values, IdRole the id, JsonRole
//   the segment's full JSON object. lessThan()/prepareSort() give the proxy a fast comparator.
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

    AppendStats appendRows(const QList<AppSegment> &segments);
    // Inserts or replaces one segment (after a create, an update's re-read). False: no id.
    bool upsert(const AppSegment &segment);
    bool removeById(const QString &id);
    void clear(); // also resets the counters and totalExpected

    // What the listing announced (totalCount of page 1), for "n of m" and completeness checks.
    void setTotalExpected(qint64 n);
    qint64 totalExpected() const { return m_totalExpected; }
    qint64 duplicateCount() const { return m_duplicates; }
    qint64 rejectedCount() const { return m_rejected; }

    int rowOf(const QString &id) const { return m_index.value(id, -1); }
    const AppSegment &segmentAt(int row) const { return m_rows.at(row); }
    const AppSegment *segmentById(const QString &id) const;
    QByteArrayView searchTextAt(int row) const { return m_search.at(row); }
    const QList<AppSegment> &segments() const { return m_rows; }

    // Strict weak order of two rows by a column (ties broken by id), the same order SortRole
    // gives. prepareSort() ranks all rows once so that later comparisons on that column (a
    // re-sort after a filter change) are integer compares; any change to the rows drops it.
    bool lessThan(int column, int leftRow, int rightRow) const;
    void prepareSort(int column);

    static QString portsText(const PortRangeList &ranges);

signals:
    void countsChanged(); // totalExpected, duplicateCount or rejectedCount changed

private:
    bool directLess(int column, int l, int r) const;
    void rowsChanged() { m_rankColumn = -1; }

    QList<AppSegment> m_rows;
    QList<QByteArray> m_search;   // per row, AppSegmentFilter::searchText()
    QHash<QString, int> m_index;  // id → row
    QList<int> m_rank;            // per row, its position when sorted by m_rankColumn
    int m_rankColumn = -1;
    qint64 m_totalExpected = -1;
    qint64 m_duplicates = 0;
    qint64 m_rejected = 0;
};

} // namespace zc
