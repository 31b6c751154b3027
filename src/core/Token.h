#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace zc {

// How the expiry of a token is known.
enum class ExpirySource {
    ExpiresIn,  // the token reply's expires_in
    JwtExp,     // the token is a JWT and its exp claim was used
    None,       // no stated expiry: an assumed lifetime is used and a 401 renews it
    IdleTimeout,// zia-legacy JSESSIONID: valid while in use, ends after an idle time
    StaticKey,  // apptotal-key / sandbox-token: the key itself, no token exchange
};

QString expirySourceName(ExpirySource s);

// An access credential obtained for one API client. Deadlines are on the monotonic clock of
// the Clock that made it (see core/Clock.h); the wall-clock times are for display and the
// keychain token cache. Holds secret bytes: call wipe() when done with a copy you own.
struct Token
{
    QByteArray value;      // access token, JSESSIONID value, or the static key
    QString type;          // "Bearer", "JSESSIONID", "X-API-KEY", "api_token"
    ExpirySource source = ExpirySource::None;
    qint64 obtainedMs = 0; // monotonic
    qint64 expiresMs = 0;  // monotonic; for IdleTimeout: lastUsedMs + idleTimeoutMs
    qint64 idleTimeoutMs = 0; // zia-legacy only
    qint64 lastUsedMs = 0;    // zia-legacy only (monotonic)
    QDateTime obtainedUtc;
    QDateTime expiresUtc;  // display only; invalid for StaticKey
    quint64 generation = 0; // set by the broker: which fetch produced it

    bool isNull() const { return value.isEmpty(); }
    bool isStaticKey() const { return source == ExpirySource::StaticKey; }
    qint64 lifetimeMs() const { return expiresMs - obtainedMs; }
    // Usable at `nowMs` with `marginMs` to spare (static keys always are).
    bool isUsableAt(qint64 nowMs, qint64 marginMs = 0) const;
    qint64 remainingMs(qint64 nowMs) const { return expiresMs - nowMs; }
    // zia-legacy: a request was made with the session now (moves the idle deadline).
    void touch(qint64 nowMs, const QDateTime &nowUtc);

    void wipe();

    // The keychain token-cache form: {"access_token","token_type","expires_at","obtained_at",
    // "source","idle_timeout_ms"}; wall-clock times only (monotonic ones mean nothing later).
    QByteArray toCacheJson() const;
    // Rebuilds a token from the cache form against the clock `nowMs`/`nowUtc`; null if the JSON
    // is invalid or the token expires within `marginMs`.
    static Token fromCacheJson(const QByteArray &json, qint64 nowMs, const QDateTime &nowUtc,
                               qint64 marginMs);
};

} // namespace zc

Q_DECLARE_METATYPE(zc::Token)
