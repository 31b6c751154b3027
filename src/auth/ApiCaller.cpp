#include "auth/ApiCaller.h"

#include "auth/AuthLog.h"
#include "net/ErrorBody.h"

#include <QTimer>

namespace zc {

struct ApiCaller::Call
{
    QString clientId;
    ApiRequest request;
    QString rateKey;
    QPointer<QObject> ctx;
    bool hasCtx = false;
    HttpClient::Callback done;
    CancelHandle cancel;
    bool reauthDone = false;
    bool finished = false;
};

ApiCaller::ApiCaller(TokenBroker *broker, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
{
}

RequestPolicy *ApiCaller::policy() const
{
    return m_broker->pipeline()->policy();
}

QString ApiCaller::serviceOf(const AuthTarget &t, const ApiRequest &r)
{
    QString service;
    switch (t.client.kind) {
    case AuthKind::ZpaLegacy: service = QStringLiteral("zpa"); break;
    case AuthKind::ZiaLegacy:
    case AuthKind::ZiaOAuth: service = QStringLiteral("zia"); break;
    case AuthKind::SaasSecurity: service = QStringLiteral("saas"); break;
    case AuthKind::AppTotalKey: service = QStringLiteral("apptotal"); break;
    case AuthKind::SandboxToken: service = QStringLiteral("sandbox"); break;
    case AuthKind::OneApiSecret:
    case AuthKind::OneApiJwt: {
        // A gateway path, or an absolute URL (ZIdentity's own host: /admin/api/v1/…).
        const QString p = r.path.startsWith(QLatin1String("https://")) ? QUrl(r.path).path() : r.path;
        service = p.startsWith(QLatin1String("/ziam/")) || p.startsWith(QLatin1String("/admin/api/"))
                      ? QStringLiteral("ziam")
                  : p.startsWith(QLatin1String("/zpa")) ? QStringLiteral("zpa")
                  : p.startsWith(QLatin1String("/zia")) ? QStringLiteral("zia")
                                                        : QStringLiteral("oneapi");
        break;
    }
    }
    return service;
}

QString ApiCaller::defaultRateKey(const AuthTarget &t, const ApiRequest &r)
{
    const QByteArray m = r.method.toUpper();
    const bool write = !(m == "GET" || m == "HEAD");
    return RequestPolicy::rateKey(t.tenant.id, serviceOf(t, r),
                                  write ? QStringLiteral("write") : QStringLiteral("read"));
}

QUrl ApiCaller::urlFor(const QString &clientId, const QString &path) const
{
    const AuthTarget *t = m_broker->target(clientId);
    if (!t)
        return {};
    if (path.startsWith(QLatin1String("https://")))
        return QUrl(path);
    return QUrl(t->endpoints.baseUrl + (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path));
}

void ApiCaller::call(const QString &clientId, const ApiRequest &request, QObject *ctx,
                     HttpClient::Callback done, CancelHandle cancel)
{
    auto c = std::make_shared<Call>();
    c->clientId = clientId;
    c->request = request;
    c->ctx = ctx;
    c->hasCtx = ctx != nullptr;
    c->done = std::move(done);
    c->cancel = cancel ? cancel : makeCancelHandle();
    if (const AuthTarget *t = m_broker->target(clientId)) {
        c->rateKey = request.rateKey.isEmpty() ? defaultRateKey(*t, request) : request.rateKey;
    }
    step(c);
}

void ApiCaller::step(const std::shared_ptr<Call> &c)
{
    // While waiting for a token, a cancel ends the call (later steps install their own hooks).
    c->cancel->setHook([this, c] {
        QTimer::singleShot(0, this, [this, c] {
            HttpResponse r;
            r.error = ApiError::make(ErrorKind::Cancelled, tr("cancelled"));
            finish(c, r);
        });
    });
    m_broker->token(c->clientId, this, [this, c](const Token &token, const ApiError &error) {
        if (c->cancel->isCancelled()) {
            HttpResponse r;
            r.error = ApiError::make(ErrorKind::Cancelled, tr("cancelled"));
            finish(c, r);
            return;
        }
        if (error) {
            HttpResponse r;
            r.error = error;
            finish(c, r);
            return;
        }
        const AuthTarget *target = m_broker->target(c->clientId);
        if (!target) {
            HttpResponse r;
            r.error = ApiError::make(ErrorKind::Config, tr("the API client was removed"));
            finish(c, r);
            return;
        }
        Authenticator *auth = m_broker->authenticator(target->client.kind);
        HttpRequest req;
        req.method = c->request.method;
        req.url = urlFor(c->clientId, c->request.path);
        req.caFile = target->client.caFile;
        const ApiRules &rules = RequestPolicy::rules(serviceOf(*target, c->request));
        req.timeoutMs = c->request.timeoutMs > 0 ? c->request.timeoutMs : rules.timeoutMs;
        req.maxBodyBytes = c->request.maxBodyBytes != 0 ? c->request.maxBodyBytes : rules.maxBodyBytes;
        req.headers = c->request.headers;
        if (req.header("accept").isEmpty())
            req.setHeader("Accept", "application/json");
        req.body = c->request.body;
        if (!req.body.isEmpty() && req.header("content-type").isEmpty())
            req.setHeader("Content-Type", "application/json");
        auth->apply(req, token);
        const quint64 generation = token.generation;
        const AuthKind kind = target->client.kind;
        m_broker->pipeline()->send(
            req, SendOptions{c->rateKey, c->request.retry, c->request.onRetry}, this,
            [this, c, generation, kind, auth](const HttpResponse &r) {
                if (!auth->isUnauthorized(r) || c->cancel->isCancelled()) {
                    if (r.status > 0 && r.status != 401)
                        m_broker->touch(c->clientId);
                    finish(c, r);
                    return;
                }
                const QString delayKey = c->clientId + QLatin1Char('#') + QString::number(generation);
                if (kind == AuthKind::ZiaOAuth && !m_delayedRetries.contains(delayKey)) {
                    m_delayedRetries.insert(delayKey);
                    const qint64 delay = m_broker->authSettings().ziaOAuthFirst401DelayMs;
                    qCInfo(lcAuth).noquote() << "first call with a new zia-oauth token refused; retrying"
                                             << "once after" << delay << "ms";
                    auto *timer = new QTimer(this);
                    timer->setSingleShot(true);
                    QPointer<QTimer> guard(timer);
                    c->cancel->setHook([this, c, guard] {
                        if (guard)
                            guard->deleteLater();
                        HttpResponse cr;
                        cr.error = ApiError::make(ErrorKind::Cancelled, tr("cancelled"));
                        finish(c, cr);
                    });
                    connect(timer, &QTimer::timeout, this, [this, c, timer] {
                        timer->deleteLater();
                        c->cancel->clearHook();
                        step(c);
                    });
                    timer->start(int(delay));
                    return;
                }
                if (!c->reauthDone) {
                    c->reauthDone = true;
                    m_broker->invalidate(c->clientId, generation);
                    step(c);
                    return;
                }
                HttpResponse out = r;
                out.error = apiErrorFromResponse(r);
                out.error.kind = ErrorKind::Authentication;
                const AuthTarget *t = m_broker->target(c->clientId);
                out.error.message = tr("%1: the server refused a fresh token: %2")
                                        .arg(t ? t->label() : c->clientId, out.error.message);
                finish(c, out);
            },
            c->cancel);
    }, c->cancel);
}

void ApiCaller::finish(const std::shared_ptr<Call> &c, HttpResponse response)
{
    if (c->finished)
        return;
    c->finished = true;
    if (c->hasCtx && !c->ctx)
        return;
    auto done = std::move(c->done);
    if (done)
        done(response);
}

} // namespace zc
