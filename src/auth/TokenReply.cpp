#include "auth/TokenReply.h"

#include "auth/Jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <cmath>

namespace zc {

std::optional<qint64> TokenReply::parseExpiresIn(const QJsonValue &value)
{
    double secs = 0;
    if (value.isDouble()) {
        secs = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        secs = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    } else {
        return std::nullopt; // null, absent, bool, object
    }
    if (std::isnan(secs))
        return std::nullopt;
    if (secs < double(MinLifetimeSecs))
        return MinLifetimeSecs;
    if (secs > double(MaxLifetimeSecs))
        return MaxLifetimeSecs;
    return std::max(MinLifetimeSecs, qint64(secs));
}

ApiError TokenReply::parse(const HttpResponse &response, qint64 nowMs, const QDateTime &nowUtc,
                           const TokenReplyOptions &options, Token *out)
{
    if (response.looksLikeHtml()) {
        ApiError e = ApiError::make(ErrorKind::Parse,
                                    QObject::tr("the token endpoint answered with an HTML page, not "
                                                "JSON (a login page or a proxy in the way?)"),
                                    response.endpoint);
        e.httpStatus = response.status;
        return e;
    }
    ApiError e = parse(response.body, response.endpoint, nowMs, nowUtc, options, out);
    if (e) {
        e.httpStatus = response.status;
        e.requestId = response.requestId;
    }
    return e;
}

ApiError TokenReply::parse(const QByteArray &body, const QString &endpoint, qint64 nowMs,
                           const QDateTime &nowUtc, const TokenReplyOptions &options, Token *out)
{
    auto fail = [&endpoint](const QString &msg) {
        return ApiError::make(ErrorKind::Parse, msg, endpoint);
    };
    QByteArray text = body.trimmed();
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.mid(3);
    if (text.isEmpty())
        return fail(QObject::tr("the token endpoint answered with an empty body"));
    const QByteArray head = text.left(64).toLower();
    if (head.startsWith('<'))
        return fail(QObject::tr("the token endpoint answered with an HTML page, not JSON (a login "
                                "page or a proxy in the way?)"));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(QObject::tr("the token endpoint answered with invalid JSON (%1 at offset %2)")
                        .arg(pe.errorString())
                        .arg(pe.offset));
    if (!doc.isObject())
        return fail(QObject::tr("the token endpoint answered with JSON that is not an object"));
    const QJsonObject o = doc.object();
    const QJsonValue tv = o.value(QStringLiteral("access_token"));
    if (!tv.isString() || tv.toString().isEmpty())
        return fail(QObject::tr("the token endpoint's reply has no access_token"));
    const QString ts = tv.toString();
    if (ts.size() > options.maxTokenBytes)
        return fail(QObject::tr("the access token is %1 bytes long; more than %2 is refused")
                        .arg(ts.size())
                        .arg(options.maxTokenBytes));
    for (QChar c : ts)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return fail(QObject::tr("the access token contains characters that cannot go in an "
                                    "HTTP header"));
    QString type = o.value(QStringLiteral("token_type")).toString();
    if (type.isEmpty())
        type = QStringLiteral("Bearer");
    if (type.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
        return fail(QObject::tr("the token endpoint issued a \"%1\" token; zconsole speaks Bearer "
                                "tokens only")
                        .arg(type.left(40)));

    Token t;
    t.value = ts.toLatin1();
    t.type = QStringLiteral("Bearer");
    t.obtainedMs = nowMs;
    t.obtainedUtc = nowUtc;
    const auto expiresIn = parseExpiresIn(o.value(QStringLiteral("expires_in")));
    std::optional<qint64> jwtLeft;
    if (const auto exp = Jwt::exp(t.value)) {
        const qint64 left = *exp - nowUtc.toSecsSinceEpoch();
        jwtLeft = std::clamp(left, MinLifetimeSecs, MaxLifetimeSecs);
        // A JWT whose exp is already past while expires_in promises time: the clocks disagree;
        // trust the relative expires_in.
        if (left <= 0 && expiresIn)
            jwtLeft.reset();
    }
    qint64 lifetimeMs = 0;
    if (jwtLeft && (!expiresIn || *jwtLeft <= *expiresIn)) {
        t.source = ExpirySource::JwtExp;
        lifetimeMs = *jwtLeft * 1000;
    } else if (expiresIn) {
        t.source = ExpirySource::ExpiresIn;
        lifetimeMs = *expiresIn * 1000;
    } else {
        t.source = ExpirySource::None;
        lifetimeMs = std::max<qint64>(1000, options.assumedLifetimeMs);
    }
    t.expiresMs = nowMs + lifetimeMs;
    t.expiresUtc = nowUtc.addMSecs(lifetimeMs);
    *out = t;
    return {};
}

} // namespace zc
