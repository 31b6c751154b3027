#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace zc {

// What went wrong, in the categories that decide what a person (or a script) does next.
// The CLI maps them to its documented exit codes.
enum class ErrorKind {
    None,
    Usage,          // bad arguments or input
    Config,         // the config file or a profile is invalid
    Keychain,       // the OS keychain is missing, locked, refused or timed out
    Authentication, // the server refused the credentials (or a token)
    Network,        // connection refused/reset, DNS, timeout
    Tls,            // certificate or handshake failure
    RateLimited,    // 429 that we gave up waiting for
    Api,            // any other HTTP error or unexpected reply
    Parse,          // a reply that is not what the endpoint promises
    Cancelled,
};

struct ApiError
{
    ErrorKind kind = ErrorKind::None;
    QString message;       // one sentence a person can act on
    QString endpoint;      // e.g. "POST https://acme.zslogin.net/oauth2/v1/token" (no query)
    int httpStatus = 0;    // 0 when no HTTP reply
    QString code;          // server code: ZIA "code", ZPA "id", OAuth "error"
    QString requestId;     // x-oneapi-request-id / x-transaction-id when present
    int retryAfterSeconds = -1;

    static ApiError make(ErrorKind kind, const QString &message, const QString &endpoint = {});

    bool isError() const { return kind != ErrorKind::None; }
    explicit operator bool() const { return isError(); }

    // "authentication failed: ... (401 invalid_client, POST https://…/signin)"
    QString toString() const;

    static QString kindName(ErrorKind kind);
};

// Documented exit codes of zconsole-cli.
namespace exitcode {
inline constexpr int Ok = 0;
inline constexpr int Failure = 1; // unexpected internal failure
inline constexpr int Usage = 2;
inline constexpr int Auth = 3;
inline constexpr int Network = 4;
inline constexpr int Api = 5;
inline constexpr int Keychain = 6;
inline constexpr int Config = 7;
inline constexpr int Expiring = 8; // client expiring: a known secret expires within the days asked, or has expired
} // namespace exitcode

int exitCodeFor(ErrorKind kind);

} // namespace zc

Q_DECLARE_METATYPE(zc::ApiError)
