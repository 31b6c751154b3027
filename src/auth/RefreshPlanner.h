#pragma once

#include <QHash>
#include <QMap>
#include <QString>

namespace zc {

// When to renew each token ahead of its expiry (SECURITY-NOTES.md lesson 7): at a random point
// in [low, high] of its lifetime (default ⅔–¾), no sooner than minInterval after the client's
// last token request (a 4-second token must not cause a storm), and at least `spacing` away
// from every other client's planned refresh, so 200 clients never renew together. Pure logic
// on monotonic milliseconds; the broker owns one.
class RefreshPlanner
{
public:
    struct Config
    {
        double low = 2.0 / 3.0;
        double high = 0.75;
        qint64 minIntervalMs = 2000;
        qint64 spacingMs = 150;
    };

    RefreshPlanner() = default;
    explicit RefreshPlanner(const Config &c)
        : m_config(c)
    {
    }
    const Config &config() const { return m_config; }
    void setConfig(const Config &c) { m_config = c; }

    // Plans (or re-plans) `clientId`'s refresh; returns the time. `random01` in [0, 1).
    qint64 plan(const QString &clientId, qint64 obtainedMs, qint64 lifetimeMs,
                qint64 lastRequestMs, double random01);
    // Plans a retry after a failure at `at` (already backed off), kept clear of the others.
    qint64 planAt(const QString &clientId, qint64 at, qint64 latest);
    void remove(const QString &clientId);
    qint64 plannedFor(const QString &clientId) const { return m_byClient.value(clientId, -1); }
    int size() const { return int(m_byClient.size()); }
    const QMultiMap<qint64, QString> &schedule() const { return m_byTime; }

private:
    bool isFree(qint64 t) const;
    qint64 findSlot(qint64 want, qint64 earliest, qint64 latest) const;
    void put(const QString &clientId, qint64 t);

    Config m_config;
    QMultiMap<qint64, QString> m_byTime;
    QHash<QString, qint64> m_byClient;
};

} // namespace zc
