// Token and session endpoints: OneAPI (secret and private_key_jwt), ZPA /signin and /signout,
// ZIA external-IdP OAuth, ZIA /authenticatedSession, SaaS Security /oauth/token.
#include "sim/Crypto.h"
#include "sim/Responses.h"
#include "sim/Routes.h"
#include "sim/SimCore.h"

namespace zsim {

namespace {

const QString kAudience = QStringLiteral("https://api.zscaler.com");

QJsonValue expiresIn(int seconds, bool asString)
{
    return asString ? QJsonValue(QString::number(seconds)) : QJsonValue(seconds);
}

// Form fields from the body, with query parameters as a fallback (some clients send those).
QHash<QString, QString> formOf(const SimRequest &req)
{
    QHash<QString, QString> form = parseForm(req.body);
    for (const auto &q : req.query) {
        if (!form.contains(q.first))
            form.insert(q.first, q.second);
    }
    return form;
}

SimResponse invalidClient(const QString &why)
{
    return reply::oauthError(401, QStringLiteral("invalid_client"), why);
}

// Checks a private_key_jwt client assertion; returns the error text or "".
QString checkAssertion(SimContext &ctx, const QByteArray &assertion, QString *clientId)
{
    crypto::JwtParts jwt;
    if (!crypto::splitJwt(assertion, &jwt))
        return QStringLiteral("The client assertion is not a JWT.");
    if (jwt.header.value(QLatin1String("alg")).toString() != QLatin1String("RS256"))
        return QStringLiteral("The client assertion must be signed with RS256.");
    const QString iss = jwt.payload.value(QLatin1String("iss")).toString();
    const QString sub = jwt.payload.value(QLatin1String("sub")).toString();
    if (clientId->isEmpty())
        *clientId = iss;
    if (iss != *clientId || sub != *clientId)
        return QStringLiteral("The assertion's iss and sub must both be the client_id.");
    const int at = ctx.core.zid.find(*clientId);
    if (at < 0)
        return QStringLiteral("Unknown client.");
    const ZidClient &c = ctx.core.zid.clients.at(at);
    if (!c.status)
        return QStringLiteral("The client is disabled.");
    if (c.authType != QLatin1String("PUBKEYCERT") || c.publicKeys.isEmpty())
        return QStringLiteral("The client does not authenticate with a public key.");
    // Any of the client's keys will do, once it has propagated (zidSecretPropagationMs).
    const int propagation = ctx.core.knobs.intValue("zidSecretPropagationMs");
    bool verified = false;
    for (const ZidPublicKey &k : c.publicKeys) {
        QString error;
        if (ZidState::propagated(k.addedMs, ctx.nowMs, propagation)
            && crypto::verifyRs256(k.pem, jwt.signingInput, jwt.signature, &error)) {
            verified = true;
            break;
        }
    }
    if (!verified)
        return QStringLiteral("The client assertion signature is invalid.");
    const QString tokenUrl = ctx.core.baseUrl + QStringLiteral("/oauth2/v1/token");
    const QJsonValue aud = jwt.payload.value(QLatin1String("aud"));
    QStringList auds;
    if (aud.isArray()) {
        for (const QJsonValue &a : aud.toArray())
            auds.append(a.toString());
    } else {
        auds.append(aud.toString());
    }
    if (!auds.contains(kAudience) && !auds.contains(tokenUrl))
        return QStringLiteral("The assertion's aud must be %1.").arg(kAudience);
    const QJsonValue exp = jwt.payload.value(QLatin1String("exp"));
    const qint64 now = ctx.nowMs / 1000;
    const qint64 expSeconds = exp.isDouble() ? exp.toInteger(-1) : -1;
    if (expSeconds <= now)
        return QStringLiteral("The client assertion has expired.");
    if (expSeconds > now + 3600 + 5)
        return QStringLiteral("The client assertion's exp is more than one hour ahead.");
    return {};
}

SimResponse oneApiToken(SimContext &ctx)
{
    const QHash<QString, QString> form = formOf(ctx.req);
    if (form.value(QStringLiteral("grant_type")) != QLatin1String("client_credentials"))
        return reply::oauthError(400, QStringLiteral("unsupported_grant_type"), QStringLiteral("Only client_credentials is supported."));
    const bool hasAudience = form.contains(QStringLiteral("audience"));
    if (hasAudience && form.value(QStringLiteral("audience")) != kAudience)
        return reply::oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("Unknown audience."));
    QString clientId = form.value(QStringLiteral("client_id"));
    QString secret = form.value(QStringLiteral("client_secret"));
    if (clientId.isEmpty() && secret.isEmpty())
        ctx.req.basicCredentials(&clientId, &secret);
    const QString assertion = form.value(QStringLiteral("client_assertion"));
    if (!assertion.isEmpty()) {
        if (form.value(QStringLiteral("client_assertion_type")) != QLatin1String("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
            return reply::oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("Unsupported client_assertion_type."));
        if (const QString e = checkAssertion(ctx, assertion.toLatin1(), &clientId); !e.isEmpty())
            return invalidClient(e);
    } else {
        const int at = ctx.core.zid.find(clientId);
        if (at < 0 || secret.isEmpty())
            return invalidClient(QStringLiteral("Client authentication failed."));
        const ZidClient &c = ctx.core.zid.clients.at(at);
        // A secret created through the API works only once it has propagated
        // (zidSecretPropagationMs); until then it is refused like a wrong one.
        const int propagation = ctx.core.knobs.intValue("zidSecretPropagationMs");
        bool match = false, expired = false;
        for (const ZidSecret &s : c.secrets) {
            if (s.value == secret && ZidState::propagated(s.createdMs, ctx.nowMs, propagation)) {
                match = true;
                expired = s.expiresAt < ctx.nowMs / 1000;
            }
        }
        if (!match || c.authType != QLatin1String("SECRET"))
            return invalidClient(QStringLiteral("Client authentication failed."));
        if (expired)
            return invalidClient(QStringLiteral("The client secret has expired."));
        if (!c.status)
            return invalidClient(QStringLiteral("The client is disabled."));
    }
    const ZidClient &c = ctx.core.zid.clients.at(ctx.core.zid.find(clientId));
    const int lifetime = c.lifetime > 0 ? c.lifetime : ctx.core.knobs.intValue("tokenLifetimeSeconds");
    const QByteArray token = ctx.core.issueToken(QStringLiteral("oneapi"), clientId, lifetime, ctx.nowMs, hasAudience);
    return SimResponse::json(200, QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(token)},
                                              {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                              {QStringLiteral("expires_in"), expiresIn(lifetime, c.expiresInAsString)}});
}

int clientLifetime(const QJsonObject &c, int knob)
{
    const int l = c.value(QLatin1String("tokenLifetimeSeconds")).toInt(0);
    return l > 0 ? l : knob;
}

bool clientEnabled(const QJsonObject &c)
{
    return c.value(QLatin1String("enabled")).toBool(true);
}

SimResponse zpaSignin(SimContext &ctx)
{
    const QHash<QString, QString> form = formOf(ctx.req);
    const QJsonObject *c = ctx.core.findClient(QStringLiteral("zpa-legacy"), "clientId", form.value(QStringLiteral("client_id")));
    if (!c || c->value(QLatin1String("secret")).toString() != form.value(QStringLiteral("client_secret")) || !clientEnabled(*c))
        return reply::zpaError(401, QStringLiteral("invalid_client"), QStringLiteral("Client authentication failed."));
    const int lifetime = clientLifetime(*c, ctx.core.knobs.intValue("zpaTokenLifetimeSeconds"));
    const QByteArray token = ctx.core.issueToken(QStringLiteral("zpa"), c->value(QLatin1String("clientId")).toString(), lifetime, ctx.nowMs,
                                                 true, {{QStringLiteral("customerId"), SimCore::kCustomerId}});
    return SimResponse::json(200, QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                              {QStringLiteral("access_token"), QString::fromLatin1(token)},
                                              {QStringLiteral("expires_in"), QString::number(lifetime)}});
}

