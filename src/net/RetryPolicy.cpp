#include "net/RetryPolicy.h"

#include "net/ErrorBody.h"
#include "net/RetryAfter.h"

#include <QObject>
#include <climits>
#include <cmath>

namespace zc {

QString RetryDecision::reasonName(Reason r)
{
    switch (r) {
    case None: return {};
    case RateLimited: return QStringLiteral("rate limited");
    case ServerBusy: return QStringLiteral("server busy");
    case EditLock: return QStringLiteral("edit lock held by another session");
    case NetworkError: return QStringLiteral("network error");
    }
    return {};
}

bool RetryPolicy::isIdempotent(const QByteArray &method)
{
    const QByteArray m = method.toUpper();
    return m == "GET" || m == "HEAD" || m == "PUT" || m == "DELETE" || m == "OPTIONS";
}

bool RetryPolicy::isEditLock(const HttpResponse &r)
{
    if (r.status != 409 && r.status != 412)
        return false;
    const ErrorBodyInfo info = parseErrorBody(r.body);
    const QString code = info.code;
    if (r.status == 409
        && (code == QLatin1String("EDIT_LOCK_NOT_AVAILABLE")
            || code == QLatin1String("api.concurrent.access.error")))
        return true;
    // ZIA: "Failed during enter Org barrier" (409/412 UNEXPECTED_ERROR), retried by the Go SDK.
    return code == QLatin1String("UNEXPECTED_ERROR")
           && info.reason.contains(QLatin1String("Org barrier"), Qt::CaseInsensitive);
}

qint64 RetryPolicy::withJitter(qint64 ms, double random01) const
{
    const double f = 1.0 + m_config.jitter * (2.0 * std::clamp(random01, 0.0, 1.0) - 1.0);
    return std::max<qint64>(0, qint64(std::llround(double(ms) * f)));
}

RetryDecision RetryPolicy::decide(const HttpRequest &request, const HttpResponse &response,
                                  int attempt, qint64 editLockWaitedMs, double random01,
                                  const QDateTime &now) const
{
    RetryDecision d;
    const int status = response.status;
    const bool transport = response.status == 0 && response.error.isError();

    if (transport) {
        if (response.error.kind != ErrorKind::Network || !m_config.retryNetworkErrors
            || !isIdempotent(request.method))
            return d;
        d.reason = RetryDecision::NetworkError;
    } else if (status == 429) {
        d.reason = RetryDecision::RateLimited;
    } else if (status == 503 || status == 504) {
        d.reason = RetryDecision::ServerBusy;
    } else if (isEditLock(response)) {
        d.reason = RetryDecision::EditLock;
    } else {
        return d; // not retryable
    }

    auto giveUp = [&](ErrorKind kind, const QString &msg) {
        d.retry = false;
        d.giveUp = response.error.isError() ? response.error : apiErrorFromResponse(response);
        d.giveUp.kind = kind;
        d.giveUp.message = msg + QStringLiteral(": ") + d.giveUp.message;
        return d;
    };

    if (d.reason == RetryDecision::EditLock) {
        const qint64 base = m_config.editLockBaseMs * (qint64(1) << std::min(attempt - 1, 20));
        const qint64 wait = std::min(base, m_config.editLockMaxMs);
        if (attempt >= m_config.editLockMaxAttempts
            || editLockWaitedMs + wait > m_config.editLockTotalMs)
            return giveUp(ErrorKind::Api,
                          QObject::tr("gave up after waiting %1 s for the tenant's edit lock")
                              .arg(editLockWaitedMs / 1000));
        d.retry = true;
        d.delayMs = withJitter(wait, random01);
        return d;
    }

    if (attempt >= m_config.maxAttempts) {
        if (d.reason == RetryDecision::RateLimited)
            return giveUp(ErrorKind::RateLimited,
                          QObject::tr("still rate limited after %1 attempts").arg(attempt));
        if (d.reason == RetryDecision::NetworkError)
            return giveUp(ErrorKind::Network, QObject::tr("failed %1 times").arg(attempt));
        return giveUp(ErrorKind::Api, QObject::tr("server still busy after %1 attempts").arg(attempt));
    }

    if (d.reason == RetryDecision::RateLimited) {
        const auto ra = RetryAfter::fromResponse(response, now);
        const qint64 wait = ra ? *ra : m_config.default429WaitMs;
        if (wait > m_config.maxRetryAfterMs) {
            auto e = giveUp(ErrorKind::RateLimited,
                            QObject::tr("the server asks to wait %1 s (a quota is exhausted); "
                                        "try again later")
                                .arg(wait / 1000));
            e.giveUp.retryAfterSeconds = int(std::min<qint64>(wait / 1000, INT_MAX));
            return e;
        }
        d.retry = true;
        d.pauseKey = true;
        // Jitter only upwards: never earlier than the server asked.
        d.delayMs = wait + qint64(double(wait) * m_config.jitter * std::clamp(random01, 0.0, 1.0));
        return d;
    }

    // 503 / 504 / network: exponential backoff, honouring a Retry-After if the server sent one.
    qint64 wait = std::min(m_config.backoffMaxMs,
                           m_config.backoffBaseMs * (qint64(1) << std::min(attempt - 1, 20)));
    if (const auto ra = RetryAfter::fromResponse(response, now); ra && !transport) {
        if (*ra > m_config.maxRetryAfterMs)
            return giveUp(ErrorKind::Api, QObject::tr("the server asks to wait %1 s").arg(*ra / 1000));
        wait = std::max(wait, *ra);
    }
    d.retry = true;
    d.delayMs = withJitter(wait, random01);
    return d;
}

} // namespace zc
