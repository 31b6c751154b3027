// AppSegmentTableModel: changing the rows and their order.
#include "models/AppSegmentTableModel.h"

#include "core/AppSegmentFilter.h"
#include "core/AppSegmentOrder.h"

#include <algorithm>
#include <climits>
#include <numeric>
#include <vector>

namespace zc {

using namespace segorder;

bool AppSegmentTableModel::less(int column, int ia, int ib) const
{
    const AppSegment &a = m_rows.at(ia);
    const AppSegment &b = m_rows.at(ib);
    int c = 0;
    switch (column) {
    case Name: c = compareUtf8(a.nameUtf8(), b.nameUtf8()); break;
    case Enabled: c = int(a.enabled()) - int(b.enabled()); break;
    case Domains:
        c = compareUtf8(a.firstDomainUtf8(), b.firstDomainUtf8());
        if (c == 0)
            c = a.domainCount() - b.domainCount();
        break;
    case TcpPorts: c = a.comparePorts(PortProtocol::Tcp, b); break;
    case UdpPorts: c = a.comparePorts(PortProtocol::Udp, b); break;
    case SegmentGroup:
        c = compareText(a.segmentGroupName().isEmpty() ? a.segmentGroupId() : a.segmentGroupName(),
                        b.segmentGroupName().isEmpty() ? b.segmentGroupId() : b.segmentGroupName());
        break;
    case ServerGroups: c = compareGroups(a.serverGroups(), b.serverGroups()); break;
    case Microtenant:
        c = compareText(a.microtenantName(), b.microtenantName());
        if (c == 0)
            c = compareIds(a.microtenantKey(), b.microtenantKey());
        break;
    case Modified: c = a.modifiedSecs() == b.modifiedSecs() ? 0 : (a.modifiedSecs() < b.modifiedSecs() ? -1 : 1); break;
    default: break;
    }
    if (c != 0)
        return c < 0;
    return compareIds(a.idUtf8(), b.idUtf8()) < 0;
}

bool AppSegmentTableModel::before(int a, int b) const
{
    if (m_sortColumn < 0)
        return a < b; // arrival order
    return m_sortOrder == Qt::AscendingOrder ? less(m_sortColumn, a, b) : less(m_sortColumn, b, a);
}

void AppSegmentTableModel::rebuildPositions()
{
    m_position.resize(m_order.size());
    for (int row = 0; row < m_order.size(); ++row)
        m_position[m_order.at(row)] = row;
}

void AppSegmentTableModel::relayout(const QList<int> &newOrder)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QList<int> stored;
    stored.reserve(from.size());
    for (const QModelIndex &i : from)
        stored.append(m_order.at(i.row()));
    m_order = newOrder;
    rebuildPositions();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i)
        to.append(index(m_position.at(stored.at(i)), from.at(i).column()));
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void AppSegmentTableModel::placeSorted(const QList<int> &affected)
{
    if (m_sortColumn < 0 || affected.isEmpty())
        return;
    // The other rows keep their (sorted) order; each affected row is placed by binary search,
    // so a page of 500 arriving in 100,000 rows costs ~500 × 17 comparisons, not 100,000.
    QList<bool> moving(m_rows.size(), false);
    for (int s : affected)
        moving[s] = true;
    QList<int> base;
    base.reserve(m_order.size());
    for (int s : std::as_const(m_order))
        if (!moving.at(s))
            base.append(s);
    QList<int> add = affected;
    auto cmp = [this](int a, int b) { return before(a, b); };
    std::sort(add.begin(), add.end(), cmp);
    QList<int> merged;
    merged.reserve(m_order.size());
    auto from = base.cbegin();
    for (int s : std::as_const(add)) {
        const auto at = std::upper_bound(from, base.cend(), s, cmp);
        merged.append(QList<int>(from, at));
        merged.append(s);
        from = at;
    }
    merged.append(QList<int>(from, base.cend()));
    if (merged != m_order)
        relayout(merged);
}

void AppSegmentTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    QList<int> newOrder(m_rows.size());
    std::iota(newOrder.begin(), newOrder.end(), 0);
    if (column == Name || column == Domains) {
        std::vector<SortKey> keys(size_t(m_rows.size()));
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            const AppSegment &s = m_rows.at(i);
            SortKey &k = keys[size_t(i)];
            k.setText(column == Name ? s.nameUtf8() : s.firstDomainUtf8());
            k.id = s.idUtf8();
            k.number = column == Name ? 0 : s.domainCount();
        }
        auto lessKey = [&keys](int a, int b) {
            const SortKey &x = keys[size_t(a)];
            const SortKey &y = keys[size_t(b)];
            int c = compareBytes(x.text, y.text);
            if (c == 0 && x.number != y.number)
                c = x.number < y.number ? -1 : 1;
            return c != 0 ? c < 0 : compareIds(x.id, y.id) < 0;
        };
        if (order == Qt::AscendingOrder)
            std::sort(newOrder.begin(), newOrder.end(), lessKey);
        else
            std::sort(newOrder.begin(), newOrder.end(), [&lessKey](int a, int b) { return lessKey(b, a); });
    } else if (column >= 0) {
        std::sort(newOrder.begin(), newOrder.end(), [this](int a, int b) { return before(a, b); });
    } else if (order == Qt::DescendingOrder) {
        std::reverse(newOrder.begin(), newOrder.end());
    }
    relayout(newOrder);
}

