#include "net/RetryAfter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace zc {

std::optional<qint64> RetryAfter::parseValue(const QByteArray &raw, const QDateTime &now)
{
    const QString v = QString::fromLatin1(raw).trimmed();
    if (v.isEmpty() || v.size() > 100)
        return std::nullopt;
    // "4", "4s", "4 s", "1 seconds", "1 second", "1.5", "-3", "13sec".
    static const QRegularExpression num(
        QStringLiteral(R"(^([+-]?\d{1,12}(?:\.\d+)?)\s*(s|sec|secs|second|seconds)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = num.match(v);
    if (m.hasMatch()) {
        bool ok = false;
        const double secs = m.captured(1).toDouble(&ok);
        if (!ok || !std::isfinite(secs))
            return std::nullopt;
        if (secs <= 0)
            return MinMs;
        if (secs > 1e9)
            return qint64(1e12);
        return std::max<qint64>(MinMs, qint64(std::ceil(secs * 1000.0)));
    }
    // HTTP-date (RFC 7231 IMF-fixdate): "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(v, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        when = QDateTime::fromString(v, Qt::RFC2822Date);
    if (when.isValid()) {
        when.setTimeSpec(Qt::UTC);
        return std::max<qint64>(MinMs, now.msecsTo(when));
    }
    return std::nullopt;
}

std::optional<qint64> RetryAfter::fromBody(const QByteArray &body)
{
    if (body.size() > 64 * 1024 || !body.contains("etry"))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString k = it.key().toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
        if (k != QLatin1String("retryafter"))
            continue;
        const QJsonValue v = it.value();
        if (v.isDouble())
            return parseValue(QByteArray::number(v.toDouble()), {});
        if (v.isString())
            return parseValue(v.toString().toLatin1(), QDateTime::currentDateTimeUtc());
    }
    return std::nullopt;
}

std::optional<qint64> RetryAfter::fromResponse(const HttpResponse &r, const QDateTime &now)
{
    if (const QByteArray h = r.header("retry-after"); !h.isEmpty())
        if (auto v = parseValue(h, now))
            return v;
    if (auto v = fromBody(r.body))
        return v;
    if (const QByteArray h = r.header("x-rate-limit-retry-after-seconds"); !h.isEmpty())
        if (auto v = parseValue(h, now))
            return v;
    if (const QByteArray h = r.header("x-ratelimit-reset"); !h.isEmpty())
        if (auto v = parseValue(h.split(',').first(), now))
            return v;
    return std::nullopt;
}

qint64 RetryAfter::clamp(qint64 ms, qint64 capMs) { return std::clamp(ms, MinMs, std::max(MinMs, capMs)); }

} // namespace zc
