#include "net/ErrorBody.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace zc {

namespace {
QString oneLine(QString s)
{
    s.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    s = s.simplified();
    // Keep control characters out of terminals and logs.
    for (QChar &c : s)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('?');
    if (s.size() > 300)
        s = s.left(297) + QStringLiteral("...");
    return s;
}

QString str(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}
} // namespace

QString httpStatusText(int status)
{
    switch (status) {
    case 400: return QStringLiteral("400 Bad Request");
    case 401: return QStringLiteral("401 Unauthorized");
    case 403: return QStringLiteral("403 Forbidden");
    case 404: return QStringLiteral("404 Not Found");
    case 405: return QStringLiteral("405 Method Not Allowed");
    case 408: return QStringLiteral("408 Request Timeout");
    case 409: return QStringLiteral("409 Conflict");
    case 412: return QStringLiteral("412 Precondition Failed");
    case 413: return QStringLiteral("413 Payload Too Large");
    case 415: return QStringLiteral("415 Unsupported Media Type");
    case 429: return QStringLiteral("429 Too Many Requests");
    case 500: return QStringLiteral("500 Internal Server Error");
    case 502: return QStringLiteral("502 Bad Gateway");
    case 503: return QStringLiteral("503 Service Unavailable");
    case 504: return QStringLiteral("504 Gateway Timeout");
    default: return QStringLiteral("HTTP %1").arg(status);
    }
}

ErrorBodyInfo parseErrorBody(const QByteArray &body, const QByteArray &contentType)
{
    ErrorBodyInfo info;
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty()) {
        info.empty = true;
        return info;
    }
    const QByteArray head = trimmed.left(256).toLower();
    if (contentType.toLower().contains("text/html") || head.startsWith("<!doctype")
        || head.startsWith("<html") || head.startsWith("<head") || head.startsWith("<body")) {
        info.html = true;
        info.reason = QObject::tr("the server answered with an HTML page, not JSON");
        return info;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        info.reason = oneLine(QString::fromUtf8(trimmed.left(400)));
        return info;
    }
    const QJsonObject o = doc.object();
    // Code: OAuth/SaaS "error", ZIA "code", ZPA "id", Business Insights "errorCode".
    for (const char *k : {"error", "code", "id", "errorCode", "exception"}) {
        const QString v = str(o, k);
        if (!v.isEmpty()) {
            info.code = oneLine(v);
            break;
        }
    }
    // Reason: the most specific human text.
    QStringList parts;
    for (const char *k : {"error_description", "reason", "message", "detail", "title"}) {
        const QString v = str(o, k);
        if (!v.isEmpty() && !parts.contains(v)) {
            parts << v;
            break;
        }
    }
    const QString resolution = str(o, "resolution");
    if (!resolution.isEmpty())
        parts << resolution;
    info.reason = oneLine(parts.join(QStringLiteral(" — ")));
    if (info.reason.isEmpty())
        info.reason = info.code;
    return info;
}

ApiError apiErrorFromResponse(const HttpResponse &r)
{
    const ErrorBodyInfo info = parseErrorBody(r.body, r.header("content-type"));
    ApiError e;
    if (r.status == 401)
        e.kind = ErrorKind::Authentication;
    else if (r.status == 429)
        e.kind = ErrorKind::RateLimited;
    else
        e.kind = ErrorKind::Api;
    e.httpStatus = r.status;
    e.code = info.code;
    e.endpoint = r.endpoint;
    e.requestId = r.requestId;
    QString reason = info.reason;
    if (reason.isEmpty())
        reason = QObject::tr("the server answered %1 with an empty body").arg(httpStatusText(r.status));
    else if (!info.html)
        reason = QObject::tr("the server answered %1: %2").arg(httpStatusText(r.status), reason);
    else
        reason = QObject::tr("%1 (%2)").arg(reason, httpStatusText(r.status));
    e.message = reason;
    return e;
}

} // namespace zc
