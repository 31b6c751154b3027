// /__sim/* control routes (header X-Sim-Control: <controlToken>, else 403). They bypass rate
// limits, faults, latency and read-only mode.
#include "sim/Responses.h"
#include "sim/Routes.h"
#include "sim/SimCore.h"
#include "sim/ZpaRoutes.h"

namespace zsim {

namespace {

QJsonObject countersJson(const SimCore &core)
{
    QJsonObject o;
    for (auto it = core.counters.begin(); it != core.counters.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

SimResponse badRequest(const QString &message)
{
    return SimResponse::json(400, QJsonObject{{QStringLiteral("error"), message}});
}

} // namespace

void registerControlRoutes(SimCore &core)
{
    Router &r = core.router;
    const QString cls = QStringLiteral("control");
    r.add("GET", QStringLiteral("/__sim/counters"), Api::Control, cls, [](SimContext &ctx) {
        return SimResponse::json(200, countersJson(ctx.core));
    });
    r.add("POST", QStringLiteral("/__sim/reset-counters"), Api::Control, cls, [](SimContext &ctx) {
        ctx.core.resetCounters();
        return SimResponse::json(200, QJsonObject{{QStringLiteral("ok"), true}});
    });
    r.add("GET", QStringLiteral("/__sim/knobs"), Api::Control, cls, [](SimContext &ctx) {
        return SimResponse::json(200, ctx.core.knobs.effective());
    });
    r.add("POST", QStringLiteral("/__sim/knobs"), Api::Control, cls, [](SimContext &ctx) {
        QJsonObject body;
        if (!parseJsonObject(ctx.req.body, &body))
            return badRequest(QStringLiteral("the body must be a JSON object of knobs"));
        QString error;
        if (!ctx.core.knobs.merge(body, &error))
            return badRequest(error);
        return SimResponse::json(200, ctx.core.knobs.effective());
    });
    r.add("POST", QStringLiteral("/__sim/reset-knobs"), Api::Control, cls, [](SimContext &ctx) {
        ctx.core.knobs.reset();
        return SimResponse::json(200, ctx.core.knobs.effective());
    });
    r.add("GET", QStringLiteral("/__sim/routes"), Api::Control, cls, [](SimContext &ctx) {
        return SimResponse::json(200, QJsonArray::fromStringList(ctx.core.router.keys()));
    });
    r.add("GET", QStringLiteral("/__sim/demo-profile"), Api::Control, cls, [](SimContext &ctx) {
        return SimResponse::json(200, ctx.core.demoProfile());
    });
    r.add("POST", QStringLiteral("/__sim/clients"), Api::Control, cls, [](SimContext &ctx) {
        QJsonObject body;
        if (!parseJsonObject(ctx.req.body, &body))
            return badRequest(QStringLiteral("the body must be a JSON object"));
        QString error;
        const QJsonObject c = ctx.core.registerClient(body, &error);
        return c.isEmpty() ? badRequest(error) : SimResponse::json(200, c);
    });
}

void SimCore::registerRoutes()
{
    registerAuthRoutes(*this);
    registerZpaRoutes(*this);
    registerZiaRoutes(*this);
    registerZidRoutes(*this);
    registerMiscRoutes(*this);
    registerControlRoutes(*this);
}

} // namespace zsim
