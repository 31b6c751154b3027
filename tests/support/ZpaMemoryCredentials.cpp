#include "ZpaMemoryCredentials.h"

#include <QTimer>

namespace zpatest {

using namespace zc;

void ZpaMemoryCredentials::set(const QString &clientId, SecretField field, const QByteArray &value)
{
    m_values.insert(clientId + QLatin1Char('/') + secretFieldName(field), value);
}

void ZpaMemoryCredentials::readSecret(const ApiClient &client, SecretField field, QObject *ctx, ReadDone done)
{
    const QString key = client.id + QLatin1Char('/') + secretFieldName(field);
    const bool have = m_values.contains(key);
    const QByteArray value = m_values.value(key);
    QTimer::singleShot(0, ctx ? ctx : this, [done, have, value, field] {
        done(value, have ? ApiError()
                         : ApiError::make(ErrorKind::Config, QStringLiteral("no %1 stored").arg(secretFieldName(field))));
    });
}

void ZpaMemoryCredentials::loadCachedToken(const ApiClient &, QObject *ctx, CacheDone done)
{
    QTimer::singleShot(0, ctx ? ctx : this, [done] { done({}); });
}

} // namespace zpatest
