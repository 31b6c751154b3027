#pragma once

#include "core/ApiClient.h"
#include "core/AppTotal.h"
#include "core/SaasIncident.h"

#include <QDateTime>
#include <QObject>
#include <memory>

namespace zc {

class ApiCaller;
class AppTotalApi;
class AppTotalQuota;
class SaasSecurityApi;
class TenantStore;

// The Tools page and `zconsole-cli apptotal …` / `saas …`: AppTotal app lookups with the daily
// quota remembered in the config folder (apptotal-quota.json), and SaaS Security incidents.
// Lives in the thread of its ApiCaller (the main thread) and never blocks; every answer is a
// signal from the event loop.
class ToolsService : public QObject
{
    Q_OBJECT
public:
    ToolsService(ApiCaller *caller, TenantStore *store, const QString &configDir, QObject *parent = nullptr);
    ~ToolsService() override;

    static bool isAppTotalKind(AuthKind kind); // apptotal-key, oneapi-*
    static bool isSaasKind(AuthKind kind) { return kind == AuthKind::SaasSecurity; }
    static int saasMinLimit(); // what the server is asked for at least
    static int saasMaxLimit();
    QDateTime quotaResetsUtc() const; // the next 00:00 UTC

public slots:
    void appTotalLookup(const QString &clientId, const QString &appId);
    void reportQuota(const QString &clientId); // quotaKnown from the file, no request
    void saasIncidents(const QString &clientId, int limit);

signals:
    // Followed by quotaKnown.
    void appTotalFinished(const QString &clientId, const QString &appId, const zc::AppTotalReply &reply);
    void quotaKnown(const QString &clientId, int remaining, const QDateTime &resetsUtc);
    void saasFinished(const QString &clientId, const zc::SaasIncidentsReply &reply);

private:
    std::unique_ptr<AppTotalQuota> m_quota;
    AppTotalApi *m_appTotal;
    SaasSecurityApi *m_saas;
};

} // namespace zc
