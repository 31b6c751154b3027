// ZIdentity admin API through the gateway (/ziam/admin/api/v1) and directly as on the ZIdentity
// admin host (/admin/api/v1): API clients, their secrets and resource servers. API clients are
// the OneAPI credentials the token endpoint checks.
#include "sim/Responses.h"
#include "sim/Routes.h"
#include "sim/SimCore.h"

#include <QUrlQuery>

#include <functional>

namespace zsim {

namespace {

const QString kGatewayBase = QStringLiteral("/ziam/admin/api/v1");
const QString kDirectBase = QStringLiteral("/admin/api/v1");

SimResponse zidError(int status, const QString &code, const QString &message)
{
    return reply::genericError(status, code, message);
}

SimResponse notFound(const QString &what)
{
    return zidError(404, QStringLiteral("NOT_FOUND"), QStringLiteral("%1 was not found.").arg(what));
}

// {"pageOffset","pageSize","totalRecord","records","next_link","prev_link","results_total"} over
// total items; record(i) makes item i (only the page's items are made).
SimResponse envelope(SimContext &ctx, const QString &path, qsizetype total, const std::function<QJsonObject(qsizetype)> &record)
{
    bool okOffset = true, okLimit = true;
    const QString o = ctx.req.queryValue(QStringLiteral("offset"));
    const QString l = ctx.req.queryValue(QStringLiteral("limit"));
    const int offset = o.isEmpty() ? 0 : o.toInt(&okOffset);
    const int limit = l.isEmpty() ? 100 : l.toInt(&okLimit);
    if (!okOffset || offset < 0)
        return zidError(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("offset must be a number >= 0"));
    if (!okLimit || limit < 0 || limit > 1000)
        return zidError(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("limit must be between 0 and 1000"));
    const int maxPage = ctx.core.knobs.intValue("zidMaxPageSize");   // the server may send fewer than asked
    const int size = maxPage > 0 ? qMin(limit, maxPage) : limit;
    QJsonArray records;
    for (qsizetype i = offset; i < total && i < qsizetype(offset) + size; ++i)
        records.append(record(i));
    const auto link = [&](int at) -> QString {
        QUrlQuery q;
        for (const auto &item : ctx.req.query) {
            if (item.first != QLatin1String("offset"))
                q.addQueryItem(item.first, item.second);
        }
        q.addQueryItem(QStringLiteral("offset"), QString::number(at));
        return ctx.core.baseUrl + path + QLatin1Char('?') + q.toString(QUrl::FullyEncoded);
    };
    QJsonObject out{{QStringLiteral("pageOffset"), offset},
                    {QStringLiteral("pageSize"), size},
                    {QStringLiteral("totalRecord"), total},
                    {QStringLiteral("records"), records},
                    {QStringLiteral("results_total"), total}};
    if (size > 0 && qsizetype(offset) + size < total)
        out.insert(QStringLiteral("next_link"), link(offset + size));
    if (offset > 0)
        out.insert(QStringLiteral("prev_link"), link(qMax(0, offset - size)));
    return SimResponse::json(200, out);
}

int lifetimeKnob(const SimContext &ctx)
{
    return ctx.core.knobs.intValue("tokenLifetimeSeconds");
}

SimResponse listClients(SimContext &ctx, const QString &base)
{
    const QString like = ctx.req.queryValue(QStringLiteral("name[like]"));
    const QList<ZidClient> &clients = ctx.core.zid.clients;
    QList<qsizetype> matching;
    matching.reserve(clients.size());
    for (qsizetype i = 0; i < clients.size(); ++i) {
        if (like.isEmpty() || clients.at(i).name.contains(like, Qt::CaseInsensitive))
            matching.append(i);
    }
    const int lifetime = lifetimeKnob(ctx);
    return envelope(ctx, base + QStringLiteral("/api-clients"), matching.size(),
                    [&](qsizetype i) { return ctx.core.zid.clientJson(clients.at(matching.at(i)), lifetime); });
}

ZidClient *findClient(SimContext &ctx)
{
    const int at = ctx.core.zid.find(ctx.param("id"));
    return at < 0 ? nullptr : &ctx.core.zid.clients[at];
}

SimResponse getClient(SimContext &ctx)
{
    const ZidClient *c = findClient(ctx);
    return c ? SimResponse::json(200, ctx.core.zid.clientJson(*c, lifetimeKnob(ctx)))
             : notFound(QStringLiteral("API client ") + ctx.param("id"));
}

SimResponse createClient(SimContext &ctx)
{
    QJsonObject body;
    if (!parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Other);
    ZidClient c;
    const QString e = ZidState::readBody(body, &c, true, ctx.nowMs);
    if (!e.isEmpty())
        return zidError(400, QStringLiteral("INVALID_REQUEST"), e);
    c.id = ctx.core.credPrng.token(13);
    c.createdAt = ctx.nowMs / 1000;
    ctx.core.zid.clients.append(c);
    return SimResponse::json(201, ctx.core.zid.clientJson(c, lifetimeKnob(ctx)));
}

SimResponse updateClient(SimContext &ctx)
{
    ZidClient *c = findClient(ctx);
    if (!c)
        return notFound(QStringLiteral("API client ") + ctx.param("id"));
    QJsonObject body;
    if (!parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Other);
    ZidClient updated = *c;
    const QString e = ZidState::readBody(body, &updated, true, ctx.nowMs);
    if (!e.isEmpty())
        return zidError(400, QStringLiteral("INVALID_REQUEST"), e);
    *c = updated;
    return SimResponse::json(200, ctx.core.zid.clientJson(*c, lifetimeKnob(ctx)));
}

SimResponse deleteClient(SimContext &ctx)
{
    const int at = ctx.core.zid.find(ctx.param("id"));
    if (at < 0)
        return notFound(QStringLiteral("API client ") + ctx.param("id"));
    ctx.core.revokeTokens(ctx.param("id"));
    ctx.core.zid.clients.removeAt(at);
    return SimResponse::empty(204);
}

SimResponse listSecrets(SimContext &ctx)
{
    const ZidClient *c = findClient(ctx);
    if (!c)
        return notFound(QStringLiteral("API client ") + ctx.param("id"));
    const bool numbers = ctx.core.knobs.boolValue("zidTimesAsNumbers");
    const QString shape = ctx.core.knobs.stringValue("zidSecretsShape");
    if (shape == QLatin1String("object")) {   // the most recent secret alone; {} when none
        const ZidSecret *newest = nullptr;
        for (const ZidSecret &s : c->secrets) {
            if (!newest || s.createdAt >= newest->createdAt)
                newest = &s;
        }
        return SimResponse::json(200, newest ? ZidState::secretJson(*newest, false, numbers) : QJsonObject());
    }
    QJsonArray out;
    for (const ZidSecret &s : c->secrets)
        out.append(ZidState::secretJson(s, false, numbers));
    if (shape == QLatin1String("envelope"))
        return SimResponse::json(200, QJsonObject{{QStringLiteral("records"), out},
                                                  {QStringLiteral("results_total"), out.size()},
                                                  {QStringLiteral("totalRecord"), out.size()},
                                                  {QStringLiteral("pageOffset"), 0},
                                                  {QStringLiteral("pageSize"), out.size()}});
    return SimResponse::json(200, out);
}

SimResponse createSecret(SimContext &ctx)
{
    ZidClient *c = findClient(ctx);
    if (!c)
        return notFound(QStringLiteral("API client ") + ctx.param("id"));
    if (c->authType != QLatin1String("SECRET"))
        return zidError(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("Secrets exist only for clients with authType SECRET."));
    QJsonObject body;
    if (!ctx.req.body.trimmed().isEmpty() && !parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Other);
    const qint64 now = ctx.nowMs / 1000;
    qint64 expiresAt = now + 90LL * 86400;
    const QJsonValue v = body.value(QLatin1String("expiresAt"));
    if (!v.isUndefined() && !v.isNull()) {
        bool ok = v.isDouble();
        expiresAt = ok ? v.toInteger(-1) : v.toString().toLongLong(&ok);
        if (!ok)
            return zidError(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("expiresAt must be epoch seconds."));
    }
    constexpr qint64 slack = 3600;
    if (expiresAt < now + 30LL * 86400 - slack || expiresAt > now + 365LL * 86400 + slack)
        return zidError(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("A secret must be valid for 30 to 365 days."));
    const ZidSecret s = ctx.core.zid.addSecret(*c, expiresAt, ctx.nowMs, ctx.core.credPrng);
    return SimResponse::json(201, ZidState::secretJson(s, true, ctx.core.knobs.boolValue("zidTimesAsNumbers")));
}

SimResponse deleteSecret(SimContext &ctx)
{
    ZidClient *c = findClient(ctx);
    if (!c)
        return notFound(QStringLiteral("API client ") + ctx.param("id"));
    for (qsizetype i = 0; i < c->secrets.size(); ++i) {
        if (c->secrets.at(i).id == ctx.param("secretId")) {
            c->secrets.removeAt(i);
            return SimResponse::empty(204);
        }
    }
    return notFound(QStringLiteral("Secret ") + ctx.param("secretId"));
}

SimResponse listResourceServers(SimContext &ctx, const QString &base)
{
    const QJsonArray &all = ctx.core.zid.resourceServers;
    return envelope(ctx, base + QStringLiteral("/resource-servers"), all.size(), [&](qsizetype i) { return all.at(i).toObject(); });
}

SimResponse getResourceServer(SimContext &ctx)
{
    for (const QJsonValue &v : std::as_const(ctx.core.zid.resourceServers)) {
        if (v.toObject().value(QLatin1String("id")).toString() == ctx.param("id"))
            return SimResponse::json(200, v.toObject());
    }
    return notFound(QStringLiteral("Resource server ") + ctx.param("id"));
}

} // namespace

void registerZidRoutes(SimCore &core)
{
    Router &r = core.router;
    const QString read = QStringLiteral("zid.read"), write = QStringLiteral("zid.write");
    // The same API twice: through the gateway and as on {vanity}-admin.zslogin.net (same handlers,
    // same bearer, same data; route keys and counters of their own; links point at their path).
    for (const QString &base : {kGatewayBase, kDirectBase}) {
        r.add("GET", base + QStringLiteral("/api-clients"), Api::Zid, read, [base](SimContext &ctx) { return listClients(ctx, base); });
        r.add("POST", base + QStringLiteral("/api-clients"), Api::Zid, write, createClient);
        r.add("GET", base + QStringLiteral("/api-clients/{id}"), Api::Zid, read, getClient);
        r.add("PUT", base + QStringLiteral("/api-clients/{id}"), Api::Zid, write, updateClient);
        r.add("DELETE", base + QStringLiteral("/api-clients/{id}"), Api::Zid, write, deleteClient);
        r.add("GET", base + QStringLiteral("/api-clients/{id}/secrets"), Api::Zid, read, listSecrets);
        r.add("POST", base + QStringLiteral("/api-clients/{id}/secrets"), Api::Zid, write, createSecret);
        r.add("DELETE", base + QStringLiteral("/api-clients/{id}/secrets/{secretId}"), Api::Zid, write, deleteSecret);
        r.add("GET", base + QStringLiteral("/resource-servers"), Api::Zid, read, [base](SimContext &ctx) { return listResourceServers(ctx, base); });
        r.add("GET", base + QStringLiteral("/resource-servers/{id}"), Api::Zid, read, getResourceServer);
    }
}

} // namespace zsim
