#include "core/ZidClient.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include "core/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>

#include <climits>

namespace zc {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return jsonText(o, {key});
}

QList<ZidScope> scopesOf(const QJsonArray &a)
{
    QList<ZidScope> out;
    for (const QJsonValue &v : a) {
        const QJsonObject s = v.toObject();
        ZidScope sc{str(s, "id"), str(s, "name")};
        if (!sc.id.isEmpty() || !sc.name.isEmpty())
            out.append(sc);
    }
    return out;
}

QJsonArray scopesJson(const QList<ZidScope> &scopes)
{
    QJsonArray a;
    for (const ZidScope &s : scopes)
        a.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}});
    return a;
}

} // namespace

int ZidSecret::daysLeft(const QDateTime &now) const
{
    if (!expiresAt.isValid())
        return INT_MAX;
    const qint64 secs = now.secsTo(expiresAt);
    // Rounded down, also below zero: expired an hour ago is day -1.
    return int(secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400));
}

ZidSecret ZidSecret::fromJson(const QJsonObject &o)
{
    ZidSecret s;
    s.id = str(o, "id");
    s.createdAt = zidJson::time(o.value(QLatin1String("createdAt")));
    s.expiresAt = zidJson::time(o.value(QLatin1String("expiresAt")));
    s.value = str(o, "value");
    return s;
}

ZidApiClient ZidApiClient::fromJson(const QJsonObject &o)
{
    ZidApiClient c;
    c.raw = o;
    c.id = str(o, "id");
    c.name = str(o, "name");
    c.description = str(o, "description");
    const QJsonValue status = o.value(QLatin1String("status"));
    c.status = status.isBool() ? status.toBool()
               : status.isString() ? status.toString().compare(QLatin1String("false"), Qt::CaseInsensitive) != 0
                                         && status.toString().compare(QLatin1String("disabled"), Qt::CaseInsensitive) != 0
                                         && status.toString().compare(QLatin1String("inactive"), Qt::CaseInsensitive) != 0
               : status.isDouble() ? status.toDouble() != 0
                                   : true;
    bool ok = false;
    const qint64 life = str(o, "accessTokenLifeTime").toLongLong(&ok);
    c.accessTokenLifeTime = ok && life > 0 ? life : 0;
    const QJsonObject auth = o.value(QLatin1String("clientAuthentication")).toObject();
    c.authType = str(auth, "authType").toUpper();
    c.jwksUrl = str(auth, "clientJWKsUrl");
    for (const QJsonValue &k : auth.value(QLatin1String("publicKeys")).toArray()) {
        const QJsonObject ko = k.toObject();
        c.publicKeys.append({str(ko, "keyName"), str(ko, "keyValue")});
    }
    for (const QJsonValue &r : o.value(QLatin1String("clientResources")).toArray()) {
        const QJsonObject ro = r.toObject();
        ZidResource res;
        res.id = str(ro, "id");
        res.name = str(ro, "name");
        res.defaultApi = ro.value(QLatin1String("defaultApi")).toBool();
        res.scopes = scopesOf(ro.value(QLatin1String("selectedScopes")).toArray());
        c.resources.append(res);
    }
    return c;
}

QString ZidApiClient::settingsFingerprint() const
{
    ZidApiClient c = *this;
    c.raw = {};
    c.secrets.clear();
    c.publicKeys.clear();
    const QByteArray json = QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex().left(16));
}

QJsonObject ZidApiClient::toJson() const
{
    QJsonObject o = raw;
    o.remove(QStringLiteral("id"));
    o.remove(QStringLiteral("secrets"));
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("description"), description);
    o.insert(QStringLiteral("status"), status);
    if (accessTokenLifeTime > 0)
        o.insert(QStringLiteral("accessTokenLifeTime"), accessTokenLifeTime);
    QJsonObject auth = o.value(QLatin1String("clientAuthentication")).toObject();
    if (!authType.isEmpty())
        auth.insert(QStringLiteral("authType"), authType);
    if (authType == zidAuth::Jwks || !jwksUrl.isEmpty())
        auth.insert(QStringLiteral("clientJWKsUrl"), jwksUrl);
    else
        auth.remove(QStringLiteral("clientJWKsUrl"));
    QJsonArray keys;
    for (const ZidPublicKey &k : publicKeys)
        keys.append(QJsonObject{{QStringLiteral("keyName"), k.name}, {QStringLiteral("keyValue"), k.value}});
    if (!keys.isEmpty() || auth.contains(QLatin1String("publicKeys")))
        auth.insert(QStringLiteral("publicKeys"), keys);
    o.insert(QStringLiteral("clientAuthentication"), auth);
    QJsonArray res;
    for (const ZidResource &r : resources)
        res.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("name"), r.name},
                               {QStringLiteral("defaultApi"), r.defaultApi},
                               {QStringLiteral("selectedScopes"), scopesJson(r.scopes)}});
    o.insert(QStringLiteral("clientResources"), res);
    return o;
}

