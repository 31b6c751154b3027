// zconsole-cli zia status CLIENT; zconsole-cli zia activate CLIENT [--wait] [--timeout S] [--yes]
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "StoreErrors.h"
#include "ZiaCli.h"

#include "services/ZiaService.h"

#include <QJsonObject>

namespace zc::cli {
namespace {

const QString kNeedsZia = QStringLiteral("a zia-legacy, zia-oauth or oneapi-* client");

int runStatus(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("zia status needs exactly one CLIENT"));
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *c = addClientOfKind(ctx, rt, ctx.args().first(), &ZiaService::isZiaKind, kNeedsZia, &rc);
    if (!c)
        return rc;
    ZiaService zia(rt.caller(), ctx.store(), ctx.configDir);
    bool finished = false;
    ZiaActivationState state = ZiaActivationState::Unknown;
    bool readOnly = false;
    ApiError error;
    QObject::connect(&zia, &ZiaService::statusRead, &zia,
                     [&](const QString &, ZiaActivationState s, bool ro, const ApiError &e) {
                         state = s;
                         readOnly = ro;
                         error = e;
                         finished = true;
                     });
    zia.readStatus(c->id);
    AuthRuntime::waitUntil(finished);
    if (error.isError())
        return ctx.fail(error);
    const QString tenant = zia.tenantNameOf(c->id);
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("status"), ziaActivationStateName(state)},
                                  {QStringLiteral("tenant"), tenant},
                                  {QStringLiteral("readOnly"), readOnly}});
        return exitcode::Ok;
    }
    ctx.out << ziaActivationStateName(state) << Qt::endl;
    if (readOnly)
        ctx.err << "zconsole-cli: note: the ZIA API of tenant \"" << printable(tenant)
                << "\" is in read-only mode (a scheduled upgrade): changes and activation are refused until it ends"
                << Qt::endl;
    return exitcode::Ok;
}

int runActivate(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("zia activate needs exactly one CLIENT"));
    const bool wait = ctx.parser.isSet(QStringLiteral("wait"));
    qint64 timeoutSec = 300;
    if (ctx.parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        timeoutSec = ctx.parser.value(QStringLiteral("timeout")).toLongLong(&ok);
        if (!ok || timeoutSec < 1 || timeoutSec > 24 * 3600)
            return ctx.usage(QStringLiteral("--timeout needs a number of seconds from 1 to 86400"));
    }
    int rc = 0;
    const ApiClient *found = requireClient(ctx, ctx.args().first(), &rc);
    if (!found)
        return rc;
    const ApiClient client = *found;
    const Tenant *tp = tenantOf(ctx, client);
    if (!tp)
        return ctx.fail(ErrorKind::Config, QStringLiteral("API client \"%1\" belongs to no known tenant").arg(printable(client.name)));
    const Tenant tenant = *tp;
    if (!ZiaService::isZiaKind(client.kind))
        return ctx.fail(ErrorKind::Usage, QStringLiteral("\"%1\" is a %2 client; this command needs %3")
                                              .arg(printable(client.name), client.info().name, kNeedsZia));

    // Confirmation: before anything touches the network.
    const bool yes = ctx.parser.isSet(QStringLiteral("yes"));
    const bool tty = stdinIsTerminal();
    if (!yes && !tty)
        return ctx.fail(ErrorKind::Usage,
                        QStringLiteral("zia activate needs --yes when not run on a terminal: activation applies every "
                                       "admin's pending changes of tenant \"%1\" and cannot be undone")
                            .arg(printable(tenant.name)));
    bool confirmed = yes;
    if (!yes || tenant.isProtected)
        ctx.err << printable(ziaActivation::confirmationText(tenant.name)) << Qt::endl;
    if (tenant.isProtected) {
        if (!confirmProtected(ctx, tenant, QStringLiteral("activate its ZIA configuration")))
            return ctx.fail(ErrorKind::Usage,
                            QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(tenant.name)));
        confirmed = confirmed || tty; // typing the name on a terminal is the confirmation
    }
    if (!confirmed && !askYesNo(ctx, QStringLiteral("Activate now?")))
        return ctx.fail(ErrorKind::Usage, QStringLiteral("activation not confirmed; nothing was sent"));

    AuthRuntime rt(ctx);
    const ApiClient *c = rt.addClient(client.id, &rc);
    if (!c)
        return rc;
    // The audit log and the activation ledger of the config folder: the budget holds across CLI
    // runs and the GUI.
    ZiaService zia(rt.caller(), ctx.store(), ctx.configDir);
    zia.setActivationTimeoutMs(timeoutSec * 1000);
    bool finished = false;
    ZiaActivationResult result;
    QObject::connect(&zia, &ZiaService::activationProgress, &zia, [&ctx](const QString &, const QString &m) {
        ctx.err << "zconsole-cli: " << printable(m) << Qt::endl;
    });
    QObject::connect(&zia, &ZiaService::activationFinished, &zia, [&](const QString &, const ZiaActivationResult &r) {
        result = r;
        finished = true;
    });
    zia.activate(tenant.id, c->id, wait);
    AuthRuntime::waitUntil(finished);
    if (!result.ok())
        return ctx.fail(result.error);
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("status"), ziaActivationStateName(result.state)},
                                  {QStringLiteral("tenant"), tenant.name},
                                  {QStringLiteral("waited"), result.waited},
                                  {QStringLiteral("attempts"), result.attempts},
                                  {QStringLiteral("elapsedMs"), double(result.elapsedMs)}});
        return exitcode::Ok;
    }
    ctx.out << ziaActivationStateName(result.state) << Qt::endl;
    return exitcode::Ok;
}

