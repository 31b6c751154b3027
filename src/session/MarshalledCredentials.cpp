#include "session/MarshalledCredentials.h"

#include "store/SecretStore.h"

namespace zc {

MarshalledCredentials::MarshalledCredentials(KeychainCredentials *target, QObject *parent)
    : QObject(parent)
    , m_target(target)
{
}

void MarshalledCredentials::readSecret(const ApiClient &client, SecretField field, QObject *ctx, ReadDone done)
{
    QPointer<QObject> back(ctx ? ctx : this);
    const bool hasCtx = ctx != nullptr;
    QPointer<KeychainCredentials> target = m_target;
    QPointer<MarshalledCredentials> self(this);
    auto answer = [back, hasCtx, self, done](QByteArray value, const ApiError &error) {
        QObject *to = back ? back.data() : self.data();
        if (!to || (hasCtx && !back)) {
            SecretStore::wipe(value);
            return;
        }
        QMetaObject::invokeMethod(to, [done, value, error]() mutable {
            done(value, error);
            SecretStore::wipe(value);
        }, Qt::QueuedConnection);
        SecretStore::wipe(value);
    };
    if (!target) {
        answer({}, ApiError::make(ErrorKind::Keychain, tr("the keychain is no longer available")));
        return;
    }
    QMetaObject::invokeMethod(target, [target, client, field, answer] {
        if (!target)
            return;
        target->readSecret(client, field, target, answer);
    }, Qt::QueuedConnection);
}

void MarshalledCredentials::loadCachedToken(const ApiClient &client, QObject *ctx, CacheDone done)
{
    QPointer<QObject> back(ctx ? ctx : this);
    QPointer<KeychainCredentials> target = m_target;
    if (!target) {
        QMetaObject::invokeMethod(this, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(target, [target, client, back, done] {
        target->loadCachedToken(client, target, [back, done](QByteArray json) {
            if (!back)
                return;
            QMetaObject::invokeMethod(back, [done, json]() mutable {
                done(json);
                SecretStore::wipe(json);
            }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

void MarshalledCredentials::storeCachedToken(const ApiClient &client, const QByteArray &json)
{
    if (QPointer<KeychainCredentials> target = m_target)
        QMetaObject::invokeMethod(target, [target, client, json] {
            if (target)
                target->storeCachedToken(client, json);
        }, Qt::QueuedConnection);
}

void MarshalledCredentials::removeCachedToken(const ApiClient &client)
{
    if (QPointer<KeychainCredentials> target = m_target)
        QMetaObject::invokeMethod(target, [target, client] {
            if (target)
                target->removeCachedToken(client);
        }, Qt::QueuedConnection);
}

} // namespace zc
