// zconsole-cli zpa segments CLIENT [--microtenant all|default|ID] [--search TEXT] [--format table|json|csv]
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "ZpaCli.h"

#include "models/AppSegmentTableModel.h"
#include "models/ExportTable.h"
#include "services/SegmentsService.h"

#include <QLocale>
#include <QMap>
#include <QRegularExpression>

namespace zc::cli {
namespace {

struct Budget
{
    int count = 20;
    qint64 windowMs = 10'000;
};

bool parseBudget(const QString &text, Budget *out)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,6})/([0-9]{1,6}(\\.[0-9]+)?)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    out->count = m.captured(1).toInt();
    out->windowMs = qint64(m.captured(2).toDouble() * 1000);
    return out->count > 0 && out->windowMs >= 100;
}

void progressLine(CliContext &ctx, const ZpaListProgress &p)
{
    const QLocale c = QLocale::c();
    QString line = QStringLiteral("\rzconsole-cli: page %1/%2, %3 of %4 segments")
                       .arg(p.pagesDone)
                       .arg(p.pagesTotal < 0 ? QStringLiteral("?") : QString::number(p.pagesTotal))
                       .arg(c.toString(p.rows))
                       .arg(p.totalCount < 0 ? QStringLiteral("?") : c.toString(p.totalCount));
    if (p.retries > 0)
        line += QStringLiteral(", %1 page retr%2").arg(p.retries).arg(p.retries == 1 ? QStringLiteral("y") : QStringLiteral("ies"));
    if (p.waitMs > 500)
        line += QStringLiteral(", rate limit: next request in %1 s").arg(double(p.waitMs) / 1000.0, 0, 'f', 1);
    ctx.err << line << QStringLiteral("\x1b[K");
    ctx.err.flush();
}

int runSegments(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("zpa segments needs exactly one CLIENT"));
    ZpaListOptions options;
    QString why;
    if (!ZpaMicrotenantChoice::parse(ctx.parser.value(QStringLiteral("microtenant")), &options.microtenant, &why))
        return ctx.usage(why);
    options.search = ctx.parser.value(QStringLiteral("search"));
    QString format = ctx.parser.isSet(QStringLiteral("format")) ? ctx.parser.value(QStringLiteral("format")).toLower()
                                                               : (ctx.json ? QStringLiteral("json") : QStringLiteral("table"));
    if (format != QLatin1String("table") && format != QLatin1String("json") && format != QLatin1String("csv"))
        return ctx.usage(QStringLiteral("--format must be table, json or csv"));
    const QString outputPath = ctx.parser.value(QStringLiteral("output"));
    if (!outputPath.isEmpty() && format == QLatin1String("table"))
        format = outputPath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? QStringLiteral("csv") : QStringLiteral("json");
    Budget budget;
    if (ctx.parser.isSet(QStringLiteral("budget")) && !parseBudget(ctx.parser.value(QStringLiteral("budget")), &budget))
        return ctx.usage(QStringLiteral("--budget must look like 20/10 (requests per seconds)"));
    if (ctx.parser.isSet(QStringLiteral("page-size"))) {
        bool ok = false;
        options.pageSize = ctx.parser.value(QStringLiteral("page-size")).toInt(&ok);
        if (!ok || options.pageSize < 1 || options.pageSize > 500)
            return ctx.usage(QStringLiteral("--page-size must be from 1 to 500"));
    }

    int rc = 0;
    const auto run = openZpa(ctx, ctx.args().first(), &rc);
    if (!run)
        return rc;
    SegmentsService &segments = *run->segments;
    if (ctx.parser.isSet(QStringLiteral("budget")))
        segments.setReadBudget(run->client->id, budget.count, budget.windowMs);
    // Pages arrive in any order; they are kept per page and put into the model in page order
    // at the end, so the output follows the server's order. One listing: no generation to check.
    QMap<int, QList<AppSegment>> pages;
    const bool showProgress = stderrIsTerminal();
    QObject::connect(&segments, &SegmentsService::rowsArrived, &segments,
                     [&pages](quint64, int page, const QList<AppSegment> &rows) { pages[page].append(rows); });
    if (showProgress)
        QObject::connect(&segments, &SegmentsService::listProgress, &segments,
                         [&ctx](quint64, const ZpaListProgress &p) { progressLine(ctx, p); });
    bool finished = false;
    ZpaListResult result;
    QObject::connect(&segments, &SegmentsService::listFinished, &segments, [&](quint64, const ZpaListResult &r) {
        result = r;
        finished = true;
    });
    segments.startListing(run->client->id, options);
    AuthRuntime::waitUntil(finished);
    if (showProgress)
        ctx.err << "\r\x1b[K";

    for (const QString &p : std::as_const(result.problems))
        ctx.err << "zconsole-cli: warning: " << printable(p) << Qt::endl;
    if (result.status == ZpaListResult::Status::Failed || result.status == ZpaListResult::Status::Cancelled)
        return ctx.fail(result.error);
    const bool incomplete = result.status == ZpaListResult::Status::Incomplete;
    if (incomplete && !ctx.parser.isSet(QStringLiteral("allow-incomplete"))) {
        ApiError e = result.error;
        e.kind = ErrorKind::Api;
        e.message += QStringLiteral(" - nothing printed (a partial list would look complete); add --allow-incomplete "
                                    "to print the %1 segments that were read")
                         .arg(result.rows);
        return ctx.fail(e);
    }

    AppSegmentTableModel model;
    model.setTotalExpected(result.totalCount);
    for (auto it = pages.begin(); it != pages.end(); ++it)
        model.appendRows(std::move(it.value()));
    pages.clear();

    ExportOptions eo;
    if (format == QLatin1String("json"))
        eo.jsonRole = AppSegmentTableModel::JsonRole;
    else if (format == QLatin1String("csv"))
        eo.columns = {AppSegmentTableModel::Id,      AppSegmentTableModel::Name,         AppSegmentTableModel::Enabled,
                      AppSegmentTableModel::Domains, AppSegmentTableModel::TcpPorts,     AppSegmentTableModel::UdpPorts,
                      AppSegmentTableModel::SegmentGroup, AppSegmentTableModel::ServerGroups,
                      AppSegmentTableModel::Microtenant,  AppSegmentTableModel::Modified};
    if (!outputPath.isEmpty()) {
        QString error;
        const qint64 n = ExportTable::writeFile(outputPath, format == QLatin1String("csv") ? ExportTable::Format::Csv
                                                                                          : ExportTable::Format::Json,
                                                &model, eo, &error);
        if (n < 0)
            return ctx.fail(ErrorKind::Usage, error);
        ctx.err << "zconsole-cli: wrote " << n << " segment(s) to " << printable(outputPath) << Qt::endl;
    } else if (format == QLatin1String("json")) {
        ctx.out << ExportTable::toJson(&model, eo);
        ctx.out.flush();
    } else if (format == QLatin1String("csv")) {
        ctx.out << ExportTable::toCsv(&model, eo);
        ctx.out.flush();
    } else {
        QList<QStringList> rows;
        rows.reserve(model.rowCount());
        for (int r = 0; r < model.rowCount(); ++r) {
            const AppSegment &s = model.segmentAt(r);
            rows << QStringList{s.id(), s.name(), s.enabled() ? QStringLiteral("yes") : QStringLiteral("no"), s.domainsText(),
                                AppSegmentTableModel::portsText(s.tcpPorts()), AppSegmentTableModel::portsText(s.udpPorts()),
                                model.data(model.index(r, AppSegmentTableModel::SegmentGroup)).toString(),
                                s.microtenantDisplay()};
        }
        printTable(ctx.out, {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("ENABLED"), QStringLiteral("DOMAINS"),
                             QStringLiteral("TCP"), QStringLiteral("UDP"), QStringLiteral("SEGMENT GROUP"), QStringLiteral("MICROTENANT")},
                   rows);
    }
    if (showProgress || result.tenantChanged)
        ctx.err << "zconsole-cli: " << result.rows << " segment(s) in " << result.pagesRead << " page(s), "
                << result.sends << " request(s), " << result.elapsedMs << " ms"
                << (result.tenantChanged ? QStringLiteral(" - the tenant changed during the read: refresh to be sure") : QString())
                << Qt::endl;
    if (incomplete)
        return ctx.fail(result.error);
    return exitcode::Ok;
}

