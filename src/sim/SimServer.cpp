#include "sim/SimServer.h"

#include "sim/Responses.h"
#include "sim/SimCore.h"
#include "sim/TlsMaterial.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLocale>
#include <QMutexLocker>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <optional>

namespace zsim {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "UNKNOWN";
    }
}

bool isZscalerApi(Api api)
{
    return api == Api::ZpaLegacy || api == Api::ZpaGateway || api == Api::ZiaLegacy
        || api == Api::ZiaGateway || api == Api::Zid;
}

// Authenticates ctx for its route; returns the error reply when it fails.
std::optional<SimResponse> authenticate(SimContext &ctx)
{
    SimCore &core = ctx.core;
    const Api api = ctx.route.api;
    switch (api) {
    case Api::ZpaLegacy:
    case Api::ZpaGateway:
    case Api::ZiaGateway:
    case Api::Zid: {
        const bool gateway = api != Api::ZpaLegacy;
        const TokenInfo *t = core.validToken(ctx.req.bearerToken(), gateway ? QStringLiteral("oneapi") : QStringLiteral("zpa"), ctx.nowMs);
        if (!t || (gateway && !t->audience))
            return reply::unauthorized(api);
        ctx.clientId = t->clientId;
        return std::nullopt;
    }
    case Api::ZiaLegacy: {
        const int idle = core.knobs.intValue("ziaSessionIdleSeconds");
        if (const ZiaSession *s = core.zia.session(ctx.req.cookie("JSESSIONID"), ctx.nowMs, idle)) {
            ctx.clientId = s->username;
            return std::nullopt;
        }
        if (const TokenInfo *t = core.validToken(ctx.req.bearerToken(), QStringLiteral("zia-oauth"), ctx.nowMs)) {
            ctx.clientId = t->clientId;
            return std::nullopt;
        }
        return reply::unauthorized(api);
    }
    case Api::Saas:
        if (const TokenInfo *t = core.validToken(ctx.req.bearerToken(), QStringLiteral("saas"), ctx.nowMs)) {
            ctx.clientId = t->clientId;
            return std::nullopt;
        }
        return reply::unauthorized(api);
    case Api::AppTotal: {
        const QString key = QString::fromUtf8(ctx.req.header("x-api-key"));
        if (!core.findClient(QStringLiteral("apptotal-key"), "apiKey", key))
            return reply::unauthorized(api);
        ctx.clientId = key;
        return std::nullopt;
    }
    case Api::Sandbox: {
        const QString token = ctx.req.queryValue(QStringLiteral("api_token"));
        if (!core.findClient(QStringLiteral("sandbox-token"), "apiKey", token))
            return reply::unauthorized(api);
        ctx.clientId = token;
        return std::nullopt;
    }
    case Api::Control:
        if (ctx.req.header("x-sim-control") != core.controlToken.toLatin1())
            return SimResponse::json(403, QJsonObject{{QStringLiteral("error"), QStringLiteral("X-Sim-Control header missing or wrong")}});
        return std::nullopt;
    default:
        return std::nullopt;  // token endpoints and session routes check credentials themselves
    }
}

} // namespace

SimServer::SimServer(SimCore &core, QObject *parent) : QObject(parent), m_core(core) {}

SimServer::~SimServer() = default;

bool SimServer::listen(quint16 port, const TlsMaterial &tls, QString *error)
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(QSslCertificate(tls.certPem, QSsl::Pem));
    conf.setPrivateKey(QSslKey(tls.keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (conf.localCertificate().isNull() || conf.privateKey().isNull()) {
        *error = QStringLiteral("the TLS certificate or key could not be loaded");
        return false;
    }
    m_http = new QHttpServer(this);
    m_ssl = new QSslServer(this);
    m_ssl->setSslConfiguration(conf);
    m_ssl->setHandshakeTimeout(10000);
    connect(m_ssl, &QSslServer::startedEncryptionHandshake, this, [](QSslSocket *socket) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);   // replies go out in one write
    });
    if (!m_ssl->listen(QHostAddress::LocalHost, port)) {
        *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(m_ssl->errorString());
        return false;
    }
    m_port = m_ssl->serverPort();
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handle(request, responder);
    });
    m_http->bind(m_ssl);
    return true;
}

