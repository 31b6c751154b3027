#include "services/ActivationController.h"

#include "net/RetryPolicy.h"
#include "store/ActivationLedger.h"
#include "store/AuditLog.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace zc {

namespace {
struct LedgerSlot // ActivationLedger::reserve's answer, back from the pool
{
    bool granted = true;
    qint64 waitMs = 0;
    QString error;
};
} // namespace

ActivationController::ActivationController(ZiaApi *api, const QString &clientId, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_clientId(clientId)
    , m_tenantId(api->tenantIdOf(clientId))
{
    qRegisterMetaType<zc::ZiaActivationResult>();
    qRegisterMetaType<zc::ZiaActivationState>();
    m_api->ensureBudgets(m_tenantId);
    // Reflect a budget set elsewhere (a test, a setting) in budget().
    if (const QList<RateBudget> b = m_api->activationBudgetsOf(m_tenantId); b.size() == 2) {
        m_budget.perMinute = b[0].count;
        m_budget.minuteMs = b[0].windowMs;
        m_budget.perHour = b[1].count;
        m_budget.hourMs = b[1].windowMs;
    }
    m_readOnly = m_api->isReadOnly(m_tenantId);
    m_pollTimer.setSingleShot(true);
    m_probeTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ActivationController::poll);
    connect(&m_probeTimer, &QTimer::timeout, this, &ActivationController::probeReadOnly);
    connect(m_api, &ZiaApi::modeChanged, this, [this](const QString &tenantId, bool readOnly) {
        if (tenantId == m_tenantId)
            setReadOnly(readOnly);
    });
    connect(m_api, &ZiaApi::statusSeen, this, [this](const QString &tenantId, ZiaActivationState s) {
        if (tenantId == m_tenantId)
            setState(s);
    });
    connect(m_api->caller()->broker()->pipeline(), &HttpPipeline::retryScheduled, this,
            &ActivationController::onRetryScheduled);
    if (m_readOnly)
        m_probeTimer.start(int(m_probeMs));
}

ActivationController::~ActivationController()
{
    if (m_cancel)
        m_cancel->cancel();
}

QString ActivationController::tenantName() const
{
    return m_api->tenantNameOf(m_clientId);
}

QString ActivationController::confirmationText() const
{
    return ziaActivation::confirmationText(tenantName());
}

void ActivationController::setBudget(const ZiaActivationBudget &budget)
{
    m_budget = budget;
    m_api->setActivationBudget(m_tenantId, budget);
}

void ActivationController::setReadOnlyProbeIntervalMs(qint64 ms)
{
    m_probeMs = std::max<qint64>(50, ms);
    if (m_probeTimer.isActive())
        m_probeTimer.start(int(m_probeMs));
}

void ActivationController::setAuditLog(AuditLog *log, const QString &clientName)
{
    m_audit = log;
    m_auditClient = clientName;
}

qint64 ActivationController::localWaitMs() const
{
    return m_api->activationWaitMs(m_tenantId);
}

qint64 ActivationController::budgetWaitMs() const
{
    return std::max(localWaitMs(), m_ledger ? m_ledger->waitMs(m_tenantId, m_budget) : 0);
}

int ActivationController::activationsInLastMinute() const
{
    const int here = m_api->activationsWithin(m_tenantId, m_budget.minuteMs);
    return std::max(here, m_ledger ? m_ledger->countWithin(m_tenantId, m_budget.minuteMs) : 0);
}

int ActivationController::activationsInLastHour() const
{
    const int here = m_api->activationsWithin(m_tenantId, m_budget.hourMs);
    return std::max(here, m_ledger ? m_ledger->countWithin(m_tenantId, m_budget.hourMs) : 0);
}

void ActivationController::activate()
{
    start(false, 0);
}

void ActivationController::activateAndWait(qint64 timeoutMs)
{
    start(true, std::max<qint64>(0, timeoutMs));
}

void ActivationController::refuse(ZiaActivationResult result)
{
    result.tenantId = m_tenantId;
    result.state = m_state;
    qCInfo(lcZia).noquote() << "activation of tenant" << m_tenantId << "refused:" << result.error.message;
    QTimer::singleShot(0, this, [this, result] {
        emit progress(result.error.message);
        emit finished(result);
    });
}

