#include "models/AppSegmentTableModel.h"

#include "core/AppSegmentFilter.h"
#include "models/ModelRoles.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace zc {

namespace {

int compareText(const QString &a, const QString &b)
{
    return QString::compare(a, b, Qt::CaseInsensitive);
}

// Ids are decimal numbers of up to 20 digits: shorter is smaller, then digit by digit.
int compareIds(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return QString::compare(a, b, Qt::CaseSensitive);
}

int comparePorts(const PortRangeList &a, const PortRangeList &b)
{
    // Segments without ports of that protocol sort last.
    if (a.isEmpty() != b.isEmpty())
        return a.isEmpty() ? 1 : -1;
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (a.at(i).from != b.at(i).from)
            return a.at(i).from < b.at(i).from ? -1 : 1;
        if (a.at(i).to != b.at(i).to)
            return a.at(i).to < b.at(i).to ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int compareFirst(const QStringList &a, const QStringList &b)
{
    const int c = compareText(a.value(0), b.value(0));
    if (c != 0)
        return c;
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int compareGroups(const QList<ZpaRef> &a, const QList<ZpaRef> &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const ZpaRef &x = a.at(i);
        const ZpaRef &y = b.at(i);
        const int c = compareText(x.name.isEmpty() ? x.id : x.name, y.name.isEmpty() ? y.id : y.name);
        if (c != 0)
            return c;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

qint64 secsOf(const AppSegment &s)
{
    return s.modifiedAt.isValid() ? s.modifiedAt.toSecsSinceEpoch() : -1;
}

} // namespace

AppSegmentTableModel::AppSegmentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AppSegmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AppSegmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AppSegmentTableModel::portsText(const PortRangeList &ranges)
{
    return ports::toText(ranges);
}

QVariant AppSegmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AppSegment &s = m_rows.at(index.row());
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case FilterRole:
        switch (col) {
        case Name: return s.name;
        case Enabled: return s.enabled ? tr("Enabled") : tr("Disabled");
        case Domains: return s.domainsText();
        case TcpPorts: return portsText(s.tcpPorts);
        case UdpPorts: return portsText(s.udpPorts);
        case SegmentGroup: return s.segmentGroupName.isEmpty() ? s.segmentGroupId : s.segmentGroupName;
        case ServerGroups: return s.serverGroupsText();
        case Microtenant: return s.microtenantDisplay();
        case Modified:
            if (role == FilterRole)
                return QString();
            return s.modifiedAt.isValid() ? QLocale().toString(s.modifiedAt.toLocalTime(), QLocale::ShortFormat)
                                          : s.modifiedTime;
        case Id: return s.id;
        }
        break;
    case SortRole:
        switch (col) {
        case Name: return s.name.toCaseFolded();
        case Enabled: return s.enabled ? 1 : 0;
        case Domains: return s.domainNames.value(0).toCaseFolded();
        case TcpPorts: return s.tcpPorts.isEmpty() ? 65536 * 65536LL : qint64(s.tcpPorts.first().from) * 65536 + s.tcpPorts.first().to;
        case UdpPorts: return s.udpPorts.isEmpty() ? 65536 * 65536LL : qint64(s.udpPorts.first().from) * 65536 + s.udpPorts.first().to;
        case SegmentGroup: return (s.segmentGroupName.isEmpty() ? s.segmentGroupId : s.segmentGroupName).toCaseFolded();
        case ServerGroups: return s.serverGroupsText().toCaseFolded();
        case Microtenant: return s.microtenantDisplay().toCaseFolded();
        case Modified: return s.modifiedAt;
        case Id: return s.id.toULongLong();
        }
        break;
    case IdRole: return s.id;
    case JsonRole: return s.toJson();
    case Qt::ToolTipRole:
        switch (col) {
        case Name: return s.description.isEmpty() ? QVariant() : QVariant(s.description.left(2000));
        case Domains: {
            QStringList shown = s.domainNames.mid(0, 40);
            if (s.domainNames.size() > 40)
                shown << tr("… and %n more", nullptr, int(s.domainNames.size() - 40));
            return shown.join(QLatin1Char('\n'));
        }
        case Modified:
            return tr("Modified %1 by %2; created %3")
                .arg(s.modifiedAt.isValid() ? s.modifiedAt.toString(Qt::ISODate) : s.modifiedTime,
                     s.modifiedBy.isEmpty() ? tr("unknown") : s.modifiedBy,
                     s.createdAt.isValid() ? s.createdAt.toString(Qt::ISODate) : s.creationTime);
        default: break;
        }
        break;
    default: break;
    }
    return {};
}

QVariant AppSegmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Enabled: return tr("Status");
    case Domains: return tr("Domains");
    case TcpPorts: return tr("TCP ports");
    case UdpPorts: return tr("UDP ports");
    case SegmentGroup: return tr("Segment group");
    case ServerGroups: return tr("Server groups");
    case Microtenant: return tr("Microtenant");
    case Modified: return tr("Modified");
    case Id: return tr("ID");
    }
    return {};
}

