// zconsole-cli saas incidents CLIENT [--limit N]
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "ZiaCli.h"

#include "services/ToolsService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace zc::cli {
namespace {

QString iso(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }

int runIncidents(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("saas incidents needs exactly one CLIENT"));
    int limit = 50;
    if (ctx.parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = ctx.parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > ToolsService::saasMaxLimit())
            return ctx.usage(QStringLiteral("--limit needs a number from 1 to %1").arg(ToolsService::saasMaxLimit()));
    }
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *c = addClientOfKind(ctx, rt, ctx.args().first(), &ToolsService::isSaasKind, QStringLiteral("a saas-security client"), &rc);
    if (!c)
        return rc;
    ToolsService tools(rt.caller(), ctx.store(), ctx.configDir);
    bool finished = false;
    SaasIncidentsReply reply;
    QObject::connect(&tools, &ToolsService::saasFinished, &tools, [&](const QString &, const SaasIncidentsReply &r) {
        reply = r;
        finished = true;
    });
    tools.saasIncidents(c->id, limit);
    AuthRuntime::waitUntil(finished);
    if (!reply.ok())
        return ctx.fail(reply.error);
    if (ctx.json) {
        QJsonArray a;
        for (const SaasIncident &i : reply.incidents)
            a.append(QJsonObject{{QStringLiteral("id"), i.id},
                                 {QStringLiteral("severity"), i.severity},
                                 {QStringLiteral("state"), i.state},
                                 {QStringLiteral("status"), i.status},
                                 {QStringLiteral("category"), i.category},
                                 {QStringLiteral("appId"), i.appId},
                                 {QStringLiteral("appName"), i.appName},
                                 {QStringLiteral("assetName"), i.assetName},
                                 {QStringLiteral("assetOwner"), i.assetOwner},
                                 {QStringLiteral("exposure"), i.exposureLevel},
                                 {QStringLiteral("createdAt"), iso(i.createdAt)},
                                 {QStringLiteral("updatedAt"), iso(i.updatedAt)}});
        ctx.printJson(a);
        return exitcode::Ok;
    }
    QList<QStringList> rows;
    for (const SaasIncident &i : reply.incidents)
        rows << QStringList{i.id, i.severity, i.state, i.status, i.appName, i.assetName, iso(i.updatedAt)};
    printTable(ctx.out, {QStringLiteral("ID"), QStringLiteral("SEVERITY"), QStringLiteral("STATE"), QStringLiteral("STATUS"),
                         QStringLiteral("APP"), QStringLiteral("ASSET"), QStringLiteral("UPDATED")},
               rows);
    ctx.err << "zconsole-cli: " << reply.incidents.size() << " incident(s)" << Qt::endl;
    return exitcode::Ok;
}

const CommandRegistrar incidentsCmd(
    {{QStringLiteral("saas"), QStringLiteral("incidents")},
     QStringLiteral("CLIENT [--limit N] [--json] [--no-token-cache]"),
     QStringLiteral("List SaaS Security incidents (shows that the client's token works)."),
     QStringLiteral("GET /incident/api/incidents/delta?limit=N on the client's regional host with its bearer token "
                    "(saas-security clients). Prints a table (id, severity, state, status, app, asset, updated), or "
                    "with --json an array of {\"id\", \"severity\", \"state\", \"status\", \"category\", \"appId\", "
                    "\"appName\", \"assetName\", \"assetOwner\", \"exposure\", \"createdAt\", \"updatedAt\"}. --limit "
                    "is 1 to 1000 (default 50; the server is asked for at least 10).\n"
                    "Exit 0 listed; 2 bad arguments; 3 credentials refused; 4 network or TLS; 5 API error; 7 "
                    "unknown client."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id."));
         p.addOption({QStringLiteral("limit"), QStringLiteral("At most this many incidents (1-1000, default 50)."), QStringLiteral("N")});
         AuthRuntime::addOptions(p);
     },
     runIncidents});

} // namespace
} // namespace zc::cli
