// ZIA /authenticatedSession: legacy admin sessions (obfuscated API key + timestamp), the
// JSESSIONID cookie, and session end (which activates pending changes).
#include "sim/Crypto.h"
#include "sim/Responses.h"
#include "sim/Routes.h"
#include "sim/SimCore.h"

namespace zsim {

namespace {

QJsonObject sessionBody()
{
    return QJsonObject{{QStringLiteral("authType"), QStringLiteral("ADMIN_LOGIN")},
                       {QStringLiteral("obfuscateApiKey"), false},
                       {QStringLiteral("passwordExpiryTime"), 0},
                       {QStringLiteral("passwordExpiryDays"), 0}};
}

SimResponse authFailed()
{
    return reply::ziaError(400, QStringLiteral("AUTHENTICATION_FAILED"), QStringLiteral("AUTHENTICATION_FAILED"));
}

SimResponse createSession(SimContext &ctx)
{
    QJsonObject body;
    if (!parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Zia);
    const QJsonObject *c = ctx.core.findClient(QStringLiteral("zia-legacy"), "username",
                                               body.value(QLatin1String("username")).toString());
    if (!c || !c->value(QLatin1String("enabled")).toBool(true)
        || c->value(QLatin1String("password")).toString() != body.value(QLatin1String("password")).toString())
        return authFailed();
    const QJsonValue tsValue = body.value(QLatin1String("timestamp"));
    const QString ts = tsValue.isDouble() ? QString::number(tsValue.toInteger(-1)) : tsValue.toString();
    bool ok = false;
    const qint64 tsMs = ts.toLongLong(&ok);
    if (!ok || qAbs(tsMs - ctx.nowMs) > 2LL * 3600 * 1000)
        return authFailed();
    const QString expected = obfuscateApiKey(c->value(QLatin1String("apiKey")).toString(), ts);
    if (expected.isEmpty() || expected != body.value(QLatin1String("apiKey")).toString())
        return authFailed();
    const QByteArray id = crypto::randomBytes(16).toHex().toUpper();
    ctx.core.zia.expireSessions(ctx.nowMs, ctx.core.knobs.intValue("ziaSessionIdleSeconds"));
    ctx.core.zia.sessions.insert(id, ZiaSession{c->value(QLatin1String("username")).toString(), ctx.nowMs});
    return SimResponse::json(200, sessionBody()).header("set-cookie", "JSESSIONID=" + id + "; Path=/; Secure; HttpOnly");
}

// GET: the session's state; without a live session the body has no authType (as documented).
SimResponse checkSession(SimContext &ctx)
{
    if (ctx.route.api == Api::ZiaGateway)
        return SimResponse::json(200, sessionBody());
    const ZiaSession *s = ctx.core.zia.session(ctx.req.cookie("JSESSIONID"), ctx.nowMs,
                                               ctx.core.knobs.intValue("ziaSessionIdleSeconds"));
    return SimResponse::json(200, s ? sessionBody() : QJsonObject());
}

// DELETE: ends the session and activates pending changes.
SimResponse endSession(SimContext &ctx)
{
    if (ctx.route.api == Api::ZiaLegacy) {
        const QByteArray id = ctx.req.cookie("JSESSIONID");
        if (ctx.core.zia.sessions.contains(id))
            ctx.core.zia.sessions.remove(id);
    }
    ctx.core.zia.activateNow(ctx.nowMs);
    return SimResponse::json(200, QJsonObject{{QStringLiteral("status"), ctx.core.zia.status(ctx.nowMs)}});
}

} // namespace

void registerZiaSessionRoutes(SimCore &core)
{
    const QString cls = QStringLiteral("zia.session");
    Router &r = core.router;
    r.add("POST", QStringLiteral("/api/v1/authenticatedSession"), Api::ZiaSession, cls, createSession);
    r.add("GET", QStringLiteral("/api/v1/authenticatedSession"), Api::ZiaSession, cls, checkSession);
    // DELETE needs a live session (or an external-IdP token): ZiaLegacy authentication.
    r.add("DELETE", QStringLiteral("/api/v1/authenticatedSession"), Api::ZiaLegacy, cls, endSession);
    r.add("GET", QStringLiteral("/zia/api/v1/authenticatedSession"), Api::ZiaGateway, cls, checkSession);
    r.add("DELETE", QStringLiteral("/zia/api/v1/authenticatedSession"), Api::ZiaGateway, cls, endSession);
}

} // namespace zsim
