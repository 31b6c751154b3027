#pragma once

#include "auth/CredentialProvider.h"

#include <QObject>
#include <QPointer>

namespace zc {

// A CredentialProvider for the session worker thread. qtkeychain jobs must all start from one
// thread (its executor is a global queue), the thread of the SecretStore (the GUI thread): this
// forwards each call to `target` in that thread with a queued invocation and posts the result
// back to the caller's thread. Create it in the worker thread (or move it there).
class MarshalledCredentials final : public QObject, public CredentialProvider
{
    Q_OBJECT
public:
    // `target` lives in the keychain's thread and must outlive this object's use.
    explicit MarshalledCredentials(KeychainCredentials *target, QObject *parent = nullptr);

    void readSecret(const ApiClient &client, SecretField field, QObject *ctx, ReadDone done) override;
    void loadCachedToken(const ApiClient &client, QObject *ctx, CacheDone done) override;
    void storeCachedToken(const ApiClient &client, const QByteArray &json) override;
    void removeCachedToken(const ApiClient &client) override;

private:
    QPointer<KeychainCredentials> m_target;
};

} // namespace zc