SimResponse zpaSignout(SimContext &ctx)
{
    const QByteArray token = ctx.req.bearerToken();
    if (!ctx.core.validToken(token, QStringLiteral("zpa"), ctx.nowMs))
        return reply::unauthorized(Api::ZpaAuth);
    ctx.core.tokens[token].revoked = true;
    return SimResponse::empty(204);
}

SimResponse ziaIdpToken(SimContext &ctx)
{
    const QHash<QString, QString> form = parseForm(ctx.req.body);
    QString id, secret;
    QString method = QStringLiteral("basic");
    if (!ctx.req.basicCredentials(&id, &secret)) {
        method = QStringLiteral("body");
        id = form.value(QStringLiteral("client_id"));
        secret = form.value(QStringLiteral("client_secret"));
    }
    const QJsonObject *c = ctx.core.findClient(QStringLiteral("zia-oauth"), "clientId", id);
    if (!c || c->value(QLatin1String("secret")).toString() != secret || !clientEnabled(*c)
        || c->value(QLatin1String("clientAuth")).toString() != method)
        return reply::oauthError(401, QStringLiteral("invalid_client"));
    if (form.value(QStringLiteral("grant_type")) != QLatin1String("client_credentials"))
        return reply::oauthError(400, QStringLiteral("unsupported_grant_type"));
    const QString scope = form.value(QStringLiteral("scope"));
    if (scope != c->value(QLatin1String("scope")).toString())
        return reply::oauthError(400, QStringLiteral("invalid_scope"));
    const int lifetime = clientLifetime(*c, ctx.core.knobs.intValue("ziaOauthTokenLifetimeSeconds"));
    const QByteArray token = ctx.core.issueToken(QStringLiteral("zia-oauth"), id, lifetime, ctx.nowMs, true, {{QStringLiteral("scope"), scope}});
    return SimResponse::json(200, QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(token)},
                                              {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                              {QStringLiteral("expires_in"), expiresIn(lifetime, c->value(QLatin1String("expiresInAsString")).toBool())},
                                              {QStringLiteral("scope"), scope}});
}

