// zconsole-cli zia url-lookup CLIENT [URL...]; zia url-category add-urls|remove-urls CLIENT CATEGORY URL...
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "StoreErrors.h"
#include "ZiaCli.h"

#include "models/ExportTable.h"
#include "models/UrlLookupTableModel.h"
#include "services/ZiaService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace zc::cli {
namespace {

const QString kNeedsZia = QStringLiteral("a zia-legacy, zia-oauth or oneapi-* client");

QJsonArray strings(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

int runLookup(CliContext &ctx)
{
    if (ctx.args().isEmpty())
        return ctx.usage(QStringLiteral("zia url-lookup needs a CLIENT (and URLs, or URLs on standard input)"));
    const QString csvPath = ctx.parser.value(QStringLiteral("csv"));
    QStringList raw = ctx.args().mid(1);
    if (raw.isEmpty()) {
        if (stdinIsTerminal())
            ctx.err << "zconsole-cli: reading URLs from standard input, one per line (end with Ctrl-D)" << Qt::endl;
        raw = UrlLookup::splitLines(readAllStdin());
    }
    const UrlLookupInput input = UrlLookup::prepare(raw);
    printUrlIssues(ctx, input);
    if (input.urls.isEmpty())
        return ctx.usage(input.invalid.isEmpty() ? QStringLiteral("no URL given")
                                                 : QStringLiteral("no valid URL given (%1 refused)").arg(input.invalid.size()));

    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *c = addClientOfKind(ctx, rt, ctx.args().first(), &ZiaService::isZiaKind, kNeedsZia, &rc);
    if (!c)
        return rc;
    ZiaService zia(rt.caller(), ctx.store(), ctx.configDir);
    UrlLookupTableModel model;
    QObject::connect(&zia, &ZiaService::lookupResults, &model, &UrlLookupTableModel::appendResults);
    QObject::connect(&zia, &ZiaService::lookupStarted, &zia, [&ctx](int urls, int batches, qint64 eta) {
        ctx.err << "zconsole-cli: looking up " << urls << " URL(s) in " << batches << " request(s), about "
                << ziaActivation::durationText(eta) << " (1 request per second, 400 per hour)" << Qt::endl;
    });
    QObject::connect(&zia, &ZiaService::lookupProgress, &zia, [&ctx](int done, int total, qint64 eta) {
        ctx.err << "zconsole-cli: request " << done << "/" << total << " done"
                << (done < total ? QStringLiteral(", about %1 left").arg(ziaActivation::durationText(eta)) : QString())
                << Qt::endl;
    });
    bool finished = false;
    ApiError error;
    QObject::connect(&zia, &ZiaService::lookupFinished, &zia, [&](const ApiError &e) {
        error = e;
        finished = true;
    });
    zia.startLookup(c->id, input.urls);
    AuthRuntime::waitUntil(finished);

    if (!csvPath.isEmpty() && model.rowCount() > 0) {
        QString why;
        if (ExportTable::writeFile(csvPath, ExportTable::Format::Csv, &model, ExportTable::Options(), &why) < 0)
            return ctx.fail(ErrorKind::Usage, why);
        ctx.err << "zconsole-cli: wrote " << model.rowCount() << " row(s) to " << printable(csvPath) << Qt::endl;
    }
    if (ctx.json) {
        QJsonArray results;
        for (const UrlLookupResult &r : model.results())
            results.append(QJsonObject{{QStringLiteral("url"), r.url},
                                       {QStringLiteral("categories"), strings(r.categories)},
                                       {QStringLiteral("securityAlerts"), strings(r.securityAlerts)}});
        ctx.printJson(QJsonObject{{QStringLiteral("results"), results},
                                  {QStringLiteral("invalid"), urlIssuesJson(input)},
                                  {QStringLiteral("duplicates"), input.duplicates},
                                  {QStringLiteral("requests"), zia.lookupRequestsDone()},
                                  {QStringLiteral("complete"), !error.isError()}});
    } else if (model.rowCount() > 0) {
        QList<QStringList> rows;
        for (const UrlLookupResult &r : model.results())
            rows << QStringList{r.url, r.categories.join(QStringLiteral(", ")), r.securityAlerts.join(QStringLiteral(", "))};
        printTable(ctx.out, {QStringLiteral("URL"), QStringLiteral("CATEGORIES"), QStringLiteral("SECURITY ALERTS")}, rows);
    }
    if (error)
        return ctx.fail(error);
    return exitcode::Ok;
}

int runEdit(CliContext &ctx, bool add)
{
    const QString verb = add ? QStringLiteral("add-urls") : QStringLiteral("remove-urls");
    if (ctx.args().size() < 3)
        return ctx.usage(QStringLiteral("zia url-category %1 needs CLIENT CATEGORY URL...").arg(verb));
    int rc = 0;
    const ApiClient *found = requireClient(ctx, ctx.args().at(0), &rc);
    if (!found)
        return rc;
    const Tenant *tp = tenantOf(ctx, *found);
    if (!tp)
        return ctx.fail(ErrorKind::Config, QStringLiteral("API client \"%1\" belongs to no known tenant").arg(printable(found->name)));
    const Tenant tenant = *tp;
    if (tenant.isProtected && !confirmProtected(ctx, tenant, QStringLiteral("change a URL category")))
        return ctx.fail(ErrorKind::Usage, QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(tenant.name)));

    AuthRuntime rt(ctx);
    const ApiClient *c = addClientOfKind(ctx, rt, found->id, &ZiaService::isZiaKind, kNeedsZia, &rc);
    if (!c)
        return rc;
    ZiaService zia(rt.caller(), ctx.store(), ctx.configDir); // changes go to the audit log
    bool finished = false;
    ZiaUrlEditResult result;
    QObject::connect(&zia, &ZiaService::urlEditFinished, &zia, [&](const QString &, const ZiaUrlEditResult &r) {
        result = r;
        finished = true;
    });
    zia.editUrls(c->id, ctx.args().at(1), ctx.args().mid(2), add);
    AuthRuntime::waitUntil(finished);
    printUrlIssues(ctx, result.input);
    if (!result.ok())
        return ctx.fail(result.error);
    const ZiaUrlEdit &e = result.edit;
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("category"), e.category.id},
                                  {QStringLiteral("name"), e.category.displayName()},
                                  {add ? QStringLiteral("added") : QStringLiteral("removed"), strings(e.changed)},
                                  {QStringLiteral("unchanged"), strings(e.unchanged)},
                                  {QStringLiteral("invalid"), urlIssuesJson(result.input)},
                                  {QStringLiteral("urlCount"), int(e.category.urls.size())},
                                  {QStringLiteral("pending"), e.sent}});
    } else {
        const QString name = printable(e.category.displayName());
        if (e.changed.isEmpty())
            ctx.out << "Nothing to change in \"" << name << "\" (" << e.category.id << ")" << Qt::endl;
        else
            ctx.out << (add ? "Added " : "Removed ") << e.changed.size() << " URL(s) " << (add ? "to" : "from") << " \""
                    << name << "\" (" << e.category.id << "): " << printable(e.changed.join(QStringLiteral(", "))) << Qt::endl;
        if (!e.unchanged.isEmpty())
            ctx.out << (add ? "Already present" : "Not present") << " (not sent): "
                    << printable(e.unchanged.join(QStringLiteral(", "))) << Qt::endl;
    }
    if (e.sent)
        ctx.err << "zconsole-cli: " << pendingNote(*c, tenant) << Qt::endl;
    return exitcode::Ok;
}

