#pragma once

#include "core/ApiClient.h"
#include "core/ApiError.h"
#include "core/Tenant.h"
#include "core/TenantDirectory.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <functional>

namespace zc {

// Result of one store operation: ok, or validation issues / an error a person can act on.
struct StoreResult
{
    bool ok = true;
    ValidationIssues issues;
    ApiError error; // kind Config for I/O problems, Usage for validation problems
    QString id;     // id of the created or changed object

    static StoreResult failure(ErrorKind kind, const QString &message);
    static StoreResult invalid(const ValidationIssues &issues);
    QString message() const;
};

// The non-secret configuration: tenants and API-client profiles in one JSON file
// (`config.json`, schema-versioned) in the config folder, written atomically (QSaveFile).
// Every change re-reads the file first if another process (the CLI, a second window) changed it
// since we last read it, so changes from several processes are merged, not lost.
// Its change signals are TenantDirectory's.
class TenantStore : public TenantDirectory
{
    Q_OBJECT
public:
    static constexpr int SchemaVersion = 1;
    static QString defaultConfigDir(); // $ZCONSOLE_CONFIG_DIR or the platform's app-config folder

    explicit TenantStore(const QString &configDir, QObject *parent = nullptr);

    // Reads the file. A corrupt file is kept as config.json.corrupt-<timestamp> and the store
    // starts from what could be saved of it (or empty); warnings() says so. Never overwrites it.
    bool load();
    QString configDir() const { return m_dir; }
    QString configPath() const;
    QStringList warnings() const { return m_warnings; }
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }

    const QList<Tenant> &tenants() const override { return m_tenants; }
    const QList<ApiClient> &clients() const override { return m_clients; }
    const Tenant *tenant(const QString &id) const override;
    const Tenant *tenantByName(const QString &name) const;
    const Tenant *findTenant(const QString &nameOrId) const;
    const ApiClient *client(const QString &id) const;
    const ApiClient *clientByName(const QString &name) const;
    const ApiClient *findClient(const QString &nameOrId) const;
    QList<ApiClient> clientsOf(const QString &tenantId) const;
    int tenantIndex(const QString &id) const;
    int clientIndex(const QString &id) const;

    StoreResult addTenant(Tenant tenant);
    StoreResult updateTenant(const Tenant &tenant);
    // Removes the tenant and its clients; `removedClients` receives them (to wipe their secrets).
    StoreResult removeTenant(const QString &id, QList<ApiClient> *removedClients = nullptr);

    StoreResult addClient(ApiClient client);
    StoreResult updateClient(const ApiClient &client);
    StoreResult removeClient(const QString &id, ApiClient *removed = nullptr);
    StoreResult setSecretRecorded(const QString &clientId, SecretField field, bool set);
    // Adds or replaces (by id) tenants and clients in one write, all or nothing (restore and
    // import of a credential set). Replaced objects keep their created time; clients keep the
    // secretsSetAt given here. Validation without the disk (a CA file may not exist yet).
    StoreResult upsert(const QList<Tenant> &tenants, const QList<ApiClient> &clients);

    // Re-reads the file if another process changed it (e.g. on a file-watcher signal).
    void reloadIfChanged();

signals:
    // (reset, tenantInserted … clientRemoved: see TenantDirectory.)
    void warning(const QString &message);

private:
    struct Event
    {
        enum Type { TenantInserted, TenantChanged, TenantRemoved, ClientInserted, ClientChanged, ClientRemoved };
        Type type;
        int index;
        QString id;
    };
    struct State
    {
        QList<Tenant> tenants;
        QList<ApiClient> clients;
        QList<Event> events;
    };
    StoreResult mutate(const std::function<StoreResult(State &)> &change);
    bool parse(const QByteArray &bytes, QString *error);
    static QByteArray serialize(const QList<Tenant> &tenants, const QList<ApiClient> &clients);
    bool save(const State &state, QString *error);
    bool diskChanged() const;
    static ValidationIssues checkTenantUnique(const State &s, const Tenant &t);
    static ValidationIssues checkClientUnique(const State &s, const ApiClient &c);
    void keepCorruptCopy(const QString &reason);

    QString m_dir;
    QList<Tenant> m_tenants;
    QList<ApiClient> m_clients;
    QByteArray m_lastDiskBytes; // what we last read or wrote
    bool m_fileExisted = false;
    QStringList m_warnings;
    QString m_readOnlyReason;
};

} // namespace zc
