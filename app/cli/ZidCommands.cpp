// zconsole-cli zid clients|secrets|client get|create|update|delete: a tenant's ZIdentity API clients
// through the admin API, with an oneapi-secret or oneapi-jwt profile as ADMIN.
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "StoreErrors.h"
#include "ZiaCli.h"
#include "ZpaCli.h"

#include "services/ZidClientRules.h"
#include "services/ZidentityService.h"
#include "store/ZidInventoryCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace zc::cli {
namespace {

bool stderrIsTerminal()
{
    return isatty(STDERR_FILENO);
}

const QString kAdminNeeds = QStringLiteral("an oneapi-secret or oneapi-jwt client (the tenant's ZIdentity admin)");

QJsonValue iso(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonArray secretsJson(const QList<ZidSecret> &secrets)
{
    QJsonArray a;
    for (const ZidSecret &s : secrets)
        a.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("createdAt"), iso(s.createdAt)},
                             {QStringLiteral("expiresAt"), iso(s.expiresAt)}});
    return a;
}

QJsonObject clientJson(const ZidApiClient &c, const ApiClient *profile)
{
    QJsonArray resources;
    for (const ZidResource &r : c.resources) {
        QJsonArray scopes;
        for (const ZidScope &s : r.scopes)
            scopes.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}});
        resources.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("name"), r.name}, {QStringLiteral("scopes"), scopes}});
    }
    return QJsonObject{{QStringLiteral("id"), c.id},
                       {QStringLiteral("name"), c.name},
                       {QStringLiteral("description"), c.description},
                       {QStringLiteral("status"), c.status},
                       {QStringLiteral("authType"), c.authType},
                       {QStringLiteral("accessTokenLifeTime"), c.accessTokenLifeTime},
                       {QStringLiteral("resources"), resources},
                       {QStringLiteral("secrets"), secretsJson(c.secrets)},
                       {QStringLiteral("profile"), profile ? QJsonValue(profile->name) : QJsonValue(QJsonValue::Null)}};
}

QString days(const ZidApiClient &c)
{
    const ZidSecret *s = c.earliestExpiry();
    if (!s)
        return QStringLiteral("-");
    const int d = s->daysLeft(QDateTime::currentDateTimeUtc());
    return d < 0 ? QStringLiteral("expired") : QString::number(d);
}

// The admin profile registered with the runtime, or null with *rc set.
const ApiClient *admin(CliContext &ctx, AuthRuntime &rt, int *rc)
{
    return addClientOfKind(ctx, rt, ctx.args().first(), &ZidentityService::isAdminKind, kAdminNeeds, rc);
}

template <typename Reply, typename Call>
Reply await(Call call)
{
    bool finished = false;
    Reply out;
    call([&](const Reply &r) {
        out = r;
        finished = true;
    });
    AuthRuntime::waitUntil(finished);
    return out;
}

int runClients(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("zid clients needs exactly one ADMIN"));
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *a = admin(ctx, rt, &rc);
    if (!a)
        return rc;
    ZidentityService zid(rt.caller(), ctx.store(), ctx.configDir);
    const QString search = ctx.parser.value(QStringLiteral("search"));
    const auto r = await<ZidentityService::SyncResult>([&](auto done) {
        zid.sync(a->id, search, &zid, [&](qint64 n, qint64 total) {
            if (stderrIsTerminal() && total > 0)
                ctx.err << "\rzconsole-cli: read " << n << " of " << total << Qt::flush;
        }, done);
    });
    if (stderrIsTerminal())
        ctx.err << "\r" << Qt::flush;
    if (r.error.isError() && r.clients.isEmpty())
        return ctx.fail(r.error);
    if (!r.cacheError.isEmpty())
        ctx.err << "zconsole-cli: warning: the inventory could not be cached: " << printable(r.cacheError) << Qt::endl;
    if (r.secretsFailed > 0)
        ctx.err << "zconsole-cli: warning: the secrets of " << r.secretsFailed << " client(s) could not be read ("
                << printable(r.error.toString()) << "); their last known secrets are shown" << Qt::endl;
    if (ctx.json) {
        QJsonArray a2;
        for (const ZidApiClient &c : r.clients)
            a2.append(clientJson(c, zid.profileFor(r.tenantId, c.id)));
        ctx.printJson(QJsonObject{{QStringLiteral("clients"), a2}});
    } else {
        QList<QStringList> rows;
        for (const ZidApiClient &c : r.clients) {
            const ApiClient *p = zid.profileFor(r.tenantId, c.id);
            rows << QStringList{c.name, c.id, c.status ? QStringLiteral("enabled") : QStringLiteral("disabled"),
                                c.authType, QString::number(c.secrets.size()), days(c), p ? p->name : QString()};
        }
        printTable(ctx.out, {QStringLiteral("NAME"), QStringLiteral("ID"), QStringLiteral("STATUS"), QStringLiteral("AUTH"),
                             QStringLiteral("SECRETS"), QStringLiteral("DAYS LEFT"), QStringLiteral("PROFILE")},
                   rows);
        ctx.err << "zconsole-cli: " << r.clients.size() << " API client(s)" << Qt::endl;
    }
    return r.secretsFailed > 0 ? exitCodeFor(r.error.kind) : exitcode::Ok;
}

