// zconsole-cli client rotate CLIENT [--admin ADMIN] [--validity DAYS] [--delete SECRET_ID] [--yes]
// zconsole-cli client expiring [--within DAYS] [--tenant T] [--refresh]
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "StoreErrors.h"
#include "ZiaCli.h"

#include "services/KnownSecrets.h"
#include "services/SecretRotation.h"
#include "services/ZidentityService.h"
#include "store/ClientSecrets.h"
#include "store/RotationJournal.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <QJsonArray>
#include <QJsonObject>

namespace zc::cli {
namespace {

QJsonValue iso(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// The admin profile of a rotation: --admin, else the tenant's ZIdentity admin, else the profile itself.
const ApiClient *adminFor(CliContext &ctx, const ApiClient &profile, int *rc)
{
    QString name = ctx.parser.value(QStringLiteral("admin"));
    if (name.isEmpty())
        if (const Tenant *t = ctx.store()->tenant(profile.tenantId))
            name = t->zidAdminClient;
    if (name.isEmpty())
        return &profile;
    return requireClient(ctx, name, rc);
}

int exitFor(const RotationResult &r)
{
    if (r.outcome == RotationResult::Outcome::Refused)
        return r.error.kind == ErrorKind::Config ? exitcode::Config : exitcode::Usage;
    return r.error.isError() ? exitCodeFor(r.error.kind == ErrorKind::Cancelled ? ErrorKind::Api : r.error.kind) : exitcode::Ok;
}

QString outcomeName(RotationResult::Outcome o)
{
    switch (o) {
    case RotationResult::Outcome::Rotated: return QStringLiteral("rotated");
    case RotationResult::Outcome::Refused: return QStringLiteral("refused");
    case RotationResult::Outcome::Failed: return QStringLiteral("failed");
    case RotationResult::Outcome::RolledBack: return QStringLiteral("rolled-back");
    }
    return QStringLiteral("failed");
}

int report(CliContext &ctx, const ApiClient &profile, const RotationResult &r)
{
    if (ctx.json) {
        QJsonArray existing;
        for (const ZidSecret &s : r.existing)
            existing.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("createdAt"), iso(s.createdAt)},
                                        {QStringLiteral("expiresAt"), iso(s.expiresAt)}});
        ctx.printJson(QJsonObject{{QStringLiteral("profile"), profile.name},
                                  {QStringLiteral("clientId"), profile.clientId},
                                  {QStringLiteral("outcome"), outcomeName(r.outcome)},
                                  {QStringLiteral("recovered"), r.recovered},
                                  {QStringLiteral("newSecretId"), r.newSecretId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.newSecretId)},
                                  {QStringLiteral("expiresAt"), iso(r.newExpiresAt)},
                                  {QStringLiteral("oldSecretId"), r.oldSecretId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.oldSecretId)},
                                  {QStringLiteral("failedStep"), r.failedStep.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.failedStep)},
                                  {QStringLiteral("keychainHolds"), r.keychainHolds},
                                  {QStringLiteral("secrets"), existing},
                                  {QStringLiteral("error"), r.error.isError() ? QJsonValue(r.error.toString()) : QJsonValue(QJsonValue::Null)}});
    }
    if (r.error.isError()) {
        QString where = r.failedStep.isEmpty() ? QString()
                                               : QStringLiteral(" (step: %1)").arg(SecretRotation::stepLabel(r.failedStep));
        ctx.err << "zconsole-cli: " << (r.outcome == RotationResult::Outcome::Rotated ? "warning: " : "") << printable(r.error.toString())
                << where << Qt::endl;
        if (r.outcome != RotationResult::Outcome::Refused)
            ctx.err << "zconsole-cli: the keychain holds the " << (r.keychainHolds == QLatin1String("new") ? "new" : "old")
                    << " secret of \"" << printable(profile.name) << "\"" << Qt::endl;
    }
    if (!ctx.json && r.outcome == RotationResult::Outcome::Rotated)
        ctx.out << (r.recovered ? "Finished the interrupted rotation of \"" : "Rotated the secret of \"") << printable(profile.name)
                << "\": new secret " << r.newSecretId
                << (r.newExpiresAt.isValid() ? " (expires " + r.newExpiresAt.toUTC().toString(Qt::ISODate) + ")" : QString())
                << (r.oldSecretId.isEmpty() || r.failedStep == QLatin1String("delete-old") ? QString() : ", old secret " + r.oldSecretId + " deleted")
                << Qt::endl;
    if (!ctx.json && r.outcome == RotationResult::Outcome::RolledBack)
        ctx.out << "Rolled back the interrupted rotation of \"" << printable(profile.name) << "\"" << Qt::endl;
    return exitFor(r);
}

