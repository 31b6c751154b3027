#pragma once

#include "core/ApiClient.h"
#include "core/ZpaResults.h"

#include <QObject>
#include <memory>

namespace zc {

class ApiCaller;
class AuditLog;
class TenantStore;
class ZpaApi;
class ZpaSegmentEditor;
class ZpaSegmentLister;

// ZPA application segments, the same for the App Segments page and `zconsole-cli zpa …`:
// complete listings, one segment, microtenants, segment and server groups, and safe edits
// recorded in the audit log of the config folder. Owns ZpaApi, one ZpaSegmentLister and the
// ZpaSegmentEditor; lives in the thread of its ApiCaller (the main thread) and never blocks.
// Every answer is a signal from the event loop, never one emitted inside the call that asked.
//
// Listings: startListing() returns a generation number and every listing signal carries the
// generation of its listing; a face keeps the one it started and ignores the others (the only
// stale-result check). One listing runs at a time: starting one cancels the running one, which
// still answers listFinished(Cancelled) with its own generation; no rows of a listing follow
// its cancel.
class SegmentsService : public QObject
{
    Q_OBJECT
public:
    SegmentsService(ApiCaller *caller, TenantStore *store, const QString &configDir,
                    QObject *parent = nullptr);
    ~SegmentsService() override;

    static bool isZpaKind(AuthKind kind); // zpa-legacy, oneapi-secret, oneapi-jwt
    QList<ApiClient> zpaClientsOf(const QString &tenantId) const;
    // The client to use by default for a tenant: OneAPI (secret, then JWT), then zpa-legacy.
    QString defaultClient(const QString &tenantId) const;
    // Why the client cannot list segments ("" = it can, as far as the store tells).
    QString clientProblem(const QString &clientId) const;

    quint64 startListing(const QString &clientId, const ZpaListOptions &options);
    void cancelListing();
    quint64 currentGeneration() const { return m_generation; }

    void loadMicrotenants(const QString &clientId);
    void loadGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant = {});
    // GET /application/{id}; answered by segmentFetched with the same tag.
    quint64 fetchSegment(const QString &clientId, const QString &id);
    void submitEdit(const ZpaEditRequest &request);

    // Test seam and the CLI's --budget: the client's tenant's GET budget (count 0 = no pacing).
    void setReadBudget(const QString &clientId, int count, qint64 windowMs);

signals:
    void listStarted(quint64 generation, qint64 totalCount, int pagesPlanned);
    void rowsArrived(quint64 generation, int page, const QList<zc::AppSegment> &rows);
    void listProgress(quint64 generation, const zc::ZpaListProgress &progress);
    void pageRetry(quint64 generation, int page, int attempt, const QString &why, qint64 delayMs);
    void listFinished(quint64 generation, const zc::ZpaListResult &result);

    void microtenantsLoaded(const QString &clientId, const QList<zc::ZpaMicrotenant> &microtenants,
                            const zc::ApiError &error);
    void groupsLoaded(const QString &clientId, const QList<zc::ZpaSegmentGroup> &segmentGroups,
                      const QList<zc::ZpaServerGroup> &serverGroups, const zc::ApiError &error);
    void segmentFetched(const QString &clientId, quint64 tag, const zc::AppSegment &segment,
                        const zc::ApiError &error);
    void editFinished(const zc::ZpaEditResult &result);

private:
    TenantStore *m_store;
    std::unique_ptr<AuditLog> m_audit;
    ZpaApi *m_api;
    ZpaSegmentLister *m_lister;
    ZpaSegmentEditor *m_editor;
    quint64 m_generation = 0;
    quint64 m_tag = 0;
};

} // namespace zc
