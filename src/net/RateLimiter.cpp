#include "net/RateLimiter.h"

#include "net/NetLog.h"

#include <algorithm>
#include <limits>

namespace zc {

RateLimiter::RateLimiter(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RateLimiter::process);
}

void RateLimiter::setBudgets(const QString &key, const QList<RateBudget> &budgets)
{
    QList<RateBudget> valid;
    for (const RateBudget &b : budgets)
        if (b.count > 0 && b.windowMs > 0)
            valid << b;
    m_keys[key].budgets = valid;
    m_keys[key].configured = true;
    process();
}

QList<RateBudget> RateLimiter::budgets(const QString &key) const
{
    return m_keys.value(key).budgets;
}

void RateLimiter::prune(Key &k, qint64 now) const
{
    qint64 longest = 0;
    for (const RateBudget &b : k.budgets)
        longest = std::max(longest, b.windowMs);
    while (!k.grants.empty() && k.grants.front().ms <= now - longest)
        k.grants.pop_front();
}

qint64 RateLimiter::earliestAllowed(const Key &k, qint64 now) const
{
    qint64 t = std::max(now, k.pausedUntil);
    const qint64 n = qint64(k.grants.size());
    for (const RateBudget &b : k.budgets) {
        // Allowed once fewer than `count` grants fall in (t - window, t].
        if (n >= b.count)
            t = std::max(t, k.grants[size_t(n - b.count)].ms + b.windowMs);
    }
    return t;
}

void RateLimiter::acquire(const QString &key, QObject *ctx, std::function<void()> ready,
                          CancelHandle cancel)
{
    if (cancel && cancel->isCancelled())
        return;
    Key &k = m_keys[key];
    const quint64 id = m_nextId++;
    k.waiters.push_back({id, ctx, ctx != nullptr, std::move(ready), cancel});
    if (cancel) {
        cancel->setHook([this, key, id] {
            auto it = m_keys.find(key);
            if (it == m_keys.end())
                return;
            auto &w = it->waiters;
            for (auto wi = w.begin(); wi != w.end(); ++wi)
                if (wi->id == id) {
                    w.erase(wi);
                    break;
                }
            rearm();
        });
    }
    process();
}

void RateLimiter::pause(const QString &key, qint64 ms)
{
    Key &k = m_keys[key];
    k.pausedUntil = std::max(k.pausedUntil, m_clock->monotonicMs() + ms);
    qCInfo(lcNet).noquote() << "rate limit: pausing" << key << "for" << ms << "ms";
    rearm();
}

void RateLimiter::markSent(const QString &key)
{
    auto it = m_keys.find(key);
    if (it == m_keys.end())
        return;
    Key &k = *it;
    const auto unsent = std::find_if(k.grants.begin(), k.grants.end(), [](const Key::Grant &g) { return !g.sent; });
    if (unsent == k.grants.end())
        return;
    // Every recorded time is <= now, so appending keeps `grants` ascending.
    k.grants.erase(unsent);
    k.grants.push_back({m_clock->monotonicMs(), true});
    rearm();
}

qint64 RateLimiter::waitEstimateMs(const QString &key) const
{
    auto it = m_keys.find(key);
    if (it == m_keys.end())
        return 0;
    const qint64 now = m_clock->monotonicMs();
    return std::max<qint64>(0, earliestAllowed(*it, now) - now);
}

int RateLimiter::queued(const QString &key) const
{
    auto it = m_keys.find(key);
    return it == m_keys.end() ? 0 : int(it->waiters.size());
}

int RateLimiter::grantsInWindow(const QString &key, qint64 windowMs) const
{
    auto it = m_keys.find(key);
    if (it == m_keys.end())
        return 0;
    const qint64 now = m_clock->monotonicMs();
    int n = 0;
    for (const Key::Grant &g : it->grants)
        if (g.ms > now - windowMs)
            ++n;
    return n;
}

void RateLimiter::process()
{
    if (m_processing)
        return; // a ready() callback queued more; the outer loop picks it up
    m_processing = true;
    bool progress = true;
    while (progress) {
        progress = false;
        const qint64 now = m_clock->monotonicMs();
        for (auto it = m_keys.begin(); it != m_keys.end(); ++it) {
            Key &k = *it;
            prune(k, now);
            while (!k.waiters.empty() && earliestAllowed(k, now) <= now) {
                Waiter w = std::move(k.waiters.front());
                k.waiters.pop_front();
                if ((w.hasCtx && !w.ctx) || (w.cancel && w.cancel->isCancelled()))
                    continue;
                k.grants.push_back({now, false});
                if (w.cancel)
                    w.cancel->clearHook();
                w.ready(); // may call acquire() again (m_keys may rehash)
                progress = true;
                break;
            }
            if (progress)
                break; // iterators may be invalid now
        }
    }
    m_processing = false;
    rearm();
}

void RateLimiter::rearm()
{
    const qint64 now = m_clock->monotonicMs();
    qint64 next = std::numeric_limits<qint64>::max();
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        if (!it->waiters.empty())
            next = std::min(next, earliestAllowed(*it, now));
    if (next == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(next - now, 0, 24LL * 3600 * 1000)));
}

} // namespace zc
