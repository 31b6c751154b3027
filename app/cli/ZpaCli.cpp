#include "ZpaCli.h"

#include "CliOutput.h"
#include "ZiaCli.h"

#include "models/AppSegmentTableModel.h"
#include "services/SegmentsService.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cstdio>
#include <unistd.h>

namespace zc::cli {

const QString kNeedsZpa = QStringLiteral("a zpa-legacy or oneapi-* client");

const ApiClient *addZpaClient(CliContext &ctx, AuthRuntime &rt, const QString &name, int *rc)
{
    const ApiClient *c = addClientOfKind(ctx, rt, name, &SegmentsService::isZpaKind, kNeedsZpa, rc);
    if (!c)
        return nullptr;
    const Tenant *t = tenantOf(ctx, *c);
    if (t && t->zpaCustomerId.isEmpty()) {
        *rc = ctx.fail(ErrorKind::Config,
                       QStringLiteral("tenant \"%1\" has no ZPA customer id (set it with: zconsole-cli tenant edit \"%1\" "
                                      "--zpa-customer-id ID)")
                           .arg(printable(t->name)));
        return nullptr;
    }
    return c;
}

ZpaRun::ZpaRun(CliContext &ctx)
    : rt(ctx)
{
}

ZpaRun::~ZpaRun() = default;

std::unique_ptr<ZpaRun> openZpa(CliContext &ctx, const QString &clientName, int *rc)
{
    auto run = std::make_unique<ZpaRun>(ctx);
    run->client = addZpaClient(ctx, run->rt, clientName, rc);
    if (!run->client)
        return nullptr;
    run->segments = std::make_unique<SegmentsService>(run->rt.caller(), ctx.store(), ctx.configDir);
    return run;
}

bool readJsonObjectFile(const QString &path, QJsonObject *out, QString *error)
{
    QFile f;
    if (path == QLatin1String("-")) {
        if (!f.open(stdin, QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read standard input");
            return false;
        }
    } else {
        f.setFileName(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(printable(path), f.errorString());
            return false;
        }
    }
    const QByteArray data = f.read(16 * 1024 * 1024 + 1);
    if (data.size() > 16 * 1024 * 1024) {
        *error = QStringLiteral("%1 is larger than 16 MB").arg(printable(path));
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 is not valid JSON: %2 at byte %3").arg(printable(path), pe.errorString()).arg(pe.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("%1 must hold one JSON object (a segment), not %2")
                     .arg(printable(path), doc.isArray() ? QStringLiteral("an array") : QStringLiteral("a value"));
        return false;
    }
    *out = doc.object();
    return true;
}

void printSegment(CliContext &ctx, const AppSegment &s)
{
    const QDateTime modified = s.modifiedAt();
    printFields(ctx.out, {{QStringLiteral("ID"), s.id()},
                          {QStringLiteral("Name"), s.name()},
                          {QStringLiteral("Description"), s.description().left(300)},
                          {QStringLiteral("Enabled"), s.enabled() ? QStringLiteral("yes") : QStringLiteral("no")},
                          {QStringLiteral("Domains"), s.domainsText()},
                          {QStringLiteral("TCP ports"), AppSegmentTableModel::portsText(s.tcpPorts())},
                          {QStringLiteral("UDP ports"), AppSegmentTableModel::portsText(s.udpPorts())},
                          {QStringLiteral("Segment group"), s.segmentGroupName().isEmpty()
                                                                ? s.segmentGroupId()
                                                                : s.segmentGroupName() + QStringLiteral(" (") + s.segmentGroupId() + QLatin1Char(')')},
                          {QStringLiteral("Server groups"), s.serverGroupsText()},
                          {QStringLiteral("Microtenant"), s.microtenantDisplay()},
                          {QStringLiteral("Modified"), modified.isValid() ? modified.toString(Qt::ISODate) + QStringLiteral(" (")
                                                                                + s.modifiedTime() + QLatin1Char(')')
                                                                          : s.modifiedTime()}});
}

void printChanges(QTextStream &out, const QList<AppSegmentChange> &changes, const QString &indent)
{
    for (const AppSegmentChange &c : changes)
        out << indent << printable(c.label) << ": " << printable(c.beforeText) << " -> " << printable(c.afterText) << '\n';
    out.flush();
}

QJsonArray changesJson(const QList<AppSegmentChange> &changes)
{
    QJsonArray a;
    for (const AppSegmentChange &c : changes)
        a.append(QJsonObject{{QStringLiteral("field"), c.field},
                             {QStringLiteral("label"), c.label},
                             {QStringLiteral("before"), c.before.isUndefined() ? QJsonValue(QJsonValue::Null) : c.before},
                             {QStringLiteral("after"), c.after.isUndefined() ? QJsonValue(QJsonValue::Null) : c.after},
                             {QStringLiteral("beforeText"), c.beforeText},
                             {QStringLiteral("afterText"), c.afterText}});
    return a;
}

namespace {

QJsonObject resultJson(const ZpaEditResult &r)
{
    QJsonObject o{{QStringLiteral("action"), ZpaEditResult::actionName(r.action)},
                  {QStringLiteral("outcome"), ZpaEditResult::outcomeName(r.outcome)},
                  {QStringLiteral("id"), r.id},
                  {QStringLiteral("name"), r.name},
                  {QStringLiteral("changes"), changesJson(r.changes)}};
    if (!r.after.id().isEmpty())
        o.insert(QStringLiteral("segment"), r.after.toJson());
    if (!r.mismatches.isEmpty())
        o.insert(QStringLiteral("mismatches"), changesJson(r.mismatches));
    if (r.outcome == ZpaEditResult::Outcome::Conflict) {
        QJsonArray fields;
        for (const AppSegmentConflict &c : r.conflict.fields)
            fields.append(QJsonObject{{QStringLiteral("field"), c.field},
                                      {QStringLiteral("server"), c.serverText},
                                      {QStringLiteral("mine"), c.mineText}});
        o.insert(QStringLiteral("conflict"),
                 QJsonObject{{QStringLiteral("serverModifiedTime"), r.conflict.serverModifiedTime},
                             {QStringLiteral("serverModifiedBy"), r.conflict.serverModifiedBy},
                             {QStringLiteral("baseModifiedTime"), r.conflict.baseModifiedTime},
                             {QStringLiteral("theirs"), changesJson(r.conflict.theirs)},
                             {QStringLiteral("fields"), fields}});
    }
    if (!r.issues.isEmpty()) {
        QJsonArray issues;
        for (const ValidationIssue &i : r.issues)
            issues.append(QJsonObject{{QStringLiteral("field"), i.field}, {QStringLiteral("message"), i.message}});
        o.insert(QStringLiteral("issues"), issues);
    }
    o.insert(QStringLiteral("audited"), r.audited);
    return o;
}

} // namespace

int reportEdit(CliContext &ctx, const ZpaEditResult &r)
{
    using O = ZpaEditResult::Outcome;
    if (!r.auditError.isEmpty())
        ctx.err << "zconsole-cli: warning: the change was made but the audit log could not be written: "
                << printable(r.auditError) << Qt::endl;
    if (ctx.json)
        ctx.printJson(resultJson(r));
    const QString what = QStringLiteral("segment %1 (\"%2\")").arg(r.id, printable(r.name));
    switch (r.outcome) {
    case O::Done:
        if (!ctx.json) {
            if (r.action == ZpaEditRequest::Action::Create) {
                ctx.out << "Created " << what << Qt::endl;
                printSegment(ctx, r.after);
            } else if (r.action == ZpaEditRequest::Action::Update) {
                ctx.out << "Updated " << what << " (confirmed by reading it back):" << Qt::endl;
                printChanges(ctx.out, r.changes);
            } else {
                ctx.out << "Deleted " << what << Qt::endl;
            }
        }
        return exitcode::Ok;
    case O::NoChange:
        if (!ctx.json)
            ctx.out << "Nothing to change: " << what << " already matches" << Qt::endl;
        return exitcode::Ok;
    case O::DryRun:
        if (!ctx.json) {
            ctx.out << "Dry run, nothing sent. " << (r.action == ZpaEditRequest::Action::Delete ? "Would delete " : "Would change ")
                    << (r.action == ZpaEditRequest::Action::Create ? QStringLiteral("a new segment") : what)
                    << (r.changes.isEmpty() ? "" : ":") << Qt::endl;
            printChanges(ctx.out, r.changes);
        }
        return exitcode::Ok;
    case O::Invalid:
        if (!ctx.json)
            for (const ValidationIssue &i : r.issues)
                ctx.err << "zconsole-cli: invalid " << i.field << ": " << printable(i.message) << Qt::endl;
        return ctx.fail(r.error.isError() ? r.error : ApiError::make(ErrorKind::Usage, QStringLiteral("invalid segment")));
    case O::NotConfirmed:
        return ctx.fail(ErrorKind::Usage, r.error.message + QStringLiteral(" (add --confirm NAME)"));
    case O::Conflict:
        if (!ctx.json) {
            ctx.err << "zconsole-cli: " << what << " changed on the server since your version (yours: modified "
                    << r.conflict.baseModifiedTime << "; now: " << r.conflict.serverModifiedTime << " by "
                    << printable(r.conflict.serverModifiedBy) << "). Nothing was sent." << Qt::endl;
            if (!r.conflict.theirs.isEmpty()) {
                ctx.err << "Changed on the server:" << Qt::endl;
                printChanges(ctx.err, r.conflict.theirs);
            }
            ctx.err << "Your version would change (server now -> yours):" << Qt::endl;
            printChanges(ctx.err, r.changes);
            ctx.err << "Read the segment again (zpa segment get), or add --force to apply your version on top of the "
                       "server's."
                    << Qt::endl;
        }
        return ctx.fail(r.error);
    case O::Unconfirmed:
        if (!ctx.json && !r.mismatches.isEmpty()) {
            ctx.err << "Sent -> read back:" << Qt::endl;
            printChanges(ctx.err, r.mismatches);
        }
        return ctx.fail(r.error);
    case O::Failed: return ctx.fail(r.error);
    }
    return exitcode::Failure;
}

bool stderrIsTerminal()
{
    return isatty(STDERR_FILENO);
}

} // namespace zc::cli
