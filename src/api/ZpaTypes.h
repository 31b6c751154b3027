#pragma once

#include "core/ApiError.h"
#include "core/AppSegment.h"
#include "core/ZpaGroups.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace zc {

// The answer of one ZpaApi call: a value or an error (ZPA's {id, reason} in error.code /
// error.message), plus what the network layer did.
template <typename T>
struct ZpaReply
{
    T value{};
    ApiError error;
    int httpStatus = 0;
    QString requestId;
    int attempts = 0;     // HTTP requests sent for this call (the pipeline's retries included)
    QStringList problems; // odd but usable content (parser notes), at most a few dozen lines

    bool ok() const { return !error.isError(); }
};

// How ZpaSegmentLister reads a complete listing.
struct ZpaListOptions
{
    int pageSize = 500;                // ZPA's maximum; the server may serve fewer per page
    QString search;                    // "" = all; "name+EQ+x" as is; other text = name+CONTAINS+text
    ZpaMicrotenantChoice microtenant;  // all (no parameter) / Default (0) / one id
    // Requests kept in flight (waiting for the rate limiter or on the wire). The tenant's budget
    // (RateLimiter key "<tenant>/zpa/read", ZpaApi::setReadBudget) paces them. 6 = the
    // connections QNetworkAccessManager opens per host: more would queue inside Qt, where the
    // rate limiter cannot see them, and arrive at the server later than they were counted.
    int maxInFlight = 6;
    int maxPageAttempts = 4;           // requests per page (lister level; the pipeline retries each too)
    qint64 retryDelayMs = 500;         // before re-requesting a failed page: doubling, capped at 8 s
    int maxPages = 20000;              // hard cap on pages read (10 million rows at 500)
    bool parseInThreadPool = true;     // parse pages on QThreadPool::globalInstance()
};

// One page's bookkeeping, for progress displays and tests.
struct ZpaPageStat
{
    int page = 0;
    int attempts = 0;   // lister-level requests of this page
    int sends = 0;      // HTTP requests sent for it (pipeline retries of 429/503/reset included)
    int rows = 0;       // rows the accepted reply held (with ids)
    int newRows = 0;    // rows not seen on another page
    bool done = false;
    QString lastError;  // why the last attempt failed ("" if none failed)
};

// Where a listing stands (signal ZpaSegmentLister::progress).
struct ZpaListProgress
{
    int pagesDone = 0;
    int pagesTotal = -1;     // planned pages; -1 before page 1; may grow if the tenant grows
    qint64 rows = 0;         // unique rows delivered so far
    qint64 totalCount = -1;  // announced by page 1
    int retries = 0;         // page re-requests so far (lister level)
    int inFlight = 0;
    qint64 waitMs = 0;       // until the rate limiter lets the next request go (0 = now)
};

// How a listing ended (signal ZpaSegmentLister::finished).
struct ZpaListResult
{
    enum class Status {
        Complete,   // every planned page was read; `rows` unique rows were delivered
        Incomplete, // some pages could not be read (missingPages) or the page cap was hit
        Failed,     // nothing usable: page 1 failed, or a fatal error (credentials, TLS, config)
        Cancelled,
    };
    Status status = Status::Failed;
    ApiError error;            // Failed / Incomplete: the (last) error that stopped a page
    QList<int> missingPages;   // Incomplete: pages not read, ascending
    bool capped = false;       // more pages were announced than maxPages allows
    qint64 totalCount = -1;    // page 1's totalCount (-1 = unknown)
    qint64 lastTotalCount = -1;// the last page's totalCount (differs when the tenant changed)
    int pagesPlanned = 0;
    int pagesRead = 0;
    int effectivePageSize = 0; // rows per page the server actually served
    qint64 rows = 0;           // unique rows delivered
    qint64 duplicates = 0;     // rows whose id came on an earlier page (dropped)
    qint64 skippedRows = 0;    // rows without an id (dropped by the parser)
    int requests = 0;          // lister-level requests
    int sends = 0;             // HTTP requests (pipeline retries included)
    int pageRetries = 0;       // pages re-requested after a failed attempt
    // The tenant changed during the read (totals moved between pages), or the unique rows do
    // not match totalCount: the list may not be a snapshot; refresh to be sure.
    bool tenantChanged = false;
    QStringList problems;      // odd totals, parser notes, changes (bounded)
    QList<ZpaPageStat> pages;  // per page, ascending
    qint64 elapsedMs = 0;

    bool complete() const { return status == Status::Complete; }
    static QString statusName(Status s); // "complete" | "incomplete" | "failed" | "cancelled"
    // "pages 3, 7-9" for messages
    static QString pagesText(const QList<int> &pages);
};

} // namespace zc

Q_DECLARE_METATYPE(zc::ZpaListOptions)
Q_DECLARE_METATYPE(zc::ZpaListProgress)
Q_DECLARE_METATYPE(zc::ZpaListResult)
