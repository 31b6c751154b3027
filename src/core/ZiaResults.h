#pragma once

#include "core/ApiError.h"
#include "core/UrlLookup.h"
#include "core/ZiaActivation.h"
#include "core/ZiaTypes.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

// What the ZIA services answer, for both faces: how an activation ended (ActivationController),
// what a URL category edit did (ZiaUrlCategoryEditor) and what is known of a tenant's
// activation status (ZiaStatusTracker).
namespace zc {

// How an activation ended.
struct ZiaActivationResult
{
    QString tenantId;
    ZiaActivationState state = ZiaActivationState::Unknown; // the last state seen
    ApiError error;            // None on success
    bool readOnly = false;     // refused: the tenant's API is in read-only mode
    bool refusedByBudget = false; // refused locally: no request was sent
    qint64 nextSlotMs = 0;     // with refusedByBudget: wait this long for the next slot
    bool timedOut = false;     // activateAndWait: still not ACTIVE at the deadline
    bool waited = false;       // activateAndWait was asked for
    qint64 elapsedMs = 0;
    int attempts = 0;          // POST /status/activate requests sent (edit-lock retries included)

    bool ok() const { return !error.isError(); }
};

// What an add/remove of URLs did (ZiaUrlCategoryEditor).
struct ZiaUrlEditResult
{
    ZiaUrlEdit edit;
    UrlLookupInput input;  // the URLs as checked: what was sent, what was refused and why
    ApiError error;
    bool readOnly = false;
    bool ok() const { return !error.isError(); }
};

// What the GUI shows for one ZIA tenant: the sidebar badge, the status bar, the read-only
// banner, the legacy session's idle countdown and the "changes pending" warning on quit.
struct ZiaTenantStatus
{
    QString tenantId;
    QString tenantName;
    QString clientId;               // the client the tracker polls with
    ZiaActivationState state = ZiaActivationState::Unknown;
    bool pendingChanges = false;    // PENDING, or a write not yet confirmed by a status read
    bool readOnly = false;          // the API is in read-only mode (writes are refused)
    bool watched = false;
    ApiError lastError;             // the last poll's failure (cleared by a good poll)
    QDateTime checkedUtc;           // last good status read
    // zia-legacy: the session's idle deadline (ending the session, or its idle timeout,
    // ACTIVATES pending changes). Invalid / -1 when the client has no live session.
    QDateTime sessionExpiresUtc;
    qint64 sessionDeadlineMs = -1;  // monotonic, on the token broker's clock
    qint64 sessionIdleTimeoutMs = 0;

    bool operator==(const ZiaTenantStatus &o) const
    {
        return tenantId == o.tenantId && clientId == o.clientId && state == o.state
               && pendingChanges == o.pendingChanges && readOnly == o.readOnly && watched == o.watched
               && lastError.message == o.lastError.message && sessionDeadlineMs == o.sessionDeadlineMs;
    }
};

} // namespace zc

Q_DECLARE_METATYPE(zc::ZiaActivationResult)
Q_DECLARE_METATYPE(zc::ZiaUrlEditResult)
Q_DECLARE_METATYPE(zc::ZiaTenantStatus)
