#pragma once

#include "core/Clock.h"
#include "core/SecretReminders.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace zc {

class ReminderLedger;
class TenantStore;
class ZidInventoryCache;

// The background worker's secret-expiry reminders, in the GUI thread, without network: it looks
// at the cached expiry dates (collectKnownSecrets) and tells each due reminder once
// (remindersDue, then marked in the ReminderLedger so a restart does not repeat it). ONE
// single-shot timer, armed for the next reminder (SecretReminders::nextDue), at most MaxWaitMs
// ahead so a change of the wall clock is caught. A change of the store re-checks; the cache has
// no signal: call refresh() after a sync or a rotation.
class SecretReminderTracker : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxWaitMs = 12LL * 3600 * 1000;

    SecretReminderTracker(TenantStore *store, ZidInventoryCache *cache, ReminderLedger *ledger,
                          Clock *clock = Clock::system(), QObject *parent = nullptr);

    QList<int> leadDays() const { return m_leadDays; }
    // Normalized (SecretReminders::normalized); re-checks when started.
    void setLeadDays(const QList<int> &leadDays);

    void start(); // checks now, then keeps the timer armed
    void stop();
    bool isRunning() const { return m_running; }

    // Within the largest lead time: not yet expired / expired (as last checked).
    int expiringCount() const { return m_expiring; }
    int expiredCount() const { return m_expired; }
    // When the timer fires next (invalid when stopped): for display and tests.
    QDateTime nextCheckAt() const { return m_nextCheck; }
    const QTimer *timer() const { return &m_timer; }

public slots:
    // Re-checks soon (one event loop turn; bursts of changes coalesce on the one timer).
    void refresh();
    // Checks now: tells what is due, updates the summary, re-arms the timer.
    void check();

signals:
    // Each reminder once (already marked told when this is emitted).
    void remindersDue(const QList<zc::Reminder> &reminders);
    void summaryChanged(int expiringCount, int expiredCount);
    // The ledger could not be written (the reminders are still told once in this run).
    void warning(const QString &message);

private:
    QSet<QString> liveSecretKeys(const QList<KnownSecret> &secrets) const;

    QPointer<TenantStore> m_store;
    ZidInventoryCache *m_cache;
    ReminderLedger *m_ledger;
    Clock *m_clock;
    QList<int> m_leadDays;
    QTimer m_timer;
    QDateTime m_nextCheck;
    bool m_running = false;
    bool m_summarySent = false;
    int m_expiring = 0;
    int m_expired = 0;
};

} // namespace zc

Q_DECLARE_METATYPE(QList<zc::Reminder>)
