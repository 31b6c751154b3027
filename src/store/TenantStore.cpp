#include "store/TenantStore.h"

#include "core/Ids.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcStore, "zconsole.store")

namespace zc {

namespace {
constexpr qint64 MaxConfigBytes = 64 * 1024 * 1024;
const QString FileName = QStringLiteral("config.json");

QByteArray readAll(const QString &path, bool *exists, QString *error)
{
    QFile f(path);
    *exists = f.exists();
    if (!*exists)
        return {};
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    if (f.size() > MaxConfigBytes) {
        *error = QObject::tr("file is larger than 64 MB");
        return {};
    }
    return f.readAll();
}
} // namespace

StoreResult StoreResult::failure(ErrorKind kind, const QString &message)
{
    StoreResult r;
    r.ok = false;
    r.error = ApiError::make(kind, message);
    return r;
}

StoreResult StoreResult::invalid(const ValidationIssues &issues)
{
    StoreResult r;
    r.ok = false;
    r.issues = issues;
    r.error = ApiError::make(ErrorKind::Usage, joinIssues(issues));
    return r;
}

QString StoreResult::message() const { return ok ? QString() : error.message; }

QString TenantStore::defaultConfigDir()
{
    const QString env = qEnvironmentVariable("ZCONSOLE_CONFIG_DIR");
    if (!env.isEmpty())
        return env;
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return base + QStringLiteral("/zconsole");
}

TenantStore::TenantStore(const QString &configDir, QObject *parent)
    : TenantDirectory(parent)
    , m_dir(configDir)
{
}

QString TenantStore::configPath() const { return m_dir + QLatin1Char('/') + FileName; }

bool TenantStore::load()
{
    m_warnings.clear();
    m_readOnlyReason.clear();
    m_tenants.clear();
    m_clients.clear();
    QString error;
    const QByteArray bytes = readAll(configPath(), &m_fileExisted, &error);
    m_lastDiskBytes = bytes;
    if (!error.isEmpty()) {
        m_readOnlyReason = tr("Cannot read %1 (%2). Changes are disabled so that the file is not "
                              "overwritten; fix its permissions and restart.")
                               .arg(configPath(), error);
        m_warnings << m_readOnlyReason;
        qCWarning(lcStore).noquote() << m_readOnlyReason;
        return false;
    }
    if (!m_fileExisted)
        return true;
    if (!parse(bytes, &error)) {
        keepCorruptCopy(error);
        return false;
    }
    return true;
}

void TenantStore::keepCorruptCopy(const QString &reason)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString backup = configPath() + QStringLiteral(".corrupt-") + stamp;
    for (int i = 1; QFile::exists(backup); ++i)
        backup = configPath() + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(i);
    if (QFile::copy(configPath(), backup)) {
        QFile::setPermissions(backup, QFile::ReadOwner | QFile::WriteOwner);
        m_warnings << tr("The configuration file %1 could not be read completely (%2). It was kept "
                         "as %3; zconsole started with what could be recovered.")
                          .arg(configPath(), reason, backup);
    } else {
        m_readOnlyReason = tr("The configuration file %1 is damaged (%2) and could not be backed "
                              "up; changes are disabled so that it is not overwritten.")
                               .arg(configPath(), reason);
        m_warnings << m_readOnlyReason;
    }
    qCWarning(lcStore).noquote() << m_warnings.constLast();
}

