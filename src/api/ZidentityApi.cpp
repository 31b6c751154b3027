#include "api/ZidentityApi.h"

#include "core/Endpoints.h"
#include "net/ErrorBody.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

#include <map>

Q_LOGGING_CATEGORY(lcZid, "zconsole.zid")

namespace zc {

namespace {

template <typename Reply>
void later(QObject *ctx, QObject *fallback, std::function<void(const Reply &)> done, Reply r)
{
    QTimer::singleShot(0, ctx ? ctx : fallback, [done = std::move(done), r] { done(r); });
}

QString pathId(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

struct ZidentityApi::ListRun
{
    QString admin;
    QString search;
    int pageSize = DefaultPageSize;
    QPointer<QObject> ctx;
    bool hasCtx = false;
    Progress progress;
    std::function<void(const ZidClientsReply &)> done;
    CancelHandle cancel;
    QList<CancelHandle> calls;

    // This pass:
    qint64 total = -1;                        // the first page's; -1 = the server gives none
    qint64 step = 0;                          // records per page as the server returns them
    std::map<qint64, QJsonObject> byPosition; // position in the list → record
    QSet<qint64> asked;                       // offsets requested this pass
    int inFlight = 0;
    int passes = 0;
    bool finished = false;
    QString changed;                          // why this pass's list cannot be trusted
    ApiError error;
};

ZidentityApi::ZidentityApi(ApiCaller *caller, QObject *parent)
    : QObject(parent)
    , m_caller(caller)
{
    qRegisterMetaType<zc::ZidClientsReply>();
    qRegisterMetaType<zc::ZidSecretsReply>();
}

ApiError ZidentityApi::checkAdmin(const QString &admin) const
{
    const AuthTarget *t = m_caller->broker()->target(admin);
    if (!t)
        return ApiError::make(ErrorKind::Config, tr("unknown API client %1").arg(admin));
    if (t->client.kind != AuthKind::OneApiSecret && t->client.kind != AuthKind::OneApiJwt)
        return ApiError::make(ErrorKind::Config,
                              tr("%1 is a %2 client: the ZIdentity admin API needs an oneapi-secret or oneapi-jwt client")
                                  .arg(t->label(), authKindName(t->client.kind)));
    if (t->tenant.zidRoute == QLatin1String("direct") && t->tenant.zidDirectUrl.isEmpty() && t->tenant.vanity.isEmpty())
        return ApiError::make(ErrorKind::Config,
                              tr("tenant \"%1\" calls ZIdentity directly but has no vanity domain").arg(t->tenant.name));
    return {};
}

QString ZidentityApi::baseUrl(const QString &admin) const
{
    const AuthTarget *t = m_caller->broker()->target(admin);
    return t ? Endpoints::zidentityAdminBase(t->client, t->tenant) : QString();
}

ApiError ZidentityApi::replyError(const HttpResponse &r)
{
    return r.error.isError() ? r.error : apiErrorFromResponse(r);
}

void ZidentityApi::send(const QString &admin, const QByteArray &method, const QString &path, const QByteArray &body,
                        QObject *ctx, std::function<void(const HttpResponse &)> done, CancelHandle cancel)
{
    const AuthTarget *t = m_caller->broker()->target(admin);
    ApiRequest req;
    req.method = method;
    req.path = baseUrl(admin) + path;
    req.body = body;
    // Each attempt spends budget and a create is not idempotent: the pipeline retries what it
    // may (429 after Retry-After, network errors of GET/PUT/DELETE).
    const QString key = t ? ApiCaller::defaultRateKey(*t, req) : QString();
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    QPointer<ZidentityApi> self(this);
    m_caller->call(admin, req, this, [self, key, guard, hasCtx, done = std::move(done)](const HttpResponse &r) {
        if (self && r.status > 0 && self->m_caller->policy()->adoptHeader(key, r.header("x-ratelimit-limit")))
            qCInfo(lcZid) << "budget of" << key << "now as the server states:" << r.header("x-ratelimit-limit");
        if (hasCtx && !guard)
            return;
        done(r);
    }, cancel);
}

// --- the list ---------------------------------------------------------------------------------

void ZidentityApi::listClients(const QString &admin, const QString &search, int pageSize, QObject *ctx,
                               Progress progress, std::function<void(const ZidClientsReply &)> done,
                               CancelHandle cancel)
{
    if (const ApiError e = checkAdmin(admin); e.isError()) {
        later<ZidClientsReply>(ctx, this, std::move(done), ZidClientsReply{{}, 0, e});
        return;
    }
    auto run = std::make_shared<ListRun>();
    run->admin = admin;
    run->search = search;
    run->pageSize = std::clamp(pageSize > 0 ? pageSize : int(DefaultPageSize), 1, int(MaxPageSize));
    run->ctx = ctx;
    run->hasCtx = ctx != nullptr;
    run->progress = std::move(progress);
    run->done = std::move(done);
    run->cancel = cancel;
    if (cancel) {
        std::weak_ptr<ListRun> weak = run;
        cancel->setHook([weak] {
            if (auto r = weak.lock())
                for (const CancelHandle &c : r->calls)
                    c->cancel();
        });
    }
    listFrom(run);
}

void ZidentityApi::listFrom(const std::shared_ptr<ListRun> &run)
{
    ++run->passes;
    run->total = -1;
    run->step = 0;
    run->byPosition.clear();
    run->asked.clear();
    run->changed.clear();
    fetchPage(run, 0);
}

void ZidentityApi::fetchPage(const std::shared_ptr<ListRun> &run, qint64 offset)
{
    if (run->asked.contains(offset) || run->finished)
        return;
    run->asked.insert(offset);
    ++run->inFlight;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    q.addQueryItem(QStringLiteral("limit"), QString::number(run->pageSize));
    if (!run->search.isEmpty())
        q.addQueryItem(QStringLiteral("name[like]"), QString::fromLatin1(QUrl::toPercentEncoding(run->search)));
    CancelHandle call = makeCancelHandle();
    run->calls.append(call);
    if (run->cancel && run->cancel->isCancelled())
        call->cancel();
    send(run->admin, "GET", QStringLiteral("/api-clients?") + q.query(QUrl::FullyEncoded), {}, this,
         [this, run, offset](const HttpResponse &r) { pageArrived(run, offset, r); }, call);
}

void ZidentityApi::pageArrived(const std::shared_ptr<ListRun> &run, qint64 offset, const HttpResponse &r)
{
    --run->inFlight;
    if (run->finished)
        return;
    if (!r.ok() && !run->error.isError()) {
        run->error = replyError(r);
    } else if (r.ok()) {
        const zidJson::Page page = zidJson::page(r.body);
        if (page.error.isError() && !run->error.isError()) {
            run->error = r.parseError(page.error.message);
        } else if (!page.error.isError()) {
            const qint64 n = page.records.size();
            for (qint64 i = 0; i < n; ++i)
                run->byPosition[offset + i] = page.records.at(i);
            if (offset == 0) {
                run->total = page.total;
                run->step = n;
                // The other pages at once, at offsets the server's own page size gives.
                if (n > 0 && run->total > n)
                    for (qint64 o = n; o < run->total; o += n)
                        fetchPage(run, o);
                else if (n > 0 && run->total < 0)
                    fetchPage(run, n); // no total: one page after another until an empty one
            } else {
                if (page.total >= 0 && run->total >= 0 && page.total != run->total)
                    run->changed = tr("the total went from %1 to %2").arg(run->total).arg(page.total);
                const qint64 end = run->total >= 0 ? run->total : -1;
                if (n > 0 && (end < 0 || offset + n < end) && n < run->step)
                    fetchPage(run, offset + n);   // clamped further: the rest of this page
                else if (n > 0 && end < 0)
                    fetchPage(run, offset + n);
                else if (n == 0 && end >= 0 && offset < end)
                    run->changed = tr("the server returned no clients at offset %1 of %2").arg(offset).arg(end);
            }
            if (run->progress)
                run->progress(qint64(run->byPosition.size()), run->total);
        }
    }
    if (run->error.isError() && run->cancel && !run->cancel->isCancelled()) {
        // Stop the other pages: this listing has failed.
        for (const CancelHandle &c : run->calls)
            c->cancel();
    }
    if (run->inFlight == 0)
        finishList(run);
}

void ZidentityApi::finishList(const std::shared_ptr<ListRun> &run)
{
    ZidClientsReply out;
    if (!run->error.isError()) {
        QSet<QString> seen;
        qint64 expectPos = 0;
        for (const auto &[pos, rec] : run->byPosition) {
            if (pos != expectPos && run->changed.isEmpty())
                run->changed = tr("clients %1 to %2 were never returned").arg(expectPos).arg(pos - 1);
            expectPos = pos + 1;
            ZidApiClient c = ZidApiClient::fromJson(rec);
            if (c.id.isEmpty()) {
                run->error = ApiError::make(ErrorKind::Parse, tr("a client of the list has no id"));
                break;
            }
            if (seen.contains(c.id)) {
                if (run->changed.isEmpty())
                    run->changed = tr("client %1 came twice").arg(c.id);
                continue;
            }
            seen.insert(c.id);
            out.clients.append(std::move(c));
        }
        if (!run->error.isError() && run->changed.isEmpty() && run->total >= 0 && out.clients.size() != run->total)
            run->changed = tr("%1 distinct clients read, the server counts %2").arg(out.clients.size()).arg(run->total);
        if (!run->error.isError() && !run->changed.isEmpty()) {
            if (run->passes < 2) {
                qCInfo(lcZid) << "the API-client list changed while it was read (" << run->changed << "): reading it again";
                listFrom(run);
                return;
            }
            run->error = ApiError::make(ErrorKind::Api, tr("the API-client list kept changing while it was read (%1): try again")
                                                            .arg(run->changed));
        }
    }
    run->finished = true;
    if (run->cancel)
        run->cancel->clearHook();
    out.total = run->total >= 0 ? run->total : out.clients.size();
    out.error = run->error;
    if (out.error.isError())
        out.clients.clear();
    if (run->hasCtx && !run->ctx)
        return;
    run->done(out);
}

// --- one client -------------------------------------------------------------------------------

namespace {
ZidClientReply clientReply(const HttpResponse &r, const std::function<ApiError(const HttpResponse &)> &err)
{
    ZidClientReply out;
    if (!r.ok()) {
        out.error = err(r);
        return out;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (!doc.isObject()) {
        out.error = r.parseError(QObject::tr("the API client is not a JSON object"));
        return out;
    }
    out.client = ZidApiClient::fromJson(doc.object());
    if (out.client.id.isEmpty())
        out.error = r.parseError(QObject::tr("the API client has no id"));
    return out;
}
} // namespace

void ZidentityApi::client(const QString &admin, const QString &id, QObject *ctx,
                          std::function<void(const ZidClientReply &)> done)
{
    if (const ApiError e = checkAdmin(admin); e.isError()) {
        later<ZidClientReply>(ctx, this, std::move(done), ZidClientReply{{}, e, false, {}});
        return;
    }
    send(admin, "GET", QStringLiteral("/api-clients/") + pathId(id), {}, ctx,
         [done = std::move(done)](const HttpResponse &r) { done(clientReply(r, &ZidentityApi::replyError)); });
}

void ZidentityApi::createClient(const QString &admin, const ZidApiClient &client, QObject *ctx,
                                std::function<void(const ZidClientReply &)> done)
{
    if (const ApiError e = checkAdmin(admin); e.isError()) {
        later<ZidClientReply>(ctx, this, std::move(done), ZidClientReply{{}, e, false, {}});
        return;
    }
    send(admin, "POST", QStringLiteral("/api-clients"), QJsonDocument(client.toJson()).toJson(QJsonDocument::Compact), ctx,
         [done = std::move(done)](const HttpResponse &r) { done(clientReply(r, &ZidentityApi::replyError)); });
}

void ZidentityApi::updateClient(const QString &admin, const ZidApiClient &edited, const ZidApiClient &asRead,
                                QObject *ctx, std::function<void(const ZidClientReply &)> done)
{
    QPointer<ZidentityApi> self(this);
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    client(admin, asRead.id, this, [self, admin, edited, asRead, guard, hasCtx, done](const ZidClientReply &now) {
        if (!self || (hasCtx && !guard))
            return;
        if (now.error.isError()) {
            done(now);
            return;
        }
        if (now.client.raw != asRead.raw) {
            ZidClientReply c;
            c.conflict = true;
            c.remote = now.client;
            c.error = ApiError::make(ErrorKind::Api, tr("API client \"%1\" was changed on the server since it was read: "
                                                        "nothing was written; review its current state")
                                                         .arg(now.client.name));
            c.error.code = QStringLiteral("CONFLICT");
            done(c);
            return;
        }
        self->send(admin, "PUT", QStringLiteral("/api-clients/") + pathId(asRead.id),
                   QJsonDocument(edited.toJson()).toJson(QJsonDocument::Compact), guard,
                   [done](const HttpResponse &r) { done(clientReply(r, &ZidentityApi::replyError)); });
    });
}

void ZidentityApi::deleteClient(const QString &admin, const QString &id, QObject *ctx,
                                std::function<void(const ApiError &)> done)
{
    if (const ApiError e = checkAdmin(admin); e.isError()) {
        later<ApiError>(ctx, this, std::move(done), e);
        return;
    }
    send(admin, "DELETE", QStringLiteral("/api-clients/") + pathId(id), {}, ctx,
         [done = std::move(done)](const HttpResponse &r) { done(r.ok() ? ApiError() : replyError(r)); });
}

// --- secrets ----------------------------------------------------------------------------------

void ZidentityApi::secrets(const QString &admin, const QString &id, QObject *ctx,
                           std::function<void(const ZidSecretsReply &)> done, CancelHandle cancel)
{
    if (const ApiError e = checkAdmin(admin); e.isError()) {
        later<ZidSecretsReply>(ctx, this, std::move(done), ZidSecretsReply{id, {}, e});
        return;
    }
    send(admin, "GET", QStringLiteral("/api-clients/%1/secrets").arg(pathId(id)), {}, ctx,
         [id, done = std::move(done)](const HttpResponse &r) {
             ZidSecretsReply out;
             out.clientId = id;
             if (!r.ok()) {
                 out.error = replyError(r);
             } else {
                 ApiError e;
                 out.secrets = zidJson::secrets(r.body, &e);
                 if (e.isError())
                     out.error = r.parseError(e.message);
             }
             done(out);
         }, cancel);
}

void ZidentityApi::secretsOf(const QString &admin, const QStringList &ids, QObject *ctx, Progress progress,
                             std::function<void(const QList<ZidSecretsReply> &)> done, CancelHandle cancel)
{
    struct Run
    {
        QList<ZidSecretsReply> replies;
        qint64 left = 0;
        QList<CancelHandle> calls;
    };
    auto run = std::make_shared<Run>();
    run->replies.resize(ids.size());
    run->left = ids.size();
    if (ids.isEmpty()) {
        later<QList<ZidSecretsReply>>(ctx, this, std::move(done), {});
        return;
    }
    if (cancel) {
        std::weak_ptr<Run> weak = run;
        cancel->setHook([weak] {
            if (auto r = weak.lock())
                for (const CancelHandle &c : r->calls)
                    c->cancel();
        });
    }
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    const qint64 total = ids.size();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        CancelHandle call = makeCancelHandle();
        run->calls.append(call);
        if (cancel && cancel->isCancelled())
            call->cancel();
        secrets(admin, ids.at(i), this, [run, i, total, guard, hasCtx, progress, done, cancel](const ZidSecretsReply &r) {
            run->replies[i] = r;
            --run->left;
            if (hasCtx && !guard)
                return;
            if (progress)
                progress(total - run->left, total);
            if (run->left == 0) {
                if (cancel)
                    cancel->clearHook();
                done(run->replies);
            }
        }, call);
    }
}

void ZidentityApi::createSecret(const QString &admin, const QString &id, const QDateTime &expiresAt, QObject *ctx,
                                std::function<void(const ZidSecretReply &)> done)
{
    if (const ApiError e = checkAdmin(admin); e.isError()) {
        later<ZidSecretReply>(ctx, this, std::move(done), ZidSecretReply{{}, e});
        return;
    }
    // The documented example sends the epoch seconds as a string (§2.3).
    const QJsonObject body{{QStringLiteral("expiresAt"), QString::number(expiresAt.toSecsSinceEpoch())}};
    send(admin, "POST", QStringLiteral("/api-clients/%1/secrets").arg(pathId(id)),
         QJsonDocument(body).toJson(QJsonDocument::Compact), ctx, [done = std::move(done)](const HttpResponse &r) {
             ZidSecretReply out;
             if (!r.ok()) {
                 out.error = replyError(r);
                 done(out);
                 return;
             }
             ApiError e;
             const QList<ZidSecret> s = zidJson::secrets(r.body, &e);
             if (e.isError() || s.size() != 1 || s.first().value.isEmpty())
                 out.error = r.parseError(e.isError() ? e.message : QObject::tr("the new secret's value is not in the reply"));
             else
                 out.secret = s.first();
             done(out);
         });
}

void ZidentityApi::deleteSecret(const QString &admin, const QString &id, const QString &secretId, QObject *ctx,
                                std::function<void(const ApiError &)> done)
{
    if (const ApiError e = checkAdmin(admin); e.isError()) {
        later<ApiError>(ctx, this, std::move(done), e);
        return;
    }
    send(admin, "DELETE", QStringLiteral("/api-clients/%1/secrets/%2").arg(pathId(id), pathId(secretId)), {}, ctx,
         [done = std::move(done)](const HttpResponse &r) { done(r.ok() ? ApiError() : replyError(r)); });
}

void ZidentityApi::resourceServers(const QString &admin, QObject *ctx,
                                   std::function<void(const ZidResourceServersReply &)> done)
{
    if (const ApiError e = checkAdmin(admin); e.isError()) {
        later<ZidResourceServersReply>(ctx, this, std::move(done), ZidResourceServersReply{{}, e});
        return;
    }
    send(admin, "GET", QStringLiteral("/resource-servers?limit=1000"), {}, ctx, [done = std::move(done)](const HttpResponse &r) {
        ZidResourceServersReply out;
        if (!r.ok()) {
            out.error = replyError(r);
        } else {
            const zidJson::Page p = zidJson::page(r.body);
            if (p.error.isError())
                out.error = r.parseError(p.error.message);
            for (const QJsonObject &o : p.records)
                out.servers.append(ZidResourceServer::fromJson(o));
        }
        done(out);
    });
}

} // namespace zc
