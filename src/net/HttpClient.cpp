#include "net/HttpClient.h"

#include "net/HttpExchange.h"
#include "net/NetLog.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QSslCertificate>

namespace zc {

namespace {
// Keeps nothing: session cookies belong to the caller that asked for them, never to whoever
// shares the connection pool.
class NoCookieJar final : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
};
} // namespace

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_userAgent(QByteArrayLiteral("zconsole/") + QByteArrayLiteral(ZCONSOLE_VERSION))
{
}

HttpClient::~HttpClient()
{
    // Requests still running die first, while this is still an HttpClient (they count on it).
    const auto running = findChildren<HttpExchange *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(running);
}

QNetworkAccessManager *HttpClient::managerFor(const QString &caFile, ApiError *error)
{
    auto it = m_domains.find(caFile);
    if (it != m_domains.end())
        return it->nam;
    Domain d;
    d.tls = QSslConfiguration::defaultConfiguration();
    d.tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!caFile.isEmpty()) {
        QFile f(caFile);
        if (!QFileInfo(caFile).isFile() || !f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = ApiError::make(ErrorKind::Config,
                                        tr("Cannot read the CA file %1 of this client").arg(caFile));
            return nullptr;
        }
        const QList<QSslCertificate> certs = QSslCertificate::fromData(f.read(4 * 1024 * 1024), QSsl::Pem);
        if (certs.isEmpty()) {
            if (error)
                *error = ApiError::make(ErrorKind::Config,
                                        tr("The CA file %1 holds no PEM certificate").arg(caFile));
            return nullptr;
        }
        d.tls.addCaCertificates(certs);
    }
    d.nam = new QNetworkAccessManager(this);
    d.nam->setCookieJar(new NoCookieJar(d.nam));
    d.nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    d.nam->setAutoDeleteReplies(false);
    m_domains.insert(caFile, d);
    qCDebug(lcNet).noquote() << "new connection pool for trust domain"
                             << (caFile.isEmpty() ? QStringLiteral("<system store>") : caFile);
    return d.nam;
}

void HttpClient::send(const HttpRequest &request, QObject *ctx, Callback done, CancelHandle cancel)
{
    auto *x = new HttpExchange(this, request, ctx, std::move(done), std::move(cancel));
    x->start();
}

void HttpClient::clearConnections()
{
    for (auto it = m_domains.begin(); it != m_domains.end(); ++it)
        it->nam->clearConnectionCache();
}

} // namespace zc
