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

QString ApiCaller::defaultRateKey(const AuthTarget &t, const ApiRequest &r)
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
        const QString p = r.path;
        service = p.startsWith(QLatin1String("/zpa")) ? QStringLiteral("zpa")
                  : p.startsWith(QLatin1String("/zia")) ? QStringLiteral("zia")
                  : p.startsWith(QLatin1String("/ziam")) ? QStringLiteral("ziam")
                                                          : QStringLiteral("oneapi");
        break;
    }
    }
    const QByteArray m = r.method.toUpper();
    const bool write = !(m == "GET" || m == "HEAD");
    return t.tenant.id + QLatin1Char('/') + service + (write ? QStringLiteral("/write") : QStringLiteral("/read"));
}

QList<RateBudget> ApiCaller::defaultBudgets(const QString &service, const QString &methodClass)
{
    // Endpoint-specific ZIA budgets (zscaler-api-notes.md §4.4, §4.5).
    if (service == QLatin1String("zia") && methodClass == QLatin1String("activate"))
        return {{10, 60'000}, {40, 3'600'000}};
    if (service == QLatin1String("zia") && methodClass == QLatin1String("urlLookup"))
        return {{1, 1100}, {400, 3'600'000}};
    if (methodClass != QLatin1String("read") && methodClass != QLatin1String("write"))
        return {}; // a class only its service knows: it installs the budget itself
    return defaultBudgets(service, methodClass == QLatin1String("write"));
}

QList<RateBudget> ApiCaller::defaultBudgets(const QString &service, bool write)
{
    if (service == QLatin1String("zpa"))
        return {{write ? 10 : 20, 10'000}};
    if (service == QLatin1String("zia"))
        return write ? QList<RateBudget>{{1, 1000}, {400, 3'600'000}}
                     : QList<RateBudget>{{2, 1000}, {1000, 3'600'000}};
    if (service == QLatin1String("ziam"))
        return {{20, 1000}};
    return {};
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
        if (!m_knownKeys.contains(c->rateKey)) {
            m_knownKeys.insert(c->rateKey);
            RateLimiter *limiter = m_broker->pipeline()->limiter();
            if (limiter && !limiter->isConfigured(c->rateKey)) {
                const QStringList parts = c->rateKey.split(QLatin1Char('/'));
                if (parts.size() == 3)
                    limiter->setBudgets(c->rateKey, defaultBudgets(parts[1], parts[2]));
            }
        }
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
        req.timeoutMs = c->request.timeoutMs;
        req.maxBodyBytes = c->request.maxBodyBytes;
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
            req, SendOptions{c->rateKey, c->request.retry}, this,
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
