#include "net/HttpTypes.h"

#include "net/NetLog.h"

namespace zc {

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    headers.append({name, value});
}

void HttpRequest::removeHeader(const QByteArray &name)
{
    headers.removeIf([&name](const QPair<QByteArray, QByteArray> &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QString HttpRequest::endpoint() const { return endpointName(method, url); }

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QList<QByteArray> HttpResponse::headerValues(const QByteArray &name) const
{
    QList<QByteArray> out;
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            out << h.second;
    return out;
}

QByteArray HttpResponse::cookie(const QByteArray &name) const
{
    // Qt joins several Set-Cookie headers with '\n'.
    for (const QByteArray &v : headerValues("set-cookie"))
        for (const QByteArray &line : v.split('\n')) {
            const QByteArray first = line.split(';').first().trimmed();
            const int eq = first.indexOf('=');
            if (eq > 0 && first.left(eq).trimmed() == name)
                return first.mid(eq + 1).trimmed();
        }
    return {};
}

bool HttpResponse::isJson() const
{
    return header("content-type").toLower().contains("json");
}

ApiError HttpResponse::parseError(const QString &why) const
{
    ApiError e = ApiError::make(ErrorKind::Parse, why, endpoint);
    e.httpStatus = status;
    e.requestId = requestId;
    return e;
}

bool HttpResponse::looksLikeHtml() const
{
    if (header("content-type").toLower().contains("text/html"))
        return true;
    const QByteArray head = body.left(512).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")
           || head.startsWith("<head") || head.startsWith("<body");
}

} // namespace zc