int runRotate(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("client rotate needs exactly one CLIENT"));
    int rc = 0;
    const ApiClient *found = requireClient(ctx, ctx.args().first(), &rc);
    if (!found)
        return rc;
    const ApiClient profile = *found;
    const ApiClient *adminP = adminFor(ctx, profile, &rc);
    if (!adminP)
        return rc;
    const QString adminId = adminP->id;
    int validity = 90;
    if (ctx.parser.isSet(QStringLiteral("validity"))) {
        bool ok = false;
        validity = ctx.parser.value(QStringLiteral("validity")).toInt(&ok);
        if (!ok || validity < SecretRotation::MinValidityDays || validity > SecretRotation::MaxValidityDays)
            return ctx.usage(QStringLiteral("--validity needs a number of days from %1 to %2")
                                 .arg(SecretRotation::MinValidityDays).arg(SecretRotation::MaxValidityDays));
    }
    const Tenant *t = tenantOf(ctx, profile);
    if (!t)
        return ctx.fail(ErrorKind::Config, QStringLiteral("API client \"%1\" belongs to no known tenant").arg(printable(profile.name)));
    RotationJournal journal(ctx.configDir);
    const bool pending = journal.has(profile.id);
    if (!pending && !ctx.parser.isSet(QStringLiteral("yes"))) {
        if (!askYesNo(ctx, QStringLiteral("Rotate the secret of \"%1\" (a new secret is created and stored, the old one deleted)?")
                               .arg(printable(profile.name))))
            return ctx.usage(QStringLiteral("rotating changes the server's secrets: add --yes to rotate the secret of \"%1\"")
                                 .arg(printable(profile.name)));
    }
    if (t->isProtected && !pending && !confirmProtected(ctx, *t, QStringLiteral("rotate a secret")))
        return ctx.fail(ErrorKind::Usage, QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(t->name)));

    AuthRuntime rt(ctx, false); // the token cache would answer with the old secret's token
    if (!rt.addClient(profile.id, &rc))
        return rc;
    const ApiClient *a = addClientOfKind(ctx, rt, adminId, &ZidentityService::isAdminKind,
                                         QStringLiteral("an oneapi-secret or oneapi-jwt admin"), &rc);
    if (!a)
        return rc;
    ZidentityService zid(rt.caller(), ctx.store(), ctx.configDir);
    SecretRotation rotation(&zid, ctx.secrets(), rt.stack(), &journal);
    QObject::connect(&rotation, &SecretRotation::stepStarted, &rotation, [&](const QString &step) {
        ctx.err << "zconsole-cli: " << SecretRotation::stepLabel(step) << "…" << Qt::endl;
    });
    const auto run = [&](const std::function<void(std::function<void(const RotationResult &)>)> &start) {
        bool finished = false;
        RotationResult out;
        start([&](const RotationResult &r) {
            out = r;
            finished = true;
        });
        AuthRuntime::waitUntil(finished);
        return out;
    };
    if (pending) {
        ctx.err << "zconsole-cli: an interrupted rotation of \"" << printable(profile.name) << "\" was found: finishing or rolling it back" << Qt::endl;
        const RotationResult r = run([&](auto done) { rotation.recover(profile.id, done); });
        const int code = report(ctx, profile, r);
        if (code != exitcode::Ok || !ctx.parser.isSet(QStringLiteral("yes")))
            return code;
    }
    RotationRequest req;
    req.profileId = profile.id;
    req.adminId = a->id;
    req.validityDays = validity;
    req.deleteFirst = ctx.parser.value(QStringLiteral("delete"));
    const RotationResult r = run([&](auto done) { rotation.rotate(req, done); });
    return report(ctx, profile, r);
}

