#pragma once

#include "auth/CredentialProvider.h"

#include <QHash>
#include <QObject>

namespace zpatest {

// Secrets from memory (the simulator's demo profile), answered asynchronously like the
// keychain; no token cache. For in-process ZPA tests and benchmarks.
class ZpaMemoryCredentials final : public QObject, public zc::CredentialProvider
{
    Q_OBJECT
public:
    void set(const QString &clientId, zc::SecretField field, const QByteArray &value);
    void readSecret(const zc::ApiClient &client, zc::SecretField field, QObject *ctx, ReadDone done) override;
    void loadCachedToken(const zc::ApiClient &client, QObject *ctx, CacheDone done) override;
    void storeCachedToken(const zc::ApiClient &, const QByteArray &) override {}
    void removeCachedToken(const zc::ApiClient &) override {}

private:
    QHash<QString, QByteArray> m_values;
};

} // namespace zpatest
