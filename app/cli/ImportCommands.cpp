// zconsole-cli export FILE [--tenant T…]; import FILE [--dry-run]
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "CredentialSetCli.h"
#include "StoreErrors.h"

#include "core/CredentialExport.h"
#include "services/CredentialSet.h"
#include "store/TenantStore.h"

#include <QJsonArray>

namespace zc::cli {
namespace {

int runExport(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("export needs exactly one FILE"));
    const QString file = ctx.args().first();
    TenantStore *store = ctx.store();
    QList<Tenant> tenants;
    for (const QString &name : ctx.parser.values(QStringLiteral("tenant"))) {
        int rc = 0;
        const Tenant *t = requireTenant(ctx, name, &rc);
        if (!t)
            return rc;
        tenants << *t;
    }
    if (tenants.isEmpty())
        tenants = store->tenants();
    QList<ApiClient> clients;
    for (const ApiClient &c : store->clients())
        for (const Tenant &t : std::as_const(tenants))
            if (c.tenantId == t.id)
                clients << c;
    QString error;
    if (!writePrivateFile(file, credentialExport::write(tenants, clients), &error))
        return ctx.fail(ErrorKind::Config, error);
    const QJsonObject counts{{QStringLiteral("tenants"), int(tenants.size())}, {QStringLiteral("clients"), int(clients.size())}};
    auditCredentialSet(ctx, QStringLiteral("export"), file, counts);
    if (ctx.json) {
        QJsonObject o = counts;
        o.insert(QStringLiteral("file"), file);
        ctx.printJson(o);
    } else {
        ctx.out << "Exported " << tenants.size() << " tenants and " << clients.size()
                << " API clients (no secrets) to " << file << Qt::endl;
    }
    return exitcode::Ok;
}

int runImport(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("import needs exactly one FILE"));
    const QString file = ctx.args().first();
    const bool dryRun = ctx.parser.isSet(QStringLiteral("dry-run"));
    QByteArray bytes;
    QString error;
    if (!readWholeFile(file, 64LL * 1024 * 1024, &bytes, &error))
        return ctx.fail(ErrorKind::Config, error);
    backup::Definitions incoming;
    if (!credentialExport::read(bytes, &incoming, &error))
        return ctx.fail(ErrorKind::Config, QStringLiteral("%1: %2").arg(file, error));
    TenantStore *store = ctx.store();
    CredentialSet set(store, ctx.keychain());
    bool finished = false;
    MergePlan plan;
    ApiError failure;
    set.plan(incoming, nullptr, nullptr, [&](MergePlan p, const ApiError &e) {
        plan = std::move(p);
        failure = e;
        finished = true;
    });
    AuthRuntime::waitUntil(finished);
    if (failure)
        return ctx.fail(failure);
    QJsonObject o = printPlan(ctx, plan, dryRun);
    if (!dryRun) {
        finished = false;
        set.apply(plan, {}, {}, nullptr, [&](const ApiError &e) {
            failure = e;
            finished = true;
        });
        AuthRuntime::waitUntil(finished);
        if (failure)
            return ctx.fail(failure);
    }
    QJsonArray needSecret;
    for (const ApiClient &c : std::as_const(plan.clients))
        if (!c.allSecretsSet()) {
            QStringList fields;
            for (SecretField f : c.secretFields())
                if (!c.hasSecret(f))
                    fields << secretFieldName(f);
            needSecret.append(QJsonObject{{QStringLiteral("client"), c.name}, {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}});
            if (!ctx.json)
                ctx.out << "needs its " << fields.join(QStringLiteral(" and ")) << ": zconsole-cli client set-secret \""
                        << printable(c.name) << "\"" << Qt::endl;
        }
    const QJsonObject counts{{QStringLiteral("tenantsAdded"), plan.count(MergeItem::TenantItem, MergeItem::Add)},
                             {QStringLiteral("tenantsReplaced"), plan.count(MergeItem::TenantItem, MergeItem::Replace)},
                             {QStringLiteral("clientsAdded"), plan.count(MergeItem::ClientItem, MergeItem::Add)},
                             {QStringLiteral("clientsReplaced"), plan.count(MergeItem::ClientItem, MergeItem::Replace)},
                             {QStringLiteral("clientsWithoutSecrets"), int(needSecret.size())}};
    if (!dryRun)
        auditCredentialSet(ctx, QStringLiteral("import"), file, counts);
    if (ctx.json) {
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("dryRun"), dryRun);
        o.insert(QStringLiteral("needSecret"), needSecret);
        ctx.printJson(o);
    } else {
        ctx.out << (dryRun ? "Dry run: nothing was changed." : "Imported.") << ' ' << needSecret.size()
                << " API clients still need a secret." << Qt::endl;
    }
    return exitcode::Ok;
}

const CommandRegistrar exportCmd(
    {{QStringLiteral("export")},
     QStringLiteral("FILE [--tenant T]..."),
     QStringLiteral("Write tenant and API client definitions, without any secret, as JSON to share."),
     QStringLiteral("The JSON holds no secret, no token, no keychain key and no local id: a team can keep it "
                    "in git and bring it in with 'zconsole-cli import'. --tenant (repeatable) limits it to "
                    "those tenants; default: all."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The JSON file to write."));
         p.addOption({QStringLiteral("tenant"), QStringLiteral("Only this tenant (name or id); repeatable."), QStringLiteral("T")});
     },
     runExport});

const CommandRegistrar importCmd(
    {{QStringLiteral("import")},
     QStringLiteral("FILE [--dry-run]"),
     QStringLiteral("Merge tenant and API client definitions from an export, by name."),
     QStringLiteral("Shows what it adds, replaces or leaves, by name (no duplicates; a replaced client keeps "
                    "its stored secrets), then names each API client that still needs a secret "
                    "(JSON: needSecret). --dry-run only shows it."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The JSON file written by export."));
         p.addOption({QStringLiteral("dry-run"), QStringLiteral("Show what would change; change nothing.")});
     },
     runImport});

} // namespace
} // namespace zc::cli
