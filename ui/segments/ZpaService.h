#pragma once

#include "api/ZpaEditTypes.h"
#include "api/ZpaTypes.h"
#include "core/ApiClient.h"

#include <QObject>
#include <functional>

namespace zc {

class SessionWorker;
class TenantStore;
class ZpaBackend;

// The GUI thread's face of ZPA application segments. Forwards requests to the ZpaBackend in the
// session worker's thread (queued; never blocks) and re-emits its answers here.
//
// Listings: startListing() returns a generation number; every listing signal carries the
// generation it belongs to (compare with currentGeneration() and drop the others). One listing
// runs at a time; starting one cancels the running one (which still answers finished(Cancelled)
// with its own generation).
class ZpaService : public QObject
{
    Q_OBJECT
public:
    explicit ZpaService(TenantStore *store, QObject *parent = nullptr);
    ~ZpaService() override;

    // Creates the backend in the worker's thread (the worker must be running).
    void attach(SessionWorker *worker, const QString &configDir);
    // Forgets the worker (before it stops: the backend dies with it).
    void detach();
    bool isAttached() const { return m_worker != nullptr; }
    QString configDir() const { return m_configDir; }

    static bool isZpaKind(AuthKind kind); // zpa-legacy, oneapi-secret, oneapi-jwt
    QList<ApiClient> zpaClientsOf(const QString &tenantId) const;
    // The client to use by default for a tenant: OneAPI (secret, then JWT), then zpa-legacy.
    QString defaultClient(const QString &tenantId) const;
    // Why the client cannot list segments ("" = it can, as far as the GUI can tell).
    QString clientProblem(const QString &clientId) const;

    quint64 startListing(const QString &clientId, const ZpaListOptions &options);
    void cancelListing();
    quint64 currentGeneration() const { return m_generation; }

    void loadMicrotenants(const QString &clientId);
    void loadGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant = {});
    // GET /application/{id}; answered by segmentFetched with the same tag.
    quint64 fetchSegment(const QString &clientId, const QString &id);
    void submitEdit(const ZpaEditRequest &request);

    // Test seam: the client's tenant's GET budget (count 0 = no pacing by zconsole). Kept and
    // applied again after a new attach.
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
    void post(std::function<void(ZpaBackend *)> fn);
    ApiError notRunning() const;

    TenantStore *m_store;
    SessionWorker *m_worker = nullptr; // owned by AppServices, outlives this
    QString m_configDir;
    quint64 m_generation = 0;
    quint64 m_tag = 0;
    struct Budget
    {
        QString clientId;
        int count;
        qint64 windowMs;
    };
    QList<Budget> m_budgets;
};

} // namespace zc
