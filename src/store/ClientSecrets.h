#pragma once

#include "core/ApiClient.h"
#include "core/ApiError.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace zc {

// Ties the non-secret config (which secrets exist, and since when) to the keychain (the values).
// Order of writes keeps crashes harmless: a secret is written to the keychain before the config
// records it; a client is removed from the config before its keychain entries are deleted.
class ClientSecrets : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ApiError &error)>;
    using ReadDone = std::function<void(QByteArray value, const ApiError &error)>;

    ClientSecrets(TenantStore *store, SecretStore *keychain, QObject *parent = nullptr);

    TenantStore *store() const { return m_store; }
    SecretStore *keychain() const { return m_keychain; }

    // `ctx` guards the callback: if it is destroyed first, the callback is not called.
    // The returned job may be used for progress ("waiting for the keychain") and cancel.
    SecretJob *setSecret(const QString &clientId, SecretField field, QByteArray value,
                         QObject *ctx, Done done);
    SecretJob *readSecret(const QString &clientId, SecretField field, QObject *ctx, ReadDone done);
    // Removes the client from the config, then deletes all its keychain entries.
    void removeClient(const QString &clientId, QObject *ctx, Done done);
    // Removes the tenant and its clients from the config, then their keychain entries.
    void removeTenant(const QString &tenantId, QObject *ctx, Done done);
    // Deletes the keychain entries of an already removed client (all fields + token cache).
    void wipeEntries(const ApiClient &client, QObject *ctx, Done done);

    // Validates a secret value for a field (e.g. a private key must be a PEM RSA key).
    static ApiError checkValue(SecretField field, const QByteArray &value);

private:
    TenantStore *m_store;
    SecretStore *m_keychain;
};

} // namespace zc
