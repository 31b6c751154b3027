// zconsole-cli token CLIENT [--json]; zconsole-cli client test CLIENT
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"

#include "services/ConnectionTest.h"

#include <QJsonObject>

namespace zc::cli {
namespace {

QString isoOrEmpty(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }

int runToken(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("token needs exactly one CLIENT"));
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *c = rt.addClient(ctx.args().first(), &rc);
    if (!c)
        return rc;
    if (c->kind == AuthKind::AppTotalKey || c->kind == AuthKind::SandboxToken)
        return ctx.usage(QStringLiteral("\"%1\" is a %2 client: it uses its static API key on every request "
                                        "and has no token to print (see: zconsole-cli client test \"%1\")")
                             .arg(printable(c->name), c->info().name));
    bool finished = false;
    Token token;
    ApiError error;
    rt.stack()->token(c->id, nullptr, [&](const Token &t, const ApiError &e) {
        token = t;
        error = e;
        finished = true;
    });
    AuthRuntime::waitUntil(finished);
    if (error)
        return ctx.fail(error);
    const bool noExpiry = token.source == ExpirySource::None;
    if (ctx.json) {
        QJsonObject o{{QStringLiteral("access_token"), QString::fromLatin1(token.value)},
                      {QStringLiteral("token_type"), token.type}};
        o.insert(QStringLiteral("expires_at"), noExpiry || !token.expiresUtc.isValid()
                                                   ? QJsonValue(QJsonValue::Null)
                                                   : QJsonValue(isoOrEmpty(token.expiresUtc)));
        ctx.printJson(o);
    } else {
        ctx.out << QString::fromLatin1(token.value) << Qt::endl;
    }
    token.wipe();
    return exitcode::Ok;
}

int runTest(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("client test needs exactly one CLIENT"));
    AuthRuntime rt(ctx);
    int rc = 0;
    const ApiClient *c = rt.addClient(ctx.args().first(), &rc);
    if (!c)
        return rc;
    bool finished = false;
    ConnectionTestResult res;
    ConnectionTest::run(rt.caller(), c->id, nullptr, [&](const ConnectionTestResult &r) {
        res = r;
        finished = true;
    });
    AuthRuntime::waitUntil(finished);
    const TokenStatus &ts = res.token;
    QString expiry;
    if (ts.source == ExpirySource::StaticKey)
        expiry = QStringLiteral("static key (no expiry)");
    else if (ts.source == ExpirySource::None)
        expiry = QStringLiteral("no stated expiry");
    else if (ts.expiresUtc.isValid())
        expiry = isoOrEmpty(ts.expiresUtc)
                 + (ts.source == ExpirySource::IdleTimeout ? QStringLiteral(" (session idle timeout)") : QString());
    if (!res.ok)
        return ctx.fail(res.error);
    if (ctx.json) {
        QJsonObject o{{QStringLiteral("client"), c->name},
                      {QStringLiteral("kind"), c->info().name},
                      {QStringLiteral("ok"), true},
                      {QStringLiteral("tokenMs"), double(res.tokenMs)}};
        if (!res.endpoint.isEmpty()) {
            o.insert(QStringLiteral("request"), res.endpoint);
            o.insert(QStringLiteral("httpStatus"), res.httpStatus);
            o.insert(QStringLiteral("requestMs"), double(res.requestMs));
        }
        if (!res.requestId.isEmpty())
            o.insert(QStringLiteral("requestId"), res.requestId);
        o.insert(QStringLiteral("expiresAt"), ts.expiresUtc.isValid() && ts.source != ExpirySource::None
                                                  ? QJsonValue(isoOrEmpty(ts.expiresUtc))
                                                  : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("expirySource"), expirySourceName(ts.source));
        if (!res.note.isEmpty())
            o.insert(QStringLiteral("note"), res.note);
        ctx.printJson(o);
        return exitcode::Ok;
    }
    QList<QPair<QString, QString>> f{{QStringLiteral("Client"), c->name + QStringLiteral(" (") + c->info().name + QLatin1Char(')')},
                                     {QStringLiteral("Token"), QStringLiteral("ok in %1 ms").arg(res.tokenMs)}};
    if (!res.endpoint.isEmpty())
        f.append({QStringLiteral("Request"), QStringLiteral("%1 -> %2 in %3 ms").arg(res.endpoint).arg(res.httpStatus).arg(res.requestMs)});
    if (!res.requestId.isEmpty())
        f.append({QStringLiteral("Request id"), res.requestId});
    f.append({QStringLiteral("Expires"), expiry});
    if (!res.note.isEmpty())
        f.append({QStringLiteral("Note"), res.note});
    printFields(ctx.out, f);
    ctx.out << "Connection OK" << Qt::endl;
    return exitcode::Ok;
}

const CommandRegistrar tokenCmd(
    {{QStringLiteral("token")},
     QStringLiteral("CLIENT [--json] [--no-token-cache]"),
     QStringLiteral("Print a valid access token of an API client (for scripts)."),
     QStringLiteral("Prints the token on standard output, and nothing else: this command is the explicit "
                    "request to reveal it. With --json prints {\"access_token\", \"token_type\", \"expires_at\"} "
                    "where expires_at is ISO-8601 UTC, or null when the server stated no expiry.\n"
                    "zia-legacy clients print their session id (token_type \"JSESSIONID\"; send it as the "
                    "cookie JSESSIONID=...; expires_at is the idle deadline). apptotal-key and sandbox-token "
                    "clients use a static key and have no token (exit 2).\n"
                    "A token is cached in the OS keychain (never in a file) so that successive runs reuse it "
                    "until shortly before it expires; --no-token-cache neither reads nor writes that cache."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id."));
         AuthRuntime::addOptions(p);
     },
     runToken});

const CommandRegistrar testCmd(
    {{QStringLiteral("client"), QStringLiteral("test")},
     QStringLiteral("CLIENT [--json] [--no-token-cache]"),
     QStringLiteral("Get a token and make one cheap authenticated read; print what happened."),
     QStringLiteral("The read per kind: oneapi-*: GET /zia/api/v1/status (or the first ZPA application "
                    "segment when the tenant has only a ZPA customer id); zpa-legacy: the first application "
                    "segment of the tenant's customer id; zia-*: GET /api/v1/status; saas-security: "
                    "GET /incident/api/incidents/delta?limit=10; apptotal-key: GET /v1/apps/app?app_id=1 "
                    "(404 means the key was accepted); sandbox-token: GET /zscsb/quota.\n"
                    "Prints the timings and the token's expiry (never the token). Exit 3 when the server "
                    "refuses the credentials (the message names the client and quotes the server), 4 for "
                    "network or TLS trouble, 5 for other API errors, 6 keychain, 7 configuration."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id."));
         AuthRuntime::addOptions(p);
     },
     runTest});

} // namespace
} // namespace zc::cli