const CommandRegistrar segmentsCmd(
    {{QStringLiteral("zpa"), QStringLiteral("segments")},
     QStringLiteral("CLIENT [--microtenant all|default|ID] [--search TEXT] [--format table|json|csv] [--output FILE] "
                    "[--budget N/SECONDS] [--allow-incomplete] [--json] [--no-token-cache]"),
     QStringLiteral("List every ZPA application segment of a tenant (complete, deduplicated)."),
     QStringLiteral(
         "Reads all pages of GET /application (500 per page): page 1 gives the totals, the other pages are read "
         "concurrently within the tenant's ZPA budget (default 20 GET per 10 s, like the service; --budget N/SECONDS "
         "changes it). A 429 is honoured (the wait it asks for); a failed, cut or unparsable page is read again on its "
         "own (up to 4 times), never the whole list. Every segment appears once (by id) and the count is checked "
         "against the server's totalCount; odd totals and a tenant that changed during the read are reported on "
         "standard error.\n"
         "--microtenant all (default: every microtenant), default (the Default microtenant, id 0) or a microtenant id. "
         "--search TEXT: server-side search on the name: \"name+EQ+exact name\" (or +NE+, +CONTAINS+, +STARTSWITH+, "
         "+ENDSWITH+) as ZPA takes it, or plain text for name+CONTAINS+TEXT.\n"
         "--format table (default), json (the complete segment objects as the server sent them, an array; also with "
         "--json) or csv (ID, name, status, domains, TCP, UDP, segment group, server groups, microtenant, modified; "
         "cells starting with = + - @ are neutralised for spreadsheets). --output FILE writes the json or csv to a file "
         "(atomically) instead of standard output. Progress is shown on standard error when it is a terminal.\n"
         "Exit 0 complete; 2 bad arguments; 3 credentials refused; 4 network or TLS; 5 API error, or the listing is "
         "incomplete (the missing pages are named; nothing is printed unless --allow-incomplete); 7 unknown client or "
         "no ZPA customer id."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id (zpa-legacy or oneapi-*)."));
         p.addOption({QStringLiteral("microtenant"), QStringLiteral("all (default), default, or a microtenant id."), QStringLiteral("M")});
         p.addOption({QStringLiteral("search"), QStringLiteral("Server-side search on the name."), QStringLiteral("TEXT")});
         p.addOption({QStringLiteral("format"), QStringLiteral("table (default), json or csv."), QStringLiteral("F")});
         p.addOption({QStringLiteral("output"), QStringLiteral("Write json/csv to this file."), QStringLiteral("FILE")});
         p.addOption({QStringLiteral("budget"), QStringLiteral("GET budget of the tenant, e.g. 20/10 (default)."), QStringLiteral("N/SECONDS")});
         p.addOption({QStringLiteral("page-size"), QStringLiteral("Rows per page, 1-500 (default 500)."), QStringLiteral("N")});
         p.addOption({QStringLiteral("allow-incomplete"), QStringLiteral("Print what was read even when pages are missing (still exit 5).")});
         AuthRuntime::addOptions(p);
     },
     runSegments});

} // namespace
} // namespace zc::cli
