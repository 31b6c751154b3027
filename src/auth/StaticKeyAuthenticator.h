#pragma once

#include "auth/Authenticator.h"

namespace zc {

// Keys used as they are, with no token exchange (zscaler-api-notes.md §0, §6):
//  - apptotal-key: header X-API-KEY: <key>;
//  - sandbox-token: query parameter api_token=<key> (the Sandbox Submission API's form; the
//    request log hides its value).
// The "token" is the key itself (source StaticKey), never cached in the keychain twice.
class StaticKeyAuthenticator final : public Authenticator
{
public:
    StaticKeyAuthenticator(HttpPipeline *http, CredentialProvider *creds, const AuthSettings &settings,
                           AuthKind kind);
    void fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel) override;
    void apply(HttpRequest &request, const Token &token) const override;
    bool exchangesToken() const override { return false; }

private:
    AuthKind m_kind;
};

} // namespace zc
