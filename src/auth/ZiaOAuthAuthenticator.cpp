#include "auth/ZiaOAuthAuthenticator.h"

#include "store/SecretStore.h"

namespace zc {

void ZiaOAuthAuthenticator::fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel)
{
    readSecrets(target, {SecretField::Secret}, ctx, [this, target, ctx, done, cancel](QList<QByteArray> &v, const ApiError &e) {
        if (e) {
            done({}, e);
            return;
        }
        HttpRequest req = tokenRequestBase(target, target.endpoints.tokenUrl);
        const QByteArray id = target.client.clientId.toUtf8();
        QList<QPair<QByteArray, QByteArray>> form{{"grant_type", "client_credentials"},
                                                  {"scope", target.client.scope.toUtf8()}};
        QByteArray basic;
        if (target.client.clientAuth == ClientAuthStyle::Basic) {
            basic = QByteArrayLiteral("Basic ") + QByteArray(id + ':' + v.at(0)).toBase64();
            req.setHeader("Authorization", basic);
        } else {
            form << QPair<QByteArray, QByteArray>{"client_id", id}
                 << QPair<QByteArray, QByteArray>{"client_secret", v.at(0)};
        }
        req.body = formBody(form);
        requestToken(target, req, ctx, done, cancel);
        SecretStore::wipe(req.body);
        SecretStore::wipe(basic);
    });
}

} // namespace zc
