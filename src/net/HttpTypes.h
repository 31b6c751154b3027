#pragma once

#include "core/ApiError.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <functional>

namespace zc {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One HTTP request as zconsole's network layer takes it.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    // PEM file of extra CAs trusted besides the system store ("" = system store only). Requests
    // with different values never share a connection (one QNetworkAccessManager per value).
    QString caFile;
    int timeoutMs = 30000;          // transfer timeout (no bytes for this long = failure)
    qint64 maxBodyBytes = -1;       // -1 = the client's default cap
    // The body holds credentials (token endpoints): never logged, never sent to another origin.
    bool sensitiveBody = false;
    // Called once, in the client's thread, when the request has been written to its connection
    // (QNetworkReply::requestSent of the first hop); HttpPipeline moves the rate limiter's grant
    // to that moment (RateLimiter::markSent).
    std::function<void()> onSent;

    void setHeader(const QByteArray &name, const QByteArray &value);
    void removeHeader(const QByteArray &name);
    QByteArray header(const QByteArray &name) const;
    // "GET https://host/path" (no query, no user info): names the endpoint in errors and logs.
    QString endpoint() const;
};

struct HttpResponse
{
    int status = 0;           // 0 = no HTTP reply (see error)
    HttpHeaders headers;
    QByteArray body;
    qint64 elapsedMs = 0;
    QString requestId;        // x-oneapi-request-id / x-transaction-id / x-request-id
    QString endpoint;         // of the request that produced it
    QUrl finalUrl;            // after redirects
    int attempts = 1;         // set by the pipeline: requests sent for this call
    ApiError error;           // transport error, or (after the pipeline) the API error

    bool ok() const { return !error.isError() && status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const; // case-insensitive, first match
    QList<QByteArray> headerValues(const QByteArray &name) const;
    // Value of a cookie set by this response (Set-Cookie), e.g. "JSESSIONID".
    QByteArray cookie(const QByteArray &name) const;
    bool isJson() const;
    bool looksLikeHtml() const;
    // A Parse error for a reply that is not what was expected (`why`), naming the endpoint and
    // carrying the status and request id.
    ApiError parseError(const QString &why) const;
};

} // namespace zc
