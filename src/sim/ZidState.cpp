#include "sim/ZidState.h"

#include "sim/Crypto.h"

#include <QUrl>

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
    for (const ZidPublicKey &k : c.publicKeys)
        keys.append(QJsonObject{{QStringLiteral("keyName"), k.name}, {QStringLiteral("keyValue"), k.value}});
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

QJsonObject ZidState::secretJson(const ZidSecret &s, bool withValue, bool timesAsNumbers)
{
    const auto time = [timesAsNumbers](qint64 t) { return timesAsNumbers ? QJsonValue(t) : QJsonValue(QString::number(t)); };
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("createdAt"), time(s.createdAt)},
                  {QStringLiteral("expiresAt"), time(s.expiresAt)}};
    if (withValue)
        o.insert(QStringLiteral("value"), s.value);
    return o;
}

ZidSecret ZidState::addSecret(ZidClient &c, qint64 expiresAt, qint64 nowMs, Prng &prng)
{
    ZidSecret s;
    s.id = prng.token(13);
    s.value = prng.token(40, kAlnum);
    s.createdAt = nowMs / 1000;
    s.createdMs = nowMs;
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

QString ZidState::readBody(const QJsonObject &body, ZidClient *c, bool create, qint64 nowMs)
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
        if (auth.contains(QLatin1String("clientJWKsUrl")) || type == QLatin1String("JWKS"))
            c->jwksUrl = auth.value(QLatin1String("clientJWKsUrl")).toString();
        if (!c->jwksUrl.isEmpty()) {
            const QUrl url(c->jwksUrl, QUrl::StrictMode);
            if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
                return QStringLiteral("clientJWKsUrl must be an https:// URL");
        }
        if (type == QLatin1String("JWKS") && c->jwksUrl.isEmpty())
            return QStringLiteral("clientJWKsUrl is required for JWKS");
        if (auth.contains(QLatin1String("publicKeys"))) {
            if (!auth.value(QLatin1String("publicKeys")).isArray())
                return QStringLiteral("clientAuthentication.publicKeys must be an array");
            const QJsonArray keys = auth.value(QLatin1String("publicKeys")).toArray();
            QList<ZidPublicKey> parsed;
            for (qsizetype i = 0; i < keys.size(); ++i) {
                const QJsonObject k = keys.at(i).toObject();
                const QString where = QStringLiteral("clientAuthentication.publicKeys[%1].keyValue").arg(i);
                const QString value = k.value(QLatin1String("keyValue")).toString();
                if (value.contains(QLatin1String("PRIVATE KEY")))
                    return where + QStringLiteral(" must be a public key or certificate, not a private key");
                QString e;
                const QByteArray pem = crypto::rsaPublicKeyPem(value.toLatin1(), &e);
                if (pem.isEmpty())
                    return where + QStringLiteral(" is not an RSA (>= 2048 bit) public key: ") + e;
                ZidPublicKey key;
                key.name = k.value(QLatin1String("keyName")).toString();
                if (key.name.isEmpty())
                    key.name = QStringLiteral("Key %1").arg(i + 1);
                key.value = value;
                key.pem = pem;
                key.addedMs = nowMs;
                for (const ZidPublicKey &old : std::as_const(c->publicKeys)) {
                    if (old.pem == pem)
                        key.addedMs = old.addedMs;   // already held: already propagated
                }
                parsed.append(key);
            }
            c->publicKeys = parsed;
        }
        if (type == QLatin1String("PUBKEYCERT") && c->publicKeys.isEmpty())
            return QStringLiteral("clientAuthentication.publicKeys needs at least one key for PUBKEYCERT");
    }
    if (body.contains(QLatin1String("clientResources")))
        c->resources = body.value(QLatin1String("clientResources")).toArray();
    return {};
}

} // namespace zsim
