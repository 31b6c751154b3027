#pragma once

#include "api/ZiaApi.h"
#include "core/ZiaResults.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QTimer>

namespace zc {

class ActivationLedger;
class AuditLog;

// Activation of one tenant's ZIA configuration through one API client. A QObject for the GUI's
// button and dialog and for `zconsole-cli zia activate`:
//  - confirmationText() names the tenant and warns that activation applies EVERY admin's
//    pending changes and cannot be undone (show it, get a yes, then call activate());
//  - a client-side budget of 10 per minute and 40 per hour (ZiaActivationBudget) on the
//    tenant's RateLimiter key "<tenant>/zia/activate". When no slot is free the request is
//    REFUSED, not queued: finished() carries refusedByBudget, nextSlotMs and the message
//    "activation budget: next slot in N s". Queuing would add nothing, because one activation
//    applies everything pending;
//  - 409 EDIT_LOCK_NOT_AVAILABLE: the pipeline retries (5 s doubling, capped at 60 s, bounded
//    in total); phase WaitingForEditLock and progress() tell the user;
//  - 403 STATE_READONLY: readOnlyChanged(true), writesEnabled() false, later activations are
//    refused without a request until the mode ends; the mode is re-checked every
//    readOnlyProbeMs with a GET /status (and any ZiaApi reply that shows read-write ends it):
//    readOnlyChanged(false);
//  - activateAndWait(timeout) follows INPROGRESS (and a queued PENDING) to ACTIVE, polling
//    GET /status every pollMs; at the deadline it ends with timedOut (the activation itself
//    goes on: it cannot be cancelled). cancel() stops the waiting, never the activation.
// Lives in the thread of its ZiaApi (the session worker): call its slots through queued
// connections or QMetaObject::invokeMethod from the GUI thread.
class ActivationController : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Idle, Requesting, WaitingForEditLock, InProgress, Done };
    Q_ENUM(Phase)

    ActivationController(ZiaApi *api, const QString &clientId, QObject *parent = nullptr);
    ~ActivationController() override;

    QString clientId() const { return m_clientId; }
    QString tenantId() const { return m_tenantId; }
    QString tenantName() const;
    QString confirmationText() const;

    // Installs the budget on the tenant's activation key (tests shrink the windows; the
    // production default is 10/min and 40/h). Affects every controller of the tenant.
    void setBudget(const ZiaActivationBudget &budget);
    ZiaActivationBudget budget() const { return m_budget; }
    void setPollIntervalMs(qint64 ms) { m_pollMs = std::max<qint64>(50, ms); }
    void setReadOnlyProbeIntervalMs(qint64 ms);
    // Records every activation that was sent (action "activate", object "zia.configuration")
    // in `log` (not owned; must outlive the controller). `clientName` names the API client.
    void setAuditLog(AuditLog *log, const QString &clientName = {});
    // Shares the budget with the other zconsole processes of the config folder (not owned; must
    // outlive the controller; null = this process only). See ActivationLedger. Its slot is taken
    // on the thread pool (the file lock may wait): activate() never blocks.
    void setLedger(ActivationLedger *ledger) { m_ledger = ledger; }

    bool isBusy() const { return m_reserving || (m_phase != Phase::Idle && m_phase != Phase::Done); }
    Phase phase() const { return m_phase; }
    bool isReadOnly() const { return m_readOnly; }
    bool writesEnabled() const { return !m_readOnly; }
    ZiaActivationState lastState() const { return m_state; }
    // 0 when an activation could be sent now; else the wait for the next budget slot.
    qint64 budgetWaitMs() const;
    int activationsInLastMinute() const;
    int activationsInLastHour() const;

public slots:
    void activate();
    void activateAndWait(qint64 timeoutMs);
    // Stops waiting for INPROGRESS to end (finished() with a Cancelled error). The activation
    // itself, once sent, cannot be cancelled.
    void cancel();

signals:
    void phaseChanged(zc::ActivationController::Phase phase);
    void busyChanged(bool busy);
    void stateChanged(zc::ZiaActivationState state);
    void progress(const QString &message);
    void readOnlyChanged(bool readOnly);
    void finished(const zc::ZiaActivationResult &result);

private:
    void start(bool wait, qint64 timeoutMs);
    void send(bool wait, qint64 timeoutMs); // after the budget checks
    void onActivated(const ZiaReply<ZiaActivationState> &reply);
    void poll();
    void onPolled(const ZiaReply<ZiaActivationState> &reply);
    void finish(ZiaActivationResult result);
    void refuse(ZiaActivationResult result);
    void setPhase(Phase p);
    void setState(ZiaActivationState s);
    void setReadOnly(bool readOnly);
    void probeReadOnly();
    void onRetryScheduled(const QString &endpoint, const QString &reason, qint64 delayMs, int attempt);
    qint64 localWaitMs() const; // this process's RateLimiter only

    ZiaApi *m_api;
    QString m_clientId;
    QString m_tenantId;
    ZiaActivationBudget m_budget;
    ActivationLedger *m_ledger = nullptr;
    bool m_reserving = false; // a ledger reservation runs on the pool
    qint64 m_pollMs = 2000;
    qint64 m_probeMs = 60'000;
    Phase m_phase = Phase::Idle;
    ZiaActivationState m_state = ZiaActivationState::Unknown;
    bool m_readOnly = false;
    bool m_wait = false;
    bool m_sawInProgress = false;
    qint64 m_timeoutMs = 0;
    int m_attempts = 0;
    QElapsedTimer m_clock;
    QTimer m_pollTimer;
    QTimer m_probeTimer;
    CancelHandle m_cancel;
    QString m_endpointSuffix;
    AuditLog *m_audit = nullptr;
    QString m_auditClient;
    ZiaActivationState m_stateBefore = ZiaActivationState::Unknown;
};

} // namespace zc

