// SaaS Security incidents, the AppTotal API (X-API-KEY, daily quota) and the Sandbox
// submission API (api_token query parameter, daily quota).
#include "sim/Crypto.h"
#include "sim/Responses.h"
#include "sim/Routes.h"
#include "sim/SimCore.h"

#include <QDateTime>
#include <QUrlQuery>

namespace zsim {

namespace {

SimResponse incidentsDelta(SimContext &ctx)
{
    const SimRequest &q = ctx.req;
    const int limit = qBound(10, q.queryValue(QStringLiteral("limit")).isEmpty() ? 100 : q.queryValue(QStringLiteral("limit")).toInt(), 1000);
    const int cursor = qMax(0, q.queryValue(QStringLiteral("cursor")).toInt());
    const QString state = q.queryValue(QStringLiteral("state"));
    const QString severity = q.queryValue(QStringLiteral("severity"));
    const QString status = q.queryValue(QStringLiteral("status"));
    const QStringList appIds = q.queryValue(QStringLiteral("app_ids")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString from = q.queryValue(QStringLiteral("from"));
    const QString to = q.queryValue(QStringLiteral("to"));
    QList<QJsonObject> matching;
    for (const QJsonObject &i : ctx.core.incidents) {
        const QString updated = i.value(QLatin1String("updated_at")).toString();
        if ((!state.isEmpty() && i.value(QLatin1String("state")).toString() != state)
            || (!severity.isEmpty() && i.value(QLatin1String("severity")).toString().compare(severity, Qt::CaseInsensitive) != 0)
            || (!status.isEmpty() && i.value(QLatin1String("status")).toString() != status)
            || (!appIds.isEmpty() && !appIds.contains(i.value(QLatin1String("app_id")).toString()))
            || (!from.isEmpty() && updated < from) || (!to.isEmpty() && updated > to))
            continue;
        matching.append(i);
    }
    QJsonArray resources;
    for (qsizetype k = cursor; k < matching.size() && k < qsizetype(cursor) + limit; ++k)
        resources.append(matching.at(k));
    QUrlQuery next;
    for (const auto &item : q.query) {
        if (item.first != QLatin1String("cursor") && item.first != QLatin1String("limit"))
            next.addQueryItem(item.first, item.second);
    }
    next.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    next.addQueryItem(QStringLiteral("cursor"), QString::number(qMin<qsizetype>(matching.size(), qsizetype(cursor) + limit)));
    return SimResponse::json(200, QJsonObject{{QStringLiteral("limit"), limit},
                                              {QStringLiteral("nextPath"), QString(QStringLiteral("/incident/api/incidents/delta?") + next.toString(QUrl::FullyEncoded))},
                                              {QStringLiteral("resources"), resources}});
}

SimResponse incident(SimContext &ctx)
{
    for (const QJsonObject &i : ctx.core.incidents) {
        if (QString::number(i.value(QLatin1String("incident_id")).toInt()) == ctx.param("id"))
            return SimResponse::json(200, i);
    }
    return SimResponse::json(404, QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")},
                                              {QStringLiteral("error_description"), QStringLiteral("Incident not found")}});
}

// Counts one call against a daily quota; returns the remaining calls, or -1 when exhausted.
int consume(QHash<QString, DailyUse> &uses, const QString &key, int quota, qint64 nowMs)
{
    DailyUse &u = uses[key];
    if (u.day != dayOf(nowMs)) {
        u.day = dayOf(nowMs);
        u.used = 0;
    }
    if (u.used >= quota)
        return -1;
    ++u.used;
    return quota - u.used;
}

QByteArray secondsToMidnight(qint64 nowMs)
{
    return QByteArray::number((dayOf(nowMs) + 1) * 86400 - nowMs / 1000);
}

SimResponse appTotalApp(SimContext &ctx)
{
    const QString id = ctx.req.queryValue(QStringLiteral("app_id"));
    const int remaining = consume(ctx.core.appTotalUse, ctx.clientId, ctx.core.knobs.intValue("appTotalDailyQuota"), ctx.nowMs);
    if (remaining < 0)
        return SimResponse::json(429, QJsonObject{{QStringLiteral("message"), QStringLiteral("Daily API quota exceeded")}})
            .header("X-Rate-Limit-Remaining", "0")
            .header("retry-after", secondsToMidnight(ctx.nowMs));
    SimResponse r = SimResponse::empty(404);
    if (id.isEmpty()) {
        r = SimResponse::json(400, QJsonObject{{QStringLiteral("message"), QStringLiteral("app_id is required")}});
    } else {
        for (const QJsonObject &a : ctx.core.apps) {
            if (a.value(QLatin1String("id")).toString() == id)
                r = SimResponse::json(200, a);
        }
    }
    return r.header("X-Rate-Limit-Remaining", QByteArray::number(remaining));
}

QString fileType(const QByteArray &data)
{
    if (data.startsWith("MZ"))
        return QStringLiteral("exe");
    if (data.startsWith("%PDF"))
        return QStringLiteral("pdf");
    if (data.startsWith("PK"))
        return QStringLiteral("zip");
    if (data.startsWith("\x7f" "ELF"))
        return QStringLiteral("elf");
    return QStringLiteral("unknown");
}

SimResponse sandboxSubmit(SimContext &ctx)
{
    const int quota = ctx.core.knobs.intValue("sandboxDailyQuota");
    if (ctx.req.body.isEmpty())
        return SimResponse::json(400, QJsonObject{{QStringLiteral("code"), 400}, {QStringLiteral("message"), QStringLiteral("No file was submitted.")}});
    if (consume(ctx.core.sandboxUse, ctx.clientId, quota, ctx.nowMs) < 0)
        return SimResponse::json(429, QJsonObject{{QStringLiteral("code"), 429}, {QStringLiteral("message"), QStringLiteral("Daily submission quota exceeded.")}})
            .header("retry-after", secondsToMidnight(ctx.nowMs));
    const QByteArray md5 = crypto::md5Hex(ctx.req.body);
    const bool virus = ctx.req.body.contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE") || md5.startsWith('0');
    return SimResponse::json(200, QJsonObject{
        {QStringLiteral("code"), 200},
        {QStringLiteral("message"), QStringLiteral("/submit response OK")},
        {QStringLiteral("fileType"), fileType(ctx.req.body)},
        {QStringLiteral("md5"), QString::fromLatin1(md5)},
        {QStringLiteral("sandboxSubmission"), virus ? QStringLiteral("Virus") : QStringLiteral("Sandbox")},
        {QStringLiteral("virusName"), virus ? QStringLiteral("EICAR_Test_File") : QString()},
        {QStringLiteral("virusType"), virus ? QStringLiteral("Virus") : QString()},
        {QStringLiteral("forced"), ctx.req.queryValue(QStringLiteral("force")) == QLatin1String("1")}});
}

SimResponse sandboxQuota(SimContext &ctx)
{
    const int quota = ctx.core.knobs.intValue("sandboxDailyQuota");
    const DailyUse u = ctx.core.sandboxUse.value(ctx.clientId);
    const int used = u.day == dayOf(ctx.nowMs) ? u.used : 0;
    return SimResponse::json(200, QJsonObject{{QStringLiteral("allowed"), quota},
                                              {QStringLiteral("used"), used},
                                              {QStringLiteral("unused"), qMax(0, quota - used)},
                                              {QStringLiteral("scale"), QStringLiteral("DAILY")},
                                              {QStringLiteral("startTime"), dayOf(ctx.nowMs) * 86400}});
}

} // namespace

void registerMiscRoutes(SimCore &core)
{
    Router &r = core.router;
    r.add("GET", QStringLiteral("/incident/api/incidents/delta"), Api::Saas, QStringLiteral("saas.read"), incidentsDelta);
    r.add("GET", QStringLiteral("/incident/api/incidents/{id}"), Api::Saas, QStringLiteral("saas.read"), incident);
    r.add("GET", QStringLiteral("/v1/apps/app"), Api::AppTotal, QStringLiteral("apptotal"), appTotalApp);
    r.add("POST", QStringLiteral("/zscsb/submit"), Api::Sandbox, QStringLiteral("sandbox"), sandboxSubmit);
    r.add("GET", QStringLiteral("/zscsb/quota"), Api::Sandbox, QStringLiteral("sandbox"), sandboxQuota);
}

} // namespace zsim