int runExpiring(CliContext &ctx)
{
    if (!ctx.args().isEmpty())
        return ctx.usage(QStringLiteral("client expiring takes no arguments"));
    int within = 30;
    if (ctx.parser.isSet(QStringLiteral("within"))) {
        bool ok = false;
        within = ctx.parser.value(QStringLiteral("within")).toInt(&ok);
        if (!ok || within < 0 || within > 3650)
            return ctx.usage(QStringLiteral("--within needs a number of days from 0 to 3650"));
    }
    TenantStore *store = ctx.store();
    QString tenantId;
    int rc = 0;
    if (ctx.parser.isSet(QStringLiteral("tenant"))) {
        const Tenant *t = requireTenant(ctx, ctx.parser.value(QStringLiteral("tenant")), &rc);
        if (!t)
            return rc;
        tenantId = t->id;
    }
    if (ctx.parser.isSet(QStringLiteral("refresh"))) {
        // Sync every tenant (or the one asked) that names a ZIdentity admin or was synced before.
        ZidInventoryCache cache(ctx.configDir);
        AuthRuntime rt(ctx);
        ZidentityService zid(rt.caller(), store, ctx.configDir);
        for (const Tenant &t : store->tenants()) {
            if (!tenantId.isEmpty() && t.id != tenantId)
                continue;
            QString admin = t.zidAdminClient;
            if (admin.isEmpty())
                admin = cache.inventory(t.id).adminProfile;
            if (admin.isEmpty())
                continue;
            const ApiClient *a = addClientOfKind(ctx, rt, admin, &ZidentityService::isAdminKind,
                                                 QStringLiteral("an oneapi-secret or oneapi-jwt admin"), &rc);
            if (!a)
                return rc;
            bool finished = false;
            ZidentityService::SyncResult r;
            zid.sync(a->id, {}, &zid, {}, [&](const ZidentityService::SyncResult &s) {
                r = s;
                finished = true;
            });
            AuthRuntime::waitUntil(finished);
            if (r.error.isError() && r.clients.isEmpty())
                return ctx.fail(r.error);
            ctx.err << "zconsole-cli: synced " << r.clients.size() << " API client(s) of \"" << printable(t.name) << "\"" << Qt::endl;
        }
    }
    const ZidInventoryCache cache(ctx.configDir);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<KnownSecret> list = expiringWithin(collectKnownSecrets(*store, cache), within, now);
    if (!tenantId.isEmpty())
        list.removeIf([&](const KnownSecret &k) { return k.tenantId != tenantId; });
    if (ctx.json) {
        QJsonArray a;
        for (const KnownSecret &k : list)
            a.append(QJsonObject{{QStringLiteral("tenant"), k.tenantName},
                                 {QStringLiteral("clientId"), k.clientId},
                                 {QStringLiteral("name"), k.name},
                                 {QStringLiteral("profile"), k.profile.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(k.profile)},
                                 {QStringLiteral("secretId"), k.secretId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(k.secretId)},
                                 {QStringLiteral("expiresAt"), iso(k.expiresAt)},
                                 {QStringLiteral("daysLeft"), k.daysLeft(now)}});
        ctx.printJson(QJsonObject{{QStringLiteral("expiring"), a}});
    } else if (list.isEmpty()) {
        ctx.out << "No known secret expires within " << within << " day(s)." << Qt::endl;
    } else {
        QList<QStringList> rows;
        for (const KnownSecret &k : list) {
            const int d = k.daysLeft(now);
            rows << QStringList{k.tenantName, k.name, k.profile, k.secretId, k.expiresAt.toUTC().toString(Qt::ISODate),
                                d < 0 ? QStringLiteral("expired") : QString::number(d)};
        }
        printTable(ctx.out, {QStringLiteral("TENANT"), QStringLiteral("CLIENT"), QStringLiteral("PROFILE"), QStringLiteral("SECRET"),
                             QStringLiteral("EXPIRES"), QStringLiteral("DAYS LEFT")},
                   rows);
    }
    return list.isEmpty() ? exitcode::Ok : exitcode::Expiring;
}

