// ZPA segment groups, server groups, app connector groups and microtenants: list (envelope),
// get, create (201), update (204, merges the given editable fields), delete (204).
#include "sim/Responses.h"
#include "sim/SimCore.h"
#include "sim/ZpaRoutes.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace zsim {

using namespace zpa;

namespace {

const QStringList kReadOnlyKeys = {
    QStringLiteral("id"), QStringLiteral("creationTime"), QStringLiteral("modifiedTime"),
    QStringLiteral("modifiedBy"), QStringLiteral("readOnly"), QStringLiteral("zscalerManaged"),
    QStringLiteral("microtenantName"), QStringLiteral("applications"), QStringLiteral("microtenantId"),
    QStringLiteral("appConnectorGroupIds"),
};

QString mergeBody(ZpaKind kind, const QJsonObject &body, QJsonObject *target, const ZpaStore &zpa, bool create)
{
    if (create || body.contains(QLatin1String("name"))) {
        const QJsonValue name = body.value(QLatin1String("name"));
        if (!name.isString() || name.toString().trimmed().isEmpty())
            return QStringLiteral("name is required.");
    }
    const QJsonObject defaults = ZpaStore::entityDefaults(kind);
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue v = it.value();
        if (v.isNull() || kReadOnlyKeys.contains(key))
            continue;
        if (kind == ZpaKind::ServerGroup && key == QLatin1String("appConnectorGroups")) {
            QJsonArray ids;
            for (const QJsonValue &g : v.toArray()) {
                const QString id = g.toObject().value(QLatin1String("id")).toString();
                if (!zpa.connectorGroups.count(id.toLongLong()))
                    return QStringLiteral("App connector group %1 does not exist.").arg(id);
                ids.append(id);
            }
            target->insert(QStringLiteral("appConnectorGroupIds"), ids);
            continue;
        }
        if (key == QLatin1String("name")) {
            target->insert(key, v);
            continue;
        }
        if (!defaults.contains(key))
            continue;  // unknown fields are ignored, like the service does
        const QJsonValue d = defaults.value(key);
        if (d.isBool()) {
            if (!v.isBool())
                return QStringLiteral("%1 must be true or false.").arg(key);
            target->insert(key, v);
        } else if (d.isString()) {
            target->insert(key, v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : v.toString());
        } else if (d.isArray() && v.isArray()) {
            target->insert(key, v);
        }
    }
    return {};
}

ZpaKind kindOf(const SimContext &ctx)
{
    const QString k = ctx.route.key;
    if (k.contains(QLatin1String("/segmentGroup")))
        return ZpaKind::SegmentGroup;
    if (k.contains(QLatin1String("/serverGroup")))
        return ZpaKind::ServerGroup;
    if (k.contains(QLatin1String("/appConnectorGroup")))
        return ZpaKind::ConnectorGroup;
    return ZpaKind::Microtenant;
}

QList<const QJsonObject *> ordered(ZpaKind kind, const std::map<qint64, QJsonObject> &map)
{
    QList<const QJsonObject *> out;
    for (const auto &[id, o] : map)
        out.append(&o);
    if (kind == ZpaKind::Microtenant) {
        std::stable_sort(out.begin(), out.end(), [](const QJsonObject *a, const QJsonObject *b) {
            return a->value(QLatin1String("scopeOrder")).toString().toInt() < b->value(QLatin1String("scopeOrder")).toString().toInt();
        });
    }
    return out;
}

SimResponse listEntities(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    const ZpaKind kind = kindOf(ctx);
    const Paging p = paging(ctx.req);
    const Search search = parseSearch(ctx.req);
    if (!search.error.isEmpty())
        return reply::zpaBadRequest(search.error);
    std::optional<qint64> mt;
    if (!microtenantFilter(ctx, &mt))
        return reply::zpaBadRequest(QStringLiteral("Unknown microtenantId."));
    ZpaStore &zpa = ctx.core.zpa;
    qint64 total = 0;
    const qint64 first = qint64(p.page - 1) * p.pageSize;
    QList<QByteArray> items;
    for (const QJsonObject *o : ordered(kind, zpa.entities(kind))) {
        if (!search.matches(o->value(QLatin1String("name")).toString()))
            continue;
        if (mt && kind != ZpaKind::Microtenant && o->value(QLatin1String("microtenantId")).toString().toLongLong() != *mt)
            continue;
        if (total >= first && total < first + p.pageSize)
            items.append(zpa.entityJson(kind, *o));
        ++total;
    }
    return SimResponse::bytes(200, envelope(total, p, items));
}

SimResponse microtenantSummary(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    QJsonArray out;
    for (const QJsonObject *o : ordered(ZpaKind::Microtenant, ctx.core.zpa.microtenants))
        out.append(QJsonObject{{QStringLiteral("id"), o->value(QLatin1String("id"))},
                               {QStringLiteral("name"), o->value(QLatin1String("name"))},
                               {QStringLiteral("enabled"), o->value(QLatin1String("enabled"))}});
    return SimResponse::json(200, out);
}

QJsonObject *findEntity(SimContext &ctx, ZpaKind kind)
{
    auto &map = ctx.core.zpa.entities(kind);
    qint64 id = 0;
    if (!parseId(ctx.param("id"), &id))
        return nullptr;
    const auto it = map.find(id);
    return it == map.end() ? nullptr : &it->second;
}