SimResponse saasToken(SimContext &ctx)
{
    const SimResponse denied = SimResponse::json(401, QJsonObject{
        {QStringLiteral("error"), QStringLiteral("unauthorized")},
        {QStringLiteral("resolution"), QStringLiteral("Please submit valid credentials.")},
        {QStringLiteral("error_description"), QStringLiteral("Invalid credentials")}});
    QString id, secret;
    if (!ctx.req.basicCredentials(&id, &secret))
        return denied;
    const QJsonObject *c = ctx.core.findClient(QStringLiteral("saas-security"), "clientId", id);
    if (!c || c->value(QLatin1String("secret")).toString() != secret || !clientEnabled(*c))
        return denied;
    const QHash<QString, QString> form = formOf(ctx.req);
    if (form.value(QStringLiteral("grant_type")) != QLatin1String("client_credentials"))
        return reply::oauthError(400, QStringLiteral("unsupported_grant_type"), QStringLiteral("Only client_credentials is supported."));
    const QString scope = form.value(QStringLiteral("scope"), QStringLiteral("api_access"));
    static const QStringList known = {QStringLiteral("api_access"), QStringLiteral("incident_api"), QStringLiteral("remediation_api")};
    for (const QString &s : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!known.contains(s))
            return reply::oauthError(400, QStringLiteral("invalid_scope"), QStringLiteral("Unknown scope %1.").arg(s));
    }
    const bool omit = c->value(QLatin1String("omitExpiresIn")).toBool();
    const int lifetime = omit ? 10 * 365 * 86400 : clientLifetime(*c, ctx.core.knobs.intValue("saasTokenLifetimeSeconds"));
    const QByteArray token = ctx.core.issueToken(QStringLiteral("saas"), id, lifetime, ctx.nowMs, true,
                                                 {{QStringLiteral("tenant"), SimCore::kTenantName}});
    QJsonObject o{{QStringLiteral("access_token"), QString::fromLatin1(token)},
                  {QStringLiteral("token_type"), QStringLiteral("bearer")},
                  {QStringLiteral("scope"), scope},
                  {QStringLiteral("tenant"), SimCore::kTenantName},
                  {QStringLiteral("jti"), ctx.core.uuid()}};
    if (!omit)
        o.insert(QStringLiteral("expires_in"), expiresIn(lifetime, c->value(QLatin1String("expiresInAsString")).toBool()));
    return SimResponse::json(200, o);
}

} // namespace

void registerAuthRoutes(SimCore &core)
{
    Router &r = core.router;
    r.add("POST", QStringLiteral("/oauth2/v1/token"), Api::OneApiToken, QStringLiteral("oneapi.token"), oneApiToken);
    r.add("POST", QStringLiteral("/signin"), Api::ZpaAuth, QStringLiteral("zpa.token"), zpaSignin);
    r.add("POST", QStringLiteral("/signout"), Api::ZpaAuth, QStringLiteral("zpa.token"), zpaSignout);
    r.add("POST", QStringLiteral("/idp/oauth2/token"), Api::ZiaIdpToken, QStringLiteral("zia.token"), ziaIdpToken);
    r.add("POST", QStringLiteral("/oauth/token"), Api::SaasToken, QStringLiteral("saas.token"), saasToken);
    registerZiaSessionRoutes(core);
}

} // namespace zsim