const CommandRegistrar rotateCmd(
    {{QStringLiteral("client"), QStringLiteral("rotate")},
     QStringLiteral("CLIENT [--admin ADMIN] [--validity DAYS] [--delete SECRET_ID] [--yes] [--confirm NAME] [--json]"),
     QStringLiteral("Renew an oneapi-secret profile's secret (or an oneapi-jwt profile's key pair) safely."),
     QStringLiteral("Creates a new secret of the profile's ZIdentity API client (valid --validity days, 30-365, default 90), "
                    "stores it in the keychain (the old value kept beside it until the end), gets a token with it (retrying "
                    "over a short propagation delay), and only then deletes the old secret on the server; the audit log and "
                    "the cached inventory are updated. A failed step undoes the steps before it and is named: the keychain "
                    "always holds a secret that works. A rotation interrupted by a killed process is found by the next "
                    "`client rotate` of that profile and finished or rolled back first. When the client already has two "
                    "secrets nothing is changed (a third would silently replace the newest): name the one to delete first "
                    "with --delete SECRET_ID. An oneapi-jwt profile gets a new RSA 3072 key pair made here: its public key "
                    "is added to the client, a token is got with it, then the old public key is removed (the private key "
                    "only ever in the keychain and memory). ADMIN (an oneapi-* profile) calls the admin API: --admin, else the tenant's "
                    "--zid-admin, else the profile itself. Needs --yes (or a terminal's y); a protected tenant also needs its "
                    "name. With --json {\"profile\",\"clientId\",\"outcome\" (rotated|refused|failed|rolled-back),\"recovered\","
                    "\"newSecretId\",\"expiresAt\",\"oldSecretId\",\"failedStep\",\"keychainHolds\" (new|old),\"secrets\","
                    "\"error\"}.\nExit 0 rotated; 2 refused (two secrets, bad arguments, no --yes, tenant not confirmed); "
                    "3 a token could not be had (with the new secret: rolled back); 4 network or TLS; 5 API error (also: "
                    "rotated but the old secret could not be deleted); 6 keychain; 7 unknown profile or tenant."),
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("CLIENT"), QStringLiteral("The oneapi-secret or oneapi-jwt profile (name or id)."));
         p.addOption({QStringLiteral("admin"), QStringLiteral("The oneapi-* profile that calls the ZIdentity admin API."), QStringLiteral("ADMIN")});
         p.addOption({QStringLiteral("validity"), QStringLiteral("Days the new secret is valid (30-365, default 90)."), QStringLiteral("DAYS")});
         p.addOption({QStringLiteral("delete"), QStringLiteral("With two secrets: the one to delete before the new one is made."), QStringLiteral("SECRET_ID")});
         p.addOption({QStringLiteral("yes"), QStringLiteral("Really rotate.")});
         p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
         AuthRuntime::addOptions(p);
     },
     runRotate});

const CommandRegistrar expiringCmd(
    {{QStringLiteral("client"), QStringLiteral("expiring")},
     QStringLiteral("[--within DAYS] [--tenant T] [--refresh] [--json]"),
     QStringLiteral("List every known secret that expires within DAYS (default 30) or has expired."),
     QStringLiteral("Known secrets: those of every synced remote API client (zid clients; the cached inventory, read offline) "
                    "and the local profiles' expiry dates (client add/edit --secret-expires). --refresh syncs first every "
                    "tenant that names a ZIdentity admin (tenant --zid-admin) or was synced before. With --json "
                    "{\"expiring\":[{\"tenant\",\"clientId\",\"name\",\"profile\",\"secretId\",\"expiresAt\",\"daysLeft\"}]} "
                    "(times ISO 8601 UTC; profile and secretId may be null).\nExit 0 none; 8 at least one; 2 bad arguments; "
                    "7 unknown tenant; with --refresh also 3, 4, 5 as for zid clients."),
     [](QCommandLineParser &p) {
         p.addOption({QStringLiteral("within"), QStringLiteral("Days ahead (default 30)."), QStringLiteral("DAYS")});
         p.addOption({QStringLiteral("tenant"), QStringLiteral("Only this tenant."), QStringLiteral("T")});
         p.addOption({QStringLiteral("refresh"), QStringLiteral("Sync the inventories first (network).")});
         AuthRuntime::addOptions(p);
     },
     runExpiring});

} // namespace
} // namespace zc::cli
