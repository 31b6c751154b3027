#pragma once

#include "auth/Authenticator.h"

namespace zc {

// ZIA OAuth 2.0 with the customer's own authorization server (zscaler-api-notes.md §0, §4.3):
// client credentials at the client's token URL with scope "<cloud>::<orgId>::<role>"; client
// authentication by HTTP Basic or in the body (the profile's clientAuth). The "first API call
// fails authorization → retry once after a minute" rule lives in ApiCaller
// (AuthSettings::ziaOAuthFirst401DelayMs).
class ZiaOAuthAuthenticator final : public Authenticator
{
public:
    using Authenticator::Authenticator;
    void fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel) override;
};

} // namespace zc
