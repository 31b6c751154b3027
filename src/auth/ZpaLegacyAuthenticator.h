#pragma once

#include "auth/Authenticator.h"

namespace zc {

// ZPA legacy API key, zscaler-api-notes.md §3.2: POST {base}/signin with the form client_id,
// client_secret → {"token_type":"Bearer","access_token":…,"expires_in":"3600"} (a string; the
// JWT exp is preferred). POST {base}/signout with the Bearer token ends it.
class ZpaLegacyAuthenticator final : public Authenticator
{
public:
    using Authenticator::Authenticator;
    void fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel) override;
    void signOut(const AuthTarget &target, const Token &token, QObject *ctx,
                 std::function<void(const ApiError &)> done) override;
};

} // namespace zc
