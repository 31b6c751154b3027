#pragma once

#include "core/ZiaActivation.h"

#include <deque>

namespace zc {

// When the ZIA status tracker polls GET /status next (a pure function: no clock, no I/O).
struct ZiaPollConfig
{
    qint64 inProgressMs = 2000;       // an activation runs: follow it closely
    qint64 baseMs = 10'000;           // first interval after a change, doubling while unchanged…
    qint64 maxPendingMs = 120'000;    // …up to this while changes are pending…
    qint64 maxWatchedMs = 300'000;    // …and up to this while merely on screen
    qint64 readOnlyMs = 60'000;       // read-only mode: is it over?
    qint64 errorBaseMs = 10'000;      // a failed poll: doubling…
    qint64 errorMaxMs = 300'000;      // …up to this
    // Polls per tenant and hour at most. GET /status shares the tenant's read budget
    // (2/s, 1000/h) with every other ZIA read: the tracker takes at most a quarter of it.
    int maxPollsPerHour = 240;
};

struct ZiaPollInput
{
    ZiaActivationState state = ZiaActivationState::Unknown;
    bool watched = false;       // the tenant is on screen
    bool localChanges = false;  // a write succeeded and no status confirmed it yet
    bool readOnly = false;
    int unchanged = 0;          // consecutive polls that saw nothing new
    int errors = 0;             // consecutive failed polls
    qint64 lastPollMs = -1;     // monotonic; -1 = never polled
    std::deque<qint64> recentPolls; // poll times of the last hour, ascending
};

class ZiaStatusSchedule
{
public:
    // Whether the tenant is polled at all: while on screen, or while something is pending
    // (PENDING, INPROGRESS or an unconfirmed local change).
    static bool wantsPolling(const ZiaPollInput &in);
    // The interval the state asks for (before the hourly cap).
    static qint64 intervalMs(const ZiaPollInput &in, const ZiaPollConfig &c);
    // Monotonic time of the next poll, or -1 for none. Never earlier than `nowMs` when the
    // tenant was never polled; never more than maxPollsPerHour in any hour.
    static qint64 nextPollMs(const ZiaPollInput &in, const ZiaPollConfig &c, qint64 nowMs);
};

} // namespace zc
