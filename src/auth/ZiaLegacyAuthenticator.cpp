#include "auth/ZiaLegacyAuthenticator.h"

#include "auth/AuthLog.h"
#include "auth/ZiaApiKey.h"
#include "store/SecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace zc {

void ZiaLegacyAuthenticator::fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel)
{
    readSecrets(target, {SecretField::Password, SecretField::ApiKey}, ctx,
                [this, target, ctx, done, cancel](QList<QByteArray> &v, const ApiError &e) {
        if (e) {
            done({}, e);
            return;
        }
        Clock *clock = m_http->clock();
        const qint64 ts = clock->nowUtc().toMSecsSinceEpoch();
        QString why;
        QByteArray key = ZiaApiKey::obfuscate(v.at(1).trimmed(), ts, &why);
        if (key.isEmpty()) {
            done({}, ApiError::make(ErrorKind::Config, target.label() + QStringLiteral(": ") + why));
            return;
        }
        HttpRequest req = tokenRequestBase(target, target.endpoints.tokenUrl);
        req.setHeader("Content-Type", "application/json");
        req.body = QJsonDocument(QJsonObject{{QStringLiteral("apiKey"), QString::fromLatin1(key)},
                                             {QStringLiteral("username"), target.client.username},
                                             {QStringLiteral("password"), QString::fromUtf8(v.at(0))},
                                             {QStringLiteral("timestamp"), QString::number(ts)}})
                       .toJson(QJsonDocument::Compact);
        SecretStore::wipe(key);
        if (!req.url.isValid() || req.url.host().isEmpty()) {
            done({}, ApiError::make(ErrorKind::Config, target.label() + QObject::tr(": no usable session URL")));
            return;
        }
        const qint64 idle = m_settings.ziaIdleTimeoutMs;
        qCDebug(lcAuth).noquote() << "opening a ZIA session for" << target.label() << "at" << req.endpoint();
        m_http->send(req, SendOptions{}, ctx, [target, done, clock, idle](const HttpResponse &r) {
            if (!r.ok()) {
                done({}, tokenError(target, r));
                return;
            }
            const QByteArray session = r.cookie("JSESSIONID");
            if (session.isEmpty()) {
                ApiError pe = ApiError::make(ErrorKind::Parse,
                                             QObject::tr("%1: the session endpoint answered %2 but set "
                                                         "no JSESSIONID cookie")
                                                 .arg(target.label())
                                                 .arg(r.status),
                                             r.endpoint);
                pe.httpStatus = r.status;
                done({}, pe);
                return;
            }
            Token t;
            t.value = session;
            t.type = QStringLiteral("JSESSIONID");
            t.source = ExpirySource::IdleTimeout;
            t.idleTimeoutMs = idle;
            t.obtainedMs = clock->monotonicMs();
            t.obtainedUtc = clock->nowUtc();
            t.touch(t.obtainedMs, t.obtainedUtc);
            done(t, {});
        }, cancel);
        SecretStore::wipe(req.body);
    });
}

void ZiaLegacyAuthenticator::apply(HttpRequest &request, const Token &token) const
{
    request.setHeader("Cookie", QByteArrayLiteral("JSESSIONID=") + token.value);
}

void ZiaLegacyAuthenticator::signOut(const AuthTarget &target, const Token &token, QObject *ctx,
                                     std::function<void(const ApiError &)> done)
{
    HttpRequest req;
    req.method = "DELETE";
    req.url = QUrl(target.endpoints.tokenUrl);
    req.caFile = target.client.caFile;
    req.timeoutMs = m_settings.tokenTimeoutMs;
    apply(req, token);
    qCInfo(lcAuth).noquote() << "ending the ZIA session of" << target.label()
                             << "(this activates the tenant's pending changes)";
    m_http->send(req, SendOptions{}, ctx, [done](const HttpResponse &r) {
        if (done)
            done(r.ok() ? ApiError() : r.error);
    });
}

} // namespace zc
