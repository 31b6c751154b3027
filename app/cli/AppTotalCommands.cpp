// zconsole-cli apptotal app CLIENT APP_ID
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "ZiaCli.h"

#include "services/ToolsService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace zc::cli {
namespace {

int runApp(CliContext &ctx)
{
    if (ctx.args().size() != 2)
        return ctx.usage(QStringLiteral("apptotal app needs CLIENT and APP_ID"));
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *c = addClientOfKind(ctx, rt, ctx.args().first(), &ToolsService::isAppTotalKind,
                                         QStringLiteral("an apptotal-key (or oneapi-*) client"), &rc);
    if (!c)
        return rc;
    ToolsService tools(rt.caller(), ctx.store(), ctx.configDir); // the quota file of the config folder
    bool finished = false;
    AppTotalReply reply;
    QObject::connect(&tools, &ToolsService::appTotalFinished, &tools,
                     [&](const QString &, const QString &, const AppTotalReply &r) {
                         reply = r;
                         finished = true;
                     });
    tools.appTotalLookup(c->id, ctx.args().at(1));
    AuthRuntime::waitUntil(finished);
    if (!reply.ok()) {
        if (reply.sent && reply.remaining >= 0)
            ctx.err << "zconsole-cli: remaining AppTotal quota today: " << reply.remaining << Qt::endl;
        return ctx.fail(reply.error);
    }
    const AppTotalApp &a = reply.app;
    if (ctx.json) {
        QJsonArray perms;
        for (const AppTotalPermission &p : a.permissions)
            perms.append(QJsonObject{{QStringLiteral("name"), p.name},
                                     {QStringLiteral("description"), p.description},
                                     {QStringLiteral("risk"), p.risk}});
        ctx.printJson(QJsonObject{{QStringLiteral("id"), a.id},
                                  {QStringLiteral("name"), a.name},
                                  {QStringLiteral("publisher"), a.publisher},
                                  {QStringLiteral("risk"), a.risk},
                                  {QStringLiteral("score"), a.score >= 0 ? QJsonValue(a.score) : QJsonValue()},
                                  {QStringLiteral("permissions"), perms},
                                  {QStringLiteral("remainingQuota"), reply.remaining >= 0 ? QJsonValue(reply.remaining) : QJsonValue()},
                                  {QStringLiteral("app"), a.raw}});
        return exitcode::Ok;
    }
    QList<QPair<QString, QString>> f{{QStringLiteral("App"), a.name + QStringLiteral(" (") + a.id + QLatin1Char(')')}};
    if (!a.publisher.isEmpty())
        f.append({QStringLiteral("Publisher"), a.publisher});
    if (!a.platform.isEmpty())
        f.append({QStringLiteral("Platform"), a.platform});
    f.append({QStringLiteral("Risk"), a.risk.isEmpty() ? QStringLiteral("-") : a.risk});
    f.append({QStringLiteral("Score"), a.score >= 0 ? QString::number(a.score) : QStringLiteral("-")});
    if (a.consentedUsers >= 0)
        f.append({QStringLiteral("Consented users"), QString::number(a.consentedUsers)});
    if (!a.categories.isEmpty())
        f.append({QStringLiteral("Categories"), a.categories.join(QStringLiteral(", "))});
    f.append({QStringLiteral("Quota left today"), reply.remaining >= 0
                                                      ? QStringLiteral("%1 (resets %2 UTC)")
                                                            .arg(reply.remaining)
                                                            .arg(tools.quotaResetsUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                                      : QStringLiteral("unknown")});
    printFields(ctx.out, f);
    ctx.out << "Permissions:" << Qt::endl;
    QList<QStringList> rows;
    for (const AppTotalPermission &p : a.permissions)
        rows << QStringList{p.name, p.risk, p.description};
    if (rows.isEmpty())
        ctx.out << "  (none listed)" << Qt::endl;
    else
        printTable(ctx.out, {QStringLiteral("PERMISSION"), QStringLiteral("RISK"), QStringLiteral("DESCRIPTION")}, rows);
    return exitcode::Ok;
}

const CommandRegistrar appCmd(
    {{QStringLiteral("apptotal"), QStringLiteral("app")},
     QStringLiteral("CLIENT APP_ID [--json] [--no-token-cache]"),
     QStringLiteral("Look up an app in the AppTotal catalogue: risk, score, permissions, remaining daily quota."),
     QStringLiteral("GET /v1/apps/app?app_id=APP_ID with the client's X-API-KEY (apptotal-key clients; oneapi-* "
                    "clients go through the gateway's /zia/api/v1/apps/app). Prints the app's name, publisher, risk, "
                    "score and permissions, and the calls left today from the reply's X-Rate-Limit-Remaining. --json "
                    "prints {\"id\", \"name\", \"publisher\", \"risk\", \"score\", \"permissions\", "
                    "\"remainingQuota\", \"app\"} (app: the object as the server sent it).\n"
                    "The remaining quota is remembered per client in apptotal-quota.json in the config folder (no "
                    "secret in it). Once it is known to be 0 for the day, no request is sent: exit 5 with a message "
                    "naming when the quota resets (00:00 UTC). Requests are never retried, since each one spends "
                    "quota.\n"
                    "Exit 0 found; 2 bad arguments; 3 key refused; 4 network or TLS; 5 unknown app (404), quota "
                    "spent or another API error; 7 unknown client."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id."));
         p.addPositionalArgument(QStringLiteral("APP_ID"), QStringLiteral("The app's id in the catalogue."));
         AuthRuntime::addOptions(p);
     },
     runApp});

} // namespace
} // namespace zc::cli