AppSegmentTableModel::AppendStats AppSegmentTableModel::appendRows(const QList<AppSegment> &segments)
{
    return appendRows(QList<AppSegment>(segments));
}

AppSegmentTableModel::AppendStats AppSegmentTableModel::appendRows(QList<AppSegment> &&segments)
{
    AppendStats st;
    const int first = int(m_rows.size());
    QList<int> fresh;    // positions in `segments` of new rows, in order
    QList<int> replaced; // storage indices
    fresh.reserve(segments.size());
    for (int i = 0; i < segments.size(); ++i) {
        const QString id = segments.at(i).id();
        if (id.isEmpty()) {
            ++st.rejected;
            continue;
        }
        // New ids enter m_index at once, with the storage index they are about to get, so a
        // duplicate inside the batch is found like any other.
        const auto existing = m_index.constFind(id);
        if (existing == m_index.cend()) {
            m_index.insert(id, first + int(fresh.size()));
            fresh.append(i);
        } else if (existing.value() >= first) {
            fresh[existing.value() - first] = i; // the later copy in this batch wins
            ++st.replaced;
        } else {
            m_rows[existing.value()] = segments.at(i);
            setSearchText(existing.value(), m_rows.at(existing.value()));
            replaced.append(existing.value());
            ++st.replaced;
        }
    }
    if (!replaced.isEmpty()) {
        int lo = INT_MAX, hi = -1;
        for (int s : std::as_const(replaced)) {
            lo = std::min(lo, m_position.at(s));
            hi = std::max(hi, m_position.at(s));
        }
        emit dataChanged(index(lo, 0), index(hi, ColumnCount - 1));
    }
    QList<int> affected = replaced;
    if (!fresh.isEmpty()) {
        const qsizetype total = first + fresh.size();
        beginInsertRows({}, first, int(total) - 1);
        if (m_rows.capacity() < total) // grow geometrically, not by one page each time
            reserveRows(std::max<qsizetype>(total, m_rows.capacity() * 2));
        for (int i : std::as_const(fresh)) {
            const int stored = int(m_rows.size());
            m_rows.append(std::move(segments[i]));
            m_search.append({0, 0});
            setSearchText(stored, m_rows.at(stored));
            m_order.append(stored); // shown at the end until placed
            m_position.append(int(m_order.size()) - 1);
            affected.append(stored);
        }
        endInsertRows();
        st.inserted = int(fresh.size());
    }
    placeSorted(affected);
    m_duplicates += st.replaced;
    m_rejected += st.rejected;
    if (st.replaced || st.rejected)
        emit countsChanged();
    return st;
}

void AppSegmentTableModel::reserveRows(qsizetype n)
{
    m_rows.reserve(n);
    m_search.reserve(n);
    m_order.reserve(n);
    m_position.reserve(n);
    m_index.reserve(n);
}

void AppSegmentTableModel::setSearchText(int stored, const AppSegment &s)
{
    // A replaced row's old text stays in the buffer as garbage (rare: duplicates, edits).
    const qsizetype at = m_searchArena.size();
    AppSegmentFilter::appendSearchText(s, m_searchArena);
    m_search[stored] = {at, m_searchArena.size() - at};
}

bool AppSegmentTableModel::upsert(const AppSegment &segment)
{
    return !segment.id().isEmpty() && appendRows({segment}).rejected == 0;
}

bool AppSegmentTableModel::removeById(const QString &id)
{
    const auto it = m_index.constFind(id);
    if (it == m_index.cend())
        return false;
    const int stored = it.value();
    const int row = m_position.at(stored);
    beginRemoveRows({}, row, row);
    m_rows.removeAt(stored);
    m_search.removeAt(stored);
    m_index.remove(id);
    for (auto i = m_index.begin(); i != m_index.end(); ++i)
        if (i.value() > stored)
            --i.value();
    m_order.removeAt(row);
    for (int &s : m_order)
        if (s > stored)
            --s;
    rebuildPositions();
    endRemoveRows();
    return true;
}

void AppSegmentTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_search.clear();
    m_searchArena.clear();
    m_index.clear();
    m_order.clear();
    m_position.clear();
    endResetModel();
    m_totalExpected = -1;
    m_duplicates = 0;
    m_rejected = 0;
    emit countsChanged();
}

void AppSegmentTableModel::setTotalExpected(qint64 n)
{
    if (n == m_totalExpected)
        return;
    m_totalExpected = n;
    if (n > m_rows.capacity())
        reserveRows(std::min<qint64>(n, 1'000'000));
    emit countsChanged();
}

int AppSegmentTableModel::rowOf(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? -1 : m_position.at(it.value());
}

const AppSegment *AppSegmentTableModel::segmentById(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_rows.at(it.value());
}

} // namespace zc
