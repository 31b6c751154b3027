// zconsole-cli exec [--token] CLIENT [--] COMMAND [ARGS...]
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "StoreErrors.h"

#include "store/ClientSecrets.h"
#include "store/TenantStore.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace zc::cli {
namespace {

// The SDK variable names of one secret field for a kind (empty: the kind has no such variable).
QString secretVariable(AuthKind kind, SecretField f)
{
    switch (kind) {
    case AuthKind::OneApiSecret: return f == SecretField::Secret ? QStringLiteral("ZSCALER_CLIENT_SECRET") : QString();
    case AuthKind::OneApiJwt: return f == SecretField::PrivateKey ? QStringLiteral("ZSCALER_PRIVATE_KEY") : QString();
    case AuthKind::ZpaLegacy: return f == SecretField::Secret ? QStringLiteral("ZPA_CLIENT_SECRET") : QString();
    case AuthKind::ZiaLegacy:
        return f == SecretField::Password ? QStringLiteral("ZIA_PASSWORD")
               : f == SecretField::ApiKey ? QStringLiteral("ZIA_API_KEY")
                                          : QString();
    default: return {};
    }
}

// The non-secret variables of a profile.
void addPlainVariables(QProcessEnvironment &env, const ApiClient &c, const Tenant &t)
{
    const auto set = [&env](const char *name, const QString &v) {
        if (!v.isEmpty())
            env.insert(QLatin1String(name), v);
    };
    switch (c.kind) {
    case AuthKind::OneApiSecret:
    case AuthKind::OneApiJwt:
        set("ZSCALER_CLIENT_ID", c.clientId);
        set("ZSCALER_VANITY_DOMAIN", t.vanity);
        if (t.cloud == QLatin1String("zscalerbeta"))
            set("ZSCALER_CLOUD", QStringLiteral("beta"));
        set("ZPA_CUSTOMER_ID", t.zpaCustomerId);
        break;
    case AuthKind::ZpaLegacy:
        set("ZPA_CLIENT_ID", c.clientId);
        set("ZPA_CUSTOMER_ID", t.zpaCustomerId);
        break;
    case AuthKind::ZiaLegacy:
        set("ZIA_USERNAME", c.username);
        set("ZIA_CLOUD", t.cloud);
        break;
    default: break;
    }
}

int runExec(CliContext &ctx)
{
    QStringList args = ctx.args();
    if (args.size() >= 2 && args.at(1) == QLatin1String("--"))
        args.removeAt(1);
    if (args.size() < 2)
        return ctx.usage(QStringLiteral("exec needs a CLIENT and a COMMAND"));
    const bool wantToken = ctx.parser.isSet(QStringLiteral("token"));
    int rc = 0;
    const ApiClient *found = requireClient(ctx, args.first(), &rc);
    if (!found)
        return rc;
    const ApiClient c = *found;
    const Tenant *tp = ctx.store()->tenant(c.tenantId);
    if (!tp)
        return ctx.fail(ErrorKind::Config, QStringLiteral("API client \"%1\" belongs to no known tenant").arg(printable(c.name)));
    const Tenant t = *tp;
    if (secretVariable(c.kind, c.secretFields().first()).isEmpty())
        return ctx.usage(QStringLiteral("exec knows the SDK variables of oneapi-secret, oneapi-jwt, zpa-legacy and zia-legacy "
                                        "profiles; \"%1\" is %2")
                             .arg(printable(c.name), c.info().name));

    // The child's environment only: ours is never changed.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    addPlainVariables(env, c, t);
    if (wantToken) {
        AuthRuntime rt(ctx);
        if (!rt.addClient(c.id, &rc))
            return rc;
        bool finished = false;
        Token token;
        ApiError error;
        rt.stack()->token(c.id, nullptr, [&](const Token &tk, const ApiError &e) {
            token = tk;
            error = e;
            finished = true;
        });
        AuthRuntime::waitUntil(finished);
        if (error)
            return ctx.fail(error);
        env.insert(QStringLiteral("ZSCALER_ACCESS_TOKEN"), QString::fromLatin1(token.value));
        token.wipe();
    } else {
        for (SecretField f : c.secretFields()) {
            bool finished = false;
            QByteArray value;
            ApiError error;
            ctx.secrets()->readSecret(c.id, f, nullptr, [&](QByteArray v, const ApiError &e) {
                value = v;
                error = e;
                finished = true;
            });
            AuthRuntime::waitUntil(finished);
            if (error)
                return ctx.fail(error);
            env.insert(secretVariable(c.kind, f), QString::fromUtf8(value));
            std::fill(value.begin(), value.end(), char(0));
        }
    }
    QProcess child;
    child.setProgram(args.at(1));
    child.setArguments(args.mid(2));
    child.setProcessEnvironment(env);
    env.clear();
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.setInputChannelMode(QProcess::ForwardedInputChannel);
    child.start();
    if (!child.waitForStarted(-1)) {
        ctx.err << "zconsole-cli exec: cannot run " << printable(args.at(1)) << ": " << child.errorString() << Qt::endl;
        return 127;
    }
    child.waitForFinished(-1);
    if (child.exitStatus() == QProcess::CrashExit) {
        ctx.err << "zconsole-cli exec: " << printable(args.at(1)) << " crashed" << Qt::endl;
        return 128;
    }
    return child.exitCode();
}

const CommandRegistrar execCmd(
    {{QStringLiteral("exec")},
     QStringLiteral("[--token] CLIENT [--] COMMAND [ARGS...]"),
     QStringLiteral("Run a command with a profile's credentials in the SDK variable names."),
     QStringLiteral("The secrets are read from the OS keychain into the child's environment only (never "
                    "zconsole's own, never argv): oneapi-secret ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET, "
                    "ZSCALER_VANITY_DOMAIN, ZSCALER_CLOUD (beta), ZPA_CUSTOMER_ID; oneapi-jwt the same with "
                    "ZSCALER_PRIVATE_KEY; zpa-legacy ZPA_CLIENT_ID, ZPA_CLIENT_SECRET, ZPA_CUSTOMER_ID; "
                    "zia-legacy ZIA_USERNAME, ZIA_PASSWORD, ZIA_API_KEY, ZIA_CLOUD. --token (before CLIENT) "
                    "puts a fresh bearer token in ZSCALER_ACCESS_TOKEN instead of the secret. Standard input "
                    "and output are the child's. The exit code is the child's (127: it could not start)."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("API client name or id."));
         p.addPositionalArgument(QStringLiteral("COMMAND"), QStringLiteral("The program to run, then its arguments."));
         p.addOption({QStringLiteral("token"), QStringLiteral("A bearer token instead of the secret.")});
         p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
         AuthRuntime::addOptions(p);
     },
     runExec});

} // namespace
} // namespace zc::cli
