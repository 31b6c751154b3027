#include "core/ApiError.h"

namespace zc {

ApiError ApiError::make(ErrorKind kind, const QString &message, const QString &endpoint)
{
    ApiError e;
    e.kind = kind;
    e.message = message;
    e.endpoint = endpoint;
    return e;
}

QString ApiError::kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return QStringLiteral("ok");
    case ErrorKind::Usage: return QStringLiteral("usage error");
    case ErrorKind::Config: return QStringLiteral("configuration error");
    case ErrorKind::Keychain: return QStringLiteral("keychain error");
    case ErrorKind::Authentication: return QStringLiteral("authentication failed");
    case ErrorKind::Network: return QStringLiteral("network error");
    case ErrorKind::Tls: return QStringLiteral("TLS error");
    case ErrorKind::RateLimited: return QStringLiteral("rate limited");
    case ErrorKind::Api: return QStringLiteral("API error");
    case ErrorKind::Parse: return QStringLiteral("unexpected reply");
    case ErrorKind::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("error");
}

QString ApiError::toString() const
{
    QString s = kindName(kind) + QStringLiteral(": ") + message;
    QStringList ctx;
    if (httpStatus > 0)
        ctx << (code.isEmpty() ? QString::number(httpStatus)
                               : QString::number(httpStatus) + QLatin1Char(' ') + code);
    else if (!code.isEmpty())
        ctx << code;
    if (!endpoint.isEmpty())
        ctx << endpoint;
    if (!requestId.isEmpty())
        ctx << QStringLiteral("request id ") + requestId;
    if (!ctx.isEmpty())
        s += QStringLiteral(" (") + ctx.join(QStringLiteral(", ")) + QLatin1Char(')');
    return s;
}

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return exitcode::Ok;
    case ErrorKind::Usage: return exitcode::Usage;
    case ErrorKind::Config: return exitcode::Config;
    case ErrorKind::Keychain: return exitcode::Keychain;
    case ErrorKind::Authentication: return exitcode::Auth;
    case ErrorKind::Network:
    case ErrorKind::Tls: return exitcode::Network;
    case ErrorKind::RateLimited:
    case ErrorKind::Api:
    case ErrorKind::Parse: return exitcode::Api;
    case ErrorKind::Cancelled: return exitcode::Failure;
    }
    return exitcode::Failure;
}

} // namespace zc
