#include "core/Token.h"

#include <QJsonDocument>
#include <algorithm>

namespace zc {

QString expirySourceName(ExpirySource s)
{
    switch (s) {
    case ExpirySource::ExpiresIn: return QStringLiteral("expires_in");
    case ExpirySource::JwtExp: return QStringLiteral("jwt-exp");
    case ExpirySource::None: return QStringLiteral("none");
    case ExpirySource::IdleTimeout: return QStringLiteral("idle-timeout");
    case ExpirySource::StaticKey: return QStringLiteral("static-key");
    }
    return {};
}

bool Token::isUsableAt(qint64 nowMs, qint64 marginMs) const
{
    if (value.isEmpty())
        return false;
    if (source == ExpirySource::StaticKey)
        return true;
    return nowMs + marginMs < expiresMs;
}

void Token::touch(qint64 nowMs, const QDateTime &nowUtc)
{
    if (source != ExpirySource::IdleTimeout)
        return;
    lastUsedMs = nowMs;
    expiresMs = nowMs + idleTimeoutMs;
    expiresUtc = nowUtc.addMSecs(idleTimeoutMs);
}

void Token::wipe()
{
    if (!value.isEmpty()) {
        value.detach();
        std::fill(value.begin(), value.end(), char(0));
    }
    value.clear();
}

QByteArray Token::toCacheJson() const
{
    QJsonObject o{{QStringLiteral("access_token"), QString::fromLatin1(value)},
                  {QStringLiteral("token_type"), type},
                  {QStringLiteral("expires_at"), expiresUtc.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("obtained_at"), obtainedUtc.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("source"), expirySourceName(source)}};
    if (source == ExpirySource::IdleTimeout)
        o.insert(QStringLiteral("idle_timeout_ms"), double(idleTimeoutMs));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Token Token::fromCacheJson(const QByteArray &json, qint64 nowMs, const QDateTime &nowUtc,
                           qint64 marginMs)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    Token t;
    t.value = o.value(QStringLiteral("access_token")).toString().toLatin1();
    t.type = o.value(QStringLiteral("token_type")).toString();
    t.expiresUtc = QDateTime::fromString(o.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    t.obtainedUtc = QDateTime::fromString(o.value(QStringLiteral("obtained_at")).toString(), Qt::ISODateWithMs);
    const QString src = o.value(QStringLiteral("source")).toString();
    for (auto s : {ExpirySource::ExpiresIn, ExpirySource::JwtExp, ExpirySource::None,
                   ExpirySource::IdleTimeout})
        if (expirySourceName(s) == src)
            t.source = s;
    if (t.value.isEmpty() || !t.expiresUtc.isValid() || !t.obtainedUtc.isValid()
        || src == expirySourceName(ExpirySource::StaticKey))
        return {};
    const qint64 left = nowUtc.msecsTo(t.expiresUtc);
    // A cache entry from the future (clock moved back) is not trusted beyond its lifetime.
    const qint64 lifetime = t.obtainedUtc.msecsTo(t.expiresUtc);
    if (left <= marginMs || lifetime <= 0 || left > lifetime)
        return {};
    t.expiresMs = nowMs + left;
    t.obtainedMs = t.expiresMs - lifetime;
    if (t.source == ExpirySource::IdleTimeout) {
        t.idleTimeoutMs = qint64(o.value(QStringLiteral("idle_timeout_ms")).toDouble());
        t.lastUsedMs = t.expiresMs - t.idleTimeoutMs;
    }
    return t;
}

} // namespace zc
