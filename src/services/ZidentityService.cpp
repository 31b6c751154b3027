#include "services/ZidentityService.h"

#include "api/ZidentityApi.h"
#include "store/AuditLog.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <QPointer>

namespace zc {

ZidentityService::ZidentityService(ApiCaller *caller, TenantStore *store, const QString &configDir, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_cache(std::make_unique<ZidInventoryCache>(configDir))
    , m_audit(std::make_unique<AuditLog>(configDir))
    , m_api(new ZidentityApi(caller, this))
{
}

ZidentityService::~ZidentityService() = default;

QString ZidentityService::auditPath() const
{
    return m_audit->path();
}

const ApiClient *ZidentityService::adminProfile(const QString &admin) const
{
    return m_store ? m_store->client(admin) : nullptr;
}

const ApiClient *ZidentityService::profileFor(const QString &tenantId, const QString &remoteClientId) const
{
    if (!m_store || remoteClientId.isEmpty())
        return nullptr;
    for (const ApiClient &c : m_store->clients())
        if (c.tenantId == tenantId && isAdminKind(c.kind) && c.clientId == remoteClientId)
            return &c;
    return nullptr;
}

void ZidentityService::sync(const QString &admin, const QString &search, QObject *ctx, Progress progress,
                            std::function<void(const SyncResult &)> done, std::shared_ptr<CancelToken> cancel)
{
    const ApiClient *a = adminProfile(admin);
    const QString tenantId = a ? a->tenantId : QString();
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    QPointer<ZidentityService> self(this);
    m_api->listClients(admin, search, ZidentityApi::MaxPageSize, this, progress,
        [self, admin, search, tenantId, guard, hasCtx, progress, done, cancel](const ZidClientsReply &list) {
            if (!self || (hasCtx && !guard))
                return;
            if (list.error.isError()) {
                SyncResult r;
                r.tenantId = tenantId;
                r.error = list.error;
                done(r);
                return;
            }
            QStringList ids;
            for (const ZidApiClient &c : list.clients)
                if (c.authType.isEmpty() || c.authType == zidAuth::Secret)
                    ids << c.id;
            const qint64 listed = list.clients.size();
            self->m_api->secretsOf(admin, ids, self,
                [progress, listed](qint64 n, qint64 total) {
                    if (progress)
                        progress(listed + n, listed + total);
                },
                [self, admin, search, tenantId, list, guard, hasCtx, done](const QList<ZidSecretsReply> &replies) {
                    if (!self || (hasCtx && !guard))
                        return;
                    SyncResult r;
                    r.tenantId = tenantId;
                    r.total = list.total;
                    r.clients = list.clients;
                    r.syncedAt = QDateTime::currentDateTimeUtc();
                    ZidInventoryCache::Inventory old = self->m_cache->inventory(tenantId);
                    QHash<QString, QList<ZidSecret>> oldSecrets;
                    for (const ZidApiClient &c : old.clients)
                        oldSecrets.insert(c.id, c.secrets);
                    QHash<QString, const ZidSecretsReply *> byId;
                    for (const ZidSecretsReply &s : replies)
                        byId.insert(s.clientId, &s);
                    for (ZidApiClient &c : r.clients) {
                        const ZidSecretsReply *s = byId.value(c.id);
                        if (!s)
                            continue;
                        if (s->error.isError()) {
                            ++r.secretsFailed;
                            if (!r.error.isError())
                                r.error = s->error;
                            c.secrets = oldSecrets.value(c.id); // what was known stays known
                        } else {
                            c.secrets = s->secrets;
                        }
                    }
                    QString err;
                    bool stored = true;
                    if (search.isEmpty()) {
                        ZidInventoryCache::Inventory inv;
                        inv.syncedAt = r.syncedAt;
                        inv.adminProfile = admin;
                        inv.clients = r.clients;
                        stored = self->m_cache->store(tenantId, inv, &err);
                    } else {
                        // What the search found, merged into the cached inventory: one write.
                        ZidInventoryCache::Inventory inv = old;
                        for (const ZidApiClient &c : r.clients) {
                            auto it = std::find_if(inv.clients.begin(), inv.clients.end(),
                                                   [&](const ZidApiClient &x) { return x.id == c.id; });
                            if (it != inv.clients.end())
                                *it = c;
                            else
                                inv.clients.append(c);
                        }
                        stored = self->m_cache->store(tenantId, inv, &err);
                    }
                    if (!stored)
                        r.cacheError = err;
                    self->markSeen(tenantId, r.clients, true); // a first sync is the baseline
                    done(r);
                }, cancel);
        }, cancel);
}

void ZidentityService::markSeen(const QString &tenantId, const QList<ZidApiClient> &clients, bool onlyIfUnset)
{
    QHash<QString, QString> seen;
    for (const ZidApiClient &c : clients)
        if (const ApiClient *p = profileFor(tenantId, c.id); p && (!onlyIfUnset || m_cache->seen(p->id).isEmpty()))
            seen.insert(p->id, c.settingsFingerprint());
    m_cache->setSeen(seen);
}

bool ZidentityService::acknowledgeRemoteChange(const QString &tenantId, const QString &clientId)
{
    if (!profileFor(tenantId, clientId))
        return false;
    const QList<ZidApiClient> cached = m_cache->inventory(tenantId).clients;
    for (const ZidApiClient &c : cached)
        if (c.id == clientId)
            markSeen(tenantId, {c}, false);
    return true;
}

void ZidentityService::client(const QString &admin, const QString &id, QObject *ctx,
                              std::function<void(const ZidClientReply &)> done)
{
    m_api->client(admin, id, ctx, std::move(done));
}

void ZidentityService::secrets(const QString &admin, const QString &id, QObject *ctx,
                               std::function<void(const ZidSecretsReply &)> done)
{
    m_api->secrets(admin, id, ctx, std::move(done));
}

void ZidentityService::resourceServers(const QString &admin, QObject *ctx,
                                       std::function<void(const ZidResourceServersReply &)> done)
{
    m_api->resourceServers(admin, ctx, std::move(done));
}

AuditRecord ZidentityService::record(const QString &admin, const QString &action, const QString &type) const
{
    const ApiClient *a = adminProfile(admin);
    const Tenant *t = a && m_store ? m_store->tenant(a->tenantId) : nullptr;
    AuditRecord rec;
    rec.time = QDateTime::currentDateTimeUtc();
    rec.tenantId = t ? t->id : QString();
    rec.tenantName = t ? t->name : QString();
    rec.client = a ? a->name : admin;
    rec.action = action;
    rec.objectType = type;
    return rec;
}

QString ZidentityService::audit(const QString &admin, const QString &action, const QString &type, const ZidApiClient &before,
                                const ZidApiClient &after, const ApiError &error)
{
    AuditRecord rec = record(admin, action, type);
    const ZidApiClient &subject = after.id.isEmpty() ? before : after;
    rec.objectId = subject.id;
    rec.objectName = subject.name;
    if (!before.id.isEmpty())
        rec.before = ZidInventoryCache::clientJson(before);
    if (!after.id.isEmpty())
        rec.after = ZidInventoryCache::clientJson(after);
    rec.result = error.isError() ? error.toString() : QStringLiteral("ok");
    QString err;
    return m_audit->append(rec, &err) ? QString() : err;
}

void ZidentityService::createClient(const QString &admin, const ZidApiClient &client, QObject *ctx,
                                    std::function<void(const Change &)> done)
{
    QPointer<ZidentityService> self(this);
    m_api->createClient(admin, client, ctx, [self, admin, done](const ZidClientReply &r) {
        Change c{r, {}};
        if (self && !r.error.isError()) {
            const ApiClient *a = self->adminProfile(admin);
            if (a)
                self->m_cache->storeClient(a->tenantId, r.client);
            c.auditError = self->audit(admin, QStringLiteral("create"), QStringLiteral("zid.apiClient"), {}, r.client, r.error);
        }
        done(c);
    });
}

void ZidentityService::updateClient(const QString &admin, const ZidApiClient &edited, const ZidApiClient &asRead,
                                    QObject *ctx, std::function<void(const Change &)> done)
{
    QPointer<ZidentityService> self(this);
    m_api->updateClient(admin, edited, asRead, ctx, [self, admin, asRead, done](const ZidClientReply &r) {
        Change c{r, {}};
        if (self && !r.error.isError()) {
            const ApiClient *a = self->adminProfile(admin);
            if (a) {
                ZidApiClient cached = r.client;
                for (const ZidApiClient &old : self->m_cache->inventory(a->tenantId).clients)
                    if (old.id == cached.id)
                        cached.secrets = old.secrets; // an update does not touch the secrets
                self->m_cache->storeClient(a->tenantId, cached);
                self->markSeen(a->tenantId, {cached}, false); // zconsole's own change is no surprise
            }
            c.auditError = self->audit(admin, QStringLiteral("update"), QStringLiteral("zid.apiClient"), asRead, r.client, r.error);
        }
        done(c);
    });
}

void ZidentityService::deleteClient(const QString &admin, const QString &id, QObject *ctx,
                                    std::function<void(const Change &)> done)
{
    QPointer<ZidentityService> self(this);
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    // Read first: the audit record keeps what was deleted.
    m_api->client(admin, id, this, [self, admin, id, guard, hasCtx, done](const ZidClientReply &before) {
        if (!self || (hasCtx && !guard))
            return;
        if (before.error.isError()) {
            done({before, {}});
            return;
        }
        self->m_api->deleteClient(admin, id, guard, [self, admin, before, done](const ApiError &e) {
            Change c;
            c.reply.error = e;
            c.reply.client = before.client;
            if (self && !e.isError()) {
                if (const ApiClient *a = self->adminProfile(admin))
                    self->m_cache->removeClient(a->tenantId, before.client.id);
                c.auditError = self->audit(admin, QStringLiteral("delete"), QStringLiteral("zid.apiClient"), before.client, {}, e);
            }
            done(c);
        });
    });
}

QString ZidentityService::auditSecret(const QString &admin, const QString &action, const QString &clientId,
                                      const ZidSecret &secret, const ApiError &error)
{
    AuditRecord rec = record(admin, action, QStringLiteral("zid.secret"));
    rec.objectId = secret.id;
    rec.objectName = clientId;
    const QJsonObject dates{{QStringLiteral("clientId"), clientId}, {QStringLiteral("id"), secret.id},
                            {QStringLiteral("expiresAt"), secret.expiresAt.toUTC().toString(Qt::ISODate)}};
    if (action == QLatin1String("create"))
        rec.after = dates;
    else
        rec.before = dates;
    rec.result = error.isError() ? error.toString() : QStringLiteral("ok");
    QString err;
    return m_audit->append(rec, &err) ? QString() : err;
}

void ZidentityService::cacheSecrets(const QString &admin, const QString &clientId,
                                    const std::function<void(QList<ZidSecret> &)> &change)
{
    const ApiClient *a = adminProfile(admin);
    if (!a)
        return;
    for (ZidApiClient c : m_cache->inventory(a->tenantId).clients)
        if (c.id == clientId) {
            change(c.secrets);
            m_cache->storeClient(a->tenantId, c);
            return;
        }
}

void ZidentityService::createSecret(const QString &admin, const QString &clientId, const QDateTime &expiresAt,
                                    QObject *ctx, std::function<void(const ZidSecretReply &)> done)
{
    QPointer<ZidentityService> self(this);
    m_api->createSecret(admin, clientId, expiresAt, ctx, [self, admin, clientId, done](const ZidSecretReply &r) {
        if (self && !r.error.isError()) {
            self->auditSecret(admin, QStringLiteral("create"), clientId, r.secret, r.error);
            ZidSecret dates = r.secret;
            dates.value.clear();
            self->cacheSecrets(admin, clientId, [&](QList<ZidSecret> &l) { l.append(dates); });
        }
        done(r);
    });
}

void ZidentityService::deleteSecret(const QString &admin, const QString &clientId, const QString &secretId,
                                    QObject *ctx, std::function<void(const ApiError &)> done)
{
    QPointer<ZidentityService> self(this);
    m_api->deleteSecret(admin, clientId, secretId, ctx, [self, admin, clientId, secretId, done](const ApiError &e) {
        if (self && !e.isError()) {
            ZidSecret s;
            s.id = secretId;
            self->auditSecret(admin, QStringLiteral("delete"), clientId, s, e);
            self->cacheSecrets(admin, clientId, [&](QList<ZidSecret> &l) {
                l.removeIf([&](const ZidSecret &x) { return x.id == secretId; });
            });
        }
        done(e);
    });
}

} // namespace zc
