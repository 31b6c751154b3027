#pragma once

#include "core/ApiError.h"
#include "core/AppSegment.h"
#include "core/AppSegmentDiff.h"
#include "core/Validation.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace zc {

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

Q_DECLARE_METATYPE(zc::ZpaEditRequest)
Q_DECLARE_METATYPE(zc::ZpaEditResult)
