#include "CredentialSetCli.h"

#include "CliOutput.h"
#include "SecretInput.h"

#include "store/AuditLog.h"
#include "store/SecretStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <unistd.h>

namespace zc::cli {

bool readPassphrase(bool twice, QByteArray *out, QString *error)
{
    if (!readSecretFromStdin(QStringLiteral("Passphrase: "), false, out, error))
        return false;
    if (twice && isatty(STDIN_FILENO)) {
        QByteArray again;
        if (!readSecretFromStdin(QStringLiteral("Passphrase again: "), false, &again, error)) {
            SecretStore::wipe(*out);
            return false;
        }
        const bool same = again == *out;
        SecretStore::wipe(again);
        if (!same) {
            SecretStore::wipe(*out);
            *error = QObject::tr("the two passphrases differ");
            return false;
        }
    }
    if (twice && out->size() < 8) {
        SecretStore::wipe(*out);
        *error = QObject::tr("the passphrase must have at least 8 characters");
        return false;
    }
    return true;
}

QJsonObject printPlan(CliContext &ctx, const MergePlan &plan, bool dryRun)
{
    QJsonObject o;
    for (const auto type : {MergeItem::TenantItem, MergeItem::ClientItem}) {
        QJsonObject byAction;
        for (const auto action : {MergeItem::Add, MergeItem::Replace, MergeItem::Leave}) {
            QJsonArray names;
            for (const MergeItem &i : plan.items)
                if (i.type == type && i.action == action) {
                    names.append(i.name);
                    if (!ctx.json)
                        ctx.out << (dryRun ? "would " : "") << MergeItem::actionName(action) << ' '
                                << (type == MergeItem::TenantItem ? "tenant" : "client") << " \"" << printable(i.name)
                                << "\"\n";
                }
            byAction.insert(MergeItem::actionName(action), names);
        }
        o.insert(type == MergeItem::TenantItem ? QStringLiteral("tenants") : QStringLiteral("clients"), byAction);
    }
    return o;
}

void auditCredentialSet(CliContext &ctx, const QString &action, const QString &file, const QJsonObject &counts)
{
    AuditRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.action = action;
    r.objectType = QStringLiteral("credentialSet");
    r.objectName = QFileInfo(file).fileName();
    r.after = counts;
    r.result = QStringLiteral("ok");
    QString error;
    if (!AuditLog(ctx.configDir).append(r, &error))
        ctx.err << "zconsole-cli: warning: the audit log was not written: " << error << Qt::endl;
}

bool readWholeFile(const QString &path, qint64 maxBytes, QByteArray *out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    if (f.size() > maxBytes) {
        *error = QObject::tr("%1 is larger than %2 MB").arg(path).arg(maxBytes / (1024 * 1024));
        return false;
    }
    *out = f.readAll();
    return true;
}

bool writePrivateFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QObject::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(bytes) != bytes.size() || !f.commit()) {
        *error = QObject::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace zc::cli