int runSecrets(CliContext &ctx)
{
    if (ctx.args().size() != 2)
        return ctx.usage(QStringLiteral("zid secrets needs ADMIN and ID"));
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *a = admin(ctx, rt, &rc);
    if (!a)
        return rc;
    ZidentityService zid(rt.caller(), ctx.store(), ctx.configDir);
    const auto r = await<ZidSecretsReply>([&](auto done) { zid.secrets(a->id, ctx.args().at(1), &zid, done); });
    if (r.error.isError())
        return ctx.fail(r.error);
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("secrets"), secretsJson(r.secrets)}});
        return exitcode::Ok;
    }
    QList<QStringList> rows;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ZidSecret &s : r.secrets)
        rows << QStringList{s.id, s.createdAt.toString(Qt::ISODate), s.expiresAt.toString(Qt::ISODate),
                            s.expiresAt.isValid() ? QString::number(s.daysLeft(now)) : QStringLiteral("-")};
    printTable(ctx.out, {QStringLiteral("ID"), QStringLiteral("CREATED"), QStringLiteral("EXPIRES"), QStringLiteral("DAYS LEFT")}, rows);
    return exitcode::Ok;
}

int runGet(CliContext &ctx)
{
    if (ctx.args().size() != 2)
        return ctx.usage(QStringLiteral("zid client get needs ADMIN and ID"));
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *a = admin(ctx, rt, &rc);
    if (!a)
        return rc;
    ZidentityService zid(rt.caller(), ctx.store(), ctx.configDir);
    const auto r = await<ZidClientReply>([&](auto done) { zid.client(a->id, ctx.args().at(1), &zid, done); });
    if (r.error.isError())
        return ctx.fail(r.error);
    ctx.printJson(r.client.raw); // the complete record, for update --file
    return exitcode::Ok;
}

// A change on a protected tenant needs its name; false with *rc set otherwise.
bool confirmed(CliContext &ctx, const ApiClient &a, const QString &action, int *rc)
{
    const Tenant *t = tenantOf(ctx, a);
    if (!t || !t->isProtected || confirmProtected(ctx, *t, action))
        return true;
    *rc = ctx.fail(ErrorKind::Usage, QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(t->name)));
    return false;
}

int report(CliContext &ctx, const ZidentityService &zid, const ZidentityService::Change &c, const QString &verb)
{
    if (!c.auditError.isEmpty())
        ctx.err << "zconsole-cli: warning: the change was made but the audit log could not be written: "
                << printable(c.auditError) << Qt::endl;
    if (c.reply.conflict) {
        ctx.err << "zconsole-cli: " << printable(c.reply.error.message) << Qt::endl;
        if (ctx.json)
            ctx.printJson(QJsonObject{{QStringLiteral("conflict"), true}, {QStringLiteral("current"), c.reply.remote.raw}});
        return exitcode::Api;
    }
    if (c.reply.error.isError())
        return ctx.fail(c.reply.error);
    if (ctx.json) {
        QJsonObject o = clientJson(c.reply.client, nullptr);
        o.remove(QStringLiteral("profile"));
        ctx.printJson(o);
    } else {
        ctx.out << verb << " API client \"" << printable(c.reply.client.name) << "\" (" << c.reply.client.id << ")" << Qt::endl;
    }
    Q_UNUSED(zid);
    return exitcode::Ok;
}

int runCreate(CliContext &ctx)
{
    if (ctx.args().size() != 1 || !ctx.parser.isSet(QStringLiteral("file")))
        return ctx.usage(QStringLiteral("zid client create needs ADMIN and --file JSON"));
    QJsonObject o;
    QString error;
    if (!readJsonObjectFile(ctx.parser.value(QStringLiteral("file")), &o, &error))
        return ctx.fail(ErrorKind::Usage, error);
    const ZidApiClient draft = ZidApiClient::fromJson(o);
    if (draft.name.trimmed().isEmpty())
        return ctx.fail(ErrorKind::Usage, QStringLiteral("the API client needs a \"name\""));
    if (const ValidationIssues issues = ZidClientRules::validateClient(draft, {}); !issues.isEmpty())
        return ctx.fail(ErrorKind::Usage, joinIssues(issues));
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *a = admin(ctx, rt, &rc);
    if (!a || !confirmed(ctx, *a, QStringLiteral("create an API client"), &rc))
        return rc;
    ZidentityService zid(rt.caller(), ctx.store(), ctx.configDir);
    const auto c = await<ZidentityService::Change>([&](auto done) { zid.createClient(a->id, draft, &zid, done); });
    return report(ctx, zid, c, QStringLiteral("Created"));
}

