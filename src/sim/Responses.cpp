#include "sim/Responses.h"

#include "sim/JsonWriter.h"

namespace zsim::reply {

SimResponse zpaError(int status, const QString &id, const QString &reason)
{
    return SimResponse::json(status, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("reason"), reason}});
}

SimResponse ziaError(int status, const QString &code, const QString &message)
{
    return SimResponse::json(status, QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
}

SimResponse oauthError(int status, const QString &error, const QString &description)
{
    QJsonObject o{{QStringLiteral("error"), error}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("error_description"), description);
    return SimResponse::json(status, o);
}

SimResponse genericError(int status, const QString &code, const QString &message)
{
    return ziaError(status, code, message);
}

static QString unitFor(int windowSeconds, int limit)
{
    switch (windowSeconds) {
    case 1: return QStringLiteral("%1/SECOND").arg(limit);
    case 60: return QStringLiteral("%1/MINUTE").arg(limit);
    case 3600: return QStringLiteral("%1/HOUR").arg(limit);
    case 86400: return QStringLiteral("%1/DAY").arg(limit);
    default: return QStringLiteral("%1/%2 SECONDS").arg(limit).arg(windowSeconds);
    }
}

SimResponse rateLimited(ErrorStyle style, int retryAfter, int limit, int windowSeconds)
{
    const QByteArray n = QByteArray::number(qMax(1, retryAfter));
    if (style == ErrorStyle::Zpa) {
        return SimResponse::json(429, QJsonObject{{QStringLiteral("exception"), QStringLiteral("invalid.toomanyrequests")},
                                                  {QStringLiteral("id"), QStringLiteral("invalid.toomanyrequests")},
                                                  {QStringLiteral("reason"), QStringLiteral("Exceeded the number of requests allowed.")}})
            .header("retry-after", n + 's');
    }
    if (style == ErrorStyle::Zia) {
        // Field order as the service sends it: message first.
        QByteArray body;
        JsonWriter w(body);
        w.beginObject().key("message").str(QStringLiteral("Rate Limit (%1) exceeded").arg(unitFor(windowSeconds, limit)));
        w.key("Retry-After").str(QString(QString::fromLatin1(n) + QStringLiteral(" seconds"))).endObject();
        return SimResponse::bytes(429, body).header("retry-after", n);
    }
    return SimResponse::json(429, QJsonObject{{QStringLiteral("error"), QStringLiteral("too_many_requests")},
                                              {QStringLiteral("message"), QStringLiteral("Rate limit exceeded (%1).").arg(unitFor(windowSeconds, limit))},
                                              {QStringLiteral("Retry-After"), QString(QString::fromLatin1(n) + QStringLiteral(" seconds"))}})
        .header("retry-after", n);
}

SimResponse zidRateLimited(int retryAfter, int limit, int windowSeconds)
{
    const QByteArray n = QByteArray::number(qMax(1, retryAfter));
    return SimResponse::json(429, QJsonObject{{QStringLiteral("code"), QStringLiteral("TOO_MANY_REQUESTS")},
                                              {QStringLiteral("message"), QStringLiteral("Rate limit exceeded (%1).").arg(unitFor(windowSeconds, limit))},
                                              {QStringLiteral("Retry-After"), QString(QString::fromLatin1(n) + QStringLiteral(" seconds"))}})
        .header("retry-after", n);
}

SimResponse conflict(ErrorStyle style)
{
    if (style == ErrorStyle::Zpa)
        return zpaError(409, QStringLiteral("api.concurrent.access.error"),
                        QStringLiteral("Concurrent access to the same resource. Please try again."));
    if (style == ErrorStyle::Zia)
        return SimResponse::json(409, QJsonObject{{QStringLiteral("code"), QStringLiteral("EDIT_LOCK_NOT_AVAILABLE")}});
    return genericError(409, QStringLiteral("CONFLICT"), QStringLiteral("Concurrent modification; try again."));
}

SimResponse serverError(ErrorStyle style, int status)
{
    const bool unavailable = status == 503 || status == 502 || status == 504;
    if (style == ErrorStyle::Zpa)
        return zpaError(status, unavailable ? QStringLiteral("service.unavailable") : QStringLiteral("internal.server.error"),
                        unavailable ? QStringLiteral("The service is temporarily unavailable. Please try again later.")
                                    : QStringLiteral("An unexpected error occurred."));
    if (style == ErrorStyle::Zia)
        return ziaError(status, unavailable ? QStringLiteral("SERVICE_UNAVAILABLE") : QStringLiteral("UNEXPECTED_ERROR"),
                        unavailable ? QStringLiteral("The service is temporarily unavailable.")
                                    : QStringLiteral("Request processing failed due to an unexpected error."));
    return genericError(status, unavailable ? QStringLiteral("SERVICE_UNAVAILABLE") : QStringLiteral("INTERNAL_ERROR"),
                        QStringLiteral("Upstream error (simulated)."));
}

SimResponse readOnly()
{
    return ziaError(403, QStringLiteral("STATE_READONLY"),
                    QStringLiteral("The API service is undergoing a scheduled upgrade and is in read-only mode."))
        .header("x-zscaler-mode", "read-only");
}

SimResponse unauthorized(Api api)
{
    switch (api) {
    case Api::ZpaGateway:
    case Api::ZiaGateway:
    case Api::Zid:
        return SimResponse::bytes(401, "{\n \"detail\": \"unauthorized\",\n \"type\": \"\",\n \"title\": \"\",\n \"status\": \"\"\n}")
            .header("x-oneapi-api-category", "public");
    case Api::ZpaLegacy:
    case Api::ZpaAuth:
        return zpaError(401, QStringLiteral("authn.token.invalid"), QStringLiteral("The bearer token is missing, invalid or expired."));
    case Api::ZiaLegacy:
    case Api::ZiaSession:
        return ziaError(401, QStringLiteral("SESSION_NOT_VALID"), QStringLiteral("Session is not valid or has expired."));
    case Api::Saas:
        return oauthError(401, QStringLiteral("invalid_token"), QStringLiteral("Access token is invalid or expired"));
    case Api::AppTotal:
        return SimResponse::json(401, QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid or missing X-API-KEY")}});
    case Api::Sandbox:
        return SimResponse::json(401, QJsonObject{{QStringLiteral("code"), 401},
                                                  {QStringLiteral("message"), QStringLiteral("Invalid API token")}});
    default:
        return oauthError(401, QStringLiteral("invalid_client"));
    }
}

SimResponse notFound(const QString &method, const QString &path, bool methodNotAllowed)
{
    const int status = methodNotAllowed ? 405 : 404;
    return SimResponse::json(status, QJsonObject{{QStringLiteral("error"), methodNotAllowed ? QStringLiteral("method not allowed") : QStringLiteral("not found")},
                                                 {QStringLiteral("method"), method},
                                                 {QStringLiteral("path"), path},
                                                 {QStringLiteral("simulator"), QStringLiteral("zconsole")}});
}

SimResponse zpaNotFound(const QString &what, const QString &id)
{
    return zpaError(404, QStringLiteral("resource.not.found"), QStringLiteral("%1 %2 was not found.").arg(what, id));
}

SimResponse zpaBadRequest(const QString &reason)
{
    return zpaError(400, QStringLiteral("bad.request"), reason);
}

SimResponse ziaNotFound(const QString &what)
{
    return ziaError(404, QStringLiteral("RESOURCE_NOT_FOUND"), QStringLiteral("%1 not found").arg(what));
}

SimResponse badJson(ErrorStyle style)
{
    if (style == ErrorStyle::Zpa)
        return zpaError(400, QStringLiteral("read.message.failed"), QStringLiteral("The request body could not be read as JSON."));
    if (style == ErrorStyle::Zia)
        return ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), QStringLiteral("Request body is invalid."));
    return genericError(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("The request body is not valid JSON."));
}

} // namespace zsim::reply
