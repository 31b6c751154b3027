#include "models/ApiClientTableModel.h"

#include "core/TenantDirectory.h"
#include "core/TokenStatusSource.h"
#include "models/ModelRoles.h"

#include <QLocale>
#include <limits>

namespace zc {

ApiClientTableModel::ApiClientTableModel(TenantDirectory *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_rows(store->clients())
{
    connect(store, &TenantDirectory::reset, this, &ApiClientTableModel::reload);
    connect(store, &TenantDirectory::clientInserted, this, [this](int i) {
        beginInsertRows({}, i, i);
        m_rows.insert(i, m_store->clients().at(i));
        endInsertRows();
    });
    connect(store, &TenantDirectory::clientChanged, this, [this](int i) {
        m_rows[i] = m_store->clients().at(i);
        emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
    });
    connect(store, &TenantDirectory::clientRemoved, this, [this](int i, const QString &) {
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    });
    connect(store, &TenantDirectory::tenantChanged, this, [this](int) {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, Tenant), index(int(m_rows.size()) - 1, Tenant));
    });
}

void ApiClientTableModel::setTokenSource(TokenStatusSource *source)
{
    if (m_tokens)
        disconnect(m_tokens, nullptr, this, nullptr);
    m_tokens = source;
    if (source) {
        connect(source, &TokenStatusSource::statusChanged, this, [this](const QString &id) {
            const int row = rowOf(id);
            if (row >= 0)
                emit dataChanged(index(row, State), index(row, LastError));
        });
        connect(source, &TokenStatusSource::tick, this, [this] {
            if (!m_rows.isEmpty())
                emit dataChanged(index(0, ExpiresIn), index(int(m_rows.size()) - 1, ExpiresIn),
                                 {Qt::DisplayRole});
        });
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, State), index(int(m_rows.size()) - 1, LastError));
}

QVariant ApiClientTableModel::tokenData(const ApiClient &c, int column, int role) const
{
    if (!m_tokens)
        return role == SortRole ? QVariant(QString()) : QVariant();
    const TokenStatus s = m_tokens->status(c.id);
    switch (column) {
    case State:
        if (role == SortRole)
            return int(s.state);
        if (role == Qt::ToolTipRole && s.fetching)
            return tr("A token request is running");
        if (role == Qt::ToolTipRole)
            return expirySourceName(s.source);
        return QString(tokenStateName(s.state) + (s.fetching ? QStringLiteral(" …") : QString()));
    case ExpiresIn:
        if (role == SortRole)
            return s.expiresMs == 0 ? std::numeric_limits<qint64>::max() : m_tokens->remainingMs(c.id);
        if (role == Qt::ToolTipRole)
            return s.expiresUtc.isValid() ? QLocale().toString(s.expiresUtc.toLocalTime(), QLocale::LongFormat) : QVariant();
        return m_tokens->countdown(c.id);
    case LastError:
        if (role == Qt::ToolTipRole)
            return s.lastError.isError() ? s.lastError.toString() : QVariant();
        return s.lastError.isError() ? s.lastError.message : QString();
    }
    return {};
}

void ApiClientTableModel::reload()
{
    beginResetModel();
    m_rows = m_store->clients();
    endResetModel();
}

int ApiClientTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return i;
    return -1;
}

QString ApiClientTableModel::tenantName(const QString &tenantId) const
{
    const zc::Tenant *t = m_store->tenant(tenantId);
    return t ? t->name : QString();
}

QString ApiClientTableModel::secretSummary(const ApiClient &c)
{
    QStringList parts;
    for (auto f : c.secretFields())
        parts << (c.hasSecret(f) ? tr("%1 stored").arg(secretFieldName(f))
                                 : tr("%1 missing").arg(secretFieldName(f)));
    return parts.join(QStringLiteral(" · "));
}

int ApiClientTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApiClientTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiClientTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiClient &c = m_rows.at(index.row());
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case FilterRole:
        switch (col) {
        case Name: return c.name;
        case Tenant: return tenantName(c.tenantId);
        case Kind: return c.info().name;
        case Identity: return c.kind == AuthKind::ZiaLegacy ? c.username : c.clientId;
        case Secrets: return secretSummary(c);
        case Endpoint:
            if (!c.baseUrl.isEmpty())
                return c.baseUrl;
            if (!c.region.isEmpty())
                return c.region;
            return c.scope;
        case Modified:
            if (role == FilterRole)
                return QString(); // dates are not what people filter by
            return QLocale().toString(c.modified.toLocalTime(), QLocale::ShortFormat);
        case State:
        case ExpiresIn:
        case LastError: return tokenData(c, col, Qt::DisplayRole);
        }
        break;
    case SortRole:
        if (col == Modified)
            return c.modified;
        if (col >= State)
            return tokenData(c, col, SortRole);
        return data(index, Qt::DisplayRole).toString().toCaseFolded();
    case IdRole: return c.id;
    case Qt::ToolTipRole:
        if (col == Kind)
            return c.info().label;
        if (col == Secrets)
            return c.allSecretsSet() ? tr("All secrets are in the OS keychain")
                                     : tr("Some secrets are not stored yet");
        if (col == Name && !c.notes.isEmpty())
            return c.notes.left(2000);
        if (col >= State)
            return tokenData(c, col, Qt::ToolTipRole);
        break;
    default: break;
    }
    return {};
}

QVariant ApiClientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Tenant: return tr("Tenant");
    case Kind: return tr("Kind");
    case Identity: return tr("Client id / user");
    case Secrets: return tr("Secrets");
    case Endpoint: return tr("Region / scope / base URL");
    case Modified: return tr("Modified");
    case State: return tr("State");
    case ExpiresIn: return tr("Expires in");
    case LastError: return tr("Last error");
    }
    return {};
}

} // namespace zc
