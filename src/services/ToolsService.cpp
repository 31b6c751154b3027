#include "services/ToolsService.h"

#include "api/AppTotalApi.h"
#include "api/AppTotalQuota.h"
#include "api/SaasSecurityApi.h"

namespace zc {

ToolsService::ToolsService(ApiCaller *caller, TenantStore *, const QString &configDir, QObject *parent)
    : QObject(parent)
    , m_quota(std::make_unique<AppTotalQuota>(configDir, caller->broker()->clock()))
    , m_appTotal(new AppTotalApi(caller, m_quota.get(), this))
    , m_saas(new SaasSecurityApi(caller, this))
{
    qRegisterMetaType<zc::AppTotalReply>();
    qRegisterMetaType<zc::SaasIncidentsReply>();
    connect(m_appTotal, &AppTotalApi::quotaChanged, this, [this](const QString &clientId, int remaining) {
        emit quotaKnown(clientId, remaining, m_quota->resetsAtUtc());
    });
}

ToolsService::~ToolsService()
{
    delete m_appTotal; // before the quota it writes to
    delete m_saas;
}

bool ToolsService::isAppTotalKind(AuthKind kind) { return AppTotalApi::isAppTotalKind(kind); }

int ToolsService::saasMinLimit() { return SaasSecurityApi::MinLimit; }

int ToolsService::saasMaxLimit() { return SaasSecurityApi::MaxLimit; }

QDateTime ToolsService::quotaResetsUtc() const { return m_quota->resetsAtUtc(); }

void ToolsService::appTotalLookup(const QString &clientId, const QString &appId)
{
    m_appTotal->app(clientId, appId, this, [this, clientId, appId](const AppTotalReply &r) {
        emit appTotalFinished(clientId, appId, r);
        emit quotaKnown(clientId, m_quota->remainingToday(clientId), m_quota->resetsAtUtc());
    });
}

void ToolsService::reportQuota(const QString &clientId)
{
    m_quota->load();
    const int remaining = m_quota->remainingToday(clientId);
    QMetaObject::invokeMethod(this, [this, clientId, remaining] {
        emit quotaKnown(clientId, remaining, m_quota->resetsAtUtc());
    }, Qt::QueuedConnection);
}

void ToolsService::saasIncidents(const QString &clientId, int limit)
{
    m_saas->incidents(clientId, limit, this,
                      [this, clientId](const SaasIncidentsReply &r) { emit saasFinished(clientId, r); });
}

} // namespace zc
