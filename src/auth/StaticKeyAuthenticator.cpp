#include "auth/StaticKeyAuthenticator.h"

#include <QObject>
#include <QUrlQuery>

namespace zc {

StaticKeyAuthenticator::StaticKeyAuthenticator(HttpPipeline *http, CredentialProvider *creds,
                                               const AuthSettings &settings, AuthKind kind)
    : Authenticator(http, creds, settings)
    , m_kind(kind)
{
}

void StaticKeyAuthenticator::fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel)
{
    Q_UNUSED(cancel);
    Clock *clock = m_http->clock();
    const AuthKind kind = m_kind;
    readSecrets(target, {SecretField::ApiKey}, ctx, [done, clock, kind, target](QList<QByteArray> &v, const ApiError &e) {
        if (e) {
            done({}, e);
            return;
        }
        const QByteArray key = v.at(0).trimmed();
        for (char c : key)
            if (uchar(c) < 0x21 || uchar(c) > 0x7e) {
                done({}, ApiError::make(ErrorKind::Config,
                                        QObject::tr("%1: the stored API key contains characters "
                                                    "that cannot be sent; store it again")
                                            .arg(target.label())));
                return;
            }
        Token t;
        t.value = QByteArray(key.constData(), key.size());
        t.type = kind == AuthKind::AppTotalKey ? QStringLiteral("X-API-KEY") : QStringLiteral("api_token");
        t.source = ExpirySource::StaticKey;
        t.obtainedMs = clock->monotonicMs();
        t.expiresMs = std::numeric_limits<qint64>::max() / 2;
        t.obtainedUtc = clock->nowUtc();
        done(t, {});
    });
}

void StaticKeyAuthenticator::apply(HttpRequest &request, const Token &token) const
{
    if (m_kind == AuthKind::AppTotalKey) {
        request.setHeader("X-API-KEY", token.value);
        return;
    }
    QUrlQuery q(request.url);
    q.removeAllQueryItems(QStringLiteral("api_token"));
    q.addQueryItem(QStringLiteral("api_token"), QString::fromLatin1(token.value));
    request.url.setQuery(q);
}

} // namespace zc
