#pragma once

#include "net/HttpTypes.h"

#include <QDateTime>
#include <QString>

namespace zc {

struct RetryConfig
{
    int maxAttempts = 5;               // sends per call for 429 / 5xx / network errors
    qint64 maxRetryAfterMs = 300'000;  // a longer Retry-After fails fast (quota exhausted)
    qint64 default429WaitMs = 2000;    // 429 without any Retry-After
    double jitter = 0.25;              // ± fraction added to every wait
    qint64 backoffBaseMs = 1000;       // 503 / 504 / network: base · 2^(attempt-1)
    qint64 backoffMaxMs = 30'000;
    qint64 editLockBaseMs = 5000;      // 409 edit lock: 5 s doubling…
    qint64 editLockMaxMs = 60'000;     // …capped at 60 s…
    qint64 editLockTotalMs = 300'000;  // …for at most this long in total
    int editLockMaxAttempts = 10;
    bool retryNetworkErrors = true;    // connection reset / timeout, idempotent methods only
};

struct RetryDecision
{
    enum Reason { None, RateLimited, ServerBusy, EditLock, NetworkError };
    bool retry = false;
    qint64 delayMs = 0;
    Reason reason = None;
    bool pauseKey = false;   // a 429: pause the rate-limit key for delayMs
    ApiError giveUp;         // set when a retryable failure is not retried (why)

    static QString reasonName(Reason r);
};

// Decides whether a failed attempt is sent again, and after how long
// (zscaler-api-notes.md §7.2): 429 → Retry-After (+ jitter), > 5 min fails fast;
// 503 / 504 → exponential backoff; ZIA 409 EDIT_LOCK_NOT_AVAILABLE and ZPA 409
// api.concurrent.access.error → 5 s doubling to 60 s, bounded in total; network errors of
// GET/HEAD/PUT/DELETE → backoff. Everything bounded by maxAttempts. Pure: no clock, no I/O.
class RetryPolicy
{
public:
    RetryPolicy() = default;
    explicit RetryPolicy(const RetryConfig &config)
        : m_config(config)
    {
    }
    const RetryConfig &config() const { return m_config; }
    RetryConfig &config() { return m_config; }

    // `attempt`: sends so far for this call (1 after the first); `editLockWaitedMs`: time
    // already spent waiting on edit locks; `random01`: uniform in [0, 1) for the jitter.
    RetryDecision decide(const HttpRequest &request, const HttpResponse &response, int attempt,
                         qint64 editLockWaitedMs, double random01,
                         const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    static bool isEditLock(const HttpResponse &response);
    static bool isIdempotent(const QByteArray &method);

private:
    qint64 withJitter(qint64 ms, double random01) const;
    RetryConfig m_config;
};

} // namespace zc