const CommandRegistrar lookupCmd(
    {{QStringLiteral("zia"), QStringLiteral("url-lookup")},
     QStringLiteral("CLIENT [URL...] [--csv FILE] [--json] [--no-token-cache]"),
     QStringLiteral("Look up the URL categories and security alerts of URLs (ZIA /urlLookup)."),
     QStringLiteral("URLs come from the arguments or, when none is given, from standard input, one per line. Each is "
                    "checked and normalised before anything is sent: surrounding blanks trimmed, http:// or https:// "
                    "dropped (other schemes refused), the host lower-cased (international names in their xn-- form), "
                    "ports 80 and 443 dropped, the #fragment dropped; user:password@ parts, whitespace and entries "
                    "longer than 1,024 characters are refused; duplicates are removed. Refused entries are listed "
                    "on standard error with the reason and not sent.\n"
                    "The URLs go in requests of 100, one request per second and at most 400 per hour (ZIA's limits); "
                    "the estimated time and the progress are shown on standard error. Prints a table (URL, "
                    "categories, security alerts), or with --json {\"results\": [{\"url\", \"categories\", "
                    "\"securityAlerts\"}], \"invalid\", \"duplicates\", \"requests\", \"complete\"}. --csv FILE also "
                    "writes the results as CSV (cells starting with = + - @ are neutralised for spreadsheets).\n"
                    "Exit 0 when every request succeeded (refused entries do not change that); 2 no valid URL; 3 "
                    "credentials refused; 4 network or TLS; 5 API error (the results so far are printed); 7 unknown "
                    "client."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id."));
         p.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("URLs to look up (default: standard input)."), QStringLiteral("[URL...]"));
         p.addOption({QStringLiteral("csv"), QStringLiteral("Also write the results to this CSV file."), QStringLiteral("FILE")});
         AuthRuntime::addOptions(p);
     },
     runLookup});