int runUpdate(CliContext &ctx)
{
    if (ctx.args().size() != 2 || !ctx.parser.isSet(QStringLiteral("file")))
        return ctx.usage(QStringLiteral("zid client update needs ADMIN, ID and --file JSON"));
    QJsonObject o;
    QString error;
    if (!readJsonObjectFile(ctx.parser.value(QStringLiteral("file")), &o, &error))
        return ctx.fail(ErrorKind::Usage, error);
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *a = admin(ctx, rt, &rc);
    if (!a || !confirmed(ctx, *a, QStringLiteral("change an API client"), &rc))
        return rc;
    ZidentityService zid(rt.caller(), ctx.store(), ctx.configDir);
    const auto current = await<ZidClientReply>([&](auto done) { zid.client(a->id, ctx.args().at(1), &zid, done); });
    if (current.error.isError())
        return ctx.fail(current.error);
    // The file's fields over the record as it is (a full update; unknown fields kept).
    QJsonObject merged = current.client.raw;
    for (auto it = o.begin(); it != o.end(); ++it)
        merged.insert(it.key(), it.value());
    ZidApiClient edited = ZidApiClient::fromJson(merged);
    edited.id = current.client.id;
    ZidApiClient checked = edited; // what the file changes is checked; the record's own values stay
    if (!o.contains(QLatin1String("accessTokenLifeTime")))
        checked.accessTokenLifeTime = 0;
    if (const ValidationIssues issues = ZidClientRules::validateClient(checked, {}); !issues.isEmpty())
        return ctx.fail(ErrorKind::Usage, joinIssues(issues));
    const auto c = await<ZidentityService::Change>([&](auto done) { zid.updateClient(a->id, edited, current.client, &zid, done); });
    return report(ctx, zid, c, QStringLiteral("Updated"));
}

int runDelete(CliContext &ctx)
{
    if (ctx.args().size() != 2)
        return ctx.usage(QStringLiteral("zid client delete needs ADMIN and ID"));
    if (!ctx.parser.isSet(QStringLiteral("yes")))
        return ctx.usage(QStringLiteral("deleting API client %1 cannot be undone (every script using it stops working): "
                                        "add --yes to delete it").arg(printable(ctx.args().at(1))));
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *a = admin(ctx, rt, &rc);
    if (!a || !confirmed(ctx, *a, QStringLiteral("delete an API client"), &rc))
        return rc;
    ZidentityService zid(rt.caller(), ctx.store(), ctx.configDir);
    const auto c = await<ZidentityService::Change>([&](auto done) { zid.deleteClient(a->id, ctx.args().at(1), &zid, done); });
    if (!c.auditError.isEmpty())
        ctx.err << "zconsole-cli: warning: the change was made but the audit log could not be written: "
                << printable(c.auditError) << Qt::endl;
    if (c.reply.error.isError())
        return ctx.fail(c.reply.error);
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("deleted"), c.reply.client.id}, {QStringLiteral("name"), c.reply.client.name}});
    else
        ctx.out << "Deleted API client \"" << printable(c.reply.client.name) << "\" (" << c.reply.client.id << ")" << Qt::endl;
    return exitcode::Ok;
}

void adminArgs(QCommandLineParser &p, bool withId)
{
    p.addPositionalArgument(QStringLiteral("ADMIN"), QStringLiteral("The oneapi-secret or oneapi-jwt profile (name or id) that calls the ZIdentity admin API."));
    if (withId)
        p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The remote API client's id."));
    AuthRuntime::addOptions(p);
}

const QString kRoute = QStringLiteral(
    "Calls go through the OneAPI gateway ({base}/ziam/admin/api/v1) or, when the tenant says "
    "zidRoute \"direct\", to https://{vanity}-admin.zslogin.net/admin/api/v1.");
const QString kExit = QStringLiteral("3 credentials refused; 4 network or TLS; 5 API error; 7 unknown profile or tenant.");

