#include "auth/RefreshPlanner.h"

#include <algorithm>
#include <cmath>

namespace zc {

void RefreshPlanner::remove(const QString &clientId)
{
    auto it = m_byClient.find(clientId);
    if (it == m_byClient.end())
        return;
    auto range = m_byTime.equal_range(*it);
    for (auto r = range.first; r != range.second; ++r)
        if (r.value() == clientId) {
            m_byTime.erase(r);
            break;
        }
    m_byClient.erase(it);
}

bool RefreshPlanner::isFree(qint64 t) const
{
    const qint64 gap = m_config.spacingMs;
    auto it = m_byTime.lowerBound(t - gap + 1);
    return it == m_byTime.end() || it.key() >= t + gap;
}

qint64 RefreshPlanner::findSlot(qint64 want, qint64 earliest, qint64 latest) const
{
    if (m_config.spacingMs <= 0 || isFree(want))
        return want;
    // Forward: just after each conflicting neighbour, until a gap is found or `latest` passes.
    qint64 t = want;
    for (int guard = 0; guard < 100000 && t <= latest; ++guard) {
        auto it = m_byTime.lowerBound(t - m_config.spacingMs + 1);
        if (it == m_byTime.end() || it.key() >= t + m_config.spacingMs)
            return t;
        t = it.key() + m_config.spacingMs;
    }
    // Backward from `want`.
    t = want;
    for (int guard = 0; guard < 100000 && t >= earliest; ++guard) {
        if (isFree(t))
            return t;
        auto it = m_byTime.upperBound(t + m_config.spacingMs - 1);
        if (it == m_byTime.begin())
            return t;
        --it;
        t = it.key() - m_config.spacingMs;
    }
    return want; // no room left in the window: too many clients for it; go as wanted
}

void RefreshPlanner::put(const QString &clientId, qint64 t)
{
    remove(clientId);
    m_byTime.insert(t, clientId);
    m_byClient.insert(clientId, t);
}

qint64 RefreshPlanner::plan(const QString &clientId, qint64 obtainedMs, qint64 lifetimeMs,
                            qint64 lastRequestMs, double random01)
{
    const double r = std::clamp(random01, 0.0, 1.0);
    const qint64 lo = obtainedMs + qint64(std::llround(double(lifetimeMs) * m_config.low));
    const qint64 hi = std::max(lo, obtainedMs + qint64(std::llround(double(lifetimeMs) * m_config.high)));
    const qint64 floor = lastRequestMs + m_config.minIntervalMs;
    qint64 want = lo + qint64(std::llround(double(hi - lo) * r));
    const qint64 earliest = std::max(lo, floor);
    const qint64 latest = std::max(hi, earliest);
    want = std::max(want, earliest);
    const qint64 t = findSlot(want, earliest, latest);
    put(clientId, t);
    return t;
}

qint64 RefreshPlanner::planAt(const QString &clientId, qint64 at, qint64 latest)
{
    const qint64 t = findSlot(at, at, std::max(at, latest));
    put(clientId, t);
    return t;
}

} // namespace zc
