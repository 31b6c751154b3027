#include "models/SaasIncidentModel.h"

#include <QColor>
#include <QLocale>

namespace zc {

namespace {
int severityRank(const QString &s)
{
    const QString v = s.toLower();
    return v == QLatin1String("critical") ? 4 : v == QLatin1String("high") ? 3 : v == QLatin1String("medium") ? 2
                                                                       : v == QLatin1String("low")      ? 1
                                                                                                        : 0;
}
} // namespace

void SaasIncidentModel::setIncidents(const QList<SaasIncident> &incidents)
{
    beginResetModel();
    m_rows = incidents;
    endResetModel();
}

int SaasIncidentModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int SaasIncidentModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SaasIncidentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SaasIncident &i = m_rows.at(index.row());
    const int col = index.column();
    if (role == Qt::DisplayRole || role == Qt::UserRole || role == Qt::ToolTipRole) {
        const bool raw = role == Qt::UserRole;
        switch (col) {
        case Id: return raw ? QVariant(i.id.toLongLong()) : QVariant(i.id);
        case Severity: return raw ? QVariant(severityRank(i.severity)) : QVariant(i.severity);
        case State: return i.state;
        case Status: return i.status;
        case App: return i.appName.isEmpty() ? i.appId : i.appName;
        case Asset: return i.assetName;
        case Owner: return i.assetOwner;
        case Exposure: return i.exposureLevel;
        case Created:
            return raw ? QVariant(i.createdAt) : QVariant(QLocale().toString(i.createdAt.toLocalTime(), QLocale::ShortFormat));
        case Updated:
            return raw ? QVariant(i.updatedAt) : QVariant(QLocale().toString(i.updatedAt.toLocalTime(), QLocale::ShortFormat));
        }
    }
    if (role == Qt::ForegroundRole && col == Severity) {
        switch (severityRank(i.severity)) {
        case 4: return QColor(0x7f, 0x1d, 0x1d);
        case 3: return QColor(0xc6, 0x28, 0x28);
        case 2: return QColor(0xd9, 0x77, 0x06);
        default: break;
        }
    }
    return {};
}

QVariant SaasIncidentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("Incident");
    case Severity: return tr("Severity");
    case State: return tr("State");
    case Status: return tr("Status");
    case App: return tr("App");
    case Asset: return tr("Asset");
    case Owner: return tr("Owner");
    case Exposure: return tr("Exposure");
    case Created: return tr("Created");
    case Updated: return tr("Updated");
    }
    return {};
}

} // namespace zc
