#include "net/HttpExchange.h"

#include "net/NetLog.h"

#include <QNetworkAccessManager>
#include <QSslCertificate>

namespace zc {

namespace {
QString origin(const QUrl &u)
{
    return u.scheme().toLower() + QStringLiteral("://") + u.host().toLower() + QLatin1Char(':')
           + QString::number(u.port(u.scheme() == QLatin1String("https") ? 443 : 80));
}
QString certName(const QSslCertificate &c)
{
    QString cn = c.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    return cn.isEmpty() ? c.subjectDisplayName() : QStringLiteral("CN=") + cn;
}
} // namespace

HttpExchange::HttpExchange(HttpClient *client, const HttpRequest &request, QObject *ctx,
                           HttpClient::Callback done, CancelHandle cancel)
    : QObject(client)
    , m_client(client)
    , m_request(request)
    , m_firstEndpoint(request.endpoint())
    , m_ctx(ctx)
    , m_hasCtx(ctx != nullptr)
    , m_done(std::move(done))
    , m_cancel(std::move(cancel))
{
    m_cap = request.maxBodyBytes > 0 ? request.maxBodyBytes : client->defaultMaxBodyBytes();
    m_totalTimer.setSingleShot(true);
    connect(&m_totalTimer, &QTimer::timeout, this, [this] {
        m_deadline = true;
        abortReply();
    });
    ++m_client->m_inFlight;
}

HttpExchange::~HttpExchange() { --m_client->m_inFlight; }

void HttpExchange::start()
{
    m_clock.start();
    if (m_cancel) {
        if (m_cancel->isCancelled()) {
            QTimer::singleShot(0, this, [this] { fail(ErrorKind::Cancelled, tr("cancelled")); });
            return;
        }
        m_cancel->setHook([self = QPointer<HttpExchange>(this)] {
            if (!self)
                return;
            self->m_cancelled = true;
            if (self->m_reply)
                self->abortReply();
            else
                QTimer::singleShot(0, self, [self] {
                    if (self)
                        self->fail(ErrorKind::Cancelled, tr("cancelled"));
                });
        });
    }
    m_totalTimer.start(m_client->totalTimeoutMs());
    // Never synchronously: callers get their callback on a later event-loop turn.
    QTimer::singleShot(0, this, &HttpExchange::sendHop);
}

void HttpExchange::sendHop()
{
    if (m_finished)
        return;
    if (m_cancelled) {
        fail(ErrorKind::Cancelled, tr("cancelled"));
        return;
    }
    const QUrl &url = m_request.url;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        fail(ErrorKind::Config, tr("not a usable URL"));
        return;
    }
    if (url.scheme() == QLatin1String("http")) {
        fail(ErrorKind::Config, tr("refusing plain http://; zconsole only talks https"));
        return;
    }
    ApiError err;
    QNetworkAccessManager *nam = m_client->managerFor(m_request.caFile, &err);
    if (!nam) {
        err.endpoint = m_request.endpoint();
        HttpResponse r;
        r.elapsedMs = m_clock.elapsed();
        r.endpoint = m_firstEndpoint;
        r.finalUrl = url;
        r.error = err;
        finish(r);
        return;
    }
    QNetworkRequest req(url);
    req.setSslConfiguration(m_client->tlsFor(m_request.caFile));
    req.setTransferTimeout(m_request.timeoutMs > 0 ? m_request.timeoutMs : 30000);
    req.setDecompressedSafetyCheckThreshold(std::min<qint64>(m_cap, 10LL * 1024 * 1024));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    req.setHeader(QNetworkRequest::UserAgentHeader, m_client->m_userAgent);
    for (const auto &h : std::as_const(m_request.headers))
        req.setRawHeader(h.first, h.second);