const ZidSecret *ZidApiClient::earliestExpiry() const
{
    const ZidSecret *best = nullptr;
    for (const ZidSecret &s : secrets)
        if (s.expiresAt.isValid() && (!best || s.expiresAt < best->expiresAt))
            best = &s;
    return best;
}

ZidLifetime::Unit ZidLifetime::unitFromName(const QString &name)
{
    return name.trimmed().compare(QLatin1String("minutes"), Qt::CaseInsensitive) == 0 ? Unit::Minutes : Unit::Seconds;
}

qint64 ZidLifetime::toApi(int minutes, Unit unit)
{
    return unit == Unit::Minutes ? qint64(minutes) : qint64(minutes) * 60;
}

int ZidLifetime::toMinutes(qint64 apiValue, Unit unit)
{
    if (apiValue <= 0)
        return 0;
    return int(unit == Unit::Minutes ? apiValue : (apiValue + 59) / 60);
}

ZidResourceServer ZidResourceServer::fromJson(const QJsonObject &o)
{
    ZidResourceServer r;
    r.id = str(o, "id");
    r.name = str(o, "name");
    r.displayName = str(o, "displayName");
    r.defaultApi = o.value(QLatin1String("defaultApi")).toBool();
    for (const QJsonValue &v : o.value(QLatin1String("serviceScopes")).toArray()) {
        const QJsonObject so = v.toObject();
        const QJsonObject svc = so.value(QLatin1String("service")).toObject();
        r.services.append({str(svc, "id"), str(svc, "name"), str(svc, "displayName"),
                           scopesOf(so.value(QLatin1String("scopes")).toArray())});
    }
    return r;
}

namespace zidJson {

QDateTime time(const QJsonValue &v)
{
    qint64 n = 0;
    bool ok = false;
    if (v.isDouble()) {
        const double d = v.toDouble();
        ok = d > 0 && d < 9.0e15;
        n = qint64(d);
    } else if (v.isString()) {
        const QString s = v.toString().trimmed();
        n = s.toLongLong(&ok);
        if (!ok) {
            QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
            if (!t.isValid())
                t = QDateTime::fromString(s, Qt::ISODate);
            return t.isValid() ? t.toUTC() : QDateTime();
        }
        ok = ok && n > 0;
    }
    if (!ok)
        return {};
    // Seconds until the year 5138; a larger number is milliseconds.
    return n < 100'000'000'000LL ? QDateTime::fromSecsSinceEpoch(n, Qt::UTC) : QDateTime::fromMSecsSinceEpoch(n, Qt::UTC);
}

Page page(const QByteArray &body)
{
    Page p;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    const QJsonValue records = doc.object().value(QLatin1String("records"));
    if (!doc.isObject() || !records.isArray()) {
        p.error = ApiError::make(ErrorKind::Parse, pe.error != QJsonParseError::NoError
                                                       ? QObject::tr("the list is not JSON: %1").arg(pe.errorString())
                                                       : QObject::tr("the list has no \"records\" array"));
        return p;
    }
    for (const QJsonValue &r : records.toArray()) {
        if (!r.isObject()) {
            p.error = ApiError::make(ErrorKind::Parse, QObject::tr("a record of the list is not an object"));
            return p;
        }
        p.records.append(r.toObject());
    }
    const QJsonObject o = doc.object();
    for (const char *k : {"results_total", "totalRecord", "total"}) {
        qint64 t = -1;
        const QString s = jsonText(o, {k});
        bool ok = false;
        t = s.toLongLong(&ok);
        if (ok && t >= 0) {
            p.total = t;
            break;
        }
    }
    return p;
}

QList<ZidSecret> secrets(const QByteArray &body, ApiError *error)
{
    QList<ZidSecret> out;
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty() || trimmed == "null") { // no secret
        *error = ApiError();
        return out;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = ApiError::make(ErrorKind::Parse, QObject::tr("the secrets are not JSON: %1").arg(pe.errorString()));
        return out;
    }
    QJsonArray list;
    if (doc.isArray()) {
        list = doc.array();
    } else if (doc.isObject()) {
        const QJsonObject o = doc.object();
        if (o.value(QLatin1String("records")).isArray())
            list = o.value(QLatin1String("records")).toArray();
        else if (!o.isEmpty())
            list.append(o);
    }
    for (const QJsonValue &v : list) {
        if (!v.isObject()) {
            *error = ApiError::make(ErrorKind::Parse, QObject::tr("a secret of the reply is not an object"));
            return {};
        }
        const ZidSecret s = ZidSecret::fromJson(v.toObject());
        if (s.id.isEmpty()) {
            *error = ApiError::make(ErrorKind::Parse, QObject::tr("a secret of the reply has no id"));
            return {};
        }
        out.append(s);
    }
    *error = ApiError();
    return out;
}

} // namespace zidJson

} // namespace zc
