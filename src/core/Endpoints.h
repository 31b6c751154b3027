#pragma once

#include "core/ApiClient.h"
#include "core/Tenant.h"

#include <QString>

namespace zc {

// Where a client's requests go, derived from its tenant's cloud and overridable per client
// (baseUrl replaces scheme+host, tokenUrl the whole token endpoint).
struct ClientEndpoints
{
    QString baseUrl;  // scheme + host (+ port), no trailing slash
    QString tokenUrl; // full URL of the token / sign-in / session endpoint
    QString apiPrefix; // path prefix the API adds, e.g. "/zia/api/v1" on OneAPI, "/api/v1" legacy
};

class Endpoints
{
public:
    static ClientEndpoints forClient(const ApiClient &client, const Tenant &tenant);

    static QString oneApiTokenUrl(const QString &vanity, const QString &oneApiCloud);
    static QString oneApiGatewayBase(const QString &oneApiCloud);
    // The ZIdentity admin API's base for a tenant, called with `client` (an oneapi-* profile):
    // through the gateway "{client's base}/ziam/admin/api/v1", or with tenant.zidRoute "direct"
    // "https://{vanity}-admin.zslogin[cloud].net/admin/api/v1" (tenant.zidDirectUrl replaces
    // scheme+host). Absolute; no trailing slash.
    static QString zidentityAdminBase(const ApiClient &client, const Tenant &tenant);
    static QString appTotalBase() { return QStringLiteral("https://api.apptotal.zscaler.com"); }
    // The OneAPI audience sent with every OneAPI token request.
    static QString oneApiAudience() { return QStringLiteral("https://api.zscaler.com"); }
};

} // namespace zc