    m_body.clear();
    m_sslErrors.clear();
    m_hopClock.start();
    const QByteArray method = m_request.method.toUpper();
    QNetworkReply *reply = nullptr;
    if (method == "GET" && m_request.body.isEmpty())
        reply = nam->get(req);
    else if (method == "HEAD")
        reply = nam->head(req);
    else
        reply = nam->sendCustomRequest(req, method, m_request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, &HttpExchange::onReadyRead);
    connect(reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::onMetaData);
    connect(reply, &QNetworkReply::finished, this, &HttpExchange::onFinished);
    connect(reply, &QNetworkReply::sslErrors, this, &HttpExchange::onSslErrors);
    if (m_request.onSent && !m_sentReported)
        connect(reply, &QNetworkReply::requestSent, this, [this] {
            if (m_sentReported)
                return; // emitted one or more times; a redirect's hop is not a new send
            m_sentReported = true;
            m_request.onSent();
        });
}

void HttpExchange::onMetaData()
{
    if (!m_reply)
        return;
    const QVariant len = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (len.isValid() && len.toLongLong() > m_cap) {
        m_tooLarge = true;
        abortReply();
    }
}

void HttpExchange::onReadyRead()
{
    if (!m_reply || m_tooLarge)
        return;
    m_body += m_reply->read(m_cap + 1 - m_body.size());
    if (m_body.size() > m_cap) {
        m_tooLarge = true;
        abortReply();
    }
}

void HttpExchange::onSslErrors(const QList<QSslError> &errors)
{
    // Recorded for the message; never ignored.
    for (const QSslError &e : errors) {
        QString s = e.errorString();
        if (!e.certificate().isNull())
            s += QStringLiteral(" (certificate %1, issued by %2)")
                     .arg(certName(e.certificate()),
                          e.certificate().issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", ")));
        if (!m_sslErrors.contains(s))
            m_sslErrors << s;
    }
}

void HttpExchange::abortReply()
{
    if (m_reply)
        m_reply->abort(); // emits finished()
}

QString HttpExchange::tlsMessage() const
{
    QString why = m_sslErrors.isEmpty() ? tr("the TLS handshake failed") : m_sslErrors.join(QStringLiteral("; "));
    return tr("TLS: could not verify the server %1: %2. If a TLS-inspecting proxy is in the way, "
              "add its CA certificate to the client with --ca-file (zconsole never ignores "
              "certificate errors)")
        .arg(m_request.url.host(), why);
}

QString HttpExchange::networkMessage(QNetworkReply::NetworkError code) const
{
    const QString host = m_request.url.host();
    switch (code) {
    case QNetworkReply::ConnectionRefusedError: return tr("%1 refused the connection").arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return tr("%1 closed the connection before the reply was complete").arg(host);
    case QNetworkReply::HostNotFoundError: return tr("the host %1 was not found (DNS)").arg(host);
    case QNetworkReply::TimeoutError: return tr("the connection to %1 timed out").arg(host);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError: return tr("the network is not available");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError: return tr("the proxy failed to reach %1").arg(host);
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
        return tr("%1 sent a reply that is not valid HTTP, or cut it short").arg(host);
    default: return tr("network error talking to %1 (code %2)").arg(host).arg(int(code));
    }
}

