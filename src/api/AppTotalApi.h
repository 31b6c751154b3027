#pragma once

#include "api/AppTotalQuota.h"
#include "auth/ApiCaller.h"

#include <QJsonObject>
#include <QMetaType>
#include <QObject>

namespace zc {

struct AppTotalPermission
{
    QString name;
    QString description;
    QString risk;
};

// An app of the AppTotal (3rd-party app governance) catalogue. Field names follow what the
// service answers (name/appName, risk/riskLevel, score/riskScore are both read); `raw` keeps
// everything.
struct AppTotalApp
{
    QString id;
    QString name;
    QString publisher;
    QString platform;
    QString risk;          // "LOW" | "MEDIUM" | "HIGH" | "CRITICAL" | …
    int score = -1;        // -1 = not given
    bool verified = false;
    int consentedUsers = -1;
    QStringList categories;
    QList<AppTotalPermission> permissions;
    QJsonObject raw;

    static AppTotalApp fromJson(const QJsonObject &o);
};

struct AppTotalReply
{
    AppTotalApp app;
    ApiError error;
    int remaining = -1;    // X-Rate-Limit-Remaining of this reply (or the known value); -1 unknown
    bool sent = false;     // false: refused locally (quota known to be spent), no request
    bool notFound = false; // 404: the catalogue has no such app
    bool ok() const { return !error.isError(); }
};

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

Q_DECLARE_METATYPE(zc::AppTotalReply)