void SimServer::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    SimRequest req;
    req.method = methodName(request.method());
    const QUrl url = request.url();
    req.path = url.path(QUrl::FullyDecoded);
    while (req.path.size() > 1 && req.path.endsWith(QLatin1Char('/')))
        req.path.chop(1);
    req.query = request.query().queryItems(QUrl::FullyDecoded);
    req.headers = request.headers();
    req.body = request.body();
    const bool close = req.header("connection").compare("close", Qt::CaseInsensitive) == 0;

    Mode mode = Mode::Normal;
    int delayMs = 0;
    const SimResponse r = process(req, &mode, &delayMs);
    QPointer<QTcpSocket> socket(responder.socket());
    if (!socket)
        return;
    if (delayMs <= 0) {
        send(socket, r, mode, close);
        return;
    }
    QTimer::singleShot(delayMs, socket.data(), [this, socket, r, mode, close] { send(socket, r, mode, close); });
}

SimResponse SimServer::process(const SimRequest &req, Mode *mode, int *delayMs)
{
    QMutexLocker lock(&m_core.mutex);
    const RouteMatch m = m_core.router.match(req.method, req.path);
    if (!m.route) {
        m_core.count(QStringLiteral("UNMATCHED"));
        return reply::notFound(QString::fromLatin1(req.method), req.path, m.pathKnown);
    }
    const Route &route = *m.route;
    SimContext ctx{m_core, req, route, m.params, m_core.clock.now(), {}};
    m_core.count(route.key);
    m_core.arrived(route.key, ctx.nowMs);
    const ErrorStyle style = errorStyle(route.api);

    if (route.api == Api::Control) {
        if (auto denied = authenticate(ctx))
            return *denied;
        return route.handler(ctx);
    }

    SimResponse r;
    bool answered = false;
    const RateVerdict rate = m_core.knobs.checkRate(route.routeClass, route.key, ctx.nowMs);
    if (rate.limited) {
        m_core.count(route.key + QStringLiteral("#429"));
        r = route.api == Api::Zid ? reply::zidRateLimited(rate.retryAfter, rate.limit, rate.windowSeconds)
                                  : reply::rateLimited(style, rate.retryAfter, rate.limit, rate.windowSeconds);
        answered = true;
    }
    if (!answered) {
        if (const auto fault = m_core.knobs.pickFault(route.key, req.query)) {
            m_core.count(route.key + QLatin1Char('#') + fault->kind);
            if (fault->kind == QLatin1String("429")) {
                r = route.api == Api::Zid ? reply::zidRateLimited(fault->retryAfter, 2, 1)
                                          : reply::rateLimited(style, fault->retryAfter, 2, 1);
                answered = true;
            } else if (fault->kind == QLatin1String("409")) {
                r = reply::conflict(style);
                answered = true;
            } else if (fault->kind == QLatin1String("5xx")) {
                r = reply::serverError(style, fault->status >= 500 && fault->status <= 599 ? fault->status : 503);
                answered = true;
            } else if (fault->kind == QLatin1String("readonly")) {
                r = reply::readOnly();
                answered = true;
            } else if (fault->kind == QLatin1String("latency")) {
                *delayMs += fault->ms;
            } else {
                *mode = fault->kind == QLatin1String("reset") ? Mode::Reset : Mode::Truncate;
            }
        }
    }
    if (!answered) {
        if (auto denied = authenticate(ctx)) {
            m_core.count(route.key + QStringLiteral("#401"));
            r = *denied;
            answered = true;
        }
    }
    if (!answered && m_core.knobs.readOnly() && isZscalerApi(route.api) && req.method != "GET"
        && route.routeClass != QLatin1String("zia.session")) {
        m_core.count(route.key + QStringLiteral("#readonly"));
        r = reply::readOnly();
        answered = true;
    }
    if (!answered)
        r = route.handler(ctx);
    decorate(r, ctx);
    *delayMs += m_core.knobs.latencyMs();
    return r;
}