SimResponse getEntity(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    const ZpaKind kind = kindOf(ctx);
    const QJsonObject *o = findEntity(ctx, kind);
    if (!o)
        return reply::zpaNotFound(QLatin1String(ZpaStore::entityLabel(kind)), ctx.param("id"));
    return SimResponse::bytes(200, ctx.core.zpa.entityJson(kind, *o));
}

SimResponse createEntity(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    const ZpaKind kind = kindOf(ctx);
    QJsonObject body;
    if (!parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Zpa);
    ZpaStore &zpa = ctx.core.zpa;
    QJsonObject o = ZpaStore::entityDefaults(kind);
    if (const QString e = mergeBody(kind, body, &o, zpa, true); !e.isEmpty())
        return reply::zpaBadRequest(e);
    const qint64 id = zpa.allocateId();
    const QString now = QString::number(ctx.nowMs / 1000);
    o.insert(QStringLiteral("id"), idString(id));
    o.insert(QStringLiteral("creationTime"), now);
    o.insert(QStringLiteral("modifiedTime"), now);
    o.insert(QStringLiteral("modifiedBy"), idString(zpa.adminId));
    if (kind == ZpaKind::Microtenant) {
        const int order = int(zpa.microtenants.size());   // before Default, which stays last
        o.insert(QStringLiteral("scopeOrder"), QString::number(order));
        zpa.microtenants[0].insert(QStringLiteral("scopeOrder"), QString::number(order + 1));
    } else {
        QString mt = body.value(QLatin1String("microtenantId")).toString();
        if (mt.isEmpty())
            mt = ctx.req.queryValue(QStringLiteral("microtenantId"));
        qint64 mtId = 0;
        if (!mt.isEmpty() && (!parseId(mt, &mtId) || !zpa.microtenants.count(mtId)))
            return reply::zpaBadRequest(QStringLiteral("Unknown microtenantId %1.").arg(mt));
        o.insert(QStringLiteral("microtenantId"), idString(mtId));
    }
    zpa.entities(kind)[id] = o;
    zpa.referencesChanged();
    return SimResponse::bytes(201, zpa.entityJson(kind, o));
}

SimResponse updateEntity(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    const ZpaKind kind = kindOf(ctx);
    QJsonObject *o = findEntity(ctx, kind);
    if (!o)
        return reply::zpaNotFound(QLatin1String(ZpaStore::entityLabel(kind)), ctx.param("id"));
    QJsonObject body;
    if (!parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Zpa);
    QJsonObject updated = *o;
    if (const QString e = mergeBody(kind, body, &updated, ctx.core.zpa, false); !e.isEmpty())
        return reply::zpaBadRequest(e);
    const qint64 before = o->value(QLatin1String("modifiedTime")).toString().toLongLong();
    updated.insert(QStringLiteral("modifiedTime"), QString::number(qMax(before, ctx.nowMs / 1000)));
    updated.insert(QStringLiteral("modifiedBy"), idString(ctx.core.zpa.adminId));
    *o = updated;
    ctx.core.zpa.referencesChanged();
    return SimResponse::empty(204);
}

SimResponse deleteEntity(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    const ZpaKind kind = kindOf(ctx);
    ZpaStore &zpa = ctx.core.zpa;
    const QJsonObject *o = findEntity(ctx, kind);
    if (!o)
        return reply::zpaNotFound(QLatin1String(ZpaStore::entityLabel(kind)), ctx.param("id"));
    const qint64 id = o->value(QLatin1String("id")).toString().toLongLong();
    const auto inUse = [](const QString &what) {
        return reply::zpaError(400, QStringLiteral("resource.in.use"), QStringLiteral("The object is still used by %1.").arg(what));
    };
    if (kind == ZpaKind::SegmentGroup && zpa.segmentsInGroup(id) > 0)
        return inUse(QStringLiteral("application segments"));
    if (kind == ZpaKind::ServerGroup && zpa.segmentsUsingServerGroup(id) > 0)
        return inUse(QStringLiteral("application segments"));
    if (kind == ZpaKind::ConnectorGroup) {
        for (const auto &[sid, g] : zpa.serverGroups) {
            if (g.value(QLatin1String("appConnectorGroupIds")).toArray().contains(QJsonValue(idString(id))))
                return inUse(QStringLiteral("server groups"));
        }
    }
    if (kind == ZpaKind::Microtenant) {
        if (id == 0)
            return reply::zpaBadRequest(QStringLiteral("The Default microtenant cannot be deleted."));
        for (const auto &[sid, s] : zpa.segments) {
            if (s.microtenantId == id)
                return inUse(QStringLiteral("application segments"));
        }
    }
    zpa.entities(kind).erase(id);
    zpa.referencesChanged();
    return SimResponse::empty(204);
}

} // namespace

void registerZpaEntityRoutes(SimCore &core, const QString &prefix, Api api)
{
    const QString read = QStringLiteral("zpa.read"), write = QStringLiteral("zpa.write");
    Router &r = core.router;
    r.add("GET", prefix + QStringLiteral("/microtenants/summary"), api, read, microtenantSummary);
    for (const char *path : {"/segmentGroup", "/serverGroup", "/appConnectorGroup", "/microtenants"}) {
        const QString p = prefix + QLatin1String(path);
        r.add("GET", p, api, read, listEntities);
        r.add("POST", p, api, write, createEntity);
        r.add("GET", p + QStringLiteral("/{id}"), api, read, getEntity);
        r.add("PUT", p + QStringLiteral("/{id}"), api, write, updateEntity);
        r.add("DELETE", p + QStringLiteral("/{id}"), api, write, deleteEntity);
    }
}

} // namespace zsim
