#pragma once

#include "api/AppTotalApi.h"
#include "api/SaasSecurityApi.h"
#include "api/ZiaUrlCategoryEditor.h"
#include "services/ActivationController.h"
#include "services/ZiaStatusTracker.h"

#include <QHash>
#include <QObject>
#include <memory>

namespace zc {

class ActivationLedger;
class AppTotalQuota;
class AuditLog;
class ZiaUrlLookupRunner;

// The worker-thread half of the GUI's ZIA, AppTotal and SaaS Security features: ZiaApi, the
// ZiaStatusTracker, the URL category editor, the URL lookup runner, one ActivationController
// per API client, AppTotalApi (with its quota file) and SaasSecurityApi, all living in the
// session worker's thread as children of its ApiCaller (so WorkerCore::shutdown deletes them
// there). The GUI never holds a pointer to it: ZiaService posts functions to the worker that
// find it with ZiaBackend::of(caller), and its signals reach the GUI queued.
// No QtWidgets here.
class ZiaBackend : public QObject
{
    Q_OBJECT
public:
    ZiaBackend(ApiCaller *caller, const QString &configDir, QObject *parent = nullptr);
    ~ZiaBackend() override;

    // The backend among the caller's children (created by ZiaService::attach), or null.
    static ZiaBackend *of(ApiCaller *caller);

    ZiaApi *api() const { return m_api; }
    ZiaStatusTracker *tracker() const { return m_tracker; }

    void setPollConfig(const ZiaPollConfig &config);
    void setActivationPollMs(qint64 ms) { m_activationPollMs = ms; }
    void setReadOnlyProbeMs(qint64 ms) { m_readOnlyProbeMs = ms; }
    void setWatched(const QStringList &tenantIds, bool watched);
    void refresh(const QString &tenantId);
    // Stops tracking the tenant (removed, or its polling client went); `watchAgain` re-adds it
    // with the best client the broker still knows.
    void retrack(const QString &tenantId, bool watchAgain);

    void activate(const QString &clientId, qint64 timeoutMs);
    void cancelActivationWait(const QString &clientId);
    void endSession(const QString &clientId);

    void loadCategories(const QString &clientId);
    void editUrls(const QString &clientId, const QString &categoryId, const QStringList &urls, bool add);

    void startLookup(const QString &clientId, const QStringList &urls);
    void cancelLookup();
    void estimateLookup(const QString &clientId, int urls);

    void appTotalLookup(const QString &clientId, const QString &appId);
    void reportQuota(const QString &clientId);
    void saasIncidents(const QString &clientId, int limit);

signals:
    void statusChanged(const zc::ZiaTenantStatus &status);
    void activationCompleted(const QString &tenantId, const QString &tenantName);
    void modeChanged(const QString &tenantId, bool readOnly);

    void activationStarted(const QString &tenantId, const QString &clientId);
    void activationProgress(const QString &tenantId, const QString &message);
    void activationPhaseChanged(const QString &tenantId, int phase);
    void activationFinished(const QString &tenantId, const zc::ZiaActivationResult &result);
    void sessionEnded(const QString &clientId, const QString &tenantId, const zc::ApiError &error);

    void categoriesLoaded(const QString &clientId, const QList<zc::ZiaUrlCategory> &categories,
                          const zc::ApiError &error, bool readOnly);
    void urlEditFinished(const QString &clientId, const zc::ZiaUrlEditResult &result);

    void lookupStarted(int urls, int batches, qint64 etaMs);
    void lookupProgress(int batchesDone, int batchCount, qint64 etaMs);
    void lookupResults(const QList<zc::UrlLookupResult> &results);
    void lookupFinished(const zc::ApiError &error);
    void lookupEstimated(const QString &clientId, int urls, qint64 etaMs, int usedThisHour);

    void appTotalFinished(const QString &clientId, const QString &appId, const zc::AppTotalReply &reply);
    void quotaKnown(const QString &clientId, int remaining, const QDateTime &resetsUtc);
    void saasFinished(const QString &clientId, const zc::SaasIncidentsReply &reply);

private:
    ActivationController *controller(const QString &clientId);
    QString clientName(const QString &clientId) const;

    ApiCaller *m_caller;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ActivationLedger> m_ledger;
    std::unique_ptr<AppTotalQuota> m_quota;
    ZiaApi *m_api;
    ZiaStatusTracker *m_tracker;
    ZiaUrlCategoryEditor *m_editor;
    ZiaUrlLookupRunner *m_runner;
    AppTotalApi *m_appTotal;
    SaasSecurityApi *m_saas;
    QHash<QString, ActivationController *> m_controllers;
    QString m_editClient;
    qint64 m_activationPollMs = 2000;
    qint64 m_readOnlyProbeMs = 60'000;
};

} // namespace zc
