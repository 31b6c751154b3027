#pragma once

#include "api/ZiaApi.h"
#include "core/ZiaResults.h"
#include "services/ZiaStatusSchedule.h"

#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QTimer>

namespace zc {

// The background worker's view of every ZIA tenant's activation state. Polls GET /status per
// tenant only while the tenant is on screen (setWatched) or has something pending (PENDING,
// INPROGRESS, or a write seen through ZiaApi::changesMade), with backoff while nothing changes
// (ZiaPollConfig; ZiaStatusSchedule), at most maxPollsPerHour per tenant, and always through
// the tenant's ZIA read budget (2/s, 1000/h) in the shared RateLimiter. ONE timer for all
// tenants, armed for the next due poll. It also listens to everything ZiaApi learns (status
// reads, activations, writes, mode changes), so a status read by an ActivationController or
// a write by an editor updates the badge of a tracked tenant without an extra request (a write
// to a tenant it does not track adds nothing: only addTenant/setWatched do).
//
// Lives in the thread of its ZiaApi (ZiaService's, the main thread).
class ZiaStatusTracker : public QObject
{
    Q_OBJECT
public:
    // `clock`: the schedule's clock (default: the token broker's).
    explicit ZiaStatusTracker(ZiaApi *api, Clock *clock = nullptr, QObject *parent = nullptr);
    ~ZiaStatusTracker() override;

    void setConfig(const ZiaPollConfig &config);
    const ZiaPollConfig &config() const { return m_config; }

    // Tracks a tenant with one of its ZIA clients (empty: pickClient()). False if none.
    bool addTenant(const QString &tenantId, const QString &clientId = {});
    void removeTenant(const QString &tenantId);
    QStringList tenants() const { return m_entries.keys(); }
    // The broker's ZIA client of the tenant to poll with: OneAPI, then zia-oauth, then
    // zia-legacy (a poll with a legacy client uses its session and so moves its idle deadline;
    // polls back off to ZiaPollConfig's 2 min while changes are pending and 5 min while merely
    // on screen, so nothing here promises to keep a session alive).
    QString pickClient(const QString &tenantId) const;

    ZiaTenantStatus status(const QString &tenantId) const;
    QList<ZiaTenantStatus> statuses() const;
    // PENDING, or a write not yet confirmed: warn before quitting or logging out.
    bool hasPendingChanges(const QString &tenantId) const;
    QStringList tenantsWithPendingChanges() const;
    // zia-legacy: time left before the session's idle timeout (which activates pending
    // changes); -1 when the tenant's client has no live idle-timed session.
    qint64 sessionIdleRemainingMs(const QString &tenantId) const;
    qint64 nextPollMs(const QString &tenantId) const;   // monotonic; -1 = none planned
    qint64 nextDeadlineMs() const { return m_nextDeadline; } // the one timer's target
    int pollsSent(const QString &tenantId) const;
    // A status request of the tenant is out and not answered yet.
    bool pollInFlight(const QString &tenantId) const
    {
        const auto it = m_entries.constFind(tenantId);
        return it != m_entries.cend() && it->inflight;
    }

public slots:
    // On screen (sidebar selection, ZIA page): polled with backoff. Adds the tenant if needed.
    void setWatched(const QString &tenantId, bool watched);
    // Poll as soon as the budget allows (a "refresh" button, after an activation).
    void refreshNow(const QString &tenantId);
    // Polls whatever is due and re-arms the timer (tests with a ManualClock call it).
    void processDue();

signals:
    void statusChanged(const zc::ZiaTenantStatus &status);
    // PENDING/INPROGRESS → ACTIVE (or INPROGRESS → PENDING with newer changes): for the tray.
    void activationCompleted(const QString &tenantId, const QString &tenantName);
    void readOnlyChanged(const QString &tenantId, bool readOnly);
    void pendingChangesChanged(const QString &tenantId, bool pending);

private:
    struct Entry
    {
        ZiaTenantStatus st;
        ZiaPollInput in;
        qint64 nextMs = -1;
        qint64 forcedMs = -1;   // refreshNow / a write: poll at this time at the latest
        int polls = 0;
        CancelHandle inflight;
        ZiaTenantStatus lastEmitted;
        bool emittedOnce = false;
    };
    void poll(const QString &tenantId);
    void onPolled(const QString &tenantId, const ZiaReply<ZiaActivationState> &reply);
    void apply(const QString &tenantId, ZiaActivationState state);
    void onChangesMade(const QString &tenantId);
    void onModeChanged(const QString &tenantId, bool readOnly);
    void updateSession(Entry &e) const;
    void reschedule(Entry &e);
    void emitIfChanged(Entry &e);
    void rearm();

    ZiaApi *m_api;
    Clock *m_clock;
    ZiaPollConfig m_config;
    QHash<QString, Entry> m_entries;
    QTimer m_timer;
    qint64 m_nextDeadline = -1;
};

} // namespace zc

