#pragma once

#include "core/ApiError.h"
#include "core/Token.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace zc {

enum class TokenState { NoToken, Valid, Expiring, Expired, Error };

QString tokenStateName(TokenState s); // "no token", "valid", "expiring", "expired", "error"

// What the GUI may know about one client's token: never the token itself.
struct TokenStatus
{
    QString clientId;
    TokenState state = TokenState::NoToken;
    ExpirySource source = ExpirySource::None;
    qint64 expiresMs = 0;      // monotonic, on the broker's clock (same process clock)
    QDateTime expiresUtc;      // display
    QDateTime obtainedUtc;
    bool fetching = false;
    ApiError lastError;        // last failed token request (kept while a valid token remains)

    bool operator==(const TokenStatus &o) const
    {
        return clientId == o.clientId && state == o.state && source == o.source
               && expiresMs == o.expiresMs && fetching == o.fetching
               && lastError.message == o.lastError.message && lastError.kind == o.lastError.kind;
    }
    // "12 min", "59 s", "2 h 5 min", "no stated expiry", "—"
    static QString countdownText(qint64 remainingMs);
};

} // namespace zc

Q_DECLARE_METATYPE(zc::TokenStatus)
