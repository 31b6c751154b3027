#include "models/ZidInventoryModel.h"

#include "models/ModelRoles.h"

#include <QHash>
#include <QLocale>
#include <algorithm>
#include <limits>

namespace zc {

namespace {
constexpr int NoExpiry = std::numeric_limits<int>::max();

bool isOneApi(AuthKind kind) { return kind == AuthKind::OneApiSecret || kind == AuthKind::OneApiJwt; }

QString dash() { return QStringLiteral("—"); }
} // namespace

ZidInventoryModel::ZidInventoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ZidInventoryModel::setData(const QList<ApiClient> &profiles, const QList<ZidApiClient> &remote,
                                const QDateTime &now, const QHash<QString, QString> &seen)
{
    QList<Row> rows;
    rows.reserve(remote.size() + profiles.size());
    // The first oneapi-* profile of a client id is its link (as ZidentityService::profileFor).
    QHash<QString, int> profileOfClient;
    for (int i = 0; i < profiles.size(); ++i)
        if (isOneApi(profiles[i].kind) && !profiles[i].clientId.isEmpty() && !profileOfClient.contains(profiles[i].clientId))
            profileOfClient.insert(profiles[i].clientId, i);
    QList<bool> used(profiles.size(), false);
    for (const ZidApiClient &c : remote) {
        Row r;
        r.hasRemote = true;
        r.remote = c;
        for (ZidSecret &s : r.remote.secrets)
            s.value.clear(); // never kept, whatever the caller passed
        r.remote.raw = {};
        if (auto it = profileOfClient.constFind(c.id); it != profileOfClient.cend()) {
            r.hasProfile = true;
            r.profile = profiles[*it];
            used[*it] = true;
            const QString before = seen.value(r.profile.id);
            r.remoteChanged = !before.isEmpty() && before != c.settingsFingerprint();
        }
        if (const ZidSecret *s = r.remote.earliestExpiry())
            r.nextExpiry = s->expiresAt;
        else if (r.hasProfile)
            r.nextExpiry = r.profile.secretExpiresAt;
        rows << r;
    }
    for (int i = 0; i < profiles.size(); ++i) {
        if (used[i] || !isOneApi(profiles[i].kind))
            continue;
        Row r;
        r.hasProfile = true;
        r.profile = profiles[i];
        r.nextExpiry = profiles[i].secretExpiresAt;
        rows << r;
    }
    for (Row &r : rows) {
        ZidSecret s;
        s.expiresAt = r.nextExpiry;
        r.daysLeft = r.nextExpiry.isValid() ? s.daysLeft(now) : NoExpiry;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ZidInventoryModel::setPalette(const Palette &palette)
{
    m_palette = palette;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, DaysLeft), index(int(m_rows.size()) - 1, DaysLeft),
                         {Qt::ForegroundRole, Qt::BackgroundRole});
}

void ZidInventoryModel::setLifetimeUnit(ZidLifetime::Unit unit)
{
    m_unit = unit;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Lifetime), index(int(m_rows.size()) - 1, Lifetime));
}

ZidInventoryModel::Band ZidInventoryModel::bandOf(int daysLeft)
{
    if (daysLeft == NoExpiry)
        return Band::None;
    if (daysLeft < 0)
        return Band::Expired;
    if (daysLeft < WeekDays)
        return Band::Week;
    if (daysLeft < MonthDays)
        return Band::Month;
    return Band::None;
}

QString ZidInventoryModel::linkName(Link link)
{
    switch (link) {
    case Link::Linked: return tr("linked");
    case Link::RemoteOnly: return tr("remote only");
    case Link::LocalOnly: return tr("local only");
    }
    return {};
}

int ZidInventoryModel::rowOfRemote(const QString &clientId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].hasRemote && m_rows[i].remote.id == clientId)
            return i;
    return -1;
}

int ZidInventoryModel::rowOfProfile(const QString &profileId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].hasProfile && m_rows[i].profile.id == profileId)
            return i;
    return -1;
}

int ZidInventoryModel::countOf(Link link) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [link](const Row &r) { return r.link() == link; }));
}

int ZidInventoryModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ZidInventoryModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ZidInventoryModel::display(const Row &r, int column) const
{
    const ZidApiClient &c = r.remote;
    switch (column) {
    case Name: return r.hasRemote ? c.name : r.profile.name;
    case ClientId: return r.hasRemote ? c.id : r.profile.clientId;
    case Profile: return r.hasProfile ? r.profile.name : dash();
    case Status:
        if (!r.hasRemote)
            return dash();
        return c.status ? tr("enabled") : tr("disabled");
    case AuthType:
        if (!r.hasRemote)
            return r.profile.kind == AuthKind::OneApiJwt ? tr("private key (local)") : tr("secret (local)");
        return c.authType.isEmpty() ? dash() : c.authType;
    case Lifetime: {
        const int minutes = r.hasRemote ? ZidLifetime::toMinutes(c.accessTokenLifeTime, m_unit) : 0;
        return minutes > 0 ? tr("%1 min").arg(minutes) : dash();
    }
    case Resources: {
        QStringList names;
        for (const ZidResource &res : c.resources)
            names << res.name;
        return names.isEmpty() ? dash() : names.join(QStringLiteral(", "));
    }
    case Secrets:
        if (!r.hasRemote || (!c.authType.isEmpty() && c.authType != zidAuth::Secret))
            return dash();
        return QString::number(c.secrets.size());
    case NextExpiry:
        return r.nextExpiry.isValid() ? QLocale().toString(r.nextExpiry.toLocalTime().date(), QLocale::ShortFormat) : dash();
    case DaysLeft:
        if (r.daysLeft == NoExpiry)
            return dash();
        return r.daysLeft < 0 ? tr("expired") : QString::number(r.daysLeft);
    case Keychain:
        if (!r.hasProfile)
            return dash();
        return r.profile.allSecretsSet() ? tr("stored") : tr("missing");
    case SyncState: return r.remoteChanged ? tr("remote changed") : linkName(r.link());
    }
    return {};
}

