#include "auth/OneApiAuthenticator.h"

#include "auth/Jwt.h"
#include "store/SecretStore.h"

#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

namespace zc {

OneApiAuthenticator::OneApiAuthenticator(HttpPipeline *http, CredentialProvider *creds,
                                         const AuthSettings &settings, bool privateKeyJwt)
    : Authenticator(http, creds, settings)
    , m_jwt(privateKeyJwt)
{
}

void OneApiAuthenticator::fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel)
{
    const SecretField field = m_jwt ? SecretField::PrivateKey : SecretField::Secret;
    readSecrets(target, {field}, ctx, [this, target, ctx, done, cancel](QList<QByteArray> &v, const ApiError &e) {
        if (e) {
            done({}, e);
            return;
        }
        HttpRequest req = tokenRequestBase(target, target.endpoints.tokenUrl);
        const QByteArray clientId = target.client.clientId.toUtf8();
        const QByteArray audience = m_settings.oneApiAudience.toUtf8();
        if (!m_jwt) {
            req.body = formBody({{"grant_type", "client_credentials"},
                                 {"client_id", clientId},
                                 {"client_secret", v.at(0)},
                                 {"audience", audience}});
            requestToken(target, req, ctx, done, cancel);
            SecretStore::wipe(req.body);
            return;
        }
        // RS256 signing costs milliseconds of CPU: on the thread pool, never in the caller's
        // (the GUI's) thread. The key and the assertion are wiped where they end.
        struct Signed
        {
            QByteArray assertion;
            QString why;
        };
        const QString id = target.client.clientId, aud = m_settings.oneApiAudience;
        const qint64 now = m_http->clock()->nowUtc().toSecsSinceEpoch();
        QByteArray pem = v.at(0);
        QtConcurrent::run([id, aud, now, pem]() mutable {
            Signed s;
            s.assertion = Jwt::clientAssertion(id, aud, now, pem, &s.why);
            SecretStore::wipe(pem);
            return s;
        }).then(ctx, [this, target, ctx, done, cancel, req, clientId, audience](Signed s) mutable {
            if (s.assertion.isEmpty()) {
                done({}, ApiError::make(ErrorKind::Config, QObject::tr("%1: cannot sign the client assertion: %2")
                                                               .arg(target.label(), s.why)));
                return;
            }
            req.body = formBody({{"grant_type", "client_credentials"},
                                 {"client_id", clientId},
                                 {"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
                                 {"client_assertion", s.assertion},
                                 {"audience", audience}});
            SecretStore::wipe(s.assertion);
            requestToken(target, req, ctx, done, cancel);
            SecretStore::wipe(req.body);
        });
    });
}

} // namespace zc
