// zconsole-cli import-from dotenv|zscaler-yaml|postman FILE [--tenant NAME] [--dry-run]
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "CredentialSetCli.h"
#include "StoreErrors.h"

#include "core/PlaintextCredentials.h"
#include "services/ConnectionTest.h"
#include "store/ClientSecrets.h"
#include "store/TenantStore.h"

#include <QFileInfo>
#include <QJsonArray>

namespace zc::cli {
namespace {

using plaintext::Variables;

struct Planned
{
    ApiClient client;
    QList<QPair<SecretField, QByteArray>> secrets;
};

QString cloudFrom(const Variables &v)
{
    if (v.contains(QStringLiteral("ZIA_CLOUD"))) { // "zscalertwo", also written "zscalertwo.net"
        QString c = QString::fromUtf8(v.value(QStringLiteral("ZIA_CLOUD"))).trimmed().toLower();
        if (c.endsWith(QLatin1String(".net")) && !c.contains(QLatin1String("zsapi")))
            c.chop(4);
        return c;
    }
    const QString c = QString::fromUtf8(v.value(QStringLiteral("ZSCALER_CLOUD"))).toLower();
    return c == QLatin1String("beta") ? QStringLiteral("zscalerbeta") : QStringLiteral("zscaler");
}

QList<Planned> profilesFrom(const Variables &v, const QString &prefix, const QCommandLineParser &p)
{
    QList<Planned> out;
    const auto val = [&v](const char *n) { return v.value(QLatin1String(n)); };
    const auto common = [&p](ApiClient &c, bool oneApi) {
        if (p.isSet(QStringLiteral("base-url")))
            c.baseUrl = p.value(QStringLiteral("base-url"));
        if (oneApi && p.isSet(QStringLiteral("token-url")))
            c.tokenUrl = p.value(QStringLiteral("token-url"));
        if (p.isSet(QStringLiteral("ca-file")))
            c.caFile = QFileInfo(p.value(QStringLiteral("ca-file"))).absoluteFilePath();
    };
    if (v.contains(QStringLiteral("ZSCALER_CLIENT_ID"))
        && (v.contains(QStringLiteral("ZSCALER_CLIENT_SECRET")) || v.contains(QStringLiteral("ZSCALER_PRIVATE_KEY")))) {
        Planned pl;
        const bool jwt = !v.contains(QStringLiteral("ZSCALER_CLIENT_SECRET"));
        pl.client.name = prefix + (jwt ? QStringLiteral("-oneapi-jwt") : QStringLiteral("-oneapi"));
        pl.client.kind = jwt ? AuthKind::OneApiJwt : AuthKind::OneApiSecret;
        pl.client.clientId = QString::fromUtf8(val("ZSCALER_CLIENT_ID"));
        common(pl.client, true);
        pl.secrets.append({jwt ? SecretField::PrivateKey : SecretField::Secret,
                           jwt ? val("ZSCALER_PRIVATE_KEY") : val("ZSCALER_CLIENT_SECRET")});
        out << pl;
    }
    if (v.contains(QStringLiteral("ZPA_CLIENT_ID")) && v.contains(QStringLiteral("ZPA_CLIENT_SECRET"))) {
        Planned pl;
        pl.client.name = prefix + QStringLiteral("-zpa");
        pl.client.kind = AuthKind::ZpaLegacy;
        pl.client.clientId = QString::fromUtf8(val("ZPA_CLIENT_ID"));
        common(pl.client, false);
        pl.secrets.append({SecretField::Secret, val("ZPA_CLIENT_SECRET")});
        out << pl;
    }
    if (v.contains(QStringLiteral("ZIA_USERNAME")) && v.contains(QStringLiteral("ZIA_PASSWORD")) && v.contains(QStringLiteral("ZIA_API_KEY"))) {
        Planned pl;
        pl.client.name = prefix + QStringLiteral("-zia");
        pl.client.kind = AuthKind::ZiaLegacy;
        pl.client.username = QString::fromUtf8(val("ZIA_USERNAME"));
        common(pl.client, false);
        pl.secrets.append({SecretField::Password, val("ZIA_PASSWORD")});
        pl.secrets.append({SecretField::ApiKey, val("ZIA_API_KEY")});
        out << pl;
    }
    return out;
}

void wipe(Variables &v)
{
    for (auto it = v.begin(); it != v.end(); ++it)
        std::fill(it.value().begin(), it.value().end(), char(0));
    v.clear();
}

int runImportFrom(CliContext &ctx)
{
    if (ctx.args().size() != 2)
        return ctx.usage(QStringLiteral("import-from needs a FORMAT (dotenv, zscaler-yaml, postman) and a FILE"));
    const QString format = ctx.args().at(0), file = ctx.args().at(1);
    const bool dryRun = ctx.parser.isSet(QStringLiteral("dry-run"));
    QByteArray text;
    QString error;
    if (!readWholeFile(file, 1024 * 1024, &text, &error))
        return ctx.fail(ErrorKind::Config, error);
    Variables vars;
    if (format == QLatin1String("dotenv"))
        vars = plaintext::parseDotenv(text);
    else if (format == QLatin1String("zscaler-yaml"))
        vars = plaintext::parseZscalerYaml(text);
    else if (format == QLatin1String("postman")) {
        if (!plaintext::parsePostman(text, &vars, &error))
            return ctx.fail(ErrorKind::Usage, QStringLiteral("%1: %2").arg(file, error));
    } else {
        return ctx.usage(QStringLiteral("FORMAT must be dotenv, zscaler-yaml or postman"));
    }
    std::fill(text.begin(), text.end(), char(0));
    const QStringList plaintextNames = plaintext::secretNames(vars);
    TenantStore *store = ctx.store();
    Tenant tenant;
    tenant.name = ctx.parser.isSet(QStringLiteral("tenant")) ? ctx.parser.value(QStringLiteral("tenant"))
                  : vars.contains(QStringLiteral("ZSCALER_VANITY_DOMAIN")) ? QString::fromUtf8(vars.value(QStringLiteral("ZSCALER_VANITY_DOMAIN")))
                                                                             : QFileInfo(file).completeBaseName();
    tenant.setCloudFromInput(cloudFrom(vars));
    tenant.vanity = Tenant::normalizeVanity(QString::fromUtf8(vars.value(QStringLiteral("ZSCALER_VANITY_DOMAIN"))));
    tenant.zpaCustomerId = QString::fromUtf8(vars.value(QStringLiteral("ZPA_CUSTOMER_ID")));
    const Tenant *existing = store->tenantByName(tenant.name);
    QList<Planned> planned = profilesFrom(vars, tenant.name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')), ctx.parser);
    wipe(vars);
    if (planned.isEmpty())
        return ctx.fail(ErrorKind::Usage, QStringLiteral("%1 holds no complete profile in the SDK variable names").arg(file));
    QJsonArray profiles;
    for (const Planned &p : std::as_const(planned)) {
        const bool here = store->clientByName(p.client.name) != nullptr;
        if (!ctx.json)
            ctx.out << (dryRun ? "would " : "") << (here ? "replace" : "add") << " client \"" << printable(p.client.name)
                    << "\" (" << authKindName(p.client.kind) << ")" << Qt::endl;
    }
    if (dryRun) {
        for (Planned &p : planned)
            for (auto &s : p.secrets)
                std::fill(s.second.begin(), s.second.end(), char(0));
        if (ctx.json)
            ctx.printJson(QJsonObject{{QStringLiteral("dryRun"), true}, {QStringLiteral("tenant"), tenant.name},
                                      {QStringLiteral("profiles"), int(planned.size())}});
        return exitcode::Ok;
    }
    if (!existing) {
        const StoreResult r = store->addTenant(tenant);
        if (!r.ok)
            return failStore(ctx, r);
    }
    const QString tenantId = store->tenantByName(tenant.name)->id;
    int worst = exitcode::Ok;
    AuthRuntime rt(ctx, false);
    for (Planned &p : planned) {
        p.client.tenantId = tenantId;
        const ApiClient *here = store->clientByName(p.client.name);
        StoreResult r;
        if (here) {
            p.client.id = here->id;
            r = store->updateClient(p.client);
        } else {
            r = store->addClient(p.client);
        }
        if (!r.ok)
            return failStore(ctx, r);
        const QString id = r.id;
        ApiError failure;
        for (auto &s : p.secrets) {
            bool finished = false;
            ctx.secrets()->setSecret(id, s.first, s.second, nullptr, [&](const ApiError &e) {
                if (e && !failure)
                    failure = e;
                finished = true;
            });
            std::fill(s.second.begin(), s.second.end(), char(0));
            AuthRuntime::waitUntil(finished);
        }
        if (failure)
            return ctx.fail(failure);
        int rc = 0;
        QJsonObject po{{QStringLiteral("client"), p.client.name}, {QStringLiteral("kind"), authKindName(p.client.kind)}};
        if (rt.addClient(id, &rc)) {
            bool finished = false;
            ConnectionTestResult res;
            ConnectionTest::run(rt.caller(), id, nullptr, [&](const ConnectionTestResult &t) {
                res = t;
                finished = true;
            });
            AuthRuntime::waitUntil(finished);
            po.insert(QStringLiteral("ok"), res.ok);
            if (!res.ok) {
                po.insert(QStringLiteral("error"), res.error.toString());
                worst = worst ? worst : exitCodeFor(res.error.kind);
            }
            if (!ctx.json)
                ctx.out << "  " << printable(p.client.name) << ": " << (res.ok ? QStringLiteral("connection OK") : res.error.toString()) << Qt::endl;
        } else {
            po.insert(QStringLiteral("ok"), false);
            worst = worst ? worst : rc;
        }
        profiles.append(po);
    }
    auditCredentialSet(ctx, QStringLiteral("import-from"), file,
                       QJsonObject{{QStringLiteral("format"), format}, {QStringLiteral("tenant"), tenant.name},
                                   {QStringLiteral("clients"), int(planned.size())}});
    const QString notice = QStringLiteral("%1 still holds plaintext secrets (%2). The secrets are now in the OS keychain: "
                                          "delete the file once the profiles work (zconsole never deletes it).")
                               .arg(QFileInfo(file).absoluteFilePath(), plaintextNames.join(QStringLiteral(", ")));
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("tenant"), tenant.name},
                                  {QStringLiteral("profiles"), profiles},
                                  {QStringLiteral("plaintextFile"), QFileInfo(file).absoluteFilePath()},
                                  {QStringLiteral("plaintextVariables"), QJsonArray::fromStringList(plaintextNames)}});
    else
        ctx.out << notice << Qt::endl;
    return worst;
}

