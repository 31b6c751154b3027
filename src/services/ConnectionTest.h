#pragma once

#include "auth/ApiCaller.h"
#include "core/TokenStatus.h"

#include <QObject>
#include <functional>

namespace zc {

struct ConnectionTestResult
{
    QString clientId;
    bool ok = false;
    ApiError error;
    qint64 tokenMs = -1;     // time to get the token (0-ish when it was cached)
    qint64 requestMs = -1;   // time of the authenticated read
    QString endpoint;        // "GET https://…/status" (no query)
    int httpStatus = 0;
    QString requestId;
    QString note;            // e.g. "404 means the key was accepted"
    TokenStatus token;       // expiry after the test
};

// "Test connection": gets a token and makes one cheap authenticated read per scheme
// (OneAPI: GET /zia/api/v1/status, or the ZPA segment list's first row when the tenant has only
// a ZPA customer id; ZPA legacy: first application segment; ZIA: GET /api/v1/status; SaaS:
// GET /incident/api/incidents/delta?limit=10; AppTotal: GET /v1/apps/app?app_id=1 where 404
// means "key accepted"; Sandbox: GET /zscsb/quota). Used by the CLI and the TokenController.
class ConnectionTest
{
public:
    // The read for a client; `note` tells what an accepted reply means. Empty path = none.
    static ApiRequest probeFor(const AuthTarget &target, QString *note = nullptr);
    // Whether `status` counts as success for that probe (AppTotal: 404 too).
    static bool accepts(const AuthTarget &target, int status);

    static void run(ApiCaller *caller, const QString &clientId, QObject *ctx,
                    std::function<void(const ConnectionTestResult &)> done);
};

} // namespace zc

Q_DECLARE_METATYPE(zc::ConnectionTestResult)
