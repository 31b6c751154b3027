#include "auth/SaasAuthenticator.h"

#include "store/SecretStore.h"

namespace zc {

void SaasAuthenticator::fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel)
{
    readSecrets(target, {SecretField::Secret}, ctx, [this, target, ctx, done, cancel](QList<QByteArray> &v, const ApiError &e) {
        if (e) {
            done({}, e);
            return;
        }
        HttpRequest req = tokenRequestBase(target, target.endpoints.tokenUrl);
        req.setHeader("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1");
        QByteArray basic = QByteArrayLiteral("Basic ")
                           + QByteArray(target.client.clientId.toLatin1() + ':' + v.at(0)).toBase64();
        req.setHeader("Authorization", basic);
        req.body = formBody({{"grant_type", "client_credentials"},
                             {"scope", m_settings.saasScope.toLatin1()}});
        requestToken(target, req, ctx, done, cancel);
        SecretStore::wipe(basic);
    });
}

} // namespace zc
