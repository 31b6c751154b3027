#pragma once

#include "api/ZpaApi.h"
#include "api/ZpaListLedger.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

class QTimer;

namespace zc {

class ZpaInternPools;

// Reads every application segment of a tenant (or of one microtenant, or those matching a
// server-side search), fast and exactly once.
//
// How: page 1 (pagesize 500) gives the totals; the other pages are then requested concurrently,
// `maxInFlight` at a time, and the tenant's ZPA read budget (RateLimiter key
// "<tenant>/zpa/read", default 20 GET per 10 s, ZpaApi::setReadBudget) paces them; a 429 pauses
// the key (the pipeline waits `retry-after` and sends again). A page that fails (network error,
// 5xx, a cut or unparsable body, a suspicious short page) is requested again on its own, after
// a short delay, up to `maxPageAttempts` times; the listing never restarts from page 1. A page
// that keeps failing ends the listing as Incomplete, naming the missing pages. The paging
// arithmetic, the bounds on absurd totals, the dedupe and the completeness check are
// ZpaListLedger's (see its rules).
//
// Signals, in this order: started (after page 1) → rowsArrived / progress (per page) →
// finished (exactly once per start(), also after cancel()). `rowsArrived` carries one page's
// NEW rows (ids not seen before) in the server's order; pages come in the order they complete,
// NOT in page order (sort in the model). Feed them to AppSegmentTableModel::appendRows.
// JSON is parsed on QThreadPool::globalInstance() (options.parseInThreadPool), so neither this
// thread nor the GUI thread parses; the pages of one listing share interned values
// (ZpaInternPools: a pool per running parse task, kept for the next page).
//
// Lives in the thread of its ZpaApi (the session worker in the GUI: connect the signals queued
// to the GUI objects; call start()/cancel() with QMetaObject::invokeMethod; or the CLI's main
// thread). One listing at a time; start() while running cancels the running one first.
class ZpaSegmentLister : public QObject
{
    Q_OBJECT
public:
    explicit ZpaSegmentLister(ZpaApi *api, QObject *parent = nullptr);
    ~ZpaSegmentLister() override;

    bool isRunning() const { return m_running; }
    const ZpaListResult &lastResult() const { return m_result; }
    ZpaListProgress currentProgress() const;

    // How the lister parses one reply (on any thread): with a pool lent by `pools` (one lender
    // per listing, so its pages share their values) and the listing's page cap.
    static AppSegmentPage parsePage(QByteArrayView body, ZpaInternPools &pools, const ZpaListOptions &options);

public slots:
    void start(const QString &clientId, const zc::ZpaListOptions &options);
    // Stops queued and in-flight requests and pending retries; finished(Cancelled) follows
    // (synchronously). No rowsArrived after this call.
    void cancel();

signals:
    void started(qint64 totalCount, int pagesPlanned);
    void rowsArrived(int page, const QList<zc::AppSegment> &rows);
    void progress(const zc::ZpaListProgress &progress);
    // A page is requested again (why, and after how long).
    void pageRetry(int page, int attempt, const QString &why, qint64 delayMs);
    void finished(const zc::ZpaListResult &result);

private:
    void pump();
    void request(int page);
    void onReply(quint64 generation, int page, const HttpResponse &r);
    void onParsed(quint64 generation, int page, int sends, AppSegmentPage parsed);
    void failed(int page, const ApiError &error, bool retryable, int sends);
    void scheduleRetry(int page, const QString &why);
    void finishIfIdle();
    void finish(bool cancelled);
    static bool isFatal(const ApiError &e);
    static bool isRetryable(const ApiError &e);

    ZpaApi *m_api;
    QString m_clientId;
    QString m_tenantId;
    ZpaListOptions m_options;
    std::unique_ptr<ZpaListLedger> m_ledger;
    std::shared_ptr<ZpaInternPools> m_pools; // this listing's; parse tasks hold it too
    QHash<int, CancelHandle> m_calls;    // page → its request in flight
    QHash<int, QTimer *> m_retryTimers;  // page → its retry delay
    int m_parsing = 0;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_startedEmitted = false;
    QElapsedTimer m_clock;
    ZpaListResult m_result;
};

} // namespace zc