const CommandRegistrar importFromCmd(
    {{QStringLiteral("import-from")},
     QStringLiteral("dotenv|zscaler-yaml|postman FILE [--tenant NAME] [--dry-run] [--base-url URL] [--token-url URL] [--ca-file PEM]"),
     QStringLiteral("Move credentials from a plaintext .env, zscaler.yaml or Postman environment into the keychain."),
     QStringLiteral("Reads the SDKs' variable names (ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET, ZSCALER_PRIVATE_KEY, "
                    "ZSCALER_VANITY_DOMAIN, ZSCALER_CLOUD, ZPA_CUSTOMER_ID, ZPA_MICROTENANT_ID; ZIA_USERNAME, "
                    "ZIA_PASSWORD, ZIA_API_KEY, ZIA_CLOUD, ZPA_CLIENT_ID, ZPA_CLIENT_SECRET, ZPA_CLOUD; the yaml's "
                    "and Postman's camelCase keys too), creates the tenant (--tenant, else the vanity domain) and "
                    "one profile per complete set (NAME-oneapi, NAME-oneapi-jwt, NAME-zpa, NAME-zia), moves each "
                    "secret into the OS keychain, tests each profile, and names the file that still holds "
                    "plaintext (it is never deleted). --base-url, --token-url (OneAPI) and --ca-file reach a private "
                    "endpoint. The exit code is the first failed test's, 0 when all work."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("FORMAT"), QStringLiteral("dotenv, zscaler-yaml or postman."));
         p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The plaintext file."));
         p.addOption({QStringLiteral("tenant"), QStringLiteral("The tenant's name (made when missing)."), QStringLiteral("NAME")});
         p.addOption({QStringLiteral("dry-run"), QStringLiteral("Show the profiles; change nothing.")});
         p.addOption({QStringLiteral("base-url"), QStringLiteral("Scheme and host of the APIs, for every profile."), QStringLiteral("URL")});
         p.addOption({QStringLiteral("token-url"), QStringLiteral("The OneAPI token endpoint."), QStringLiteral("URL")});
         p.addOption({QStringLiteral("ca-file"), QStringLiteral("Extra CA certificate(s) (PEM)."), QStringLiteral("PEM")});
         AuthRuntime::addOptions(p);
     },
     runImportFrom});

} // namespace
} // namespace zc::cli
