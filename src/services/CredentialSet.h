#pragma once

#include "core/ApiError.h"
#include "core/BackupFormat.h"
#include "core/CredentialMerge.h"

#include <QObject>
#include <QStringList>
#include <functional>

namespace zc {

class TenantStore;
class SecretStore;

// The whole credential set of this machine: the tenants and clients of the TenantStore, every
// secret the config records (read from and written to the keychain through SecretStore) and
// the GUI's settings file. Used by `zconsole-cli backup …`, `import` and the GUI's Back up… /
// Restore…. Keychain jobs run a few at a time from the caller's (main) thread.
class CredentialSet : public QObject
{
    Q_OBJECT
public:
    CredentialSet(TenantStore *store, SecretStore *keychain, QObject *parent = nullptr);

    struct Snapshot
    {
        backup::Definitions definitions;
        QList<backup::SecretRecord> secrets; // wipe when done
        QStringList missing; // "client/field" recorded in the config but not in the keychain
    };
    using Collected = std::function<void(Snapshot snapshot, const ApiError &error)>;
    using Done = std::function<void(const ApiError &error)>;

    // Reads the definitions and every recorded secret. A keychain failure fails it all.
    void collect(QObject *ctx, Collected done);

    // What merging `incoming` here does, by name. With `secrets` (a restore): a client whose
    // definition is the same but whose secret differs from the keychain's is a replace.
    void plan(const backup::Definitions &incoming, const QList<backup::SecretRecord> *secrets, QObject *ctx,
              std::function<void(MergePlan plan, const ApiError &error)> done);

    // Carries the plan out: the secrets of added and replaced clients into the keychain first
    // (incoming client ids, mapped by the plan), then one write of the config. Settings are
    // written when given and this machine has none yet.
    void apply(const MergePlan &plan, const QList<backup::SecretRecord> &secrets, const QByteArray &settings,
               QObject *ctx, Done done);

    QString settingsPath() const;

private:
    TenantStore *m_store;
    SecretStore *m_keychain;
};

} // namespace zc
