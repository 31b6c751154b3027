#include "api/ZpaListLedger.h"

#include <QObject>

#include <algorithm>
#include <climits>

namespace zc {

namespace {
constexpr int MaxProblems = 50;

qint64 ceilDiv(qint64 a, qint64 b)
{
    return b > 0 ? (a + b - 1) / b : 0;
}
} // namespace

ZpaListLedger::Plan ZpaListLedger::plan(qint64 totalPages, qint64 totalCount, int rowsOnFirstPage, int pageSize,
                                        int maxPages)
{
    Plan p;
    p.rowsPerPage = std::max(1, pageSize);
    if (totalCount >= 0 && rowsOnFirstPage > 0 && rowsOnFirstPage < p.rowsPerPage && totalCount > rowsOnFirstPage) {
        p.problems << QObject::tr("page 1 holds %1 rows although %2 were asked for and totalCount is %3: the server "
                                  "serves %1 rows per page")
                          .arg(rowsOnFirstPage)
                          .arg(p.rowsPerPage)
                          .arg(totalCount);
        p.rowsPerPage = rowsOnFirstPage;
    }
    const qint64 byCount = totalCount >= 0 ? ceilDiv(totalCount, p.rowsPerPage) : -1;
    qint64 n = 1;
    if (byCount >= 0) {
        if (totalPages >= 0 && totalPages != byCount && !(byCount == 0 && totalPages <= 1))
            p.problems << QObject::tr("totalPages (%1) does not match totalCount %2 at %3 rows per page (%4 "
                                      "pages); reading %4")
                              .arg(totalPages)
                              .arg(totalCount)
                              .arg(p.rowsPerPage)
                              .arg(byCount);
        n = std::max<qint64>(1, byCount);
    } else if (totalPages >= 0) {
        n = std::max<qint64>(1, totalPages);
        if (rowsOnFirstPage < p.rowsPerPage && n > 1)
            p.problems << QObject::tr("page 1 is short (%1 rows) although totalPages is %2").arg(rowsOnFirstPage).arg(n);
    } else if (rowsOnFirstPage >= p.rowsPerPage) {
        p.probe = true;
        p.problems << QObject::tr("the reply has no usable totals: reading pages until one comes back short");
    }
    if (n > maxPages) {
        p.capped = true;
        p.problems << QObject::tr("%1 pages are announced, more than the limit of %2: reading %2; the listing "
                                  "will be incomplete")
                          .arg(n)
                          .arg(maxPages);
        n = maxPages;
    }
    p.pages = int(n);
    return p;
}

ZpaListLedger::ZpaListLedger(int pageSize, int maxPages, int maxAttempts)
    : m_pageSize(std::max(1, pageSize))
    , m_maxPages(std::max(1, maxPages))
    , m_maxAttempts(std::max(1, maxAttempts))
    , m_rowsPerPage(m_pageSize)
{
    Page first;
    first.stat.page = 1;
    m_pages.insert(1, first);
    m_queue.push_back(1);
}

void ZpaListLedger::note(const QString &problem)
{
    if (m_problems.size() < MaxProblems)
        m_problems << problem;
    else
        ++m_extraProblems;
}

bool ZpaListLedger::probeHasMore() const
{
    return m_probe && !m_aborted && m_probeEnd == 0 && m_probeNext <= m_maxPages;
}

int ZpaListLedger::nextPage()
{
    if (m_aborted)
        return 0;
    int page = 0;
    if (!m_firstDone) {
        if (m_pages.value(1).state != Page::Queued)
            return 0;
        m_queue.clear();
        page = 1;
    } else if (!m_queue.empty()) {
        page = m_queue.front();
        m_queue.pop_front();
    } else if (probeHasMore()) {
        page = m_probeNext++;
        Page p;
        p.stat.page = page;
        m_pages.insert(page, p);
        m_planned = std::max(m_planned, page);
    } else {
        return 0;
    }
    Page &p = m_pages[page];
    p.state = Page::InFlight;
    ++p.stat.attempts;
    ++m_inFlight;
    ++m_requests;
    return page;
}

void ZpaListLedger::requeue(int page)
{
    auto it = m_pages.find(page);
    if (it == m_pages.end() || it->state != Page::Waiting)
        return;
    --m_waiting;
    if (m_aborted) {
        it->state = Page::Missing;
        return;
    }
    it->state = Page::Queued;
    if (page == 1)
        m_queue.push_back(1);
    else
        m_queue.push_front(page);
}

ZpaListLedger::Verdict ZpaListLedger::pageFailed(int page, const ApiError &error, bool retryable, int sends)
{
    auto it = m_pages.find(page);
    if (it == m_pages.end() || it->state != Page::InFlight)
        return Verdict::GiveUp;
    Page &p = *it;
    --m_inFlight;
    p.stat.sends += sends;
    m_sends += sends;
    p.stat.lastError = error.message;
    m_lastError = error;
    if (retryable && !m_aborted && p.stat.attempts < m_maxAttempts) {
        p.state = Page::Waiting;
        ++m_waiting;
        ++m_retries;
        return Verdict::Retry;
    }
    p.state = Page::Missing;
    if (m_probe && m_probeEnd == 0)
        m_probeEnd = page; // nothing is known beyond a page that could not be read
    return Verdict::GiveUp;
}

int ZpaListLedger::lastPageFor(qint64 count) const
{
    return count >= 0 ? int(std::max<qint64>(1, ceilDiv(count, m_rowsPerPage))) : m_planned;
}

void ZpaListLedger::addPages(int upTo)
{
    if (upTo > m_maxPages) {
        if (!m_capped)
            note(QObject::tr("more than %1 pages: the rest is not read").arg(m_maxPages));
        m_capped = true;
        upTo = m_maxPages;
    }
    for (int pg = m_planned + 1; pg <= upTo; ++pg) {
        Page p;
        p.stat.page = pg;
        m_pages.insert(pg, p);
        m_queue.push_back(pg);
    }
    m_planned = std::max(m_planned, upTo);
}

void ZpaListLedger::planFrom(const AppSegmentPage &first, int rows)
{
    const Plan pl = plan(first.totalPages, first.totalCount, rows, m_pageSize, m_maxPages);
    m_rowsPerPage = pl.rowsPerPage;
    for (const QString &s : pl.problems)
        note(s);
    m_capped = pl.capped;
    m_totalCount = m_lastTotalCount = first.totalCount;
    if (pl.probe) {
        m_probe = true;
        m_probeNext = 2;
    } else {
        addPages(pl.pages);
    }
}

void ZpaListLedger::checkTotals(int page, const AppSegmentPage &reply)
{
    if (reply.totalCount < 0)
        return;
    if (m_totalCount >= 0 && reply.totalCount != m_totalCount)
        m_totalsChanged = true;
    if (m_lastTotalCount >= 0 && reply.totalCount != m_lastTotalCount)
        note(QObject::tr("totalCount changed from %1 to %2 (page %3): the tenant changed during the read")
                 .arg(m_lastTotalCount)
                 .arg(reply.totalCount)
                 .arg(page));
    m_lastTotalCount = reply.totalCount;
    if (!m_probe && lastPageFor(reply.totalCount) > m_planned)
        addPages(lastPageFor(reply.totalCount));
}

void ZpaListLedger::afterAccept(int page, int rows)
{
    if (m_probe) {
        if (rows < m_rowsPerPage && (m_probeEnd == 0 || page < m_probeEnd))
            m_probeEnd = page;
        return;
    }
    // The last planned page is full although the totals do not say the rows end exactly here:
    // the count may be understated (or the tenant grew): read on until a short page.
    if (page == m_planned && rows >= m_rowsPerPage && !m_aborted && m_planned < m_maxPages
        && m_lastTotalCount != qint64(m_planned) * m_rowsPerPage) {
        note(QObject::tr("page %1, the last announced, is full although totalCount is %2: reading on until a "
                         "short page")
                 .arg(page)
                 .arg(m_lastTotalCount));
        m_probe = true;
        m_probeNext = m_planned + 1;
    }
}

ZpaListLedger::Verdict ZpaListLedger::pageArrived(int page, AppSegmentPage &&reply, int sends, QList<AppSegment> *fresh)
{
    auto it = m_pages.find(page);
    if (it == m_pages.end() || it->state != Page::InFlight)
        return Verdict::GiveUp;
    Page &p = *it;
    --m_inFlight;
    p.stat.sends += sends;
    m_sends += sends;
    const int rows = int(reply.rows.size()) + reply.skippedRows;

    // New rows, without remembering them yet (a rejected attempt must not count).
    QList<int> candidates;
    QSet<QString> inPage;
    candidates.reserve(reply.rows.size());
    for (int i = 0; i < reply.rows.size(); ++i) {
        const QString id = reply.rows.at(i).id();
        if (m_ids.contains(id) || inPage.contains(id))
            continue;
        inPage.insert(id);
        candidates.append(i);
    }

    QString suspicious;
    if (page > 1 && m_firstDone) {
        const qint64 count = reply.totalCount >= 0 ? reply.totalCount : m_lastTotalCount;
        const bool beforeLast = m_probe ? (m_probeEnd > 0 && page < m_probeEnd) : page < lastPageFor(count);
        if (rows < m_rowsPerPage && beforeLast)
            suspicious = QObject::tr("page %1 holds %2 rows, %3 expected").arg(page).arg(rows).arg(m_rowsPerPage);
        else if (!reply.rows.isEmpty() && candidates.isEmpty())
            suspicious = QObject::tr("every row of page %1 came on another page already").arg(page);
    }
    if (!suspicious.isEmpty()) {
        if (p.stat.attempts < m_maxAttempts && !m_aborted) {
            p.stat.lastError = suspicious;
            p.state = Page::Waiting;
            ++m_waiting;
            ++m_retries;
            return Verdict::Retry;
        }
        note(suspicious + QObject::tr(" (kept after %n attempt(s))", nullptr, p.stat.attempts));
    }

    if (fresh) {
        fresh->clear();
        fresh->reserve(candidates.size());
    }
    for (int i : std::as_const(candidates)) {
        m_ids.insert(reply.rows.at(i).id());
        if (fresh)
            fresh->append(std::move(reply.rows[i]));
    }
    m_duplicates += reply.rows.size() - candidates.size();
    m_skipped += reply.skippedRows;
    p.stat.rows = int(reply.rows.size());
    p.stat.newRows = int(candidates.size());
    p.stat.done = true;
    p.state = Page::Done;
    ++m_done;
    // From here on pages may be added: `p` (a reference into m_pages) must not be used.
    if (page == 1 && !m_firstDone) {
        m_firstDone = true;
        planFrom(reply, rows);
    } else {
        checkTotals(page, reply);
    }
    for (const QString &s : std::as_const(reply.problems))
        note(QObject::tr("page %1: %2").arg(page).arg(s));
    afterAccept(page, rows);
    return Verdict::Accepted;
}

void ZpaListLedger::abort(const ApiError &error, bool dropInFlight)
{
    if (!m_aborted || error.isError())
        m_error = error;
    m_aborted = true;
    m_queue.clear();
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
        if (it->state == Page::Queued || it->state == Page::Waiting
            || (dropInFlight && it->state == Page::InFlight))
            it->state = Page::Missing;
    }
    m_waiting = 0;
    if (dropInFlight)
        m_inFlight = 0;
}