const CommandRegistrar statusCmd(
    {{QStringLiteral("zia"), QStringLiteral("status")},
     QStringLiteral("CLIENT [--json] [--no-token-cache]"),
     QStringLiteral("Print the ZIA activation status of a client's tenant: ACTIVE, PENDING or INPROGRESS."),
     QStringLiteral("GET /status through the client (zia-legacy, zia-oauth or oneapi-*). Prints one word on standard "
                    "output: ACTIVE (nothing waits), PENDING (saved changes of some admin are not in effect yet) or "
                    "INPROGRESS (an activation runs). With --json prints {\"status\", \"tenant\", \"readOnly\"}. "
                    "A note on standard error tells when the API is in read-only mode (a scheduled upgrade).\n"
                    "Exit 0 when the status was read; 3 when the credentials are refused, 4 network or TLS, "
                    "5 other API errors, 7 unknown client or incomplete profile."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id."));
         AuthRuntime::addOptions(p);
     },
     runStatus});

const CommandRegistrar activateCmd(
    {{QStringLiteral("zia"), QStringLiteral("activate")},
     QStringLiteral("CLIENT [--wait] [--timeout SECONDS] [--yes] [--confirm NAME] [--json] [--no-token-cache]"),
     QStringLiteral("Activate the pending ZIA configuration of a client's tenant (tenant-wide, cannot be undone)."),
     QStringLiteral("POST /status/activate. Activation is tenant-wide: it puts EVERY admin's pending changes into "
                    "effect, may queue behind other admins' sessions, and cannot be cancelled or undone.\n"
                    "On a terminal it shows that warning with the tenant's name and asks for confirmation unless "
                    "--yes is given; when standard input is not a terminal --yes is required (exit 2 without it). "
                    "A protected tenant also needs its name typed, or --confirm NAME.\n"
                    "A client-side budget of 10 activations per minute and 40 per hour applies; beyond it the "
                    "activation is refused (\"activation budget: next slot in N s\", exit 5) rather than queued. "
                    "409 EDIT_LOCK_NOT_AVAILABLE is retried with backoff (5 s doubling, at most 60 s apart, for a "
                    "bounded time). In read-only mode (a scheduled upgrade) the activation is refused (exit 5).\n"
                    "Prints the state the server answered (ACTIVE, INPROGRESS or PENDING when queued); with --wait "
                    "follows INPROGRESS until ACTIVE and prints the final state, giving up after --timeout seconds "
                    "(default 300; exit 5, the activation goes on on the server). Progress goes to standard error. "
                    "--json prints {\"status\", \"tenant\", \"waited\", \"attempts\", \"elapsedMs\"}. Every activation sent "
                    "is written to the audit log (audit.jsonl in the config folder).\n"
                    "Exit 0 activated (or accepted); 2 not confirmed or bad arguments; 3 credentials refused; "
                    "4 network or TLS; 5 API error, read-only mode, budget exhausted or --wait timed out; 7 unknown "
                    "client."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id."));
         p.addOption({QStringLiteral("wait"), QStringLiteral("Follow INPROGRESS until ACTIVE.")});
         p.addOption({QStringLiteral("timeout"),
                      QStringLiteral("With --wait: give up waiting after this many seconds (default 300); also the "
                                     "limit of each request."),
                      QStringLiteral("SECONDS")});
         p.addOption({QStringLiteral("yes"), QStringLiteral("Do not ask for confirmation (required without a terminal).")});
         p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
         p.addOption({QStringLiteral("no-token-cache"),
                      QStringLiteral("Neither use nor store the token cached in the OS keychain.")});
     },
     runActivate});

} // namespace
} // namespace zc::cli
