#pragma once

#include "core/ApiClient.h"
#include "core/ApiError.h"

#include <QByteArray>
#include <QObject>
#include <functional>

namespace zc {

class ClientSecrets;

// Where authenticators get secrets (and the optional keychain token cache) from. Every call
// answers asynchronously in the caller's thread, unless `ctx` is destroyed first. The values
// handed out are the caller's to wipe (SecretStore::wipe) as soon as they are used.
class CredentialProvider
{
public:
    using ReadDone = std::function<void(QByteArray value, const ApiError &error)>;
    using CacheDone = std::function<void(QByteArray json)>; // empty = nothing cached / error

    virtual ~CredentialProvider() = default;
    virtual void readSecret(const ApiClient &client, SecretField field, QObject *ctx, ReadDone done) = 0;

    // Keychain token cache (entry ApiClient::keychainTokenKey()); never in files.
    virtual void loadCachedToken(const ApiClient &client, QObject *ctx, CacheDone done) = 0;
    virtual void storeCachedToken(const ApiClient &client, const QByteArray &json) = 0;
    virtual void removeCachedToken(const ApiClient &client) = 0;
};

// Reads through ClientSecrets (and its SecretStore) in the same thread: the main thread, where
// the GUI's and the CLI's network stacks live (qtkeychain jobs must all start from one thread).
class KeychainCredentials final : public QObject, public CredentialProvider
{
    Q_OBJECT
public:
    explicit KeychainCredentials(ClientSecrets *secrets, QObject *parent = nullptr);
    void readSecret(const ApiClient &client, SecretField field, QObject *ctx, ReadDone done) override;
    void loadCachedToken(const ApiClient &client, QObject *ctx, CacheDone done) override;
    void storeCachedToken(const ApiClient &client, const QByteArray &json) override;
    void removeCachedToken(const ApiClient &client) override;
    // Keychain writes/removals of the token cache still running (a CLI waits for them at exit).
    int pendingWrites() const { return m_pending; }

private:
    ClientSecrets *m_secrets;
    int m_pending = 0;
};

} // namespace zc
