#include "core/Endpoints.h"

#include "core/Cloud.h"

namespace zc {

namespace {
QString trimSlash(QString s)
{
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}
QString https(const QString &host) { return QStringLiteral("https://") + host; }
} // namespace

QString Endpoints::oneApiTokenUrl(const QString &vanity, const QString &oneApiCloud)
{
    const QString cloud = oneApiCloud.toLower();
    QString host;
    if (cloud.isEmpty() || cloud == QLatin1String("production"))
        host = vanity + QStringLiteral(".zslogin.net");
    else if (cloud == QLatin1String("gov"))
        host = vanity + QStringLiteral(".zidentitygov.net");
    else if (cloud == QLatin1String("govus"))
        host = vanity + QStringLiteral(".zidentitygov.us"); // UNCONFIRMED: override if needed
    else
        host = vanity + QStringLiteral(".zslogin") + cloud + QStringLiteral(".net");
    return https(host) + QStringLiteral("/oauth2/v1/token");
}

QString Endpoints::oneApiGatewayBase(const QString &oneApiCloud)
{
    const QString cloud = oneApiCloud.toLower();
    if (cloud.isEmpty() || cloud == QLatin1String("production"))
        return https(QStringLiteral("api.zsapi.net"));
    if (cloud == QLatin1String("gov"))
        return https(QStringLiteral("api.zscalergov.net"));
    if (cloud == QLatin1String("govus"))
        return https(QStringLiteral("api.zscalergov.us"));
    return https(QStringLiteral("api.") + cloud + QStringLiteral(".zsapi.net"));
}

QString Endpoints::zidentityAdminBase(const ApiClient &client, const Tenant &tenant)
{
    if (tenant.zidRoute != QLatin1String("direct"))
        return forClient(client, tenant).baseUrl + QStringLiteral("/ziam/admin/api/v1");
    if (!tenant.zidDirectUrl.isEmpty())
        return trimSlash(tenant.zidDirectUrl) + QStringLiteral("/admin/api/v1");
    const CloudInfo *cloud = Clouds::find(tenant.cloud);
    const QString c = cloud ? cloud->oneApiCloud.toLower() : QString();
    const QString host = (c.isEmpty() || c == QLatin1String("production"))
                             ? QString(tenant.vanity + QStringLiteral("-admin.zslogin.net"))
                             : tenant.vanity + QStringLiteral("-admin.zslogin") + c + QStringLiteral(".net");
    return https(host) + QStringLiteral("/admin/api/v1");
}

ClientEndpoints Endpoints::forClient(const ApiClient &client, const Tenant &tenant)
{
    const CloudInfo *cloud = Clouds::find(tenant.cloud);
    const bool custom = !cloud;
    auto host = [&](QString CloudInfo::*member) {
        return custom ? tenant.customHost : cloud->*member;
    };
    const QString oneApiCloud = custom ? QString() : cloud->oneApiCloud;

    ClientEndpoints e;
    switch (client.kind) {
    case AuthKind::OneApiSecret:
    case AuthKind::OneApiJwt:
        e.baseUrl = oneApiGatewayBase(oneApiCloud);
        e.tokenUrl = oneApiTokenUrl(tenant.vanity, oneApiCloud);
        e.apiPrefix = QString(); // services add /zia, /zpa, /ziam
        break;
    case AuthKind::ZpaLegacy:
        e.baseUrl = https(host(&CloudInfo::zpaHost));
        e.apiPrefix = QStringLiteral("/mgmtconfig/v1");
        break;
    case AuthKind::ZiaLegacy:
    case AuthKind::ZiaOAuth:
        e.baseUrl = https(host(&CloudInfo::ziaHost));
        e.apiPrefix = QStringLiteral("/api/v1");
        break;
    case AuthKind::SaasSecurity:
        if (const SaasRegion *r = findSaasRegion(client.region))
            e.baseUrl = r->baseUrl;
        break;
    case AuthKind::AppTotalKey:
        e.baseUrl = appTotalBase();
        e.apiPrefix = QStringLiteral("/v1");
        break;
    case AuthKind::SandboxToken:
        e.baseUrl = https(host(&CloudInfo::sandboxHost));
        e.apiPrefix = QStringLiteral("/zscsb");
        break;
    }
    if (!client.baseUrl.isEmpty())
        e.baseUrl = trimSlash(client.baseUrl);
    switch (client.kind) {
    case AuthKind::ZpaLegacy: e.tokenUrl = e.baseUrl + QStringLiteral("/signin"); break;
    case AuthKind::ZiaLegacy: e.tokenUrl = e.baseUrl + QStringLiteral("/api/v1/authenticatedSession"); break;
    case AuthKind::SaasSecurity:
        if (!e.baseUrl.isEmpty())
            e.tokenUrl = e.baseUrl + QStringLiteral("/oauth/token");
        break;
    default: break;
    }
    if (!client.tokenUrl.isEmpty())
        e.tokenUrl = client.tokenUrl;
    return e;
}

} // namespace zc