void ActivationController::start(bool wait, qint64 timeoutMs)
{
    ZiaActivationResult refused;
    refused.waited = wait;
    QString why;
    if (isBusy()) {
        refused.error = ApiError::make(ErrorKind::Usage, tr("an activation of tenant \"%1\" is already running").arg(tenantName()));
        refuse(refused);
        return;
    }
    if (!m_api->checkClient(m_clientId, &why)) {
        refused.error = ApiError::make(ErrorKind::Config, why);
        refuse(refused);
        return;
    }
    if (m_readOnly) {
        refused.readOnly = true;
        refused.error = ApiError::make(ErrorKind::Api, tr("the ZIA API of tenant \"%1\" is in read-only mode (a scheduled "
                                                          "upgrade): activation is disabled until the mode ends")
                                                           .arg(tenantName()));
        refused.error.code = QStringLiteral("STATE_READONLY");
        refuse(refused);
        return;
    }
    // This process's budget first (no I/O); then the shared one, read and taken in one step.
    if (const qint64 slotWait = localWaitMs(); slotWait > 0) {
        refused.refusedByBudget = true;
        refused.nextSlotMs = slotWait;
        refused.error = ApiError::make(ErrorKind::RateLimited, ziaActivation::budgetRefusalMessage(slotWait, m_budget));
        refused.error.retryAfterSeconds = int((slotWait + 999) / 1000);
        refuse(refused);
        return;
    }
    m_cancel = makeCancelHandle();
    if (!m_ledger) {
        send(wait, timeoutMs);
        return;
    }
    // The budget shared with the other processes: read and take a slot in one step, under the
    // ledger's file lock (it may wait up to 5 s), so on the thread pool; a copy of the ledger
    // goes there (two strings and the clock), so it may outlive this controller.
    m_reserving = true;
    const CancelHandle cancel = m_cancel;
    // A watcher, not QFuture::then(this, …): Qt 6.4 asserts that then()'s context outlives the
    // task; the watcher dies with this controller and then reports nothing.
    auto *watcher = new QFutureWatcher<LedgerSlot>(this);
    connect(watcher, &QFutureWatcher<LedgerSlot>::finished, this, [this, watcher, cancel, wait, timeoutMs] {
        watcher->deleteLater();
        const LedgerSlot slot = watcher->result();
        if (cancel != m_cancel || !m_reserving)
            return; // cancel() came first
        m_reserving = false;
        if (!slot.granted) {
            ZiaActivationResult r;
            r.waited = wait;
            r.refusedByBudget = true;
            r.nextSlotMs = slot.waitMs;
            r.error = ApiError::make(ErrorKind::RateLimited, ziaActivation::budgetRefusalMessage(slot.waitMs, m_budget));
            r.error.retryAfterSeconds = int((slot.waitMs + 999) / 1000);
            refuse(r);
            return;
        }
        if (!slot.error.isEmpty())
            qCWarning(lcZia).noquote() << slot.error << "- only this process's activation budget applies";
        send(wait, timeoutMs);
    });
    watcher->setFuture(QtConcurrent::run([ledger = *m_ledger, tenantId = m_tenantId, budget = m_budget] {
        ActivationLedger copy = ledger;
        LedgerSlot slot;
        slot.granted = copy.reserve(tenantId, budget, &slot.waitMs, &slot.error);
        return slot;
    }));
}

void ActivationController::send(bool wait, qint64 timeoutMs)
{
    m_wait = wait;
    m_timeoutMs = timeoutMs;
    m_sawInProgress = false;
    m_attempts = 0;
    m_clock.start();
    m_stateBefore = m_state;
    setPhase(Phase::Requesting);
    emit busyChanged(true);
    emit progress(tr("Activating the ZIA configuration of tenant \"%1\"…").arg(tenantName()));
    const CancelHandle cancel = m_cancel;
    m_api->activate(m_clientId, this, [this, cancel](const ZiaReply<ZiaActivationState> &r) {
        if (cancel == m_cancel && isBusy())
            onActivated(r);
    }, cancel);
}

void ActivationController::onActivated(const ZiaReply<ZiaActivationState> &reply)
{
    m_attempts = reply.attempts;
    ZiaActivationResult res;
    if (!reply.ok()) {
        if (reply.readOnly)
            setReadOnly(true);
        res.readOnly = reply.readOnly;
        res.error = reply.error;
        finish(res);
        return;
    }
    setState(reply.value);
    if (!m_wait || reply.value == ZiaActivationState::Active) {
        finish(res);
        return;
    }
    m_sawInProgress = reply.value == ZiaActivationState::InProgress;
    setPhase(Phase::InProgress);
    emit progress(m_sawInProgress ? tr("Activation in progress…")
                                  : tr("Activation queued behind other admins' sessions…"));
    m_pollTimer.start(int(std::min(m_pollMs, std::max<qint64>(0, m_timeoutMs - m_clock.elapsed()))));
}

void ActivationController::poll()
{
    if (!isBusy())
        return;
    const CancelHandle cancel = m_cancel;
    m_api->status(m_clientId, this, [this, cancel](const ZiaReply<ZiaActivationState> &r) {
        if (cancel == m_cancel && isBusy())
            onPolled(r);
    }, cancel);
}

