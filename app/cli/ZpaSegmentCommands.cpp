// zconsole-cli zpa segment get|create|update|delete
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "StoreErrors.h"
#include "ZiaCli.h"
#include "ZpaCli.h"

#include "core/ZpaJson.h"
#include "services/SegmentsService.h"

#include <QJsonDocument>

namespace zc::cli {
namespace {

int runGet(CliContext &ctx)
{
    if (ctx.args().size() != 2)
        return ctx.usage(QStringLiteral("zpa segment get needs CLIENT and ID"));
    int rc = 0;
    const auto run = openZpa(ctx, ctx.args().first(), &rc);
    if (!run)
        return rc;
    SegmentsService &segments = *run->segments;
    bool finished = false;
    AppSegment segment;
    ApiError error;
    QObject::connect(&segments, &SegmentsService::segmentFetched, &segments,
                     [&](const QString &, quint64, const AppSegment &s, const ApiError &e) {
                         segment = s;
                         error = e;
                         finished = true;
                     });
    segments.fetchSegment(run->client->id, ctx.args().at(1));
    AuthRuntime::waitUntil(finished);
    if (error.isError())
        return ctx.fail(error);
    const QString format = ctx.parser.value(QStringLiteral("format")).toLower();
    if (ctx.json || format == QLatin1String("json")) {
        ctx.printJson(segment.toJson());
        return exitcode::Ok;
    }
    if (!format.isEmpty() && format != QLatin1String("table"))
        return ctx.usage(QStringLiteral("--format must be table or json"));
    printSegment(ctx, segment);
    return exitcode::Ok;
}

// Runs one edit through SegmentsService (protected-tenant confirmation first) and reports it.
int runEdit(CliContext &ctx, ZpaEditRequest request)
{
    int rc = 0;
    const ApiClient *found = requireClient(ctx, ctx.args().first(), &rc);
    if (!found)
        return rc;
    const Tenant *tp = tenantOf(ctx, *found);
    if (!tp)
        return ctx.fail(ErrorKind::Config,
                        QStringLiteral("API client \"%1\" belongs to no known tenant").arg(printable(found->name)));
    const Tenant tenant = *tp;
    const QString verb = ZpaEditResult::actionName(request.action);
    if (tenant.isProtected && !request.dryRun) {
        if (!confirmProtected(ctx, tenant, verb + QStringLiteral(" an application segment")))
            return ctx.fail(ErrorKind::Usage,
                            QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(tenant.name)));
        request.confirmed = true;
    }
    const auto run = openZpa(ctx, found->id, &rc);
    if (!run)
        return rc;
    SegmentsService &segments = *run->segments; // writes to the audit log
    bool finished = false;
    ZpaEditResult result;
    QObject::connect(&segments, &SegmentsService::editFinished, &segments, [&](const ZpaEditResult &r) {
        result = r;
        finished = true;
    });
    request.clientId = run->client->id;
    segments.submitEdit(request);
    AuthRuntime::waitUntil(finished);
    return reportEdit(ctx, result);
}

int runCreate(CliContext &ctx)
{
    if (ctx.args().size() != 1 || !ctx.parser.isSet(QStringLiteral("file")))
        return ctx.usage(QStringLiteral("zpa segment create needs CLIENT and --file JSON"));
    QJsonObject o;
    QString error;
    if (!readJsonObjectFile(ctx.parser.value(QStringLiteral("file")), &o, &error))
        return ctx.usage(error);
    ZpaEditRequest q;
    q.action = ZpaEditRequest::Action::Create;
    q.edited = AppSegment::fromJson(o);
    q.dryRun = ctx.parser.isSet(QStringLiteral("dry-run"));
    return runEdit(ctx, q);
}

int runUpdate(CliContext &ctx)
{
    if (ctx.args().size() != 2 || !ctx.parser.isSet(QStringLiteral("file")))
        return ctx.usage(QStringLiteral("zpa segment update needs CLIENT, ID and --file JSON"));
    QJsonObject o;
    QString error;
    if (!readJsonObjectFile(ctx.parser.value(QStringLiteral("file")), &o, &error))
        return ctx.usage(error);
    const QString id = ctx.args().at(1);
    const QString fileId = zpajson::toStr(o.value(QLatin1String("id")));
    if (!fileId.isEmpty() && fileId != id)
        return ctx.usage(QStringLiteral("the file is segment %1, not %2").arg(printable(fileId), printable(id)));
    ZpaEditRequest q;
    q.action = ZpaEditRequest::Action::Update;
    q.id = id;
    q.patch = o;
    q.policy = ctx.parser.isSet(QStringLiteral("force")) ? ZpaConflictPolicy::Overwrite : ZpaConflictPolicy::Refuse;
    q.dryRun = ctx.parser.isSet(QStringLiteral("dry-run"));
    return runEdit(ctx, q);
}

int runDelete(CliContext &ctx)
{
    if (ctx.args().size() != 2)
        return ctx.usage(QStringLiteral("zpa segment delete needs CLIENT and ID"));
    const bool dryRun = ctx.parser.isSet(QStringLiteral("dry-run"));
    if (!ctx.parser.isSet(QStringLiteral("yes")) && !dryRun)
        return ctx.usage(QStringLiteral("deleting segment %1 cannot be undone: add --yes to delete it").arg(printable(ctx.args().at(1))));
    ZpaEditRequest q;
    q.action = ZpaEditRequest::Action::Delete;
    q.id = ctx.args().at(1);
    q.dryRun = dryRun;
    return runEdit(ctx, q);
}

void common(QCommandLineParser &p, bool withId)
{
    p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id (zpa-legacy or oneapi-*)."));
    if (withId)
        p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Application segment id."));
    AuthRuntime::addOptions(p);
}

void writeOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Check and show what would change; send no write.")});
}

