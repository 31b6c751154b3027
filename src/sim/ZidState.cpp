#include "sim/ZidState.h"

namespace zsim {

int ZidState::find(const QString &id) const
{
    for (qsizetype i = 0; i < clients.size(); ++i) {
        if (clients.at(i).id == id)
            return int(i);
    }
    return -1;
}

QJsonObject ZidState::clientJson(const ZidClient &c, int knobLifetime) const
{
    QJsonArray keys;
    if (!c.publicKeyPem.isEmpty())
        keys.append(QJsonObject{{QStringLiteral("keyName"), QString(c.name + QStringLiteral(" key"))},
                                {QStringLiteral("keyValue"), c.publicKeyPem}});
    const QJsonObject auth{{QStringLiteral("authType"), c.authType},
                           {QStringLiteral("clientJWKsUrl"), c.jwksUrl},
                           {QStringLiteral("publicKeys"), keys},
                           {QStringLiteral("clientCertificates"), QJsonArray()}};
    return QJsonObject{{QStringLiteral("id"), c.id},
                       {QStringLiteral("name"), c.name},
                       {QStringLiteral("description"), c.description},
                       {QStringLiteral("status"), c.status},
                       {QStringLiteral("accessTokenLifeTime"), c.lifetime > 0 ? c.lifetime : knobLifetime},
                       {QStringLiteral("clientAuthentication"), auth},
                       {QStringLiteral("clientResources"), c.resources}};
}

QJsonObject ZidState::secretJson(const ZidSecret &s, bool withValue)
{
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("createdAt"), QString::number(s.createdAt)},
                  {QStringLiteral("expiresAt"), QString::number(s.expiresAt)}};
    if (withValue)
        o.insert(QStringLiteral("value"), s.value);
    return o;
}

ZidSecret ZidState::addSecret(ZidClient &c, qint64 expiresAt, qint64 nowSec, Prng &prng)
{
    ZidSecret s;
    s.id = prng.token(13);
    s.value = prng.token(40, kAlnum);
    s.createdAt = nowSec;
    s.expiresAt = expiresAt;
    if (c.secrets.size() >= 2) {
        qsizetype newest = 0;
        for (qsizetype i = 1; i < c.secrets.size(); ++i) {
            if (c.secrets.at(i).createdAt >= c.secrets.at(newest).createdAt)
                newest = i;
        }
        c.secrets.removeAt(newest);
    }
    c.secrets.append(s);
    return s;
}

QString ZidState::readBody(const QJsonObject &body, ZidClient *c, bool create)
{
    const QJsonValue name = body.value(QLatin1String("name"));
    if (create || body.contains(QLatin1String("name"))) {
        if (!name.isString() || name.toString().trimmed().isEmpty())
            return QStringLiteral("name is required");
        c->name = name.toString();
    }
    if (body.contains(QLatin1String("description")))
        c->description = body.value(QLatin1String("description")).toString();
    if (body.contains(QLatin1String("status"))) {
        if (!body.value(QLatin1String("status")).isBool())
            return QStringLiteral("status must be true or false");
        c->status = body.value(QLatin1String("status")).toBool();
    }
    if (body.contains(QLatin1String("accessTokenLifeTime"))) {
        const int l = body.value(QLatin1String("accessTokenLifeTime")).toVariant().toInt();
        if (l < 60 || l > 86400)
            return QStringLiteral("accessTokenLifeTime must be between 60 and 86400 seconds");
        c->lifetime = l;
    }
    const QJsonObject auth = body.value(QLatin1String("clientAuthentication")).toObject();
    if (!auth.isEmpty()) {
        const QString type = auth.value(QLatin1String("authType")).toString(c->authType);
        if (type != QLatin1String("SECRET") && type != QLatin1String("PUBKEYCERT") && type != QLatin1String("JWKS"))
            return QStringLiteral("clientAuthentication.authType must be SECRET, PUBKEYCERT or JWKS");
        c->authType = type;
        c->jwksUrl = auth.value(QLatin1String("clientJWKsUrl")).toString();
        const QJsonArray keys = auth.value(QLatin1String("publicKeys")).toArray();
        if (!keys.isEmpty())
            c->publicKeyPem = keys.first().toObject().value(QLatin1String("keyValue")).toString();
        if (type == QLatin1String("JWKS") && c->jwksUrl.isEmpty())
            return QStringLiteral("clientJWKsUrl is required for JWKS");
    }
    if (body.contains(QLatin1String("clientResources")))
        c->resources = body.value(QLatin1String("clientResources")).toArray();
    return {};
}

} // namespace zsim
