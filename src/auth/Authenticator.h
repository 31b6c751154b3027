#pragma once

#include "core/ApiClient.h"
#include "core/Clock.h"
#include "core/Endpoints.h"
#include "core/Tenant.h"
#include "core/Token.h"
#include "net/CancelToken.h"
#include "net/HttpPipeline.h"

#include <functional>
#include <memory>

namespace zc {

class CredentialProvider;

// Tunables of the schemes; the UNCONFIRMED values of the API notes are here so they can change.
struct AuthSettings
{
    int tokenTimeoutMs = 30'000;               // transfer timeout of token requests
    qint64 assumedLifetimeMs = 3'600'000;      // a token with no stated expiry is renewed after this
    int maxTokenBytes = 16 * 1024;
    qint64 ziaIdleTimeoutMs = 300'000;         // ZIA apiSessionTimeout (5–20 min, default 5)
    qint64 ziaOAuthFirst401DelayMs = 60'000;   // "first call fails authorization: retry after a minute"
    QString oneApiAudience = Endpoints::oneApiAudience();
    QString saasScope = QStringLiteral("api_access");
};

// A client profile with everything needed to reach it (values: safe to copy across threads).
struct AuthTarget
{
    ApiClient client;
    Tenant tenant;
    ClientEndpoints endpoints;

    static AuthTarget make(const ApiClient &client, const Tenant &tenant);
    // "API client \"name\"" for messages.
    QString label() const;
};

// One scheme's way of getting a token and of putting it on a request. Stateless apart from its
// dependencies; one instance per scheme serves every client of that scheme. Used in one thread.
class Authenticator
{
public:
    using Done = std::function<void(Token token, const ApiError &error)>;

    Authenticator(HttpPipeline *http, CredentialProvider *creds, const AuthSettings &settings);
    virtual ~Authenticator();

    // Gets a fresh token. Calls `done` once (in this thread) unless `ctx` dies.
    virtual void fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel) = 0;
    // Adds the credential to an API request (default: Authorization: Bearer).
    virtual void apply(HttpRequest &request, const Token &token) const;
    // Whether a reply means "this token/session is no longer accepted" (default: 401).
    virtual bool isUnauthorized(const HttpResponse &response) const;
    // Ends the session on the server where the scheme has that (ZPA /signout, ZIA DELETE
    // /authenticatedSession); default: nothing to do.
    virtual void signOut(const AuthTarget &target, const Token &token, QObject *ctx,
                         std::function<void(const ApiError &)> done);
    // False for static keys (AppTotal, Sandbox): no token exchange, nothing to refresh.
    virtual bool exchangesToken() const { return true; }

    static std::unique_ptr<Authenticator> create(AuthKind kind, HttpPipeline *http,
                                                 CredentialProvider *creds,
                                                 const AuthSettings &settings);

    // application/x-www-form-urlencoded body from pairs (values percent-encoded).
    static QByteArray formBody(const QList<QPair<QByteArray, QByteArray>> &fields);

protected:
    using SecretsDone = std::function<void(QList<QByteArray> &values, const ApiError &error)>;
    // (the values are wiped after `done` returns: copy nothing you do not wipe yourself)
    // Reads the secrets in order; wipes whatever was read if one fails.
    void readSecrets(const AuthTarget &target, const QList<SecretField> &fields, QObject *ctx,
                     SecretsDone done);
    // Sends a token request (never logged with its body) and parses an OAuth-style reply.
    void requestToken(const AuthTarget &target, HttpRequest request, QObject *ctx, Done done,
                      CancelHandle cancel);
    // The error for a failed token request: 400/401/403 → Authentication naming the client and
    // quoting the server's reason; others keep their kind, prefixed with the client.
    static ApiError tokenError(const AuthTarget &target, const HttpResponse &response);
    HttpRequest tokenRequestBase(const AuthTarget &target, const QString &url) const;

    HttpPipeline *m_http;
    CredentialProvider *m_creds;
    AuthSettings m_settings;

private:
    struct SecretsState;
    void readNextSecret(const std::shared_ptr<SecretsState> &state, QObject *ctx);
};

} // namespace zc
