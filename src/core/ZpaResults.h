#pragma once

#include "core/ApiError.h"
#include "core/AppSegment.h"
#include "core/AppSegmentDiff.h"
#include "core/Validation.h"
#include "core/ZpaGroups.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What the ZPA application segment services take and answer, for both faces: how a listing
// is read and how it went (ZpaSegmentLister), and one write with its outcome
// (ZpaSegmentEditor).
namespace zc {

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

// What to do when the segment changed on the server since the user opened it.
enum class ZpaConflictPolicy {
    Refuse,        // any field changed on the server: report the conflict, send nothing (default)
    MergeDisjoint, // apply my changes on top of theirs when no field was changed on both sides
    Overwrite,     // apply my changes on top of theirs; on fields both changed, mine win
};

// One write through ZpaSegmentEditor.
struct ZpaEditRequest
{
    enum class Action { Create, Update, Delete };
    Action action = Action::Update;
    QString clientId;
    QString id;            // update / delete
    // Update (GUI): the version the user opened (for the three-way check; an empty segment
    // means "no base": the edit is applied to whatever the server has now) and the edited one.
    // Create: `edited` is the new segment (its id and server-set times are not sent).
    AppSegment base;
    AppSegment edited;
    // Update (CLI): fields applied onto the server's current object instead of `edited`
    // (used when not empty). Both port encodings of a protocol present in the patch must agree;
    // they are sent consistent. A "modifiedTime" in it names the version it was based on: when
    // the server's differs, the segment changed since (a conflict).
    QJsonObject patch;
    ZpaConflictPolicy policy = ZpaConflictPolicy::Refuse;
    // The tenant is protected and the user typed its name (or --confirm NAME). Writes on a
    // protected tenant without it are refused (NotConfirmed) before anything is sent.
    bool confirmed = false;
    bool dryRun = false;   // update / delete: read and compare, send no write
    quint64 tag = 0;       // handed back in the result (match requests and results)
};

// The segment changed on the server since it was opened.
struct ZpaEditConflict
{
    bool stale = false;                      // the server's version differs from the base
    QList<AppSegmentChange> theirs;          // base → server now (fields people edit)
    QList<AppSegmentConflict> fields;        // changed on both sides, to different values
    QString serverModifiedTime;              // epoch seconds as sent
    QString serverModifiedBy;
    QString baseModifiedTime;
};

struct ZpaEditResult
{
    enum class Outcome {
        Done,         // written, and (update/delete) the re-read confirms it
        NoChange,     // update: nothing differs from the server's current object; nothing sent
        DryRun,       // computed, nothing sent (request.dryRun)
        Conflict,     // changed on the server since it was opened; nothing sent (see conflict)
        Invalid,      // validation failed (issues); nothing sent
        NotConfirmed, // protected tenant without confirmation; nothing sent
        Unconfirmed,  // written, but the re-read does not show it (mismatches)
        Failed,       // an API or network error (error); for an update: nothing or the PUT failed
    };
    Outcome outcome = Outcome::Failed;
    ZpaEditRequest::Action action = ZpaEditRequest::Action::Update;
    quint64 tag = 0;
    QString id;
    QString name;
    AppSegment before;                   // the server's object before the write (update/delete)
    AppSegment after;                    // create: the created object; update: the re-read
    QJsonObject sent;                    // the body sent (create/update)
    QList<AppSegmentChange> changes;     // before → sent (create: empty → sent)
    QList<AppSegmentChange> mismatches;  // update: sent → re-read, fields that did not stick
    ZpaEditConflict conflict;
    ValidationIssues issues;
    ApiError error;
    bool audited = false;                // a record went to the AuditLog
    QString auditError;                  // why it could not be written

    bool ok() const { return outcome == Outcome::Done || outcome == Outcome::NoChange || outcome == Outcome::DryRun; }
    bool written() const { return outcome == Outcome::Done || outcome == Outcome::Unconfirmed; }
    static QString outcomeName(Outcome o); // "done", "no-change", "dry-run", "conflict", …
    static QString actionName(ZpaEditRequest::Action a); // "create" | "update" | "delete"
};

} // namespace zc

Q_DECLARE_METATYPE(zc::ZpaListOptions)
Q_DECLARE_METATYPE(zc::ZpaListProgress)
Q_DECLARE_METATYPE(zc::ZpaListResult)
Q_DECLARE_METATYPE(zc::ZpaEditRequest)
Q_DECLARE_METATYPE(zc::ZpaEditResult)
