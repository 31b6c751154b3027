#include "auth/ZpaLegacyAuthenticator.h"

#include "store/SecretStore.h"

namespace zc {

void ZpaLegacyAuthenticator::fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel)
{
    readSecrets(target, {SecretField::Secret}, ctx, [this, target, ctx, done, cancel](QList<QByteArray> &v, const ApiError &e) {
        if (e) {
            done({}, e);
            return;
        }
        HttpRequest req = tokenRequestBase(target, target.endpoints.tokenUrl);
        req.body = formBody({{"client_id", target.client.clientId.toUtf8()}, {"client_secret", v.at(0)}});
        requestToken(target, req, ctx, done, cancel);
        SecretStore::wipe(req.body);
    });
}

void ZpaLegacyAuthenticator::signOut(const AuthTarget &target, const Token &token, QObject *ctx,
                                     std::function<void(const ApiError &)> done)
{
    HttpRequest req;
    req.method = "POST";
    req.url = QUrl(target.endpoints.baseUrl + QStringLiteral("/signout"));
    req.caFile = target.client.caFile;
    req.timeoutMs = m_settings.tokenTimeoutMs;
    apply(req, token);
    m_http->send(req, SendOptions{}, ctx, [done](const HttpResponse &r) {
        if (done)
            done(r.ok() ? ApiError() : r.error);
    });
}

} // namespace zc
