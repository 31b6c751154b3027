// ZPA management API: application segments and the entities around them, on the legacy host
// (/mgmtconfig/v1, ZPA bearer) and through the gateway (/zpa/mgmtconfig/v1, OneAPI bearer).
#include "sim/Responses.h"
#include "sim/SimCore.h"
#include "sim/ZpaRoutes.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace zsim {

namespace zpa {

std::optional<SimResponse> checkCustomer(const SimContext &ctx)
{
    if (ctx.param("customerId") != SimCore::kCustomerId)
        return reply::zpaError(403, QStringLiteral("non.restricted.entity.authorization.failed"),
                               QStringLiteral("Customer %1 does not match the credentials in use.").arg(ctx.param("customerId")));
    return std::nullopt;
}

Paging paging(const SimRequest &req)
{
    Paging p;
    const int page = req.queryValue(QStringLiteral("page")).toInt();
    const int size = req.queryValue(QStringLiteral("pagesize")).toInt();
    p.page = page >= 1 ? page : 1;
    p.pageSize = size >= 1 ? qMin(size, 500) : 20;   // like the service: larger sizes are clamped
    return p;
}

bool Search::matches(const QString &name) const
{
    if (op.isEmpty())
        return true;
    if (op == QLatin1String("EQ"))
        return name.compare(value, Qt::CaseInsensitive) == 0;
    if (op == QLatin1String("NE"))
        return name.compare(value, Qt::CaseInsensitive) != 0;
    if (op == QLatin1String("STARTSWITH"))
        return name.startsWith(value, Qt::CaseInsensitive);
    if (op == QLatin1String("ENDSWITH"))
        return name.endsWith(value, Qt::CaseInsensitive);
    return name.contains(value, Qt::CaseInsensitive);
}

Search parseSearch(const SimRequest &req)
{
    Search s;
    const QString text = req.queryValue(QStringLiteral("search"));
    if (text.isEmpty())
        return s;
    const qsizetype a = text.indexOf(QLatin1Char('+'));
    const qsizetype b = a < 0 ? -1 : text.indexOf(QLatin1Char('+'), a + 1);
    if (a < 0 || b < 0) {
        s.op = QStringLiteral("CONTAINS");
        s.value = text;
        return s;
    }
    const QString field = text.left(a);
    s.op = text.mid(a + 1, b - a - 1).toUpper();
    s.value = text.mid(b + 1);
    static const QStringList ops = {QStringLiteral("EQ"), QStringLiteral("NE"), QStringLiteral("CONTAINS"),
                                    QStringLiteral("STARTSWITH"), QStringLiteral("ENDSWITH")};
    if (field.compare(QLatin1String("name"), Qt::CaseInsensitive) != 0)
        s.error = QStringLiteral("Search is supported on the field name only.");
    else if (!ops.contains(s.op))
        s.error = QStringLiteral("Unsupported search operator %1.").arg(s.op);
    return s;
}

bool microtenantFilter(const SimContext &ctx, std::optional<qint64> *out)
{
    if (!ctx.req.hasQuery(QStringLiteral("microtenantId")))
        return true;
    qint64 id = 0;
    const QString v = ctx.req.queryValue(QStringLiteral("microtenantId"));
    if (v.isEmpty())
        return true;
    if (!parseId(v, &id) || !ctx.core.zpa.microtenants.count(id))
        return false;
    *out = id;
    return true;
}

QByteArray envelope(qint64 total, const Paging &p, const QList<QByteArray> &items)
{
    const qint64 pages = (total + p.pageSize - 1) / p.pageSize;
    QByteArray out = "{\"totalPages\":\"" + QByteArray::number(pages) + "\",\"totalCount\":\""
        + QByteArray::number(total) + "\",\"list\":[";
    out += items.join(',');
    out += "]}";
    return out;
}

} // namespace zpa

using namespace zpa;

