#pragma once

#include "core/ApiError.h"
#include "core/Token.h"
#include "net/HttpTypes.h"

#include <QJsonValue>
#include <optional>

namespace zc {

struct TokenReplyOptions
{
    qint64 assumedLifetimeMs = 3'600'000; // no stated expiry: renew after this (and on a 401)
    int maxTokenBytes = 16 * 1024;        // longer access tokens are refused
};

// Tolerant parsing of OAuth-style token replies ({"access_token","token_type","expires_in"}).
class TokenReply
{
public:
    static constexpr qint64 MinLifetimeSecs = 1;
    static constexpr qint64 MaxLifetimeSecs = 30LL * 24 * 3600;

    // expires_in as a number, a numeric string, a float (truncated), zero or negative (→ 1 s),
    // huge (→ 30 d); nullopt for null, absent, or a non-numeric string.
    static std::optional<qint64> parseExpiresIn(const QJsonValue &value);

    // Parses a 2xx token reply into `out` (deadlines on `nowMs`, wall clock `nowUtc`). Expiry:
    // the JWT exp when the token is a JWT with exp (the sooner of exp and expires_in when both
    // are there), else expires_in, else "no stated expiry" with the assumed lifetime. Typed
    // errors (kind Parse, naming the endpoint) for an empty body, an HTML page, invalid JSON, a
    // missing or empty or oversized or non-ASCII access_token and a token_type other than Bearer.
    static ApiError parse(const HttpResponse &response, qint64 nowMs, const QDateTime &nowUtc,
                          const TokenReplyOptions &options, Token *out);
    static ApiError parse(const QByteArray &body, const QString &endpoint, qint64 nowMs,
                          const QDateTime &nowUtc, const TokenReplyOptions &options, Token *out);
};

} // namespace zc
