#include "auth/Authenticator.h"

#include "auth/AuthLog.h"
#include "auth/CredentialProvider.h"
#include "auth/OneApiAuthenticator.h"
#include "auth/SaasAuthenticator.h"
#include "auth/StaticKeyAuthenticator.h"
#include "auth/TokenReply.h"
#include "auth/ZiaLegacyAuthenticator.h"
#include "auth/ZiaOAuthAuthenticator.h"
#include "auth/ZpaLegacyAuthenticator.h"
#include "net/ErrorBody.h"
#include "store/SecretStore.h"

#include <QObject>
#include <memory>

Q_LOGGING_CATEGORY(lcAuth, "zconsole.auth")

namespace zc {

AuthTarget AuthTarget::make(const ApiClient &client, const Tenant &tenant)
{
    return AuthTarget{client, tenant, Endpoints::forClient(client, tenant)};
}

QString AuthTarget::label() const
{
    return QObject::tr("API client \"%1\"").arg(client.name);
}

Authenticator::Authenticator(HttpPipeline *http, CredentialProvider *creds, const AuthSettings &settings)
    : m_http(http)
    , m_creds(creds)
    , m_settings(settings)
{
}

Authenticator::~Authenticator() = default;

std::unique_ptr<Authenticator> Authenticator::create(AuthKind kind, HttpPipeline *http,
                                                     CredentialProvider *creds,
                                                     const AuthSettings &settings)
{
    switch (kind) {
    case AuthKind::OneApiSecret:
        return std::make_unique<OneApiAuthenticator>(http, creds, settings, false);
    case AuthKind::OneApiJwt:
        return std::make_unique<OneApiAuthenticator>(http, creds, settings, true);
    case AuthKind::ZpaLegacy: return std::make_unique<ZpaLegacyAuthenticator>(http, creds, settings);
    case AuthKind::ZiaLegacy: return std::make_unique<ZiaLegacyAuthenticator>(http, creds, settings);
    case AuthKind::ZiaOAuth: return std::make_unique<ZiaOAuthAuthenticator>(http, creds, settings);
    case AuthKind::SaasSecurity: return std::make_unique<SaasAuthenticator>(http, creds, settings);
    case AuthKind::AppTotalKey:
    case AuthKind::SandboxToken:
        return std::make_unique<StaticKeyAuthenticator>(http, creds, settings, kind);
    }
    return nullptr;
}

QByteArray Authenticator::formBody(const QList<QPair<QByteArray, QByteArray>> &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += f.first.toPercentEncoding() + '=' + f.second.toPercentEncoding();
    }
    return out;
}

void Authenticator::apply(HttpRequest &request, const Token &token) const
{
    request.setHeader("Authorization", QByteArrayLiteral("Bearer ") + token.value);
}

bool Authenticator::isUnauthorized(const HttpResponse &response) const
{
    return response.status == 401;
}

void Authenticator::signOut(const AuthTarget &, const Token &, QObject *ctx,
                            std::function<void(const ApiError &)> done)
{
    QTimer::singleShot(0, ctx, [done] {
        if (done)
            done({});
    });
}

struct Authenticator::SecretsState
{
    QList<QByteArray> values;
    QList<SecretField> left;
    SecretsDone done;
    ApiClient client;
};

void Authenticator::readSecrets(const AuthTarget &target, const QList<SecretField> &fields,
                                QObject *ctx, SecretsDone done)
{
    auto st = std::make_shared<SecretsState>();
    st->left = fields;
    st->done = std::move(done);
    st->client = target.client;
    readNextSecret(st, ctx);
}

void Authenticator::readNextSecret(const std::shared_ptr<SecretsState> &st, QObject *ctx)
{
    if (st->left.isEmpty()) {
        auto done = std::move(st->done);
        done(st->values, {});
        for (QByteArray &x : st->values)
            SecretStore::wipe(x);
        return;
    }
    const SecretField f = st->left.takeFirst();
    m_creds->readSecret(st->client, f, ctx, [this, st, ctx](QByteArray v, const ApiError &e) {
        if (e) {
            SecretStore::wipe(v);
            for (QByteArray &x : st->values)
                SecretStore::wipe(x);
            QList<QByteArray> none;
            st->done(none, e);
            return;
        }
        st->values << v;
        v = QByteArray(); // drop our reference; the list holds the one copy
        readNextSecret(st, ctx);
    });
}

HttpRequest Authenticator::tokenRequestBase(const AuthTarget &target, const QString &url) const
{
    HttpRequest r;
    r.method = "POST";
    r.url = QUrl(url);
    r.caFile = target.client.caFile;
    r.timeoutMs = m_settings.tokenTimeoutMs;
    r.maxBodyBytes = 1024 * 1024;
    r.sensitiveBody = true;
    r.setHeader("Accept", "application/json");
    r.setHeader("Content-Type", "application/x-www-form-urlencoded");
    return r;
}

ApiError Authenticator::tokenError(const AuthTarget &target, const HttpResponse &response)
{
    ApiError e = response.error;
    if (response.status == 400 || response.status == 401 || response.status == 403) {
        const ErrorBodyInfo info = parseErrorBody(response.body, response.header("content-type"));
        e.kind = ErrorKind::Authentication;
        QString reason = info.reason.isEmpty() ? httpStatusText(response.status) : info.reason;
        e.message = QObject::tr("%1: the server refused the credentials: %2")
                        .arg(target.label(), reason);
        e.code = info.code;
        e.httpStatus = response.status;
    } else if (e.isError()) {
        e.message = target.label() + QStringLiteral(": ") + e.message;
    }
    if (e.endpoint.isEmpty())
        e.endpoint = response.endpoint;
    return e;
}

void Authenticator::requestToken(const AuthTarget &target, HttpRequest request, QObject *ctx,
                                 Done done, CancelHandle cancel)
{
    if (!request.url.isValid() || request.url.host().isEmpty()) {
        QTimer::singleShot(0, ctx, [done, target] {
            done({}, ApiError::make(ErrorKind::Config,
                                    QObject::tr("%1 has no usable token URL; set the tenant's "
                                                "vanity domain or the client's --token-url")
                                        .arg(target.label())));
        });
        return;
    }
    Clock *clock = m_http->clock();
    TokenReplyOptions opts;
    opts.assumedLifetimeMs = m_settings.assumedLifetimeMs;
    opts.maxTokenBytes = m_settings.maxTokenBytes;
    qCDebug(lcAuth).noquote() << "requesting a token for" << target.label() << "at"
                              << request.endpoint();
    m_http->send(request, SendOptions{}, ctx,
                 [target, done, clock, opts](const HttpResponse &r) {
                     if (!r.ok()) {
                         done({}, tokenError(target, r));
                         return;
                     }
                     Token t;
                     ApiError e = TokenReply::parse(r, clock->monotonicMs(), clock->nowUtc(), opts, &t);
                     if (e) {
                         e.message = target.label() + QStringLiteral(": ") + e.message;
                         done({}, e);
                         return;
                     }
                     done(t, {});
                 },
                 cancel);
    SecretStore::wipe(request.body);
}

} // namespace zc