ZpaListProgress ZpaListLedger::progress() const
{
    ZpaListProgress p;
    p.pagesDone = m_done;
    p.pagesTotal = !m_firstDone || (m_probe && m_probeEnd == 0) ? -1 : m_planned;
    p.rows = m_ids.size();
    p.totalCount = m_totalCount;
    p.retries = m_retries;
    p.inFlight = m_inFlight;
    return p;
}

ZpaListResult ZpaListLedger::result(bool cancelled) const
{
    ZpaListResult r;
    QList<int> keys = m_pages.keys();
    std::sort(keys.begin(), keys.end());
    for (int k : std::as_const(keys)) {
        const Page &p = m_pages.value(k);
        r.pages.append(p.stat);
        if (p.state != Page::Done && (!m_probe || m_probeEnd == 0 || k <= m_probeEnd))
            r.missingPages.append(k);
    }
    r.capped = m_capped || (m_probe && m_probeEnd == 0 && m_probeNext > m_maxPages);
    r.totalCount = m_totalCount;
    r.lastTotalCount = m_lastTotalCount;
    r.pagesPlanned = m_probe && m_probeEnd > 0 ? std::max(m_probeEnd, m_planned) : m_planned;
    r.pagesRead = m_done;
    r.effectivePageSize = m_rowsPerPage;
    r.rows = m_ids.size();
    r.duplicates = m_duplicates;
    r.skippedRows = m_skipped;
    r.requests = m_requests;
    r.sends = m_sends;
    r.pageRetries = m_retries;
    r.problems = m_problems;
    if (m_extraProblems > 0)
        r.problems << QObject::tr("… and %n more problem(s)", nullptr, m_extraProblems);

    if (cancelled) {
        r.status = ZpaListResult::Status::Cancelled;
        r.error = ApiError::make(ErrorKind::Cancelled, QObject::tr("the listing was cancelled"));
        return r;
    }
    if (!m_firstDone) {
        r.status = ZpaListResult::Status::Failed;
        r.error = m_error.isError() ? m_error : m_lastError;
        if (!r.error.isError())
            r.error = ApiError::make(ErrorKind::Api, QObject::tr("page 1 could not be read"));
        return r;
    }
    if (!r.missingPages.isEmpty() || r.capped) {
        r.status = ZpaListResult::Status::Incomplete;
        const ApiError cause = m_error.isError() ? m_error : m_lastError;
        r.error = cause;
        const QString what = r.missingPages.isEmpty()
                                 ? QObject::tr("more pages than the limit of %1 were announced").arg(m_maxPages)
                                 : QObject::tr("page(s) %1 could not be read").arg(ZpaListResult::pagesText(r.missingPages));
        r.error.kind = cause.isError() ? cause.kind : ErrorKind::Api;
        r.error.message = QObject::tr("incomplete listing: %1%2")
                              .arg(what, cause.isError() ? QStringLiteral(" (") + cause.message + QLatin1Char(')')
                                                         : QString());
        return r;
    }
    r.status = ZpaListResult::Status::Complete;
    r.tenantChanged = m_totalsChanged;
    if (m_lastTotalCount >= 0 && r.rows != m_lastTotalCount) {
        r.tenantChanged = true;
        r.problems << QObject::tr("%1 unique rows were listed but totalCount is %2: the tenant changed during the "
                                  "read, or its count is off; refresh to be sure")
                          .arg(r.rows)
                          .arg(m_lastTotalCount);
    }
    return r;
}

} // namespace zc
