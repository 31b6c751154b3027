#include "services/SecretReminderTracker.h"

#include "services/KnownSecrets.h"
#include "store/ReminderLedger.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <algorithm>

namespace zc {

SecretReminderTracker::SecretReminderTracker(TenantStore *store, ZidInventoryCache *cache, ReminderLedger *ledger,
                                             Clock *clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_cache(cache)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_leadDays(SecretReminders::defaultLeadDays())
    , m_timer(this)
{
    qRegisterMetaType<zc::Reminder>();
    qRegisterMetaType<QList<zc::Reminder>>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SecretReminderTracker::check);
    if (store) {
        connect(store, &TenantDirectory::reset, this, &SecretReminderTracker::refresh);
        connect(store, &TenantDirectory::tenantInserted, this, &SecretReminderTracker::refresh);
        connect(store, &TenantDirectory::tenantChanged, this, &SecretReminderTracker::refresh);
        connect(store, &TenantDirectory::tenantRemoved, this, &SecretReminderTracker::refresh);
        connect(store, &TenantDirectory::clientInserted, this, &SecretReminderTracker::refresh);
        connect(store, &TenantDirectory::clientChanged, this, &SecretReminderTracker::refresh);
        connect(store, &TenantDirectory::clientRemoved, this, &SecretReminderTracker::refresh);
    }
}

void SecretReminderTracker::setLeadDays(const QList<int> &leadDays)
{
    m_leadDays = SecretReminders::normalized(leadDays);
    refresh();
}

void SecretReminderTracker::start()
{
    m_running = true;
    check();
}

void SecretReminderTracker::stop()
{
    m_running = false;
    m_timer.stop();
    m_nextCheck = {};
}

void SecretReminderTracker::refresh()
{
    if (!m_running)
        return;
    m_nextCheck = m_clock->nowUtc();
    m_timer.start(0);
}

QSet<QString> SecretReminderTracker::liveSecretKeys(const QList<KnownSecret> &secrets) const
{
    QSet<QString> live;
    for (const KnownSecret &s : secrets)
        live.insert(SecretReminders::secretKey(s));
    // A tenant still in the store whose inventory is not (or no longer) cached keeps its remote
    // secrets' keys: after the next sync they are the same secrets, not new ones.
    for (const QString &key : m_ledger->told()) {
        const QString tenantId = SecretReminders::tenantOfKey(key);
        if (!SecretReminders::isLocalKey(key) && m_store->tenant(tenantId)
            && !m_cache->inventory(tenantId).syncedAt.isValid())
            live.insert(SecretReminders::secretKeyOf(key));
    }
    return live;
}

void SecretReminderTracker::check()
{
    if (!m_running || !m_store)
        return;
    const QDateTime now = m_clock->nowUtc();
    const QList<KnownSecret> secrets = collectKnownSecrets(*m_store, *m_cache);

    QString error;
    if (m_ledger->prune(liveSecretKeys(secrets), &error) < 0)
        emit warning(error);
    const QList<Reminder> due = SecretReminders::due(secrets, m_leadDays, now, m_ledger->told());
    if (!due.isEmpty()) {
        if (!m_ledger->markTold(SecretReminders::keysToMark(due), &error))
            emit warning(error);
        emit remindersDue(due);
    }

    const int within = m_leadDays.isEmpty() ? 0 : m_leadDays.first();
    int expiring = 0;
    int expired = 0;
    for (const KnownSecret &s : expiringWithin(secrets, within, now))
        ++(s.isExpired(now) ? expired : expiring);
    if (!m_summarySent || expiring != m_expiring || expired != m_expired) {
        m_summarySent = true;
        m_expiring = expiring;
        m_expired = expired;
        emit summaryChanged(expiring, expired);
    }

    // The next look: the next reminder, or when the summary changes (a secret enters the window
    // or expires), at most MaxWaitMs ahead; never sooner than a second (no busy loop).
    QDateTime next = SecretReminders::nextDue(secrets, m_leadDays, now, m_ledger->told());
    for (const KnownSecret &s : secrets) {
        if (!s.expiresAt.isValid() || s.isExpired(now))
            continue;
        const QDateTime enters = s.expiresAt.addSecs(-qint64(within + 1) * 86400 + 1);
        for (const QDateTime &t : {enters, s.expiresAt})
            if (t > now && (!next.isValid() || t < next))
                next = t;
    }
    qint64 wait = next.isValid() ? now.msecsTo(next) : MaxWaitMs;
    wait = std::clamp<qint64>(wait, 1000, MaxWaitMs);
    m_nextCheck = now.addMSecs(wait);
    m_timer.start(int(wait));
}

} // namespace zc
