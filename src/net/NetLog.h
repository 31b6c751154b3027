#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcNet)

namespace zc {

// "POST https://host:port/path": method and URL without query, fragment or user info. Names an
// endpoint in errors a person reads and in the request log.
QString endpointName(const QByteArray &method, const QUrl &url);

// The URL for the request log: path plus the query with the values of every parameter that may
// carry a secret (token, key, secret, password, assertion, code, signature, session) replaced
// by "…"; no user info.
QString redactedUrl(const QUrl &url);

// True for headers whose values are never logged (Authorization, Cookie, Set-Cookie, X-API-KEY,
// Proxy-Authorization and anything with token/secret/key in its name).
bool isSecretHeader(const QByteArray &name);

// One line of the request log (category zconsole.net, info level):
// "GET https://h/p?page=1 -> 200 in 12 ms (request id …)". Never a header value or a body.
void logExchange(const QByteArray &method, const QUrl &url, int status, qint64 ms,
                 const QString &requestId, const QString &note = {});

} // namespace zc
