#pragma once

#include "core/Clock.h"
#include "net/CancelToken.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>
#include <functional>

namespace zc {

// N requests per window; a key may have several (ZIA GET: 2 per second and 1000 per hour).
struct RateBudget
{
    int count = 0;
    qint64 windowMs = 0;
};

// Client-side pacing per key, e.g. "t-…/zpa/read" for ZPA's 20 GET per 10 s per tenant.
// Callers queue in order; a 429's Retry-After pauses the whole key. One timer for all keys,
// armed for the earliest moment a queued caller may go. Lives in one thread.
class RateLimiter : public QObject
{
    Q_OBJECT
public:
    explicit RateLimiter(Clock *clock = Clock::system(), QObject *parent = nullptr);

    // Empty list = no limit for that key (the default for unknown keys).
    void setBudgets(const QString &key, const QList<RateBudget> &budgets);
    QList<RateBudget> budgets(const QString &key) const;
    // Whether setBudgets() was called for the key (an empty list then means "unlimited").
    bool isConfigured(const QString &key) const { return m_keys.value(key).configured; }

    // Calls `ready` in this thread when a request under `key` may be sent (synchronously if it
    // may go now and nobody waits before it). Not called if `ctx` dies or `cancel` is cancelled.
    void acquire(const QString &key, QObject *ctx, std::function<void()> ready,
                 CancelHandle cancel = {});
    // Nobody under `key` goes before now + ms (a 429's Retry-After).
    void pause(const QString &key, qint64 ms);
    // A request granted under `key` has now actually been written to its connection: the oldest
    // grant not yet marked sent moves to now. Servers count a request when it arrives, and a
    // grant can wait long before it is sent (a new connection's TCP + TLS handshakes; on the
    // simulator ~20 ms each, serialised): pacing from grant times alone then lets the next
    // window's requests, sent at once on warm connections, arrive within W of a late one (a
    // 429). Which grant moves does not matter for the counting; moving the oldest only ever
    // makes later grants wait longer, never shorter.
    void markSent(const QString &key);
    // Milliseconds until a new caller under `key` could go (0 = now), for ETAs.
    qint64 waitEstimateMs(const QString &key) const;
    int queued(const QString &key) const;
    int grantsInWindow(const QString &key, qint64 windowMs) const;

    // Grants whatever may go now and re-arms the timer (the timer calls it; tests with a
    // ManualClock call it after advancing the clock).
    void process();

private:
    struct Waiter
    {
        quint64 id;
        QPointer<QObject> ctx;
        bool hasCtx;
        std::function<void()> ready;
        CancelHandle cancel;
    };
    struct Key
    {
        QList<RateBudget> budgets;
        bool configured = false;
        struct Grant
        {
            qint64 ms;  // monotonic: the send time once sent, else the grant time
            bool sent;  // markSent() reported it
        };
        std::deque<Grant> grants; // ascending ms
        qint64 pausedUntil = 0;
        std::deque<Waiter> waiters;
    };
    qint64 earliestAllowed(const Key &k, qint64 now) const;
    void prune(Key &k, qint64 now) const;
    void rearm();

    Clock *m_clock;
    QHash<QString, Key> m_keys;
    QTimer m_timer;
    quint64 m_nextId = 1;
    bool m_processing = false;
};

} // namespace zc
