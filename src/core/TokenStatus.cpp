#include "core/TokenStatus.h"

#include <QObject>

namespace zc {

QString tokenStateName(TokenState s)
{
    switch (s) {
    case TokenState::NoToken: return QObject::tr("no token");
    case TokenState::Valid: return QObject::tr("valid");
    case TokenState::Expiring: return QObject::tr("expiring");
    case TokenState::Expired: return QObject::tr("expired");
    case TokenState::Error: return QObject::tr("error");
    }
    return {};
}

QString TokenStatus::countdownText(qint64 ms)
{
    if (ms <= 0)
        return QObject::tr("expired");
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return QObject::tr("%1 s").arg(s);
    const qint64 m = s / 60;
    if (m < 60)
        return QObject::tr("%1 min %2 s").arg(m).arg(s % 60);
    const qint64 h = m / 60;
    if (h < 48)
        return QObject::tr("%1 h %2 min").arg(h).arg(m % 60);
    return QObject::tr("%1 days").arg(h / 24);
}

} // namespace zc
