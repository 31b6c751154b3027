#pragma once

#include "api/ZpaApi.h"
#include "api/ZpaEditTypes.h"
#include "api/ZpaTypes.h"

#include <QObject>
#include <memory>

namespace zc {

class AuditLog;
class ZpaSegmentEditor;
class ZpaSegmentLister;

// The worker-thread half of the App Segments page: ZpaApi, one ZpaSegmentLister and the
// ZpaSegmentEditor (with an AuditLog on the config folder), living in the session worker's
// thread as children of its ApiCaller (so WorkerCore::shutdown deletes them there). The GUI never
// holds a pointer to it: ZpaService posts functions to the worker that find it with
// ZpaBackend::of(caller), and its signals reach the GUI queued.
// Listing signals carry the generation the GUI gave to startListing(), so that rows of an
// earlier listing still in the queue are recognised and dropped.
// No QtWidgets here.
class ZpaBackend : public QObject
{
    Q_OBJECT
public:
    ZpaBackend(ApiCaller *caller, const QString &configDir, QObject *parent = nullptr);
    ~ZpaBackend() override;

    // The backend among the caller's children (created by ZpaService::attach), or null.
    static ZpaBackend *of(ApiCaller *caller);

    ZpaApi *api() const { return m_api; }

    void startListing(quint64 generation, const QString &clientId, const ZpaListOptions &options);
    void cancelListing();
    void loadMicrotenants(const QString &clientId);
    void loadGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant);
    void fetchSegment(const QString &clientId, const QString &id, quint64 tag);
    void submitEdit(const ZpaEditRequest &request);
    // Test seam: the tenant's GET budget (count 0 = no pacing by zconsole).
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
    ApiCaller *m_caller;
    std::unique_ptr<AuditLog> m_audit;
    ZpaApi *m_api;
    ZpaSegmentLister *m_lister;
    ZpaSegmentEditor *m_editor;
    quint64 m_generation = 0;
};

} // namespace zc
