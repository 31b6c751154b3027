#include "core/TokenStatusSource.h"

namespace zc {

QString TokenStatusSource::countdown(const QString &clientId) const
{
    const TokenStatus s = status(clientId);
    switch (s.state) {
    case TokenState::NoToken:
    case TokenState::Error:
        if (s.expiresMs == 0)
            return QStringLiteral("—");
        break;
    default: break;
    }
    if (s.source == ExpirySource::StaticKey)
        return tr("static key");
    const QString left = TokenStatus::countdownText(remainingMs(clientId));
    if (s.source == ExpirySource::None)
        return tr("no stated expiry (renewed in %1)").arg(left);
    if (s.source == ExpirySource::IdleTimeout)
        return tr("%1 idle left").arg(left);
    return left;
}

} // namespace zc
