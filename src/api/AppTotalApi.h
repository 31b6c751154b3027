#pragma once

#include "api/AppTotalQuota.h"
#include "auth/ApiCaller.h"
#include "core/AppTotal.h"

#include <QJsonObject>
#include <QMetaType>
#include <QObject>

namespace zc {

// AppTotal app lookup: GET {base}/v1/apps/app?app_id=ID with X-API-KEY (apptotal-key
// clients), or GET /zia/api/v1/apps/app?appId=ID through the OneAPI gateway (oneapi-*).
// Every reply's X-Rate-Limit-Remaining is remembered per client (AppTotalQuota, also on disk);
// once it is known to be 0 for the day, no request is sent: the reply is a RateLimited error
// (exit 5) naming when the quota resets. Calls are never retried (every call spends quota).
// Lives in the thread of its ApiCaller.
class AppTotalApi : public QObject
{
    Q_OBJECT
public:
    AppTotalApi(ApiCaller *caller, AppTotalQuota *quota, QObject *parent = nullptr);

    AppTotalQuota *quota() const { return m_quota; }
    static bool isAppTotalKind(AuthKind kind);

    void app(const QString &clientId, const QString &appId, QObject *ctx,
             std::function<void(const AppTotalReply &)> done, CancelHandle cancel = {});

signals:
    void quotaChanged(const QString &clientId, int remaining);

private:
    ApiCaller *m_caller;
    AppTotalQuota *m_quota;
};

} // namespace zc

