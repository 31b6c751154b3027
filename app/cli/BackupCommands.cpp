// zconsole-cli backup create FILE; backup restore FILE [--dry-run]
#include "AuthRuntime.h"
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "CredentialSetCli.h"

#include "services/BackupCipher.h"
#include "services/CredentialSet.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QJsonArray>

namespace zc::cli {
namespace {

constexpr qint64 MaxBackupBytes = 256LL * 1024 * 1024;

int runCreate(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("backup create needs exactly one FILE"));
    const QString file = ctx.args().first();
    TenantStore *store = ctx.store();
    QByteArray passphrase;
    QString error;
    if (!readPassphrase(true, &passphrase, &error))
        return ctx.usage(error);
    CredentialSet set(store, ctx.keychain());
    bool finished = false;
    CredentialSet::Snapshot snap;
    ApiError failure;
    set.collect(nullptr, [&](CredentialSet::Snapshot s, const ApiError &e) {
        snap = std::move(s);
        failure = e;
        finished = true;
    });
    AuthRuntime::waitUntil(finished);
    if (failure) {
        SecretStore::wipe(passphrase);
        return ctx.fail(failure);
    }
    const QByteArray sealed = BackupCipher::seal(snap.definitions, snap.secrets, passphrase, BackupKdf(), &error);
    SecretStore::wipe(passphrase);
    const int secrets = int(snap.secrets.size());
    backup::wipeAll(snap.secrets);
    if (sealed.isEmpty())
        return ctx.fail(ErrorKind::Config, error);
    if (!writePrivateFile(file, sealed, &error))
        return ctx.fail(ErrorKind::Config, error);
    const QJsonObject counts{{QStringLiteral("tenants"), int(snap.definitions.tenants.size())},
                             {QStringLiteral("clients"), int(snap.definitions.clients.size())},
                             {QStringLiteral("keychainEntries"), secrets},
                             {QStringLiteral("missingEntries"), int(snap.missing.size())}};
    auditCredentialSet(ctx, QStringLiteral("backup"), file, counts);
    for (const QString &m : std::as_const(snap.missing))
        ctx.err << "zconsole-cli: warning: the keychain has no entry for " << printable(m)
                << " (recorded in the config); it is not in the backup" << Qt::endl;
    if (ctx.json) {
        QJsonObject o = counts;
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("missing"), QJsonArray::fromStringList(snap.missing));
        ctx.printJson(o);
    } else {
        ctx.out << "Backed up " << snap.definitions.tenants.size() << " tenants, " << snap.definitions.clients.size()
                << " API clients and " << secrets << " keychain entries to " << file << Qt::endl;
    }
    return exitcode::Ok;
}

