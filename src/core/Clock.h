#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QtGlobal>

namespace zc {

// Time as zconsole's token logic sees it: a monotonic clock for countdowns and deadlines (a
// change of the wall clock does not move them) and the wall clock for display and for the
// keychain token cache. Injected everywhere so tests can move time by hand.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds on a monotonic clock with an arbitrary origin.
    virtual qint64 monotonicMs() const = 0;
    virtual QDateTime nowUtc() const = 0;

    // The process-wide real clock.
    static Clock *system();
};

// A clock that moves only when told (tests).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'000'000,
                         QDateTime wall = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC))
        : m_ms(startMs)
        , m_wall(wall)
    {
    }
    qint64 monotonicMs() const override { return m_ms; }
    QDateTime nowUtc() const override { return m_wall.addMSecs(m_ms - m_startMs); }
    void advance(qint64 ms) { m_ms += ms; }
    void set(qint64 ms) { m_ms = ms; }
    // Moves only the wall clock (a user changing the system time).
    void jumpWall(qint64 ms) { m_wall = m_wall.addMSecs(ms); }

private:
    qint64 m_ms;
    const qint64 m_startMs = m_ms;
    QDateTime m_wall;
};

} // namespace zc