const QString kWriteNotes = QStringLiteral(
    "A protected tenant needs its name typed (on a terminal) or --confirm NAME. Every change is written to the audit "
    "log (audit.jsonl in the config folder: time, tenant, client, action, id, name, before, after; nothing secret).");

const CommandRegistrar getCmd(
    {{QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("get")},
     QStringLiteral("CLIENT ID [--format table|json] [--json] [--no-token-cache]"),
     QStringLiteral("Show one ZPA application segment (JSON: the complete object, for update --file)."),
     QStringLiteral("GET /application/{id}. --format json (or --json) prints the object as the server sent it.\n"
                    "Exit 0 ok; 2 bad arguments; 3 credentials refused; 4 network or TLS; 5 API error (404: no such "
                    "segment); 7 unknown client or no ZPA customer id."),
     [](QCommandLineParser &p) {
         common(p, true);
         p.addOption({QStringLiteral("format"), QStringLiteral("table (default) or json."), QStringLiteral("F")});
     },
     runGet});

const CommandRegistrar createCmd(
    {{QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("create")},
     QStringLiteral("CLIENT --file JSON [--dry-run] [--confirm NAME] [--json] [--no-token-cache]"),
     QStringLiteral("Create a ZPA application segment from a JSON file."),
     QStringLiteral("The file (\"-\" = standard input) holds one segment object: name, domainNames, tcpPortRanges "
                    "and/or udpPortRanges (flat [\"80\",\"80\"] pairs or {\"from\",\"to\"} objects in tcpPortRange; when "
                    "both are given they must agree), segmentGroupId, serverGroups [{\"id\"}], and any other field ZPA "
                    "takes. It is checked before anything is sent (domains: host names, *.wildcards, IPs, subnets; ports "
                    "1-65535 with from <= to, no overlaps; a segment group and at least one server group); id and "
                    "server-set times are not sent; both port encodings are sent, consistent. POST /application (201). "
                    "Prints the created segment (--json: {\"outcome\", \"id\", \"segment\", …}).\n")
         + kWriteNotes
         + QStringLiteral("\nExit 0 created (or --dry-run); 2 bad file, invalid segment (each problem listed), protected "
                          "tenant not confirmed; 3 credentials refused; 4 network or TLS; 5 API error (the server's "
                          "reason is quoted); 7 unknown client."),
     [](QCommandLineParser &p) {
         common(p, false);
         p.addOption({QStringLiteral("file"), QStringLiteral("JSON file with the segment (\"-\" = standard input)."), QStringLiteral("JSON")});
         writeOptions(p);
     },
     runCreate});

const CommandRegistrar updateCmd(
    {{QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("update")},
     QStringLiteral("CLIENT ID --file JSON [--force] [--dry-run] [--confirm NAME] [--json] [--no-token-cache]"),
     QStringLiteral("Change a ZPA application segment: fields from a JSON file, read-before-write, diff, conflict check."),
     QStringLiteral("Reads the segment (GET), applies the file's fields to it (fields not in the file keep the "
                    "server's values; ports given in either encoding replace both), checks the result, prints what "
                    "will change, PUTs it (204) and reads it back to confirm. Nothing to change: no PUT.\n"
                    "Conflicts: when the file carries \"modifiedTime\" (as `zpa segment get --json` prints it) and the "
                    "server's segment was modified since, nothing is sent and the differences are shown (exit 5); "
                    "--force applies the file on top of the server's current version anyway. A file without "
                    "modifiedTime cannot be checked that way. An \"id\" in the file must match ID.\n")
         + kWriteNotes
         + QStringLiteral("\nExit 0 updated, nothing to change, or --dry-run; 2 bad file or arguments, invalid result, "
                          "protected tenant not confirmed; 3 credentials refused; 4 network or TLS; 5 API error, "
                          "conflict, or the change did not read back as sent; 7 unknown client."),
     [](QCommandLineParser &p) {
         common(p, true);
         p.addOption({QStringLiteral("file"), QStringLiteral("JSON file with the fields to change (\"-\" = standard input)."), QStringLiteral("JSON")});
         p.addOption({QStringLiteral("force"), QStringLiteral("Apply even if the segment changed on the server since the file's version.")});
         writeOptions(p);
     },
     runUpdate});

const CommandRegistrar deleteCmd(
    {{QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("delete")},
     QStringLiteral("CLIENT ID --yes [--confirm NAME] [--dry-run] [--json] [--no-token-cache]"),
     QStringLiteral("Delete a ZPA application segment (needs --yes; forceDelete)."),
     QStringLiteral("Reads the segment (for the audit record), then DELETE /application/{id}?forceDelete=true "
                    "(204), then checks that it is gone. Without --yes nothing is sent (exit 2).\n")
         + kWriteNotes
         + QStringLiteral("\nExit 0 deleted (or --dry-run); 2 no --yes, protected tenant not confirmed; 3 credentials "
                          "refused; 4 network or TLS; 5 API error (404: no such segment); 7 unknown client."),
     [](QCommandLineParser &p) {
         common(p, true);
         p.addOption({QStringLiteral("yes"), QStringLiteral("Really delete.")});
         writeOptions(p);
     },
     runDelete});

} // namespace
} // namespace zc::cli
