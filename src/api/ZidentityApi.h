#pragma once

#include "auth/ApiCaller.h"
#include "core/ZidClient.h"

#include <QObject>

namespace zc {

// The ZIdentity admin API (zscaler-api-notes.md §2): a tenant's OneAPI API clients, their secrets
// and the resource servers, called with an oneapi-secret or oneapi-jwt profile (the "admin").
// The base is the tenant's route (Endpoints::zidentityAdminBase: the gateway's
// /ziam/admin/api/v1 or ZIdentity's own host). Budgets are RequestPolicy's "ziam" rules (500/s,
// 20,000/min), replaced by what a reply's x-ratelimit-limit states.
//
// listClients reads every client exactly once: offset/limit pages, the next offsets computed
// from what the server returned (it may clamp the page size), never from next_link (it points
// at another host); the first page gives the total and the page size, the other pages then go
// concurrently. A list that changed while it was read (a client twice, a gap, a total that
// moved) is read again once, then reported as an error.
// Lives in the thread of its ApiCaller.
class ZidentityApi : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultPageSize = 100;
    static constexpr int MaxPageSize = 1000;

    explicit ZidentityApi(ApiCaller *caller, QObject *parent = nullptr);

    // Empty when `admin` can call the API, else why not (unknown client, not a OneAPI profile).
    ApiError checkAdmin(const QString &admin) const;
    // The absolute base URL the admin's calls go to (no trailing slash).
    QString baseUrl(const QString &admin) const;

    using Progress = std::function<void(qint64 done, qint64 total)>;

    void listClients(const QString &admin, const QString &search, int pageSize, QObject *ctx,
                     Progress progress, std::function<void(const ZidClientsReply &)> done,
                     CancelHandle cancel = {});
    void client(const QString &admin, const QString &id, QObject *ctx,
                std::function<void(const ZidClientReply &)> done);
    void createClient(const QString &admin, const ZidApiClient &client, QObject *ctx,
                      std::function<void(const ZidClientReply &)> done);
    // Full update: reads the record first; when it is no longer `asRead` (someone changed it
    // meanwhile) nothing is written and the reply has conflict + the record as it is now.
    void updateClient(const QString &admin, const ZidApiClient &edited, const ZidApiClient &asRead,
                      QObject *ctx, std::function<void(const ZidClientReply &)> done);
    void deleteClient(const QString &admin, const QString &id, QObject *ctx,
                      std::function<void(const ApiError &)> done);

    void secrets(const QString &admin, const QString &id, QObject *ctx,
                 std::function<void(const ZidSecretsReply &)> done, CancelHandle cancel = {});
    // The secrets of many clients at once, within the budget; one reply per id, in that order.
    void secretsOf(const QString &admin, const QStringList &ids, QObject *ctx, Progress progress,
                   std::function<void(const QList<ZidSecretsReply> &)> done, CancelHandle cancel = {});
    // A new secret valid until `expiresAt` (the reply holds its value, shown only this once).
    void createSecret(const QString &admin, const QString &id, const QDateTime &expiresAt, QObject *ctx,
                      std::function<void(const ZidSecretReply &)> done);
    void deleteSecret(const QString &admin, const QString &id, const QString &secretId, QObject *ctx,
                      std::function<void(const ApiError &)> done);

    void resourceServers(const QString &admin, QObject *ctx,
                         std::function<void(const ZidResourceServersReply &)> done);

private:
    struct ListRun;
    void listFrom(const std::shared_ptr<ListRun> &run);
    void fetchPage(const std::shared_ptr<ListRun> &run, qint64 offset);
    void pageArrived(const std::shared_ptr<ListRun> &run, qint64 offset, const HttpResponse &r);
    void finishList(const std::shared_ptr<ListRun> &run);

    // One call relative to the admin's base; adopts the reply's x-ratelimit-limit.
    void send(const QString &admin, const QByteArray &method, const QString &path, const QByteArray &body,
              QObject *ctx, std::function<void(const HttpResponse &)> done, CancelHandle cancel = {});
    static ApiError replyError(const HttpResponse &r);

    ApiCaller *m_caller;
};

} // namespace zc