QString editHelp(bool add)
{
    return QStringLiteral("CATEGORY is a custom URL category's id (e.g. CUSTOM_01) or its name. The category is read "
                          "first (GET before PUT); only URLs %1 are sent, with PUT /urlCategories/{id}?action=%2. "
                          "URLs are checked and normalised like url-lookup's, and \".example.com\" (the domain and its "
                          "subdomains) is accepted.\n"
                          "A change makes the tenant's configuration PENDING: nothing takes effect until someone "
                          "activates (zconsole-cli zia activate CLIENT). zia-legacy sessions also activate pending "
                          "changes when they end (idle timeout). Every sent change is written to the audit log "
                          "(audit.jsonl in the config folder). A protected tenant needs its name typed or "
                          "--confirm NAME. --json prints {\"category\", \"name\", \"%3\", \"unchanged\", \"invalid\", "
                          "\"urlCount\", \"pending\"}.\n"
                          "Exit 0 done (also when nothing needed a change); 2 bad arguments, no valid URL, unknown or "
                          "predefined category, protected tenant not confirmed; 3 credentials refused; 4 network or "
                          "TLS; 5 API error or read-only mode; 7 unknown client.")
        .arg(add ? QStringLiteral("not yet in the category") : QStringLiteral("that are in the category"),
             add ? QStringLiteral("ADD_TO_LIST") : QStringLiteral("REMOVE_FROM_LIST"),
             add ? QStringLiteral("added") : QStringLiteral("removed"));
}

void editSetup(QCommandLineParser &p)
{
    p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id."));
    p.addPositionalArgument(QStringLiteral("CATEGORY"), QStringLiteral("Custom URL category id or name."));
    p.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("One or more URLs."), QStringLiteral("URL..."));
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
    AuthRuntime::addOptions(p);
}

const CommandRegistrar addUrlsCmd({{QStringLiteral("zia"), QStringLiteral("url-category"), QStringLiteral("add-urls")},
                                   QStringLiteral("CLIENT CATEGORY URL... [--confirm NAME] [--json] [--no-token-cache]"),
                                   // The leading space keeps two spaces between these long command words and the
                                   // summary in the command lists (main.cpp pads to 22/26 columns only).
                                   QStringLiteral("Add URLs to a custom URL category (makes the tenant's configuration PENDING)."),
                                   editHelp(true), editSetup, [](CliContext &ctx) { return runEdit(ctx, true); }});

const CommandRegistrar removeUrlsCmd({{QStringLiteral("zia"), QStringLiteral("url-category"), QStringLiteral("remove-urls")},
                                      QStringLiteral("CLIENT CATEGORY URL... [--confirm NAME] [--json] [--no-token-cache]"),
                                      QStringLiteral("Remove URLs from a custom URL category (makes the tenant's configuration PENDING)."),
                                      editHelp(false), editSetup, [](CliContext &ctx) { return runEdit(ctx, false); }});

} // namespace
} // namespace zc::cli
