#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace zc {

// ZIA activation state as GET /status and POST /status/activate report it
// (zscaler-api-notes.md §4.4): {"status": "ACTIVE" | "PENDING" | "INPROGRESS"}.
//   ACTIVE     nothing waits for activation
//   PENDING    changes were saved but are not in effect (any admin's, tenant-wide)
//   INPROGRESS an activation runs; it cannot be cancelled or undone
enum class ZiaActivationState { Unknown, Active, Pending, InProgress };

// "ACTIVE", "PENDING", "INPROGRESS", "UNKNOWN" (the API's spelling; a public CLI contract).
QString ziaActivationStateName(ZiaActivationState s);
// Case-insensitive; accepts "IN_PROGRESS" too. Unknown for anything else.
ZiaActivationState parseZiaActivationState(const QString &s);

// {"status": "..."} → state. False (and *why) for a body that is not that shape or names an
// unknown state.
bool parseZiaStatusJson(const QByteArray &body, ZiaActivationState *out, QString *why = nullptr);

// The `x-zscaler-mode` response header: "read-write" normally, "read-only" during a scheduled
// upgrade (then every write answers 403 STATE_READONLY).
enum class ZiaApiMode { Unknown, ReadWrite, ReadOnly };
ZiaApiMode parseZiaApiMode(const QByteArray &headerValue);

// The client-side activation budget (the documented limit of POST /status/activate:
// 10 per minute and 40 per hour). Tests may shrink the windows; production keeps the defaults.
struct ZiaActivationBudget
{
    int perMinute = 10;
    qint64 minuteMs = 60'000;
    int perHour = 40;
    qint64 hourMs = 3'600'000;
};

namespace ziaActivation {

// What the GUI's confirmation dialog and the CLI's prompt say before an activation.
QString confirmationText(const QString &tenantName);
// "activation budget: next slot in 42 s (at most 10 activations per minute and 40 per hour)"
QString budgetRefusalMessage(qint64 waitMs, const ZiaActivationBudget &budget = {});
// "42 s", "3 min 5 s", "1 h 2 min"
QString durationText(qint64 ms);

} // namespace ziaActivation

} // namespace zc

Q_DECLARE_METATYPE(zc::ZiaActivationState)
