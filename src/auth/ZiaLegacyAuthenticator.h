#pragma once

#include "auth/Authenticator.h"

namespace zc {

// ZIA legacy session, zscaler-api-notes.md §4.2: POST {base}/api/v1/authenticatedSession with
// JSON {apiKey: obfuscated(key, ts), username, password, timestamp: ts} → JSESSIONID cookie,
// valid while in use and ended by the server after an idle time (apiSessionTimeout, default
// 5 min; AuthSettings::ziaIdleTimeoutMs). A 401 (SESSION_NOT_VALID) means a new session is
// needed. signOut() (DELETE /authenticatedSession) is only ever called on request: ending a
// session ACTIVATES the tenant's pending changes.
class ZiaLegacyAuthenticator final : public Authenticator
{
public:
    using Authenticator::Authenticator;
    void fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle cancel) override;
    void apply(HttpRequest &request, const Token &token) const override;
    void signOut(const AuthTarget &target, const Token &token, QObject *ctx,
                 std::function<void(const ApiError &)> done) override;
};

} // namespace zc