const CommandRegistrar clientsCmd(
    {{QStringLiteral("zid"), QStringLiteral("clients")},
     QStringLiteral("ADMIN [--search TEXT] [--json] [--no-token-cache]"),
     QStringLiteral("List the tenant's ZIdentity API clients with their secrets, and refresh the cached inventory."),
     QStringLiteral("Reads every API client of ADMIN's tenant (offset paging, every client once) and the secrets of each "
                    "secret-authenticated client, and keeps them (names, ids, dates; never a secret value) in the config "
                    "folder's zid-inventory.json, shown offline and used by `client expiring`. --search TEXT lists only "
                    "the clients whose name matches (and refreshes only those). Prints a table, or with --json "
                    "{\"clients\":[{\"id\",\"name\",\"description\",\"status\",\"authType\",\"accessTokenLifeTime\","
                    "\"resources\":[{\"id\",\"name\",\"scopes\":[{\"id\",\"name\"}]}],\"secrets\":[{\"id\",\"createdAt\","
                    "\"expiresAt\"}],\"profile\"}]} (times ISO 8601 UTC; profile: the linked local profile's name or null). ")
         + kRoute + QStringLiteral("\nExit 0 listed; 2 bad arguments or ADMIN is not a OneAPI profile; ") + kExit,
     [](QCommandLineParser &p) {
         adminArgs(p, false);
         p.addOption({QStringLiteral("search"), QStringLiteral("Only clients whose name matches TEXT (name[like])."), QStringLiteral("TEXT")});
     },
     runClients});

const CommandRegistrar secretsCmd(
    {{QStringLiteral("zid"), QStringLiteral("secrets")},
     QStringLiteral("ADMIN ID [--json] [--no-token-cache]"),
     QStringLiteral("List one API client's secrets (ids and dates; values are never shown again)."),
     QStringLiteral("With --json {\"secrets\":[{\"id\",\"createdAt\",\"expiresAt\"}]} (ISO 8601 UTC). ") + kRoute
         + QStringLiteral("\nExit 0 listed; 2 bad arguments; ") + kExit,
     [](QCommandLineParser &p) { adminArgs(p, true); },
     runSecrets});

const CommandRegistrar getCmd(
    {{QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("get")},
     QStringLiteral("ADMIN ID [--no-token-cache]"),
     QStringLiteral("Show one remote API client (JSON: the complete record, for update --file)."),
     kRoute + QStringLiteral("\nExit 0 shown; 2 bad arguments; ") + kExit,
     [](QCommandLineParser &p) { adminArgs(p, true); },
     runGet});

void writeOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("file"), QStringLiteral("JSON file with the API client (\"-\" = standard input)."), QStringLiteral("JSON")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
}

const CommandRegistrar createCmd(
    {{QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("create")},
     QStringLiteral("ADMIN --file JSON [--confirm NAME] [--json] [--no-token-cache]"),
     QStringLiteral("Create a remote API client from a JSON file."),
     QStringLiteral("The file holds the API's fields (name, description, status, accessTokenLifeTime, clientAuthentication, "
                    "clientResources). A protected tenant needs its name typed (on a terminal) or --confirm NAME; the change "
                    "is written to the audit log. ") + kRoute
         + QStringLiteral("\nExit 0 created; 2 bad arguments, unreadable file, protected tenant not confirmed; ") + kExit,
     [](QCommandLineParser &p) {
         adminArgs(p, false);
         writeOptions(p);
     },
     runCreate});

const CommandRegistrar updateCmd(
    {{QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("update")},
     QStringLiteral("ADMIN ID --file JSON [--confirm NAME] [--json] [--no-token-cache]"),
     QStringLiteral("Change a remote API client (a full update) from a JSON file."),
     QStringLiteral("Reads the client, writes the file's fields over it and PUTs the whole record; when the record changed on "
                    "the server between the two reads nothing is written (exit 5, with --json {\"conflict\":true,\"current\":…}). "
                    "A protected tenant needs its name typed or --confirm NAME; the change is written to the audit log. ") + kRoute
         + QStringLiteral("\nExit 0 updated; 2 bad arguments, unreadable file, protected tenant not confirmed; ") + kExit,
     [](QCommandLineParser &p) {
         adminArgs(p, true);
         writeOptions(p);
     },
     runUpdate});

const CommandRegistrar deleteCmd(
    {{QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("delete")},
     QStringLiteral("ADMIN ID --yes [--confirm NAME] [--json] [--no-token-cache]"),
     QStringLiteral("Delete a remote API client (every token and secret of it stops working)."),
     QStringLiteral("Needs --yes; a protected tenant also needs its name typed or --confirm NAME. The deleted record is kept "
                    "in the audit log. ") + kRoute
         + QStringLiteral("\nExit 0 deleted; 2 no --yes, protected tenant not confirmed; ") + kExit,
     [](QCommandLineParser &p) {
         adminArgs(p, true);
         p.addOption({QStringLiteral("yes"), QStringLiteral("Really delete.")});
         p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
     },
     runDelete});

} // namespace
} // namespace zc::cli
