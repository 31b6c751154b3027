#pragma once

#include "core/AppSegmentPage.h"
#include "core/ZpaResults.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <deque>

namespace zc {

// The arithmetic and bookkeeping of one complete listing, without I/O: which page to request
// next (retries first), what page 1's totals mean, whether a page's reply is acceptable, which
// rows are new, and whether the listing is complete. ZpaSegmentLister drives it over the
// network; unit tests drive it directly.
//
// Rules:
//  - Planning (plan()): pages = ceil(totalCount / rows per page) when totalCount is usable, else
//    totalPages, else "probe" (read until a short or empty page). The rows per page are the ones
//    asked for, unless page 1 came back short while totalCount says there is more: then the
//    server serves fewer per page (zscaler-sdk-python#373) and that size is used. A totalPages
//    that disagrees, is negative, not a number or implausible (> maxPages) is reported and not
//    used; more pages than maxPages are capped (the listing is then incomplete).
//  - A page before the last that comes back short, or whose rows were all seen on other pages,
//    is suspicious (a glitch, or the same page twice): it is requested again while attempts
//    remain, then accepted with a problem noted.
//  - Rows are new when their id was not seen before; the rest are counted as duplicates. Rows
//    of a rejected attempt are not remembered.
//  - A later page's totals that differ from page 1's mark the tenant as changed; a grown total
//    adds pages (up to maxPages). After the planned pages, a full last page that the totals do
//    not explain leads to one more page being read.
//  - Complete = every planned page accepted and nothing capped. The unique rows are compared
//    with totalCount: a difference marks the tenant as changed (a warning, not incompleteness).
class ZpaListLedger
{
public:
    struct Plan
    {
        int pages = 1;
        int rowsPerPage = 0;
        bool probe = false;   // totals unusable: read until a short page
        bool capped = false;  // more pages announced than maxPages
        QStringList problems;
    };
    static Plan plan(qint64 totalPages, qint64 totalCount, int rowsOnFirstPage, int pageSize, int maxPages);

    enum class Verdict { Accepted, Retry, GiveUp };

    ZpaListLedger(int pageSize, int maxPages, int maxAttempts);

    // Scheduling. nextPage() hands out the next page to request (0 = none now) and marks it in
    // flight; page 1 alone until it is accepted.
    int nextPage();
    void requeue(int page); // a page whose retry delay is over goes to the front of the queue
    bool isIdle() const { return m_inFlight == 0 && m_waiting == 0 && m_queue.empty() && !probeHasMore(); }
    int inFlight() const { return m_inFlight; }

    // Outcomes of one attempt. `sends`: HTTP requests the attempt took (pipeline retries).
    // Retry: the page waits (call requeue() after the delay); GiveUp: it is missing.
    Verdict pageFailed(int page, const ApiError &error, bool retryable, int sends);
    // A parsed reply (ok == true). On Accepted, `fresh` receives the rows not seen before.
    Verdict pageArrived(int page, AppSegmentPage &&reply, int sends, QList<AppSegment> *fresh);
    // Stops the listing: queued pages are dropped as missing; pages in flight are missing when
    // they end (or now, with `dropInFlight`).
    void abort(const ApiError &error, bool dropInFlight);

    int attempts(int page) const { return m_pages.value(page).stat.attempts; }
    QString lastError(int page) const { return m_pages.value(page).stat.lastError; }
    bool firstPageDone() const { return m_firstDone; }
    int plannedPages() const { return m_planned; }
    int pagesDone() const { return m_done; }
    qint64 uniqueRows() const { return m_ids.size(); }
    qint64 totalCount() const { return m_totalCount; }
    int retries() const { return m_retries; }

    // The end state (call when isIdle()).
    ZpaListResult result(bool cancelled) const;
    ZpaListProgress progress() const;

private:
    struct Page
    {
        ZpaPageStat stat;
        enum State { Queued, InFlight, Waiting, Done, Missing } state = Queued;
    };
    void note(const QString &problem);
    void planFrom(const AppSegmentPage &first, int rows);
    void addPages(int upTo);
    int lastPageFor(qint64 count) const;
    bool probeHasMore() const;
        void checkTotals(int page, const AppSegmentPage &reply);
    void afterAccept(int page, int rows);

    int m_pageSize;
    int m_maxPages;
    int m_maxAttempts;
    int m_rowsPerPage;
    QHash<int, Page> m_pages;
    std::deque<int> m_queue;
    QSet<QString> m_ids;
    int m_inFlight = 0;
    int m_waiting = 0;
    int m_planned = 1;
    int m_done = 0;
    int m_retries = 0;
    int m_requests = 0;
    int m_sends = 0;
    bool m_firstDone = false;
    bool m_probe = false;
    int m_probeNext = 0;      // probe mode: the next page to hand out
    int m_probeEnd = 0;       // probe mode: the first short page (0 = not seen yet)
    bool m_capped = false;
    bool m_extraProbeDone = false;
    bool m_aborted = false;
    ApiError m_error;      // abort()
    ApiError m_lastError;  // the last failed attempt
    qint64 m_totalCount = -1;
    qint64 m_lastTotalCount = -1;
    bool m_totalsChanged = false;
    qint64 m_duplicates = 0;
    qint64 m_skipped = 0;
    QStringList m_problems;
    int m_extraProblems = 0;
};

} // namespace zc