int runRestore(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("backup restore needs exactly one FILE"));
    const QString file = ctx.args().first();
    const bool dryRun = ctx.parser.isSet(QStringLiteral("dry-run"));
    QByteArray bytes;
    QString error;
    if (!readWholeFile(file, MaxBackupBytes, &bytes, &error))
        return ctx.fail(ErrorKind::Config, error);
    TenantStore *store = ctx.store();
    QByteArray passphrase;
    if (!readPassphrase(false, &passphrase, &error))
        return ctx.usage(error);
    BackupCipher::Opened opened = BackupCipher::open(bytes, passphrase);
    SecretStore::wipe(passphrase);
    if (!opened.ok())
        return ctx.fail(opened.status == backup::ReadStatus::WrongPassphraseOrDamaged ? ErrorKind::Usage : ErrorKind::Config,
                        QStringLiteral("%1: %2").arg(file, opened.error));
    CredentialSet set(store, ctx.keychain());
    bool finished = false;
    MergePlan plan;
    ApiError failure;
    set.plan(opened.definitions, &opened.secrets, nullptr, [&](MergePlan p, const ApiError &e) {
        plan = std::move(p);
        failure = e;
        finished = true;
    });
    AuthRuntime::waitUntil(finished);
    if (failure) {
        backup::wipeAll(opened.secrets);
        return ctx.fail(failure);
    }
    QJsonObject o = printPlan(ctx, plan, dryRun);
    const int secrets = int(opened.secrets.size());
    if (!dryRun) {
        finished = false;
        set.apply(plan, opened.secrets, opened.definitions.settings, nullptr, [&](const ApiError &e) {
            failure = e;
            finished = true;
        });
        AuthRuntime::waitUntil(finished);
    }
    backup::wipeAll(opened.secrets);
    if (failure)
        return ctx.fail(failure);
    const QJsonObject counts{
        {QStringLiteral("tenantsAdded"), plan.count(MergeItem::TenantItem, MergeItem::Add)},
        {QStringLiteral("tenantsReplaced"), plan.count(MergeItem::TenantItem, MergeItem::Replace)},
        {QStringLiteral("clientsAdded"), plan.count(MergeItem::ClientItem, MergeItem::Add)},
        {QStringLiteral("clientsReplaced"), plan.count(MergeItem::ClientItem, MergeItem::Replace)},
        {QStringLiteral("keychainEntries"), secrets}};
    if (!dryRun)
        auditCredentialSet(ctx, QStringLiteral("restore"), file, counts);
    if (ctx.json) {
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("dryRun"), dryRun);
        o.insert(QStringLiteral("keychainEntries"), secrets);
        ctx.printJson(o);
    } else if (dryRun) {
        ctx.out << "Dry run: nothing was changed." << Qt::endl;
    } else {
        ctx.out << "Restored " << file << ": " << counts.value(QStringLiteral("tenantsAdded")).toInt() << " tenants added, "
                << counts.value(QStringLiteral("tenantsReplaced")).toInt() << " replaced; "
                << counts.value(QStringLiteral("clientsAdded")).toInt() << " API clients added, "
                << counts.value(QStringLiteral("clientsReplaced")).toInt() << " replaced; secrets in the OS keychain."
                << Qt::endl;
    }
    return exitcode::Ok;
}

const QString kPassphraseHelp = QStringLiteral(
    "The passphrase is never an argument: on a terminal it is asked with echo off, otherwise it is "
    "the first line of standard input.");

const CommandRegistrar createCmd(
    {{QStringLiteral("backup"), QStringLiteral("create")},
     QStringLiteral("FILE < passphrase"),
     QStringLiteral("Write every tenant, API client, setting and secret into one encrypted file."),
     QStringLiteral("The file is sealed with a passphrase (asked twice on a terminal, at least 8 characters): "
                    "the key is derived with Argon2id (its parameters are in the file's versioned header), "
                    "the data is encrypted and authenticated with XChaCha20-Poly1305 (libsodium). Secrets are "
                    "read from the OS keychain; a secret the config records but the keychain lacks is named "
                    "and left out. The file is written with mode 0600.\n")
         + kPassphraseHelp,
     [](QCommandLineParser &p) { p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The backup file to write.")); },
     runCreate});

const CommandRegistrar restoreCmd(
    {{QStringLiteral("backup"), QStringLiteral("restore")},
     QStringLiteral("FILE [--dry-run] < passphrase"),
     QStringLiteral("Merge an encrypted backup into this machine's tenants, API clients and keychain."),
     QStringLiteral("Shows what it adds, replaces or leaves, by name: a tenant or client of the same name is "
                    "replaced in place (no duplicate; it keeps its keychain entries' names), one the backup "
                    "does not name is left. Secrets go only to the OS keychain. Settings are restored when "
                    "this machine has none. A wrong passphrase (exit 2), a damaged, truncated or newer-version "
                    "file (exit 7) changes nothing. --dry-run only shows the plan.\n")
         + kPassphraseHelp,
     [](QCommandLineParser &p) {
         p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The backup file to read."));
         p.addOption({QStringLiteral("dry-run"), QStringLiteral("Show what would change; change nothing.")});
     },
     runRestore});

} // namespace
} // namespace zc::cli
