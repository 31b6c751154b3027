#include "api/ZiaApi.h"

#include "net/ErrorBody.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <QUrl>

Q_LOGGING_CATEGORY(lcZia, "zconsole.zia")

namespace zc {

namespace {

template <typename T>
ZiaReply<T> replyFrom(const HttpResponse &r, const ApiError &e, bool readOnly)
{
    ZiaReply<T> out;
    out.error = e;
    out.readOnly = readOnly;
    out.httpStatus = r.status;
    out.requestId = r.requestId;
    out.attempts = r.attempts;
    return out;
}

QJsonArray toArray(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

} // namespace

ZiaApi::ZiaApi(ApiCaller *caller, QObject *parent)
    : QObject(parent)
    , m_caller(caller)
{
    qRegisterMetaType<zc::ZiaActivationState>();
}

bool ZiaApi::isZiaKind(AuthKind kind)
{
    return kind == AuthKind::ZiaLegacy || kind == AuthKind::ZiaOAuth || kind == AuthKind::OneApiSecret
           || kind == AuthKind::OneApiJwt;
}

bool ZiaApi::checkClient(const QString &clientId, QString *why) const
{
    const AuthTarget *t = m_caller->broker()->target(clientId);
    if (!t) {
        if (why)
            *why = tr("unknown API client %1").arg(clientId);
        return false;
    }
    if (!isZiaKind(t->client.kind)) {
        if (why)
            *why = tr("%1 is a %2 client: ZIA needs a zia-legacy, zia-oauth or oneapi-* client")
                       .arg(t->label(), authKindName(t->client.kind));
        return false;
    }
    return true;
}

QString ZiaApi::tenantIdOf(const QString &clientId) const
{
    const AuthTarget *t = m_caller->broker()->target(clientId);
    return t ? t->tenant.id : QString();
}

QString ZiaApi::tenantNameOf(const QString &clientId) const
{
    const AuthTarget *t = m_caller->broker()->target(clientId);
    return t ? t->tenant.name : QString();
}

QString ZiaApi::apiPrefix(const QString &clientId) const
{
    const AuthTarget *t = m_caller->broker()->target(clientId);
    if (!t)
        return QStringLiteral("/api/v1");
    if (t->client.kind == AuthKind::OneApiSecret || t->client.kind == AuthKind::OneApiJwt)
        return QStringLiteral("/zia/api/v1");
    return t->endpoints.apiPrefix.isEmpty() ? QStringLiteral("/api/v1") : t->endpoints.apiPrefix;
}

QString ZiaApi::path(const QString &clientId, const QString &rest) const
{
    return apiPrefix(clientId) + rest;
}

QString ZiaApi::activationRateKey(const QString &tenantId)
{
    return RequestPolicy::rateKey(tenantId, QStringLiteral("zia"), QStringLiteral("activate"));
}

QString ZiaApi::urlLookupRateKey(const QString &tenantId)
{
    return RequestPolicy::rateKey(tenantId, QStringLiteral("zia"), QStringLiteral("urlLookup"));
}

QList<RateBudget> ZiaApi::activationBudgets(const ZiaActivationBudget &b)
{
    return {{b.perMinute, b.minuteMs}, {b.perHour, b.hourMs}};
}

QList<RateBudget> ZiaApi::urlLookupBudgets()
{
    return RequestPolicy::budgetsFor(QStringLiteral("zia"), QStringLiteral("urlLookup"));
}

void ZiaApi::ensureBudgets(const QString &tenantId)
{
    if (tenantId.isEmpty())
        return;
    m_caller->policy()->ensure(activationRateKey(tenantId));
    m_caller->policy()->ensure(urlLookupRateKey(tenantId));
}

void ZiaApi::setActivationBudget(const QString &tenantId, const ZiaActivationBudget &budget)
{
    m_caller->policy()->setBudgets(activationRateKey(tenantId), activationBudgets(budget));
}

QList<RateBudget> ZiaApi::activationBudgetsOf(const QString &tenantId) const
{
    return m_caller->policy()->budgets(activationRateKey(tenantId));
}

int ZiaApi::activationsWithin(const QString &tenantId, qint64 windowMs) const
{
    return m_caller->policy()->grantsWithin(activationRateKey(tenantId), windowMs);
}

qint64 ZiaApi::activationWaitMs(const QString &tenantId) const
{
    return m_caller->policy()->waitMs(activationRateKey(tenantId));
}

int ZiaApi::urlLookupsInLastHour(const QString &clientId) const
{
    return m_caller->policy()->grantsWithin(urlLookupRateKey(tenantIdOf(clientId)), 3'600'000);
}

qint64 ZiaApi::urlLookupWaitMs(const QString &clientId) const
{
    return m_caller->policy()->waitMs(urlLookupRateKey(tenantIdOf(clientId)));
}

bool ZiaApi::isReadOnlyError(const ApiError &e)
{
    return e.code == QLatin1String("STATE_READONLY");
}

void ZiaApi::observe(const QString &tenantId, const HttpResponse &r, bool *readOnly)
{
    ZiaApiMode mode = parseZiaApiMode(r.header("x-zscaler-mode"));
    if (r.status == 403 && (mode == ZiaApiMode::ReadOnly || parseErrorBody(r.body).code == QLatin1String("STATE_READONLY")))
        mode = ZiaApiMode::ReadOnly;
    *readOnly = mode == ZiaApiMode::ReadOnly;
    if (mode == ZiaApiMode::Unknown)
        return;
    const ZiaApiMode before = m_modes.value(tenantId, ZiaApiMode::Unknown);
    m_modes.insert(tenantId, mode);
    if ((before == ZiaApiMode::ReadOnly) != (mode == ZiaApiMode::ReadOnly)) {
        qCInfo(lcZia).noquote() << "tenant" << tenantId << "API mode:" << (*readOnly ? "read-only" : "read-write");
        emit modeChanged(tenantId, *readOnly);
    }
}

void ZiaApi::send(const QString &clientId, ApiRequest request, QObject *ctx,
                  std::function<void(const HttpResponse &, const ApiError &, bool)> done, CancelHandle cancel)
{
    QString why;
    if (!checkClient(clientId, &why)) {
        const ApiError e = ApiError::make(ErrorKind::Config, why);
        QTimer::singleShot(0, ctx ? ctx : this, [done, e] { done(HttpResponse{}, e, false); });
        return;
    }
    const QString tenantId = tenantIdOf(clientId);
    const QString tenantName = tenantNameOf(clientId);
    ensureBudgets(tenantId);
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    m_caller->call(clientId, request, this,
                   [this, tenantId, tenantName, done, guard, hasCtx](const HttpResponse &r) {
        bool readOnly = false;
        observe(tenantId, r, &readOnly);
        ApiError e = r.error;
        if (readOnly && r.status == 403) {
            e.kind = ErrorKind::Api;
            e.code = QStringLiteral("STATE_READONLY");
            e.message = tr("the ZIA API of tenant \"%1\" is in read-only mode (a scheduled upgrade): "
                           "changes are refused until it ends; reads still work")
                            .arg(tenantName);
        }
        if (hasCtx && !guard)
            return;
        done(r, e, readOnly);
    }, cancel);
}

bool ZiaApi::isLatestState(const QString &tenantId, quint64 sent)
{
    quint64 &told = m_latestStateTold[tenantId];
    if (sent < told)
        return false;
    told = sent;
    return true;
}

bool ZiaApi::isLatestActivation(const QString &tenantId, quint64 sent)
{
    if (!isLatestState(tenantId, sent))
        return false;
    m_latestStateTold[tenantId] = m_stateRequests + 1; // every read issued so far is older than this answer
    return true;
}

void ZiaApi::status(const QString &clientId, QObject *ctx, Done<ZiaActivationState> done, CancelHandle cancel)
{
    ApiRequest req;
    req.path = path(clientId, QStringLiteral("/status"));
    const AuthTarget *t = m_caller->broker()->target(clientId);
    if (t && t->client.kind == AuthKind::ZiaLegacy) // legacy best practice: defeat caches
        req.path += QStringLiteral("?_=") + QString::number(QDateTime::currentMSecsSinceEpoch());
    const QString tenantId = tenantIdOf(clientId);
    const quint64 sent = stateRequestSent();
    send(clientId, req, ctx, [this, tenantId, sent, done](const HttpResponse &r, const ApiError &e, bool ro) {
        auto rep = replyFrom<ZiaActivationState>(r, e, ro);
        QString why;
        if (rep.ok() && !parseZiaStatusJson(r.body, &rep.value, &why))
            rep.error = r.parseError(why);
        if (rep.ok() && isLatestState(tenantId, sent))
            emit statusSeen(tenantId, rep.value);
        done(rep);
    }, cancel);
}

void ZiaApi::activate(const QString &clientId, QObject *ctx, Done<ZiaActivationState> done, CancelHandle cancel)
{
    const QString tenantId = tenantIdOf(clientId);
    ApiRequest req;
    req.method = "POST";
    req.path = path(clientId, QStringLiteral("/status/activate"));
    req.body = "{}";
    req.rateKey = activationRateKey(tenantId);
    qCInfo(lcZia).noquote() << "activating the ZIA configuration of tenant" << tenantId;
    const quint64 sent = stateRequestSent();
    send(clientId, req, ctx, [this, tenantId, sent, done](const HttpResponse &r, const ApiError &e, bool ro) {
        auto rep = replyFrom<ZiaActivationState>(r, e, ro);
        QString why;
        if (rep.ok() && !parseZiaStatusJson(r.body, &rep.value, &why))
            rep.error = r.parseError(why);
        if (rep.ok() && isLatestActivation(tenantId, sent))
            emit activationRequested(tenantId, rep.value);
        done(rep);
    }, cancel);
}

void ZiaApi::urlCategories(const QString &clientId, bool customOnly, QObject *ctx, Done<QList<ZiaUrlCategory>> done,
                           CancelHandle cancel)
{
    ApiRequest req;
    req.path = path(clientId, QStringLiteral("/urlCategories"));
    if (customOnly)
        req.path += QStringLiteral("?customOnly=true");
    send(clientId, req, ctx, [done](const HttpResponse &r, const ApiError &e, bool ro) {
        auto rep = replyFrom<QList<ZiaUrlCategory>>(r, e, ro);
        if (rep.ok()) {
            const QJsonDocument doc = QJsonDocument::fromJson(r.body);
            if (!doc.isArray()) {
                rep.error = r.parseError(tr("the URL category list is not a JSON array"));
            } else {
                for (const QJsonValue &v : doc.array())
                    if (v.isObject())
                        rep.value.append(ZiaUrlCategory::fromJson(v.toObject()));
            }
        }
        done(rep);
    }, cancel);
}

void ZiaApi::urlCategory(const QString &clientId, const QString &id, QObject *ctx, Done<ZiaUrlCategory> done,
                         CancelHandle cancel)
{
    ApiRequest req;
    req.path = path(clientId, QStringLiteral("/urlCategories/")
                                  + QString::fromLatin1(QUrl::toPercentEncoding(id)));
    send(clientId, req, ctx, [done](const HttpResponse &r, const ApiError &e, bool ro) {
        auto rep = replyFrom<ZiaUrlCategory>(r, e, ro);
        if (rep.ok()) {
            const QJsonDocument doc = QJsonDocument::fromJson(r.body);
            if (!doc.isObject())
                rep.error = r.parseError(tr("the URL category is not a JSON object"));
            else
                rep.value = ZiaUrlCategory::fromJson(doc.object());
        }
        done(rep);
    }, cancel);
}

void ZiaApi::addUrls(const QString &clientId, const QString &id, const QStringList &urls, QObject *ctx,
                     Done<ZiaUrlEdit> done, CancelHandle cancel)
{
    editUrls(clientId, id, urls, true, ctx, std::move(done), cancel);
}

void ZiaApi::removeUrls(const QString &clientId, const QString &id, const QStringList &urls, QObject *ctx,
                        Done<ZiaUrlEdit> done, CancelHandle cancel)
{
    editUrls(clientId, id, urls, false, ctx, std::move(done), cancel);
}

void ZiaApi::editUrls(const QString &clientId, const QString &id, const QStringList &urls, bool add, QObject *ctx,
                      Done<ZiaUrlEdit> done, CancelHandle cancel)
{
    if (!cancel)
        cancel = makeCancelHandle();
    const QString tenantId = tenantIdOf(clientId);
    // GET before PUT: edits only custom categories, and sends only what changes.
    urlCategory(clientId, id, ctx, [=, this](const ZiaReply<ZiaUrlCategory> &got) {
        ZiaReply<ZiaUrlEdit> rep;
        rep.error = got.error;
        rep.readOnly = got.readOnly;
        rep.httpStatus = got.httpStatus;
        rep.requestId = got.requestId;
        rep.attempts = got.attempts;
        rep.value.category = got.value;
        if (!got.ok()) {
            done(rep);
            return;
        }
        if (!got.value.customCategory) {
            rep.error = ApiError::make(ErrorKind::Usage,
                                       tr("URL category %1 is predefined: only custom categories take URL edits")
                                           .arg(got.value.id));
            done(rep);
            return;
        }
        for (const QString &u : urls) {
            const bool present = got.value.urls.contains(u);
            ((present != add) ? rep.value.changed : rep.value.unchanged).append(u);
        }
        rep.value.changed.removeDuplicates();
        if (rep.value.changed.isEmpty()) {
            done(rep);
            return;
        }
        ApiRequest req;
        req.method = "PUT";
        req.path = path(clientId, QStringLiteral("/urlCategories/") + QString::fromLatin1(QUrl::toPercentEncoding(id))
                                      + (add ? QStringLiteral("?action=ADD_TO_LIST") : QStringLiteral("?action=REMOVE_FROM_LIST")));
        QJsonObject body{{QStringLiteral("urls"), toArray(rep.value.changed)}};
        if (!got.value.configuredName.isEmpty())
            body.insert(QStringLiteral("configuredName"), got.value.configuredName);
        req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        const ZiaUrlEdit before = rep.value;
        send(clientId, req, ctx, [this, tenantId, before, add, done](const HttpResponse &r, const ApiError &e, bool ro) {
            auto out = replyFrom<ZiaUrlEdit>(r, e, ro);
            out.value = before;
            if (out.ok()) {
                out.value.sent = true;
                const QJsonDocument doc = QJsonDocument::fromJson(r.body);
                if (doc.isObject()) {
                    out.value.category = ZiaUrlCategory::fromJson(doc.object());
                } else { // no body: apply the change to what was read
                    for (const QString &u : before.changed) {
                        if (add)
                            out.value.category.urls.append(u);
                        else
                            out.value.category.urls.removeAll(u);
                    }
                }
                qCInfo(lcZia).noquote() << (add ? "added" : "removed") << before.changed.size()
                                        << "URL(s) in category" << before.category.id << "of tenant" << tenantId;
                emit changesMade(tenantId);
            }
            done(out);
        }, cancel);
    }, cancel);
}

void ZiaApi::urlLookup(const QString &clientId, const QStringList &urls, QObject *ctx,
                       Done<QList<UrlLookupResult>> done, CancelHandle cancel)
{
    if (urls.isEmpty() || urls.size() > UrlLookup::MaxBatch) {
        const ApiError e = ApiError::make(ErrorKind::Usage, tr("a URL lookup takes 1 to %1 URLs, not %2")
                                                                .arg(UrlLookup::MaxBatch)
                                                                .arg(urls.size()));
        QTimer::singleShot(0, ctx ? ctx : this, [done, e] {
            ZiaReply<QList<UrlLookupResult>> rep;
            rep.error = e;
            done(rep);
        });
        return;
    }
    ApiRequest req;
    req.method = "POST";
    req.path = path(clientId, QStringLiteral("/urlLookup"));
    req.body = QJsonDocument(toArray(urls)).toJson(QJsonDocument::Compact);
    req.rateKey = urlLookupRateKey(tenantIdOf(clientId));
    send(clientId, req, ctx, [done](const HttpResponse &r, const ApiError &e, bool ro) {
        auto rep = replyFrom<QList<UrlLookupResult>>(r, e, ro);
        QString why;
        if (rep.ok() && !UrlLookup::parseReply(r.body, &rep.value, &why))
            rep.error = r.parseError(why);
        done(rep);
    }, cancel);
}

void ZiaApi::sessionStatus(const QString &clientId, QObject *ctx, Done<ZiaSessionInfo> done, CancelHandle cancel)
{
    ApiRequest req;
    req.path = path(clientId, QStringLiteral("/authenticatedSession"));
    send(clientId, req, ctx, [done](const HttpResponse &r, const ApiError &e, bool ro) {
        auto rep = replyFrom<ZiaSessionInfo>(r, e, ro);
        if (rep.ok()) {
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            rep.value.authType = o.value(QLatin1String("authType")).toString();
            rep.value.live = !rep.value.authType.isEmpty();
            rep.value.passwordExpiryTime = qint64(o.value(QLatin1String("passwordExpiryTime")).toDouble());
            rep.value.passwordExpiryDays = o.value(QLatin1String("passwordExpiryDays")).toInt();
        }
        done(rep);
    }, cancel);
}

void ZiaApi::endSession(const QString &clientId, QObject *ctx, Done<ZiaActivationState> done)
{
    TokenBroker *broker = m_caller->broker();
    const AuthTarget *t = broker->target(clientId);
    auto later = [this, ctx, done](const ApiError &e) {
        QTimer::singleShot(0, ctx ? ctx : this, [done, e] {
            ZiaReply<ZiaActivationState> rep;
            rep.error = e;
            done(rep);
        });
    };
    if (!t || t->client.kind != AuthKind::ZiaLegacy) {
        later(ApiError::make(ErrorKind::Usage, tr("only zia-legacy clients have a session to end")));
        return;
    }
    const TokenState ts = broker->status(clientId).state;
    if (ts != TokenState::Valid && ts != TokenState::Expiring) {
        later({}); // no live session: nothing to end (and opening one just to end it would activate)
        return;
    }
    const QString tenantId = t->tenant.id;
    ApiRequest req;
    req.method = "DELETE";
    req.path = t->endpoints.tokenUrl;
    req.retry = false;
    qCInfo(lcZia).noquote() << "ending the ZIA session of" << t->label() << "(this activates pending changes)";
    const quint64 sent = stateRequestSent();
    send(clientId, req, ctx, [this, broker, clientId, tenantId, sent, done](const HttpResponse &r, const ApiError &e, bool ro) {
        broker->forget(clientId);
        auto rep = replyFrom<ZiaActivationState>(r, e, ro);
        if (rep.ok()) {
            parseZiaStatusJson(r.body, &rep.value); // 200 {"status"} or 204: Unknown
            if (isLatestActivation(tenantId, sent))
                emit activationRequested(tenantId, rep.value);
        }
        done(rep);
    }, {});
}

} // namespace zc
