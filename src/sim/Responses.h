// Error replies in the formats of the real services (zscaler-api-notes.md §1.7, §1.8, §3.8, §4.7).
#pragma once

#include "sim/Http.h"
#include "sim/Router.h"

namespace zsim::reply {

SimResponse zpaError(int status, const QString &id, const QString &reason);
SimResponse ziaError(int status, const QString &code, const QString &message);
SimResponse oauthError(int status, const QString &error, const QString &description = {});
SimResponse genericError(int status, const QString &code, const QString &message);

// 429: ZPA "retry-after: Ns" + invalid.toomanyrequests; ZIA "retry-after: N" + Rate Limit body.
SimResponse rateLimited(ErrorStyle style, int retryAfter, int limit, int windowSeconds);
// 429 of ZIdentity: "retry-after: N" + {"code":"TOO_MANY_REQUESTS","message":…,"Retry-After":"N seconds"}.
SimResponse zidRateLimited(int retryAfter, int limit, int windowSeconds);
// 409: ZIA EDIT_LOCK_NOT_AVAILABLE, ZPA api.concurrent.access.error.
SimResponse conflict(ErrorStyle style);
SimResponse serverError(ErrorStyle style, int status);
// 403 STATE_READONLY with x-zscaler-mode: read-only.
SimResponse readOnly();
// 401 for a missing/invalid credential on a route of that API.
SimResponse unauthorized(Api api);
SimResponse notFound(const QString &method, const QString &path, bool methodNotAllowed);

SimResponse zpaNotFound(const QString &what, const QString &id);
SimResponse zpaBadRequest(const QString &reason);
SimResponse ziaNotFound(const QString &what);
SimResponse badJson(ErrorStyle style);

} // namespace zsim::reply