AppSegmentTableModel::AppendStats AppSegmentTableModel::appendRows(const QList<AppSegment> &segments)
{
    AppendStats st;
    QList<AppSegment> fresh;
    QHash<QString, qsizetype> freshIndex; // id → position in `fresh` (duplicates within the batch)
    fresh.reserve(segments.size());
    int firstChanged = INT_MAX;
    int lastChanged = -1;
    for (const AppSegment &s : segments) {
        if (s.id.isEmpty()) {
            ++st.rejected;
            continue;
        }
        const auto existing = m_index.constFind(s.id);
        if (existing != m_index.cend()) {
            const int row = existing.value();
            m_rows[row] = s;
            m_search[row] = AppSegmentFilter::searchText(s);
            firstChanged = std::min(firstChanged, row);
            lastChanged = std::max(lastChanged, row);
            ++st.replaced;
            continue;
        }
        const auto pending = freshIndex.constFind(s.id);
        if (pending != freshIndex.cend()) {
            fresh[pending.value()] = s;
            ++st.replaced;
            continue;
        }
        freshIndex.insert(s.id, fresh.size());
        fresh.append(s);
    }
    if (lastChanged >= 0) {
        rowsChanged();
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    }
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_rows.reserve(first + fresh.size());
        m_search.reserve(first + fresh.size());
        m_index.reserve(first + fresh.size());
        for (AppSegment &s : fresh) {
            m_index.insert(s.id, int(m_rows.size()));
            m_search.append(AppSegmentFilter::searchText(s));
            m_rows.append(std::move(s));
        }
        rowsChanged();
        endInsertRows();
        st.inserted = int(fresh.size());
    }
    m_duplicates += st.replaced;
    m_rejected += st.rejected;
    if (st.replaced || st.rejected)
        emit countsChanged();
    return st;
}

bool AppSegmentTableModel::upsert(const AppSegment &segment)
{
    if (segment.id.isEmpty())
        return false;
    const int row = rowOf(segment.id);
    if (row < 0) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_index.insert(segment.id, at);
        m_search.append(AppSegmentFilter::searchText(segment));
        m_rows.append(segment);
        rowsChanged();
        endInsertRows();
        return true;
    }
    m_rows[row] = segment;
    m_search[row] = AppSegmentFilter::searchText(segment);
    rowsChanged();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

bool AppSegmentTableModel::removeById(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_search.removeAt(row);
    m_index.remove(id);
    for (int i = row; i < m_rows.size(); ++i)
        m_index[m_rows.at(i).id] = i;
    rowsChanged();
    endRemoveRows();
    return true;
}

void AppSegmentTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_search.clear();
    m_index.clear();
    m_rank.clear();
    rowsChanged();
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
    emit countsChanged();
}

const AppSegment *AppSegmentTableModel::segmentById(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

bool AppSegmentTableModel::directLess(int column, int l, int r) const
{
    const AppSegment &a = m_rows.at(l);
    const AppSegment &b = m_rows.at(r);
    int c = 0;
    switch (column) {
    case Name: c = compareText(a.name, b.name); break;
    case Enabled: c = int(a.enabled) - int(b.enabled); break;
    case Domains: c = compareFirst(a.domainNames, b.domainNames); break;
    case TcpPorts: c = comparePorts(a.tcpPorts, b.tcpPorts); break;
    case UdpPorts: c = comparePorts(a.udpPorts, b.udpPorts); break;
    case SegmentGroup:
        c = compareText(a.segmentGroupName.isEmpty() ? a.segmentGroupId : a.segmentGroupName,
                        b.segmentGroupName.isEmpty() ? b.segmentGroupId : b.segmentGroupName);
        break;
    case ServerGroups: c = compareGroups(a.serverGroups, b.serverGroups); break;
    case Microtenant:
        c = compareText(a.microtenantName, b.microtenantName);
        if (c == 0)
            c = compareIds(a.microtenantKey(), b.microtenantKey());
        break;
    case Modified: {
        const qint64 x = secsOf(a);
        const qint64 y = secsOf(b);
        c = x == y ? 0 : (x < y ? -1 : 1);
        break;
    }
    default: break;
    }
    if (c != 0)
        return c < 0;
    return compareIds(a.id, b.id) < 0;
}

bool AppSegmentTableModel::lessThan(int column, int leftRow, int rightRow) const
{
    if (column == m_rankColumn && m_rank.size() == m_rows.size())
        return m_rank.at(leftRow) < m_rank.at(rightRow);
    return directLess(column, leftRow, rightRow);
}

void AppSegmentTableModel::prepareSort(int column)
{
    if (column < 0 || column >= ColumnCount || (column == m_rankColumn && m_rank.size() == m_rows.size()))
        return;
    QList<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this, column](int l, int r) { return directLess(column, l, r); });
    m_rank.resize(order.size());
    for (int i = 0; i < order.size(); ++i)
        m_rank[order.at(i)] = i;
    m_rankColumn = column;
}

} // namespace zc
