#include "auth/CredentialProvider.h"

#include "store/ClientSecrets.h"
#include "store/SecretStore.h"

#include "auth/AuthLog.h"

#include <QPointer>

namespace zc {

KeychainCredentials::KeychainCredentials(ClientSecrets *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{
}

void KeychainCredentials::readSecret(const ApiClient &client, SecretField field, QObject *ctx,
                                     ReadDone done)
{
    // ClientSecrets looks the client up in its store (for the "stored since" message).
    m_secrets->readSecret(client.id, field, ctx, std::move(done));
}

void KeychainCredentials::loadCachedToken(const ApiClient &client, QObject *ctx, CacheDone done)
{
    SecretJob *job = m_secrets->keychain()->read(client.keychainTokenKey());
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    connect(job, &SecretJob::finished, this, [guard, hasCtx, done](const SecretResult &r) {
        if ((hasCtx && !guard) || !done)
            return;
        QByteArray copy = r.ok() ? r.data : QByteArray();
        done(copy);
        SecretStore::wipe(copy);
    });
}

void KeychainCredentials::storeCachedToken(const ApiClient &client, const QByteArray &json)
{
    SecretJob *job = m_secrets->keychain()->write(client.keychainTokenKey(), json);
    const QString name = client.name;
    ++m_pending;
    connect(job, &SecretJob::finished, this, [this, name](const SecretResult &r) {
        --m_pending;
        if (!r.ok())
            qCInfo(lcAuth).noquote() << "could not cache the token of" << name << "in the keychain:"
                                     << r.message;
    });
}

void KeychainCredentials::removeCachedToken(const ApiClient &client)
{
    SecretJob *job = m_secrets->keychain()->remove(client.keychainTokenKey());
    ++m_pending;
    connect(job, &SecretJob::finished, this, [this](const SecretResult &) { --m_pending; });
}

} // namespace zc
