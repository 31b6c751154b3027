// Run-time knobs: token lifetimes, session idle time, read-only mode, latency, rate limits and
// fault injection. Not thread-safe by itself: SimCore's mutex guards it.
#pragma once

#include "sim/Prng.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <deque>
#include <optional>
#include <vector>

namespace zsim {

struct FaultRule {
    QString route;          // route key, a prefix of a route key or of its path, or "*"
    QString kind;           // 429 | 409 | 5xx | reset | truncate | latency | readonly
    double probability = -1; // < 0: not set
    QList<qint64> nth;      // 1-based indexes of matching requests
    QList<QPair<QString, QString>> query;  // only requests with these query items match
    int count = -1;         // < 0: not set; else how many more times it may fire
    int status = 503;       // for 5xx
    int retryAfter = 1;     // for 429
    int ms = 1000;          // for latency
    qint64 matched = 0;     // matching requests seen so far
    Prng prng;
};

struct FaultHit {
    QString kind;
    int status = 503;
    int retryAfter = 1;
    int ms = 0;
};

// One configured rate window that applies to a request, as x-ratelimit-* headers describe it.
struct RateWindowStatus {
    int limit = 0;
    int windowSeconds = 1;
    int used = 0;          // requests in the window now
    int resetSeconds = 0;  // until the oldest of them leaves it (the window when empty)
};

struct RateVerdict {
    bool limited = false;
    int retryAfter = 0;
    int limit = 0;
    int windowSeconds = 0;
};

class Knobs
{
public:
    explicit Knobs(quint64 seed);

    static QJsonObject defaults();
    // Validates the whole update first; merges nothing when any entry is invalid. A null value
    // restores that knob's default. "faults" and "rateLimits" are replaced as a whole (and their
    // run-time state restarts).
    bool merge(const QJsonObject &update, QString *error);
    void setStartup(const QJsonObject &knobs) { m_startup = knobs; }
    void reset();                      // defaults merged with the start-up knobs
    QJsonObject effective() const { return m_values; }

    int intValue(const char *name) const;
    bool boolValue(const char *name) const { return m_values.value(QLatin1String(name)).toBool(); }
    QString stringValue(const char *name) const { return m_values.value(QLatin1String(name)).toString(); }
    bool readOnly() const { return m_values.value(QLatin1String("readOnly")).toBool(); }
    int latencyMs() const { return intValue("latencyMs"); }

    // Checks the rate limits of a route class and a route key; records the hit when allowed.
    RateVerdict checkRate(const QString &routeClass, const QString &routeKey, qint64 nowMs);
    // The configured windows of a route class and a route key (none when not configured).
    QList<RateWindowStatus> rateStatus(const QString &routeClass, const QString &routeKey, qint64 nowMs);
    // Evaluates the fault rules for a request; the first rule that fires wins.
    std::optional<FaultHit> pickFault(const QString &routeKey, const QList<QPair<QString, QString>> &query = {});

private:
    struct Window {
        int limit = 0;
        int windowSeconds = 1;
        std::deque<qint64> hits;
    };
    static QString validate(const QString &key, const QJsonValue &value);
    void rebuildFaults();
    void rebuildRateLimits();
    QList<Window *> windowsFor(const QString &routeClass, const QString &routeKey);

    quint64 m_seed;
    QJsonObject m_startup;
    QJsonObject m_values;
    std::vector<FaultRule> m_faults;
    QHash<QString, Window> m_windows;
};

bool routeMatches(const QString &pattern, const QString &routeKey);

} // namespace zsim
