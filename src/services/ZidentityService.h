#pragma once

#include "core/ApiClient.h"
#include "core/AuditSink.h"
#include "core/ZidClient.h"

#include <QObject>
#include <functional>
#include <memory>

namespace zc {

class ApiCaller;
class AuditLog;
class CancelToken;
class TenantStore;
class ZidInventoryCache;
class ZidentityApi;

// A tenant's ZIdentity API clients for both faces: the inventory synced into the config folder's
// cache (zid-inventory.json: no secret) so it is shown offline, and every change to a remote
// client made through ZidentityApi with the cache kept in step and an audit record
// (objectType "zid.apiClient" / "zid.secret"). Calls are made with an "admin" profile (an
// oneapi-* client of the tenant, registered with the caller's broker). Lives in the thread of its
// ApiCaller and never blocks; every answer is a callback from the event loop.
class ZidentityService : public QObject
{
    Q_OBJECT
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    ZidentityService(ApiCaller *caller, TenantStore *store, const QString &configDir, QObject *parent = nullptr);
    ~ZidentityService() override;

    static bool isAdminKind(AuthKind kind) { return kind == AuthKind::OneApiSecret || kind == AuthKind::OneApiJwt; }
    ZidInventoryCache *cache() const { return m_cache.get(); }
    QString auditPath() const;

    // The local profile of a tenant that uses a remote client (ApiClient::clientId), or null.
    const ApiClient *profileFor(const QString &tenantId, const QString &remoteClientId) const;
    // The linked profile's view of its remote client becomes the cached one ("remote changed"
    // is cleared): the admin has looked at the change. False without a linked profile.
    bool acknowledgeRemoteChange(const QString &tenantId, const QString &remoteClientId);

    struct SyncResult
    {
        QString tenantId;
        QList<ZidApiClient> clients;  // with their secrets
        qint64 total = 0;
        int secretsFailed = 0;        // clients whose secrets could not be read (the cache keeps their old ones)
        QDateTime syncedAt;
        ApiError error;               // the list failed (nothing cached), or the first secrets error
        QString cacheError;           // the cache file could not be written
    };
    // Reads the tenant's clients (those matching `search`, else all) and the secrets of every
    // SECRET client, and keeps them in the cache (a search updates only what it found).
    void sync(const QString &admin, const QString &search, QObject *ctx, Progress progress,
              std::function<void(const SyncResult &)> done, std::shared_ptr<CancelToken> cancel = {});

    void client(const QString &admin, const QString &id, QObject *ctx, std::function<void(const ZidClientReply &)> done);
    void secrets(const QString &admin, const QString &id, QObject *ctx, std::function<void(const ZidSecretsReply &)> done);
    void resourceServers(const QString &admin, QObject *ctx, std::function<void(const ZidResourceServersReply &)> done);

    struct Change
    {
        ZidClientReply reply;
        QString auditError; // the change was made but not recorded
    };
    void createClient(const QString &admin, const ZidApiClient &client, QObject *ctx, std::function<void(const Change &)> done);
    // Full update, conflict-checked against `asRead` (ZidentityApi::updateClient).
    void updateClient(const QString &admin, const ZidApiClient &edited, const ZidApiClient &asRead, QObject *ctx,
                      std::function<void(const Change &)> done);
    void deleteClient(const QString &admin, const QString &id, QObject *ctx, std::function<void(const Change &)> done);
    // A new secret of a remote client valid until `expiresAt` (its value is in the reply only),
    // and the removal of one; both audited ("zid.secret", ids and dates only) and cached.
    void createSecret(const QString &admin, const QString &clientId, const QDateTime &expiresAt, QObject *ctx,
                      std::function<void(const ZidSecretReply &)> done);
    void deleteSecret(const QString &admin, const QString &clientId, const QString &secretId, QObject *ctx,
                      std::function<void(const ApiError &)> done);

private:
    const ApiClient *adminProfile(const QString &admin) const;
    // Records the settings of `clients` as seen by their linked profiles (onlyIfUnset: only by
    // those that have seen none yet), in one write of the cache.
    void markSeen(const QString &tenantId, const QList<ZidApiClient> &clients, bool onlyIfUnset);
    // An audit record of a change made with `admin` (time, tenant, profile, action, type).
    AuditRecord record(const QString &admin, const QString &action, const QString &type) const;
    QString audit(const QString &admin, const QString &action, const QString &type, const ZidApiClient &before,
                  const ZidApiClient &after, const ApiError &error);
    QString auditSecret(const QString &admin, const QString &action, const QString &clientId, const ZidSecret &secret,
                        const ApiError &error);
    // The cached client's secrets changed (added or removed one).
    void cacheSecrets(const QString &admin, const QString &clientId, const std::function<void(QList<ZidSecret> &)> &change);

    TenantStore *m_store;
    std::unique_ptr<ZidInventoryCache> m_cache;
    std::unique_ptr<AuditLog> m_audit;
    ZidentityApi *m_api;
};

} // namespace zc
