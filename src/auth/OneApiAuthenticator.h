#pragma once

#include "auth/Authenticator.h"

namespace zc {

// OneAPI (ZIdentity) client credentials, zscaler-api-notes.md §1.2–1.3: POST the token URL with
// grant_type=client_credentials, client_id, audience and either client_secret or a
// private_key_jwt client assertion (RS256, key from the keychain).
class OneApiAuthenticator final : public Authenticator
{
public:
    OneApiAuthenticator(HttpPipeline *http, CredentialProvider *creds, const AuthSettings &settings,
                        bool privateKeyJwt);
    void fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel) override;

private:
    bool m_jwt;
};

} // namespace zc
