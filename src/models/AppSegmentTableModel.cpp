#include "models/AppSegmentTableModel.h"

#include "core/AppSegmentFilter.h"
#include "models/ModelRoles.h"

#include <QLocale>
#include <QDateTime>


namespace zc {


AppSegmentTableModel::AppSegmentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AppSegmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
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
    const AppSegment &s = segmentAt(index.row());
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case FilterRole:
        switch (col) {
        case Name: return s.name();
        case Enabled: return s.enabled() ? tr("Enabled") : tr("Disabled");
        case Domains: return s.domainsText();
        case TcpPorts: return portsText(s.tcpPorts());
        case UdpPorts: return portsText(s.udpPorts());
        case SegmentGroup: return s.segmentGroupName().isEmpty() ? s.segmentGroupId() : s.segmentGroupName();
        case ServerGroups: return s.serverGroupsText();
        case Microtenant: return s.microtenantDisplay();
        case Modified:
            if (role == FilterRole)
                return QString();
            return s.modifiedSecs() >= 0 ? QLocale().toString(s.modifiedAt().toLocalTime(), QLocale::ShortFormat)
                                         : s.modifiedTime();
        case Id: return s.id();
        }
        break;
    case SortRole:
        switch (col) {
        case Name: return s.name().toCaseFolded();
        case Enabled: return s.enabled() ? 1 : 0;
        case Domains: return QString::fromUtf8(s.firstDomainUtf8()).toCaseFolded();
        case TcpPorts:
        case UdpPorts: {
            const PortRangeList p = col == TcpPorts ? s.tcpPorts() : s.udpPorts();
            return p.isEmpty() ? 65536 * 65536LL : qint64(p.first().from) * 65536 + p.first().to;
        }
        case SegmentGroup:
            return (s.segmentGroupName().isEmpty() ? s.segmentGroupId() : s.segmentGroupName()).toCaseFolded();
        case ServerGroups: return s.serverGroupsText().toCaseFolded();
        case Microtenant: return s.microtenantDisplay().toCaseFolded();
        case Modified: return s.modifiedSecs() >= 0 ? QVariant(s.modifiedAt()) : QVariant(QDateTime());
        case Id: return s.id().toULongLong();
        }
        break;
    case IdRole: return s.id();
    case JsonRole: return s.toJson();
    case Qt::ToolTipRole:
        switch (col) {
        case Name: {
            const QString d = s.description();
            return d.isEmpty() ? QVariant() : QVariant(d.left(2000));
        }
        case Domains: {
            const QStringList all = s.domainNames();
            QStringList shown = all.mid(0, 40);
            if (all.size() > 40)
                shown << tr("… and %n more", nullptr, int(all.size() - 40));
            return shown.join(QLatin1Char('\n'));
        }
        case Modified: {
            const QDateTime created = s.createdAt();
            return tr("Modified %1 by %2; created %3")
                .arg(s.modifiedSecs() >= 0 ? s.modifiedAt().toString(Qt::ISODate) : s.modifiedTime(),
                     s.modifiedBy().isEmpty() ? tr("unknown") : s.modifiedBy(),
                     created.isValid() ? created.toString(Qt::ISODate) : s.creationTime());
        }
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

} // namespace zc