void ActivationController::onPolled(const ZiaReply<ZiaActivationState> &reply)
{
    ZiaActivationResult res;
    if (reply.ok()) {
        setState(reply.value);
        if (reply.value == ZiaActivationState::InProgress)
            m_sawInProgress = true;
        // ACTIVE: done. PENDING after INPROGRESS: done too (new changes arrived meanwhile).
        if (reply.value == ZiaActivationState::Active
            || (reply.value == ZiaActivationState::Pending && m_sawInProgress)) {
            finish(res);
            return;
        }
    } else {
        emit progress(tr("Checking the activation status failed (%1); trying again").arg(reply.error.message));
    }
    const qint64 left = m_timeoutMs - m_clock.elapsed();
    if (left <= 0) {
        res.timedOut = true;
        res.error = reply.ok()
                        ? ApiError::make(ErrorKind::Api,
                                         tr("tenant \"%1\": the activation is still %2 after %3; it goes on on the "
                                            "server and cannot be cancelled")
                                             .arg(tenantName(), ziaActivationStateName(m_state),
                                                  ziaActivation::durationText(m_clock.elapsed())))
                        : reply.error;
        finish(res);
        return;
    }
    m_pollTimer.start(int(std::min(m_pollMs, left)));
}

void ActivationController::cancel()
{
    if (!isBusy())
        return;
    m_reserving = false;
    m_pollTimer.stop();
    if (m_cancel)
        m_cancel->cancel();
    ZiaActivationResult res;
    res.error = ApiError::make(ErrorKind::Cancelled, tr("stopped waiting; an activation already sent goes on on the "
                                                        "server (it cannot be cancelled)"));
    finish(res);
}

void ActivationController::finish(ZiaActivationResult result)
{
    m_pollTimer.stop();
    result.tenantId = m_tenantId;
    result.state = m_state;
    result.waited = m_wait;
    result.attempts = m_attempts;
    result.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    setPhase(Phase::Done);
    if (m_audit && result.error.kind != ErrorKind::Cancelled) {
        AuditRecord a;
        a.time = QDateTime::currentDateTimeUtc();
        a.tenantId = m_tenantId;
        a.tenantName = tenantName();
        a.client = m_auditClient.isEmpty() ? m_clientId : m_auditClient;
        a.action = QStringLiteral("activate");
        a.objectType = QStringLiteral("zia.configuration");
        a.objectId = m_tenantId;
        a.objectName = tenantName();
        a.before = QJsonObject{{QStringLiteral("status"), ziaActivationStateName(m_stateBefore)}};
        a.after = QJsonObject{{QStringLiteral("status"), ziaActivationStateName(m_state)}};
        a.result = result.ok() ? QStringLiteral("ok") : result.error.message;
        QString why;
        if (!m_audit->append(a, &why))
            qCWarning(lcZia).noquote() << "could not write the audit log:" << why;
    }
    emit busyChanged(false);
    if (result.ok())
        emit progress(tr("Tenant \"%1\": %2").arg(tenantName(), ziaActivationStateName(m_state)));
    else
        emit progress(result.error.message);
    emit finished(result);
}

void ActivationController::setPhase(Phase p)
{
    if (m_phase == p)
        return;
    m_phase = p;
    emit phaseChanged(p);
}

void ActivationController::setState(ZiaActivationState s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}

void ActivationController::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (readOnly)
        m_probeTimer.start(int(m_probeMs));
    else
        m_probeTimer.stop();
    emit readOnlyChanged(readOnly);
}

void ActivationController::probeReadOnly()
{
    if (!m_readOnly)
        return;
    // Any reply's x-zscaler-mode updates ZiaApi's mode; modeChanged(false) ends the state.
    m_api->status(m_clientId, this, [this](const ZiaReply<ZiaActivationState> &) {
        if (m_readOnly)
            m_probeTimer.start(int(m_probeMs));
    });
}

void ActivationController::onRetryScheduled(const QString &endpoint, const QString &reason, qint64 delayMs, int attempt)
{
    if (!isBusy() || m_phase == Phase::InProgress || !endpoint.startsWith(QLatin1String("POST "))
        || !endpoint.endsWith(QLatin1String("/status/activate")))
        return;
    if (reason == RetryDecision::reasonName(RetryDecision::EditLock)) {
        setPhase(Phase::WaitingForEditLock);
        emit progress(tr("The tenant's edit lock is held by another admin or session; trying again in %1 (attempt %2)")
                          .arg(ziaActivation::durationText(delayMs))
                          .arg(attempt));
    } else {
        emit progress(tr("%1; trying again in %2 (attempt %3)").arg(reason, ziaActivation::durationText(delayMs)).arg(attempt));
    }
}

} // namespace zc
