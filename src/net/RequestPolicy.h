#pragma once

#include "net/RateLimiter.h"

#include <QList>
#include <QString>

namespace zc {

// ZIA's URL lookup pacing (one request per 1.1 s: 1/s plus a margin against jitter; 400 per hour).
namespace ziaLimits {
inline constexpr qint64 UrlLookupIntervalMs = 1100;
inline constexpr int UrlLookupPerHour = 400;
} // namespace ziaLimits

// One budget class of an API: the last part of a rate key "<tenant>/<service>/<class>".
struct RateClassRule
{
    const char *name;               // "read", "write", "activate", "urlLookup"
    QList<RateBudget> budgets;      // as the API documents them (zscaler-api-notes.md §3.7, §4.6)
};

// What one API's requests follow, read by RequestPolicy only.
struct ApiRules
{
    const char *service = "";       // "zpa" | "zia" | "ziam" | … (the middle part of a rate key)
    QList<RateClassRule> classes;   // unknown class: no client-side limit
    // The server counts a request when it ARRIVES, the limiter when it was written to its
    // connection (RateLimiter::markSent): a margin on every window keeps the jitter between the
    // two from meeting the server's window when the budget binds (ZPA: max(50 ms, 1 %)).
    bool arrivalMargin = false;
    int timeoutMs = 30'000;         // transfer timeout of an API call
    int probeTimeoutMs = 20'000;    // of the connection test's read
    qint64 maxBodyBytes = -1;       // -1 = HttpClient's cap
};

// The request policy of every API, in one table (RequestPolicy.cpp): rate keys, budgets with
// their arrival margin, timeouts and body caps; which failures are retried and how is the
// pipeline's RetryPolicy (429 Retry-After pausing the key, 503/504 backoff, 409 edit lock,
// network errors of idempotent methods; RetryConfig). The pipeline installs a key's budgets
// from the table the first time the key is used (ensure), so whoever sends first (a
// connection test, a listing, an activation) gets the same pacing. Everything above src/net
// reads and sets pacing through this class, never through the RateLimiter.
// Lives in the thread of its pipeline.
class RequestPolicy
{
public:
    explicit RequestPolicy(RateLimiter *limiter);

    static const ApiRules &rules(const QString &service); // empty rules for an unknown service
    static QString rateKey(const QString &tenantId, const QString &service, const QString &rateClass);
    // The table's budgets of a class, the API's arrival margin added.
    static QList<RateBudget> budgetsFor(const QString &service, const QString &rateClass);
    static qint64 arrivalMarginMs(qint64 windowMs); // max(50 ms, 1 % of the window)
    static QList<RateBudget> withMargin(const QList<RateBudget> &budgets);

    // Installs the table's budgets for `key` unless someone set them already.
    void ensure(const QString &key);
    // `count` per `windowMs` under `key`, the key's API margin added; count <= 0 = unlimited.
    void setBudget(const QString &key, int count, qint64 windowMs);
    // Exactly these budgets (a setting of the activation budget).
    void setBudgets(const QString &key, const QList<RateBudget> &budgets);
    QList<RateBudget> budgets(const QString &key) const;
    // The budgets an `x-ratelimit-limit` header states ("500, 500;w=1, 20000;w=60": each
    // "count;w=seconds" item; a bare count is the current window's and is skipped); empty when
    // it states none.
    static QList<RateBudget> budgetsFromHeader(const QByteArray &value);
    // Takes the budgets a reply's x-ratelimit-limit states for `key` when they differ from the
    // key's (ZIdentity: the server says its limits); returns whether it changed them.
    bool adoptHeader(const QString &key, const QByteArray &value);
    // Requests granted under `key` in the last `windowMs`.
    int grantsWithin(const QString &key, qint64 windowMs) const;
    // Until a new request under `key` could go (0 = now).
    qint64 waitMs(const QString &key) const;

private:
    RateLimiter *m_limiter;
};

} // namespace zc