void SimServer::decorate(SimResponse &r, SimContext &ctx)
{
    const Api api = ctx.route.api;
    if (isZscalerApi(api) || api == Api::ZiaSession) {
        if (r.headerValue("x-zscaler-mode").isEmpty())
            r.header("x-zscaler-mode", m_core.knobs.readOnly() ? "read-only" : "read-write");
    }
    if (errorStyle(api) == ErrorStyle::Zpa && r.contentType == "application/json")
        r.contentType = "application/json;charset=utf-8";
    if (api == Api::OneApiToken) {
        r.header("x-ratelimit-limit", "500, 500;w=1, 100000;w=60").header("x-ratelimit-remaining", "499").header("x-ratelimit-reset", "1");
    }
    if (!isGateway(api))
        return;
    if (ctx.nowMs - m_gatewayWindowStart >= 60000) {
        m_gatewayWindowStart = ctx.nowMs;
        m_gatewayCount = 0;
    }
    ++m_gatewayCount;
    const int limit = api == Api::Zid ? 20000 : 5000;
    QByteArray reset = QByteArray::number(qMax<qint64>(1, (m_gatewayWindowStart + 60000 - ctx.nowMs + 999) / 1000));
    QByteArray limitHeader = api == Api::Zid ? "500, 500;w=1, 20000;w=60" : "5000, 5000;w=60";
    QByteArray remaining = QByteArray::number(qMax(0, limit - m_gatewayCount));
    if (api == Api::Zid) {
        // With the rateLimits knob set for the route's class (zid.read / zid.write) or its key,
        // the headers show those windows: "<lowest limit>, <limit>;w=<s>, …" (enforced ones).
        const QList<RateWindowStatus> windows = m_core.knobs.rateStatus(ctx.route.routeClass, ctx.route.key, ctx.nowMs);
        if (!windows.isEmpty()) {
            int lowest = windows.first().limit, left = windows.first().limit - windows.first().used;
            int resetS = windows.first().resetSeconds;
            QByteArray list;
            for (const RateWindowStatus &w : windows) {
                list += ", " + QByteArray::number(w.limit) + ";w=" + QByteArray::number(w.windowSeconds);
                lowest = qMin(lowest, w.limit);
                if (w.limit - w.used < left) {
                    left = w.limit - w.used;
                    resetS = w.resetSeconds;
                }
            }
            limitHeader = QByteArray::number(lowest) + list;
            remaining = QByteArray::number(qMax(0, left));
            reset = QByteArray::number(resetS);
        }
    }
    r.header("x-ratelimit-limit", limitHeader)
        .header("x-ratelimit-remaining", remaining)
        .header("x-ratelimit-reset", reset);
    // The direct ZIdentity path (/admin/api/v1) is not behind the gateway: no x-oneapi-* headers.
    if (!(api == Api::Zid && ctx.req.path.startsWith(QLatin1String("/admin/api/v1/"))))
        r.header("x-oneapi-request-id", m_core.uuid().toLatin1()).header("x-oneapi-version", "109.1.146-zsim");
    const auto t = m_core.tokens.constFind(ctx.req.bearerToken());
    r.header("x-transaction-id", t != m_core.tokens.constEnd() ? t->transactionId : m_core.uuid().toLatin1());
}

void SimServer::send(const QPointer<QTcpSocket> &socket, const SimResponse &r, Mode mode, bool close)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    const qint64 nowSec = QDateTime::currentSecsSinceEpoch();
    if (nowSec != m_dateSecond) {
        m_dateSecond = nowSec;
        m_date = QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
    }
    int status = r.status;
    QByteArray body = r.body;
    QByteArray contentType = r.contentType;
    qint64 announced = body.size();
    if (mode != Mode::Normal) {
        status = 200;
        if (body.size() < 8)
            body = "{\"status\":\"simulated fault: the reply body was cut\",\"padding\":\"0123456789abcdef\"}";
        if (contentType.isEmpty())
            contentType = "application/json";
        if (mode == Mode::Truncate) {
            body.truncate(body.size() / 2);
            announced = body.size();
        } else {
            announced = body.size() + qMax<qint64>(64, body.size());
            body.truncate(body.size() / 2);
        }
    }
    QByteArray out;
    out.reserve(256 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "date: " + m_date + "\r\nserver: Zscaler\r\n";
    if (!contentType.isEmpty())
        out += "content-type: " + contentType + "\r\n";
    if (status != 204 && status != 304)
        out += "content-length: " + QByteArray::number(announced) + "\r\n";
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (close)
        out += "connection: close\r\n";
    out += "\r\n";
    if (status != 204 && status != 304)
        out += body;
    socket->write(out);
    if (mode == Mode::Reset) {
        socket->flush();
        QTimer::singleShot(30, socket.data(), [socket] {
            if (socket)
                socket->abort();
        });
    } else if (close) {
        socket->disconnectFromHost();
    }
}

} // namespace zsim
