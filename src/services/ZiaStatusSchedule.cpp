#include "services/ZiaStatusSchedule.h"

#include <algorithm>

namespace zc {

namespace {
qint64 doubled(qint64 base, int times, qint64 cap)
{
    qint64 v = std::max<qint64>(1, base);
    for (int i = 0; i < times && v < cap; ++i)
        v *= 2;
    return std::min(v, cap);
}
} // namespace

bool ZiaStatusSchedule::wantsPolling(const ZiaPollInput &in)
{
    return in.watched || in.localChanges || in.state == ZiaActivationState::Pending
           || in.state == ZiaActivationState::InProgress;
}

qint64 ZiaStatusSchedule::intervalMs(const ZiaPollInput &in, const ZiaPollConfig &c)
{
    if (in.errors > 0)
        return doubled(c.errorBaseMs, in.errors - 1, c.errorMaxMs);
    if (in.readOnly)
        return c.readOnlyMs;
    if (in.state == ZiaActivationState::InProgress)
        return c.inProgressMs;
    if (in.localChanges || in.state == ZiaActivationState::Pending)
        return doubled(c.baseMs, in.unchanged, c.maxPendingMs);
    return doubled(c.baseMs, in.unchanged, c.maxWatchedMs);
}

qint64 ZiaStatusSchedule::nextPollMs(const ZiaPollInput &in, const ZiaPollConfig &c, qint64 nowMs)
{
    if (!wantsPolling(in))
        return -1;
    qint64 next = in.lastPollMs < 0 ? nowMs : in.lastPollMs + intervalMs(in, c);
    const qint64 n = qint64(in.recentPolls.size());
    if (c.maxPollsPerHour > 0 && n >= c.maxPollsPerHour)
        next = std::max(next, in.recentPolls[size_t(n - c.maxPollsPerHour)] + 3'600'000);
    return next;
}

} // namespace zc
