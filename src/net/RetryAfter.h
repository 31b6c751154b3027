#pragma once

#include "net/HttpTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace zc {

// Retry-After as the Zscaler APIs send it (zscaler-api-notes.md §1.7, §4.6): header or JSON
// body field "Retry-After", as "4", "4s", "1 seconds", "0 seconds", an HTTP-date, or a float.
// Also X-Rate-Limit-Retry-After-Seconds (ZCC) and x-ratelimit-reset as a fallback.
struct RetryAfter
{
    static constexpr qint64 MinMs = 1000;          // "0" means at least one second
    static constexpr qint64 FailFastMs = 300'000;  // longer than 5 min: an exhausted quota

    // Milliseconds to wait; nullopt if the value is not understood. Negative or zero → MinMs.
    // `now` is needed for an HTTP-date.
    static std::optional<qint64> parseValue(const QByteArray &value, const QDateTime &now);
    // From the JSON body {"Retry-After": "1 seconds"} (any key case); nullopt if absent.
    static std::optional<qint64> fromBody(const QByteArray &body);
    // From a reply: Retry-After header, then the body, then X-Rate-Limit-Retry-After-Seconds,
    // then x-ratelimit-reset (seconds). nullopt if none is present or understood.
    static std::optional<qint64> fromResponse(const HttpResponse &r, const QDateTime &now);
    // The wait to use: at least MinMs, at most `capMs`.
    static qint64 clamp(qint64 ms, qint64 capMs);
    static bool isFailFast(qint64 ms) { return ms > FailFastMs; }
};

} // namespace zc
