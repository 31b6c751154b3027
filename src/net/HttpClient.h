#pragma once

#include "net/CancelToken.h"
#include "net/HttpTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <functional>

class QNetworkAccessManager;

namespace zc {

// The one place for HTTP policy. Lives in one thread (network objects stay in the thread that
// uses them); create one per thread.
//  - one QNetworkAccessManager per trust domain (system store + optional extra PEM CA file),
//    because QNAM reuses keep-alive connections per host and ignores a per-request TLS config;
//  - TLS errors are never ignored: they become ApiError kind Tls naming the certificate problem;
//  - every request has a transfer timeout, a total deadline and a response body cap (enforced
//    while reading, plus Qt's decompression-bomb check);
//  - redirects are followed by hand: at most 5, never to http://, and Authorization / Cookie /
//    X-API-KEY never go to another origin (a credential-bearing body is never sent there);
//  - no cookie jar: a JSESSIONID is only ever sent by the caller that owns it;
//  - a redacting request log on zconsole.net (no header values, no bodies, no secret query values).
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    static constexpr qint64 DefaultMaxBodyBytes = 64LL * 1024 * 1024;

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    void setDefaultMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }
    qint64 defaultMaxBodyBytes() const { return m_maxBody; }
    void setMaxRedirects(int n) { m_maxRedirects = n; }
    int maxRedirects() const { return m_maxRedirects; }
    // Overall limit per request (including slow trickles the transfer timeout cannot see).
    void setTotalTimeoutMs(int ms) { m_totalTimeoutMs = ms; }
    int totalTimeoutMs() const { return m_totalTimeoutMs; }
    void setUserAgent(const QByteArray &ua) { m_userAgent = ua; }

    // Sends `request`; calls `done` exactly once in this thread (never synchronously), unless
    // `ctx` is destroyed first. A cancelled request ends with ErrorKind::Cancelled.
    void send(const HttpRequest &request, QObject *ctx, Callback done, CancelHandle cancel = {});

    // Drops idle keep-alive connections of every trust domain.
    void clearConnections();
    int inFlight() const { return m_inFlight; }

    // The manager for one trust domain ("" = system store); created on first use. Null with
    // `error` set if the CA file cannot be used.
    QNetworkAccessManager *managerFor(const QString &caFile, ApiError *error);
    QSslConfiguration tlsFor(const QString &caFile) const { return m_domains.value(caFile).tls; }

private:
    friend class HttpExchange;
    struct Domain
    {
        QNetworkAccessManager *nam = nullptr;
        QSslConfiguration tls; // system CAs + the extra ones, applied to every request
    };
    QHash<QString, Domain> m_domains;
    qint64 m_maxBody = DefaultMaxBodyBytes;
    int m_maxRedirects = 5;
    int m_totalTimeoutMs = 300'000;
    int m_inFlight = 0;
    QByteArray m_userAgent;
};

} // namespace zc