namespace {

SimResponse listSegments(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    const Paging p = paging(ctx.req);
    const Search search = parseSearch(ctx.req);
    if (!search.error.isEmpty())
        return reply::zpaBadRequest(search.error);
    std::optional<qint64> mt;
    if (!microtenantFilter(ctx, &mt))
        return reply::zpaBadRequest(QStringLiteral("Unknown microtenantId."));
    const ZpaStore &zpa = ctx.core.zpa;
    qint64 total = 0;
    const qint64 first = qint64(p.page - 1) * p.pageSize;
    QList<QByteArray> items;
    for (const auto &[id, s] : zpa.segments) {
        if ((mt && s.microtenantId != *mt) || !search.matches(s.name))
            continue;
        if (total >= first && total < first + p.pageSize)
            items.append(zpa.segmentJson(s));
        ++total;
    }
    return SimResponse::bytes(200, envelope(total, p, items));
}

Segment *findSegment(SimContext &ctx, std::optional<SimResponse> *error)
{
    qint64 id = 0;
    auto &segs = ctx.core.zpa.segments;
    std::optional<qint64> mt;
    const bool known = parseId(ctx.param("id"), &id) && segs.count(id);
    if (!known || !microtenantFilter(ctx, &mt) || (mt && segs.at(id).microtenantId != *mt)) {
        *error = reply::zpaNotFound(QStringLiteral("Application segment"), ctx.param("id"));
        return nullptr;
    }
    return &segs.at(id);
}

// Shared checks of POST and PUT: references, microtenant, overlaps.
std::optional<SimResponse> checkSegment(SimContext &ctx, const Segment &s, qint64 ignoreId)
{
    const ZpaStore &zpa = ctx.core.zpa;
    const auto sg = zpa.segmentGroups.find(s.segmentGroupId);
    if (sg == zpa.segmentGroups.end())
        return reply::zpaBadRequest(QStringLiteral("Segment group %1 does not exist.").arg(s.segmentGroupId));
    if (sg->second.value(QLatin1String("microtenantId")).toString().toLongLong() != s.microtenantId)
        return reply::zpaBadRequest(QStringLiteral("Segment group %1 belongs to another microtenant.").arg(s.segmentGroupId));
    for (qint64 g : s.serverGroupIds) {
        if (!zpa.serverGroups.count(g))
            return reply::zpaBadRequest(QStringLiteral("Server group %1 does not exist.").arg(g));
    }
    if (const QString e = zpa.overlapError(s, ignoreId); !e.isEmpty())
        return reply::zpaError(400, QStringLiteral("app.segment.port.overlap"), e);
    return std::nullopt;
}

SimResponse getSegment(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    std::optional<SimResponse> error;
    const Segment *s = findSegment(ctx, &error);
    return s ? SimResponse::bytes(200, ctx.core.zpa.segmentJson(*s)) : *error;
}

SimResponse createSegment(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    QJsonObject body;
    if (!parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Zpa);
    Segment s;
    if (const QString e = readSegmentBody(body, &s); !e.isEmpty())
        return reply::zpaBadRequest(e);
    QString mt = body.value(QLatin1String("microtenantId")).toString();
    if (mt.isEmpty())
        mt = ctx.req.queryValue(QStringLiteral("microtenantId"));
    if (!mt.isEmpty() && (!parseId(mt, &s.microtenantId) || !ctx.core.zpa.microtenants.count(s.microtenantId)))
        return reply::zpaBadRequest(QStringLiteral("Unknown microtenantId %1.").arg(mt));
    if (auto e = checkSegment(ctx, s, -1))
        return *e;
    ZpaStore &zpa = ctx.core.zpa;
    s.id = zpa.allocateId();
    s.creationTime = s.modifiedTime = ctx.nowMs / 1000;
    s.modifiedBy = zpa.adminId;
    zpa.addSegment(s);
    return SimResponse::bytes(201, zpa.segmentJson(zpa.segments.at(s.id)));
}

SimResponse updateSegment(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    std::optional<SimResponse> error;
    const Segment *old = findSegment(ctx, &error);
    if (!old)
        return *error;
    QJsonObject body;
    if (!parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Zpa);
    Segment s;
    if (const QString e = readSegmentBody(body, &s); !e.isEmpty())
        return reply::zpaBadRequest(e);
    s.id = old->id;
    s.microtenantId = old->microtenantId;
    s.creationTime = old->creationTime;
    if (auto e = checkSegment(ctx, s, s.id))
        return *e;
    s.modifiedTime = qMax(ctx.nowMs / 1000, old->modifiedTime);
    s.modifiedBy = ctx.core.zpa.adminId;
    ctx.core.zpa.removeSegment(s.id);
    ctx.core.zpa.addSegment(s);
    return SimResponse::empty(204);
}

SimResponse deleteSegment(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    std::optional<SimResponse> error;
    const Segment *s = findSegment(ctx, &error);
    if (!s)
        return *error;
    ctx.core.zpa.removeSegment(s->id);
    return SimResponse::empty(204);
}

SimResponse authDomains(SimContext &ctx)
{
    if (auto e = checkCustomer(ctx))
        return *e;
    return SimResponse::json(200, QJsonObject{{QStringLiteral("authDomains"),
                                               QJsonArray{QStringLiteral("demo.example"), QStringLiteral("demo.zslogin.net")}}});
}

} // namespace

void registerZpaRoutes(SimCore &core)
{
    struct Base { const char *prefix; Api api; };
    for (const Base &b : {Base{"/mgmtconfig/v1/admin/customers/{customerId}", Api::ZpaLegacy},
                          Base{"/zpa/mgmtconfig/v1/admin/customers/{customerId}", Api::ZpaGateway}}) {
        const QString p = QLatin1String(b.prefix);
        const QString read = QStringLiteral("zpa.read"), write = QStringLiteral("zpa.write");
        Router &r = core.router;
        r.add("GET", p + QStringLiteral("/application"), b.api, read, listSegments);
        r.add("POST", p + QStringLiteral("/application"), b.api, write, createSegment);
        r.add("GET", p + QStringLiteral("/application/{id}"), b.api, read, getSegment);
        r.add("PUT", p + QStringLiteral("/application/{id}"), b.api, write, updateSegment);
        r.add("DELETE", p + QStringLiteral("/application/{id}"), b.api, write, deleteSegment);
        r.add("GET", p + QStringLiteral("/authDomains"), b.api, read, authDomains);
        registerZpaEntityRoutes(core, p, b.api);
    }
}

} // namespace zsim
