#pragma once

#include "api/AppTotalApi.h"
#include "api/SaasSecurityApi.h"
#include "api/ZiaUrlCategoryEditor.h"
#include "services/ActivationController.h"
#include "services/ZiaStatusTracker.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>

namespace zc {

class SessionWorker;
class TenantStore;
class ZiaBackend;

// The GUI thread's face of the ZIA, AppTotal and SaaS Security features. Forwards requests to
// the ZiaBackend in the session worker's thread (queued; never blocks) and re-emits its answers
// here. Keeps the last status of every ZIA tenant, so that pages, the sidebar badge, the status
// bar and the quit warning can ask questions (hasPendingChanges…) without a round trip.
// Polling: the ZIA tenants are "watched" only while the ZIA page is visible (setPageVisible);
// the tracker keeps polling on its own a tenant that has pending changes.
class ZiaService : public QObject
{
    Q_OBJECT
public:
    explicit ZiaService(TenantStore *store, QObject *parent = nullptr);
    ~ZiaService() override;

    // Creates the backend in the worker's thread (the worker must be running).
    void attach(SessionWorker *worker, const QString &configDir);
    // Forgets the worker (before it stops: the backend dies with it).
    void detach();
    bool isAttached() const { return m_worker != nullptr; }

    // Test seams (call before or after attach).
    void setPollConfig(const ZiaPollConfig &config);
    void setActivationTimings(qint64 pollMs, qint64 readOnlyProbeMs);
    void setActivationTimeoutMs(qint64 ms) { m_activationTimeoutMs = ms; }

    static bool isZiaKind(AuthKind kind);
    // Tenants with at least one ZIA-speaking client (zia-legacy, zia-oauth, oneapi-*).
    QStringList ziaTenants() const;
    QList<ApiClient> ziaClientsOf(const QString &tenantId) const;
    // The client to act with by default: OneAPI, then zia-oauth, then zia-legacy (the tracker's).
    QString defaultClient(const QString &tenantId) const;

    ZiaTenantStatus status(const QString &tenantId) const;
    ZiaActivationState state(const QString &tenantId) const { return status(tenantId).state; }
    bool isReadOnly(const QString &tenantId) const;
    bool hasPendingChanges(const QString &tenantId) const;
    QStringList tenantsWithPendingChanges() const;
    bool isActivating(const QString &tenantId) const { return m_activating.contains(tenantId); }
    // Over all known tenants: INPROGRESS, else PENDING, else ACTIVE, else Unknown.
    ZiaActivationState overallState() const;
    int countInState(ZiaActivationState s) const;

public slots:
    void setPageVisible(bool visible);
    void refresh(const QString &tenantId);
    void activate(const QString &tenantId, const QString &clientId);
    void cancelActivationWait(const QString &tenantId);
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
    void statusChanged(const QString &tenantId);
    void overallChanged();
    void activationCompleted(const QString &tenantId, const QString &tenantName);
    void readOnlyChanged(const QString &tenantId, bool readOnly);

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
    void post(std::function<void(ZiaBackend *)> fn);
    // A request the worker cannot take (not attached): answered here, later, with this error.
    ApiError notRunning() const;
    void onStatus(const ZiaTenantStatus &st);
    void onModeChanged(const QString &tenantId, bool readOnly);
    void onActivationFinished(const QString &tenantId, const ZiaActivationResult &result);
    void watchNewTenants();

    TenantStore *m_store;
    SessionWorker *m_worker = nullptr; // owned by AppServices, outlives this
    QHash<QString, ZiaTenantStatus> m_status;
    QHash<QString, bool> m_readOnly; // from any reply's x-zscaler-mode
    QSet<QString> m_activating;
    QSet<QString> m_watched;
    bool m_pageVisible = false;
    bool m_hasPollConfig = false;
    ZiaPollConfig m_pollConfig;
    qint64 m_activationPollMs = 2000;
    qint64 m_readOnlyProbeMs = 60'000;
    qint64 m_activationTimeoutMs = 10 * 60'000;
};

} // namespace zc
