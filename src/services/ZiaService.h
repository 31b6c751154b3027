#pragma once

#include "core/ApiClient.h"
#include "core/UrlLookup.h"
#include "core/ZiaResults.h"
#include "core/ZiaTypes.h"
#include "services/ZiaStatusSchedule.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <functional>
#include <memory>

namespace zc {

class ActivationController;
class ActivationLedger;
class ApiCaller;
class AuditLog;
class TenantStore;
class ZiaApi;
class ZiaStatusTracker;
class ZiaUrlCategoryEditor;
class ZiaUrlLookupRunner;

// ZIA, the same for the ZIA page and `zconsole-cli zia …`: activation status of every tenant
// (ZiaStatusTracker), activation (one ActivationController per API client, with the audit log
// and the activation ledger of the config folder), legacy session end, URL categories and URL
// lookup. Owns ZiaApi and the objects on it; lives in the thread of its ApiCaller (the main
// thread) and never blocks (the ledger's file lock runs on the thread pool). Every answer is a
// signal from the event loop, never one emitted inside the call that asked.
//
// Keeps the last status of every ZIA tenant, so that pages, the sidebar badge, the status bar
// and the quit warning can ask (hasPendingChanges…). Polling: the ZIA tenants are watched only
// while the ZIA page is visible (setPageVisible); the tracker keeps polling on its own a tenant
// that has pending changes. Nothing is polled until a face asks (the CLI never does).
class ZiaService : public QObject
{
    Q_OBJECT
public:
    ZiaService(ApiCaller *caller, TenantStore *store, const QString &configDir, QObject *parent = nullptr);
    ~ZiaService() override;

    // Test seams; the activation timeout is also the CLI's --timeout.
    void setPollConfig(const ZiaPollConfig &config);
    void setActivationTimings(qint64 pollMs, qint64 readOnlyProbeMs);
    void setActivationTimeoutMs(qint64 ms) { m_activationTimeoutMs = ms; }

    static bool isZiaKind(AuthKind kind);
    // How many URL lookups ZIA allows a tenant per hour (the request policy's number).
    static int urlLookupsPerHour();
    // Tenants with at least one ZIA-speaking client (zia-legacy, zia-oauth, oneapi-*), by name.
    QStringList ziaTenants() const;
    QList<ApiClient> ziaClientsOf(const QString &tenantId) const;
    // The client to act with by default: the tracker's, else OneAPI, then zia-oauth, then zia-legacy.
    QString defaultClient(const QString &tenantId) const;
    QString tenantNameOf(const QString &clientId) const; // as the token broker knows it

    ZiaTenantStatus status(const QString &tenantId) const;
    ZiaActivationState state(const QString &tenantId) const { return status(tenantId).state; }
    bool isReadOnly(const QString &tenantId) const;
    bool hasPendingChanges(const QString &tenantId) const;
    QStringList tenantsWithPendingChanges() const;
    bool isActivating(const QString &tenantId) const { return m_activating.contains(tenantId); }
    // Over all known tenants: INPROGRESS, else PENDING, else ACTIVE, else Unknown.
    ZiaActivationState overallState() const;
    int countInState(ZiaActivationState s) const;
    int lookupRequestsDone() const; // of the last URL lookup

public slots:
    void setPageVisible(bool visible);
    void refresh(const QString &tenantId);
    // One GET /status through the client, outside the tracker's schedule: statusRead.
    void readStatus(const QString &clientId);
    // `wait`: follow INPROGRESS to ACTIVE for at most the activation timeout.
    void activate(const QString &tenantId, const QString &clientId, bool wait = true);
    void cancelActivationWait(const QString &tenantId);
    void endSession(const QString &clientId);
    void loadCategories(const QString &clientId);
    void editUrls(const QString &clientId, const QString &categoryId, const QStringList &urls, bool add);
    void startLookup(const QString &clientId, const QStringList &urls);
    void cancelLookup();
    void estimateLookup(const QString &clientId, int urls);

signals:
    void statusChanged(const QString &tenantId);
    void overallChanged();
    // PENDING/INPROGRESS → ACTIVE (or INPROGRESS → PENDING with newer changes): for the tray.
    void activationCompleted(const QString &tenantId, const QString &tenantName);
    void readOnlyChanged(const QString &tenantId, bool readOnly);
    void statusRead(const QString &clientId, zc::ZiaActivationState state, bool readOnly, const zc::ApiError &error);

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

private:
    ActivationController *controller(const QString &clientId);
    void later(std::function<void()> fn); // an answer from the event loop
    void onStatus(const ZiaTenantStatus &st);
    void onModeChanged(const QString &tenantId, bool readOnly);
    void onClientRemoved(const QString &clientId);
    void watchNewTenants();

    TenantStore *m_store;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ActivationLedger> m_ledger;
    ZiaApi *m_api;
    ZiaStatusTracker *m_tracker;
    ZiaUrlCategoryEditor *m_editor;
    ZiaUrlLookupRunner *m_runner;
    QHash<QString, ActivationController *> m_controllers;
    QString m_editClient; // the editor runs one change at a time
    QHash<QString, ZiaTenantStatus> m_status; // survives the tracker's retracking
    QSet<QString> m_activating;
    QSet<QString> m_watched;
    bool m_pageVisible = false;
    qint64 m_activationPollMs = 2000;
    qint64 m_readOnlyProbeMs = 60'000;
    qint64 m_activationTimeoutMs = 10 * 60'000;
};

} // namespace zc