void HttpExchange::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    disconnect(reply, nullptr, this, nullptr);
    if (!m_tooLarge && reply->isOpen())
        m_body += reply->read(m_cap + 1 - m_body.size());
    if (m_body.size() > m_cap)
        m_tooLarge = true;

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    const auto code = reply->error();
    const qint64 hopMs = m_hopClock.elapsed();

    HttpResponse r;
    r.status = status;
    r.headers = reply->rawHeaderPairs();
    r.elapsedMs = m_clock.elapsed();
    r.endpoint = m_firstEndpoint;
    r.finalUrl = m_request.url;
    for (const char *h : {"x-oneapi-request-id", "x-transaction-id", "x-request-id"}) {
        const QByteArray v = r.header(h);
        if (!v.isEmpty()) {
            r.requestId = QString::fromLatin1(v.left(100));
            break;
        }
    }

    auto transportError = [&](ErrorKind kind, const QString &msg) {
        logExchange(m_request.method, m_request.url, status, hopMs, r.requestId, msg);
        r.status = 0;
        r.headers.clear();
        r.error = ApiError::make(kind, msg, m_request.endpoint());
        r.error.requestId = r.requestId;
        finish(r);
    };

    if (m_cancelled)
        return transportError(ErrorKind::Cancelled, tr("cancelled"));
    if (m_tooLarge)
        return transportError(ErrorKind::Api,
                              tr("the reply is larger than the limit of %1 MB; it was not read")
                                  .arg(double(m_cap) / (1024.0 * 1024.0), 0, 'f', 1));
    if (m_deadline)
        return transportError(ErrorKind::Network,
                              tr("no complete reply from %1 within %2 s")
                                  .arg(m_request.url.host())
                                  .arg(m_client->totalTimeoutMs() / 1000));
    if (code == QNetworkReply::SslHandshakeFailedError || (!m_sslErrors.isEmpty() && status == 0))
        return transportError(ErrorKind::Tls, tlsMessage());
    if (code == QNetworkReply::OperationCanceledError)
        return transportError(ErrorKind::Network,
                              tr("%1 sent nothing for %2 s (transfer timeout)")
                                  .arg(m_request.url.host())
                                  .arg(m_request.timeoutMs / 1000));
    if (status == 0) {
        return transportError(code == QNetworkReply::NoError ? ErrorKind::Network
                                                             : ErrorKind::Network,
                              networkMessage(code));
    }
    // An HTTP reply whose body was cut short is not a reply we can trust.
    if (code == QNetworkReply::RemoteHostClosedError || code == QNetworkReply::ProtocolFailure)
        return transportError(ErrorKind::Network, networkMessage(code));

    logExchange(m_request.method, m_request.url, status, hopMs, r.requestId);
    if (status >= 300 && status < 400 && status != 304 && followRedirect(status, r))
        return;
    r.body = std::move(m_body);
    finish(r);
}

bool HttpExchange::followRedirect(int status, const HttpResponse &r)
{
    const QByteArray location = r.header("location").trimmed();
    if (location.isEmpty())
        return false; // hand the 3xx to the caller as it is
    const QUrl target = m_request.url.resolved(QUrl::fromEncoded(location));
    const QString where = endpointName(m_request.method, target);
    if (++m_redirects > m_client->maxRedirects()) {
        fail(ErrorKind::Network, tr("more than %1 redirects; stopped at %2")
                                     .arg(m_client->maxRedirects())
                                     .arg(where));
        return true;
    }
    if (target.scheme().toLower() != QLatin1String("https")) {
        fail(ErrorKind::Tls, tr("the server redirected to an insecure or unknown URL (%1); "
                                "zconsole only follows redirects to https://")
                                 .arg(target.scheme() + QStringLiteral("://") + target.host()));
        return true;
    }
    const bool crossOrigin = origin(target) != origin(m_request.url);
    if (crossOrigin && m_request.sensitiveBody) {
        fail(ErrorKind::Api, tr("the token endpoint redirected to another origin (%1); the "
                                "credentials were not sent there")
                                 .arg(target.host()));
        return true;
    }
    if (crossOrigin) {
        for (const char *h : {"authorization", "proxy-authorization", "cookie", "x-api-key"})
            m_request.removeHeader(h);
    }
    const QByteArray m = m_request.method.toUpper();
    if (status == 303 ? m != "HEAD" : ((status == 301 || status == 302) && m == "POST")) {
        m_request.method = "GET";
        m_request.body.clear();
        m_request.removeHeader("content-type");
        m_request.removeHeader("content-length");
    }
    qCDebug(lcNet).noquote() << "redirect" << status << "to" << redactedUrl(target)
                             << (crossOrigin ? "(other origin: credentials removed)" : "");
    m_request.url = target;
    sendHop();
    return true;
}

void HttpExchange::fail(ErrorKind kind, const QString &message)
{
    HttpResponse r;
    r.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    r.endpoint = m_firstEndpoint;
    r.finalUrl = m_request.url;
    r.error = ApiError::make(kind, message, m_request.endpoint());
    finish(r);
}

void HttpExchange::finish(HttpResponse response)
{
    if (m_finished)
        return;
    m_finished = true;
    m_totalTimer.stop();
    if (m_cancel)
        m_cancel->clearHook();
    if (response.error.isError() && response.error.endpoint.isEmpty())
        response.error.endpoint = m_firstEndpoint;
    auto done = std::move(m_done);
    const bool alive = !m_hasCtx || m_ctx;
    deleteLater();
    if (alive && done)
        done(response);
}

} // namespace zc
