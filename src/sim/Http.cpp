#include "sim/Http.h"

#include <QUrl>

namespace zsim {

QByteArray SimRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool SimRequest::hasQuery(const QString &key) const
{
    for (const auto &q : query) {
        if (q.first == key)
            return true;
    }
    return false;
}

QString SimRequest::queryValue(const QString &key) const
{
    for (const auto &q : query) {
        if (q.first == key)
            return q.second;
    }
    return {};
}

QByteArray SimRequest::cookie(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare("cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &part : h.second.split(';')) {
            const QByteArray p = part.trimmed();
            const qsizetype eq = p.indexOf('=');
            if (eq > 0 && p.left(eq) == name)
                return p.mid(eq + 1);
        }
    }
    return {};
}

QByteArray SimRequest::bearerToken() const
{
    const QByteArray auth = header("authorization").trimmed();
    if (auth.size() > 7 && auth.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return auth.mid(7).trimmed();
    return {};
}

bool SimRequest::basicCredentials(QString *user, QString *password) const
{
    const QByteArray auth = header("authorization").trimmed();
    if (auth.size() <= 6 || auth.left(6).compare("basic ", Qt::CaseInsensitive) != 0)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(auth.mid(6).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QByteArray text = decoded.decoded;
    const qsizetype colon = text.indexOf(':');
    if (colon < 0)
        return false;
    *user = QString::fromUtf8(text.left(colon));
    *password = QString::fromUtf8(text.mid(colon + 1));
    return true;
}

SimResponse SimResponse::json(int status, const QJsonObject &o)
{
    return bytes(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

SimResponse SimResponse::json(int status, const QJsonArray &a)
{
    return bytes(status, QJsonDocument(a).toJson(QJsonDocument::Compact));
}

SimResponse SimResponse::bytes(int status, const QByteArray &body, const QByteArray &contentType)
{
    SimResponse r;
    r.status = status;
    r.body = body;
    r.contentType = contentType;
    return r;
}

SimResponse SimResponse::empty(int status)
{
    SimResponse r;
    r.status = status;
    r.contentType.clear();
    return r;
}

SimResponse &SimResponse::header(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray SimResponse::headerValue(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QHash<QString, QString> parseForm(const QByteArray &body)
{
    QHash<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray k = eq < 0 ? pair : pair.left(eq);
        QByteArray v = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        k.replace('+', ' ');
        v.replace('+', ' ');
        const QString key = QString::fromUtf8(QByteArray::fromPercentEncoding(k));
        if (!out.contains(key))
            out.insert(key, QString::fromUtf8(QByteArray::fromPercentEncoding(v)));
    }
    return out;
}

bool parseJsonObject(const QByteArray &body, QJsonObject *out)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

bool parseJsonArray(const QByteArray &body, QJsonArray *out)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray())
        return false;
    *out = doc.array();
    return true;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace zsim
