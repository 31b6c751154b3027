#pragma once

#include "auth/Authenticator.h"

namespace zc {

// Palo Alto SaaS Security, zscaler-api-notes.md §5.2: POST {region host}/oauth/token with
// Authorization: Basic base64(client_id:client_secret), content type
// "application/x-www-form-urlencoded; charset=ISO-8859-1", body
// grant_type=client_credentials&scope=api_access. No expires_in = no stated expiry.
class SaasAuthenticator final : public Authenticator
{
public:
    using Authenticator::Authenticator;
    void fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel) override;
};

} // namespace zc