QVariant ZidInventoryModel::sortValue(const Row &r, int column) const
{
    switch (column) {
    case DaysLeft: return r.daysLeft;
    case NextExpiry: return r.nextExpiry.isValid() ? r.nextExpiry.toSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    case Lifetime: return r.hasRemote ? r.remote.accessTokenLifeTime : 0;
    case Secrets: return r.hasRemote ? int(r.remote.secrets.size()) : -1;
    default: return display(r, column).toString().toCaseFolded();
    }
}

QVariant ZidInventoryModel::toolTip(const Row &r, int column) const
{
    switch (column) {
    case Name:
        return r.hasRemote && !r.remote.description.isEmpty() ? QVariant(r.remote.description.left(2000)) : QVariant();
    case Resources: {
        QStringList lines;
        for (const ZidResource &res : r.remote.resources) {
            QStringList scopes;
            for (const ZidScope &s : res.scopes)
                scopes << s.name;
            lines << (scopes.isEmpty() ? res.name : tr("%1: %2").arg(res.name, scopes.join(QStringLiteral(", "))));
        }
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    case NextExpiry:
        return r.nextExpiry.isValid() ? QVariant(QLocale().toString(r.nextExpiry.toLocalTime(), QLocale::LongFormat)) : QVariant();
    case Keychain:
        if (!r.hasProfile)
            return tr("No local profile uses this client");
        return r.profile.allSecretsSet() ? tr("The profile's secret is in the OS keychain")
                                         : tr("The profile has no secret stored yet");
    case SyncState:
        if (r.remoteChanged)
            return tr("The client's settings (name, status, lifetime, authentication or resources) changed on the "
                      "server since profile “%1” last saw them: check them, then mark the change as seen").arg(r.profile.name);
        switch (r.link()) {
        case Link::Linked: return tr("Profile “%1” uses this client").arg(r.profile.name);
        case Link::RemoteOnly: return tr("On the server; no local profile uses it");
        case Link::LocalOnly: return tr("Local profile whose client id is not in the synced inventory");
        }
        break;
    default: break;
    }
    return {};
}

QVariant ZidInventoryModel::colour(const Row &r, int role) const
{
    switch (bandOf(r.daysLeft)) {
    case Band::Expired:
        return role == Qt::BackgroundRole ? m_palette.expiredBackground : m_palette.expiredText;
    case Band::Week:
        return role == Qt::ForegroundRole ? QVariant(m_palette.weekText) : QVariant();
    case Band::Month:
        return role == Qt::ForegroundRole ? QVariant(m_palette.monthText) : QVariant();
    case Band::None: break;
    }
    return {};
}

QVariant ZidInventoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(r, col);
    case FilterRole:
        // People look clients up by name, id or profile.
        return col == Name || col == ClientId || col == Profile ? display(r, col) : QVariant(QString());
    case SortRole: return sortValue(r, col);
    case IdRole: return r.hasRemote ? r.remote.id : r.profile.id;
    case LinkRole: return int(r.link());
    case BandRole: return int(bandOf(r.daysLeft));
    case ProfileIdRole: return r.hasProfile ? r.profile.id : QString();
    case RemoteIdRole: return r.hasRemote ? r.remote.id : QString();
    case Qt::ToolTipRole: return toolTip(r, col);
    case Qt::ForegroundRole:
    case Qt::BackgroundRole: return col == DaysLeft ? colour(r, role) : QVariant();
    case Qt::TextAlignmentRole:
        return col == DaysLeft || col == Secrets || col == Lifetime ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                                   : QVariant();
    default: break;
    }
    return {};
}

QVariant ZidInventoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case ClientId: return tr("Client id");
    case Profile: return tr("Local profile");
    case Status: return tr("Status");
    case AuthType: return tr("Auth type");
    case Lifetime: return tr("Token lifetime");
    case Resources: return tr("Resources");
    case Secrets: return tr("Secrets");
    case NextExpiry: return tr("Next expiry");
    case DaysLeft: return tr("Days left");
    case Keychain: return tr("Keychain");
    case SyncState: return tr("Sync state");
    }
    return {};
}

} // namespace zc