bool TenantStore::parse(const QByteArray &bytes, QString *error)
{
    m_tenants.clear();
    m_clients.clear();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = tr("invalid JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = tr("the top level is not a JSON object");
        return false;
    }
    const QJsonObject root = doc.object();
    const QJsonValue ver = root.value(QStringLiteral("schemaVersion"));
    if (!ver.isDouble()) {
        *error = tr("schemaVersion is missing");
        return false;
    }
    if (ver.toInt() > SchemaVersion) {
        m_readOnlyReason = tr("%1 was written by a newer zconsole (schema %2, this one reads %3); "
                              "changes are disabled so that it is not downgraded.")
                               .arg(configPath())
                               .arg(ver.toInt())
                               .arg(SchemaVersion);
        m_warnings << m_readOnlyReason;
    }
    QStringList dropped;
    QSet<QString> tenantIds, tenantNames, clientIds, clientNames;
    for (const QJsonValue &v : root.value(QStringLiteral("tenants")).toArray()) {
        const Tenant t = Tenant::fromJson(v.toObject());
        if (!v.isObject() || !isStableId(t.id) || tenantIds.contains(t.id)
            || t.name.trimmed().isEmpty() || tenantNames.contains(t.name.toCaseFolded())) {
            dropped << tr("tenant \"%1\"").arg(t.name.isEmpty() ? t.id : t.name);
            continue;
        }
        tenantIds.insert(t.id);
        tenantNames.insert(t.name.toCaseFolded());
        m_tenants.append(t);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("clients")).toArray()) {
        const ApiClient c = ApiClient::fromJson(v.toObject());
        if (!v.isObject() || !isStableId(c.id) || clientIds.contains(c.id)
            || !tenantIds.contains(c.tenantId) || c.name.trimmed().isEmpty()
            || clientNames.contains(c.name.toCaseFolded())) {
            dropped << tr("client \"%1\"").arg(c.name.isEmpty() ? c.id : c.name);
            continue;
        }
        clientIds.insert(c.id);
        clientNames.insert(c.name.toCaseFolded());
        m_clients.append(c);
    }
    if (!dropped.isEmpty()) {
        *error = tr("unusable entries: %1").arg(dropped.join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

QByteArray TenantStore::serialize(const QList<Tenant> &tenants, const QList<ApiClient> &clients)
{
    QJsonArray ta, ca;
    for (const auto &t : tenants)
        ta.append(t.toJson());
    for (const auto &c : clients)
        ca.append(c.toJson());
    const QJsonObject root{{QStringLiteral("schemaVersion"), SchemaVersion},
                           {QStringLiteral("tenants"), ta},
                           {QStringLiteral("clients"), ca}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool TenantStore::save(const State &state, QString *error)
{
    if (!QDir().mkpath(m_dir)) {
        *error = tr("cannot create the folder %1").arg(m_dir);
        return false;
    }
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray bytes = serialize(state.tenants, state.clients);
    QSaveFile f(configPath());
    if (!f.open(QIODevice::WriteOnly)) {
        *error = f.errorString();
        return false;
    }
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (f.write(bytes) != bytes.size() || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    m_lastDiskBytes = bytes;
    m_fileExisted = true;
    return true;
}

bool TenantStore::diskChanged() const
{
    bool exists = false;
    QString error;
    const QByteArray now = readAll(configPath(), &exists, &error);
    if (!error.isEmpty())
        return false;
    return exists != m_fileExisted || now != m_lastDiskBytes;
}

void TenantStore::reloadIfChanged()
{
    if (!diskChanged())
        return;
    load();
    emit reset();
    for (const QString &w : std::as_const(m_warnings))
        emit warning(w);
}

StoreResult TenantStore::mutate(const std::function<StoreResult(State &)> &change)
{
    if (isReadOnly())
        return StoreResult::failure(ErrorKind::Config, m_readOnlyReason);
    if (!QDir().mkpath(m_dir))
        return StoreResult::failure(ErrorKind::Config, tr("Cannot create the folder %1").arg(m_dir));
    QLockFile lock(configPath() + QStringLiteral(".lock"));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(10000))
        return StoreResult::failure(ErrorKind::Config,
                                    tr("The configuration is locked by another zconsole process "
                                       "(%1.lock); try again.")
                                        .arg(configPath()));
    reloadIfChanged();
    if (isReadOnly())
        return StoreResult::failure(ErrorKind::Config, m_readOnlyReason);
    State s{m_tenants, m_clients, {}};
    StoreResult r = change(s);
    if (!r.ok)
        return r;
    QString error;
    if (!save(s, &error))
        return StoreResult::failure(ErrorKind::Config,
                                    tr("Cannot write %1: %2").arg(configPath(), error));
    m_tenants = s.tenants;
    m_clients = s.clients;
    for (const Event &e : std::as_const(s.events)) {
        switch (e.type) {
        case Event::TenantInserted: emit tenantInserted(e.index); break;
        case Event::TenantChanged: emit tenantChanged(e.index); break;
        case Event::TenantRemoved: emit tenantRemoved(e.index, e.id); break;
        case Event::ClientInserted: emit clientInserted(e.index); break;
        case Event::ClientChanged: emit clientChanged(e.index); break;
        case Event::ClientRemoved: emit clientRemoved(e.index, e.id); break;
        }
    }
    return r;
}

// ---- lookups ----

const Tenant *TenantStore::tenant(const QString &id) const
{
    for (const auto &t : m_tenants)
        if (t.id == id)
            return &t;
    return nullptr;
}

const Tenant *TenantStore::tenantByName(const QString &name) const
{
    for (const auto &t : m_tenants)
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return &t;
    return nullptr;
}

const Tenant *TenantStore::findTenant(const QString &nameOrId) const
{
    if (const Tenant *t = tenantByName(nameOrId))
        return t;
    return tenant(nameOrId);
}

const ApiClient *TenantStore::client(const QString &id) const
{
    for (const auto &c : m_clients)
        if (c.id == id)
            return &c;
    return nullptr;
}

const ApiClient *TenantStore::clientByName(const QString &name) const
{
    for (const auto &c : m_clients)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

const ApiClient *TenantStore::findClient(const QString &nameOrId) const
{
    if (const ApiClient *c = clientByName(nameOrId))
        return c;
    return client(nameOrId);
}

QList<ApiClient> TenantStore::clientsOf(const QString &tenantId) const
{
    QList<ApiClient> out;
    for (const auto &c : m_clients)
        if (c.tenantId == tenantId)
            out.append(c);
    return out;
}

int TenantStore::tenantIndex(const QString &id) const
{
    for (int i = 0; i < m_tenants.size(); ++i)
        if (m_tenants[i].id == id)
            return i;
    return -1;
}

int TenantStore::clientIndex(const QString &id) const
{
    for (int i = 0; i < m_clients.size(); ++i)
        if (m_clients[i].id == id)
            return i;
    return -1;
}

// ---- changes ----

ValidationIssues TenantStore::checkTenantUnique(const State &s, const Tenant &t)
{
    for (const auto &o : s.tenants)
        if (o.id != t.id && o.name.trimmed().compare(t.name.trimmed(), Qt::CaseInsensitive) == 0)
            return {{QStringLiteral("name"), tr("A tenant named \"%1\" already exists").arg(o.name)}};
    return {};
}

ValidationIssues TenantStore::checkClientUnique(const State &s, const ApiClient &c)
{
    for (const auto &o : s.clients)
        if (o.id != c.id && o.name.trimmed().compare(c.name.trimmed(), Qt::CaseInsensitive) == 0)
            return {{QStringLiteral("name"), tr("An API client named \"%1\" already exists").arg(o.name)}};
    return {};
}

namespace {
template <typename T> int indexOfId(const QList<T> &list, const QString &id)
{
    for (int i = 0; i < list.size(); ++i)
        if (list[i].id == id)
            return i;
    return -1;
}
} // namespace

StoreResult TenantStore::addTenant(Tenant tenant)
{
    return mutate([&](State &s) {
        tenant.name = tenant.name.trimmed();
        if (tenant.id.isEmpty())
            tenant.id = newTenantId();
        ValidationIssues issues = tenant.validate() + checkTenantUnique(s, tenant);
        if (indexOfId(s.tenants, tenant.id) >= 0)
            issues.append({QStringLiteral("id"), tr("Tenant id %1 is taken").arg(tenant.id)});
        if (!issues.isEmpty())
            return StoreResult::invalid(issues);
        tenant.created = tenant.modified = QDateTime::currentDateTimeUtc();
        s.tenants.append(tenant);
        s.events.append({Event::TenantInserted, int(s.tenants.size() - 1), tenant.id});
        StoreResult r;
        r.id = tenant.id;
        return r;
    });
}

StoreResult TenantStore::updateTenant(const Tenant &tenant)
{
    return mutate([&](State &s) {
        const int i = indexOfId(s.tenants, tenant.id);
        if (i < 0)
            return StoreResult::failure(ErrorKind::Usage, tr("No such tenant (it was removed meanwhile?)"));
        Tenant t = tenant;
        t.name = t.name.trimmed();
        const ValidationIssues issues = t.validate() + checkTenantUnique(s, t);
        if (!issues.isEmpty())
            return StoreResult::invalid(issues);
        t.created = s.tenants[i].created;
        t.modified = QDateTime::currentDateTimeUtc();
        s.tenants[i] = t;
        s.events.append({Event::TenantChanged, i, t.id});
        StoreResult r;
        r.id = t.id;
        return r;
    });
}

StoreResult TenantStore::removeTenant(const QString &id, QList<ApiClient> *removedClients)
{
    return mutate([&](State &s) {
        const int i = indexOfId(s.tenants, id);
        if (i < 0)
            return StoreResult::failure(ErrorKind::Usage, tr("No such tenant"));
        for (int c = s.clients.size() - 1; c >= 0; --c) {
            if (s.clients[c].tenantId != id)
                continue;
            if (removedClients)
                removedClients->append(s.clients[c]);
            s.events.append({Event::ClientRemoved, c, s.clients[c].id});
            s.clients.removeAt(c);
        }
        s.events.append({Event::TenantRemoved, i, id});
        s.tenants.removeAt(i);
        StoreResult r;
        r.id = id;
        return r;
    });
}

StoreResult TenantStore::addClient(ApiClient client)
{
    return mutate([&](State &s) {
        client.name = client.name.trimmed();
        if (client.id.isEmpty())
            client.id = newClientId();
        const int ti = indexOfId(s.tenants, client.tenantId);
        ValidationIssues issues = client.validateWithFiles(ti >= 0 ? &s.tenants[ti] : nullptr)
                                  + checkClientUnique(s, client);
        if (ti < 0 && !client.tenantId.isEmpty())
            issues.append({QStringLiteral("tenant"), tr("No such tenant")});
        if (indexOfId(s.clients, client.id) >= 0)
            issues.append({QStringLiteral("id"), tr("Client id %1 is taken").arg(client.id)});
        if (!issues.isEmpty())
            return StoreResult::invalid(issues);
        client.created = client.modified = QDateTime::currentDateTimeUtc();
        s.clients.append(client);
        s.events.append({Event::ClientInserted, int(s.clients.size() - 1), client.id});
        StoreResult r;
        r.id = client.id;
        return r;
    });
}

StoreResult TenantStore::updateClient(const ApiClient &client)
{
    return mutate([&](State &s) {
        const int i = indexOfId(s.clients, client.id);
        if (i < 0)
            return StoreResult::failure(ErrorKind::Usage, tr("No such API client (it was removed meanwhile?)"));
        ApiClient c = client;
        c.name = c.name.trimmed();
        const int ti = indexOfId(s.tenants, c.tenantId);
        ValidationIssues issues = c.validateWithFiles(ti >= 0 ? &s.tenants[ti] : nullptr)
                                  + checkClientUnique(s, c);
        if (ti < 0)
            issues.append({QStringLiteral("tenant"), tr("No such tenant")});
        if (!issues.isEmpty())
            return StoreResult::invalid(issues);
        c.created = s.clients[i].created;
        c.secretsSetAt = s.clients[i].secretsSetAt; // only setSecretRecorded changes these
        c.modified = QDateTime::currentDateTimeUtc();
        s.clients[i] = c;
        s.events.append({Event::ClientChanged, i, c.id});
        StoreResult r;
        r.id = c.id;
        return r;
    });
}

StoreResult TenantStore::removeClient(const QString &id, ApiClient *removed)
{
    return mutate([&](State &s) {
        const int i = indexOfId(s.clients, id);
        if (i < 0)
            return StoreResult::failure(ErrorKind::Usage, tr("No such API client"));
        if (removed)
            *removed = s.clients[i];
        s.events.append({Event::ClientRemoved, i, id});
        s.clients.removeAt(i);
        StoreResult r;
        r.id = id;
        return r;
    });
}

StoreResult TenantStore::upsert(const QList<Tenant> &tenants, const QList<ApiClient> &clients)
{
    return mutate([&](State &s) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ValidationIssues issues;
        for (Tenant t : tenants) {
            t.name = t.name.trimmed();
            const int i = indexOfId(s.tenants, t.id);
            t.created = i >= 0 ? s.tenants[i].created : now;
            t.modified = now;
            if (i >= 0) {
                s.tenants[i] = t;
                s.events.append({Event::TenantChanged, i, t.id});
            } else {
                s.tenants.append(t);
                s.events.append({Event::TenantInserted, int(s.tenants.size() - 1), t.id});
            }
        }
        for (ApiClient c : clients) {
            c.name = c.name.trimmed();
            const int i = indexOfId(s.clients, c.id);
            c.created = i >= 0 ? s.clients[i].created : now;
            c.modified = now;
            if (i >= 0) {
                s.clients[i] = c;
                s.events.append({Event::ClientChanged, i, c.id});
            } else {
                s.clients.append(c);
                s.events.append({Event::ClientInserted, int(s.clients.size() - 1), c.id});
            }
        }
        QSet<QString> ids;
        for (const Tenant &t : tenants)
            ids.insert(t.id);
        for (const ApiClient &c : clients)
            ids.insert(c.id);
        for (const Tenant &t : std::as_const(s.tenants))
            for (const ValidationIssue &v : ids.contains(t.id) ? t.validate() + checkTenantUnique(s, t) : ValidationIssues())
                issues.append({v.field, t.name + QStringLiteral(": ") + v.message});
        for (const ApiClient &c : std::as_const(s.clients)) {
            if (!ids.contains(c.id))
                continue;
            const int ti = indexOfId(s.tenants, c.tenantId);
            for (const ValidationIssue &v : c.validate(ti >= 0 ? &s.tenants[ti] : nullptr) + checkClientUnique(s, c))
                issues.append({v.field, c.name + QStringLiteral(": ") + v.message});
            if (ti < 0)
                issues.append({QStringLiteral("tenant"), c.name + QStringLiteral(": ") + tr("No such tenant")});
        }
        if (!issues.isEmpty())
            return StoreResult::invalid(issues);
        return StoreResult();
    });
}

StoreResult TenantStore::setSecretRecorded(const QString &clientId, SecretField field, bool set)
{
    return mutate([&](State &s) {
        const int i = indexOfId(s.clients, clientId);
        if (i < 0)
            return StoreResult::failure(ErrorKind::Usage, tr("No such API client"));
        if (set)
            s.clients[i].secretsSetAt.insert(field, QDateTime::currentDateTimeUtc());
        else
            s.clients[i].secretsSetAt.remove(field);
        s.events.append({Event::ClientChanged, i, clientId});
        StoreResult r;
        r.id = clientId;
        return r;
    });
}

} // namespace zc
