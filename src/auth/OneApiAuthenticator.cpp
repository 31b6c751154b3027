#include "auth/OneApiAuthenticator.h"

#include "auth/Jwt.h"
#include "store/SecretStore.h"

#include <QObject>

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
        } else {
            QString why;
            QByteArray assertion = Jwt::clientAssertion(target.client.clientId, m_settings.oneApiAudience,
                                                        m_http->clock()->nowUtc().toSecsSinceEpoch(),
                                                        v.at(0), &why);
            if (assertion.isEmpty()) {
                done({}, ApiError::make(ErrorKind::Config,
                                        QObject::tr("%1: cannot sign the client assertion: %2")
                                            .arg(target.label(), why)));
                return;
            }
            req.body = formBody({{"grant_type", "client_credentials"},
                                 {"client_id", clientId},
                                 {"client_assertion_type",
                                  "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
                                 {"client_assertion", assertion},
                                 {"audience", audience}});
            SecretStore::wipe(assertion);
        }
        requestToken(target, req, ctx, done, cancel);
        SecretStore::wipe(req.body);
    });
}

} // namespace zc
