// Credential registry and token table of SimCore.
#include "sim/Crypto.h"
#include "sim/SimCore.h"

#include <QDateTime>

namespace zsim {

namespace {

const QStringList kKinds = {
    QStringLiteral("oneapi-secret"), QStringLiteral("oneapi-jwt"), QStringLiteral("zpa-legacy"),
    QStringLiteral("zia-legacy"), QStringLiteral("zia-oauth"), QStringLiteral("saas-security"),
    QStringLiteral("apptotal-key"), QStringLiteral("sandbox-token"),
};

const char *identityField(const QString &kind)
{
    if (kind == QLatin1String("zia-legacy"))
        return "username";
    if (kind == QLatin1String("apptotal-key") || kind == QLatin1String("sandbox-token"))
        return "apiKey";
    return "clientId";
}

QJsonArray defaultResources()
{
    const auto scope = [](const char *id, const char *name) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("name"), QLatin1String(name)}};
    };
    return QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("jhsimzscapis1")},
                                  {QStringLiteral("name"), QStringLiteral("Zscaler APIs")},
                                  {QStringLiteral("defaultApi"), true},
                                  {QStringLiteral("selectedScopes"),
                                   QJsonArray{scope("hhsimzia00001::hpsimziarole1", "Role:API_Role01"),
                                              scope("hhsimzpa00001::hpsimzparole1", "Role:ZPA Super Admin"),
                                              scope("hhsimziam0001::9hsimziamrole", "Role:Super Admin")}}}};
}

} // namespace

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 dayOf(qint64 ms)
{
    return ms / (86400LL * 1000);
}

QString SimCore::uuid()
{
    const QByteArray h = QByteArray::number(requestPrng.next(), 16).rightJustified(16, '0')
        + QByteArray::number(requestPrng.next(), 16).rightJustified(16, '0');
    return QString::fromLatin1(h.left(8) + '-' + h.mid(8, 4) + '-' + h.mid(12, 4) + '-' + h.mid(16, 4) + '-' + h.mid(20, 12));
}

QJsonObject SimCore::registerClient(const QJsonObject &in, QString *error)
{
    const QString kind = in.value(QLatin1String("kind")).toString();
    if (!kKinds.contains(kind)) {
        *error = QStringLiteral("unknown kind \"%1\"; one of %2").arg(kind, kKinds.join(QLatin1String(", ")));
        return {};
    }
    QJsonObject out = in;
    const auto gen = [&](const char *field, int length, const char *alphabet) {
        const QJsonValue v = out.value(QLatin1String(field));
        if (!v.isString() || v.toString().isEmpty())
            out.insert(QLatin1String(field), credPrng.token(length, alphabet));
    };
    const char *lower = "abcdefghijklmnopqrstuvwxyz0123456789";
    out.insert(QStringLiteral("baseUrl"), baseUrl);

    if (kind.startsWith(QLatin1String("oneapi-"))) {
        gen("clientId", 13, lower);
        const QString id = out.value(QLatin1String("clientId")).toString();
        if (!out.value(QLatin1String("name")).isString())
            out.insert(QStringLiteral("name"), QStringLiteral("OneAPI client %1").arg(id));
        out.insert(QStringLiteral("tokenUrl"), QString(baseUrl + QStringLiteral("/oauth2/v1/token")));
        ZidClient c;
        c.id = id;
        c.name = out.value(QLatin1String("name")).toString();
        c.description = out.value(QLatin1String("description")).toString(QStringLiteral("Registered with the simulator"));
        c.status = in.value(QLatin1String("enabled")).toBool(true);
        c.lifetime = in.value(QLatin1String("tokenLifetimeSeconds")).toInt(0);
        c.expiresInAsString = in.value(QLatin1String("expiresInAsString")).toBool(false);
        c.resources = defaultResources();
        c.createdAt = nowMs() / 1000;
        if (kind == QLatin1String("oneapi-secret")) {
            gen("secret", 40, kAlnum);
            ZidSecret s;
            s.id = credPrng.token(13, lower);
            s.value = out.value(QLatin1String("secret")).toString();
            s.createdAt = c.createdAt;
            s.expiresAt = c.createdAt + 365LL * 86400;
            c.secrets.append(s);
        } else {
            c.authType = QStringLiteral("PUBKEYCERT");
            QString e;
            if (out.value(QLatin1String("publicKeyPem")).toString().isEmpty()) {
                QByteArray priv, pub;
                if (!crypto::generateRsaKeyPair(&priv, &pub, &e)) {
                    *error = e;
                    return {};
                }
                out.insert(QStringLiteral("privateKey"), QString::fromLatin1(priv));
                out.insert(QStringLiteral("publicKeyPem"), QString::fromLatin1(pub));
            }
            const QByteArray pub = crypto::rsaPublicKeyPem(out.value(QLatin1String("publicKeyPem")).toString().toLatin1(), &e);
            if (pub.isEmpty()) {
                *error = QStringLiteral("publicKeyPem: ") + e;
                return {};
            }
            ZidPublicKey key;
            key.name = c.name + QStringLiteral(" key");
            key.value = QString::fromLatin1(pub);
            key.pem = pub;
            c.publicKeys.append(key);
        }
        const int at = zid.find(id);
        if (at >= 0) {
            c.createdAt = zid.clients.at(at).createdAt;
            zid.clients[at] = c;
            revokeTokens(id);
        } else {
            zid.clients.append(c);
        }
        updateDemoClient(out, "clientId");
        return out;
    }

    if (kind == QLatin1String("zpa-legacy")) {
        gen("clientId", 56, kAlnum);
        gen("secret", 64, kAlnum);
    } else if (kind == QLatin1String("zia-legacy")) {
        if (!out.value(QLatin1String("username")).isString())
            out.insert(QStringLiteral("username"), QStringLiteral("admin@demo.example"));
        gen("password", 20, kAlnum);
        gen("apiKey", 32, kAlnum);
        if (out.value(QLatin1String("apiKey")).toString().size() < 12) {
            *error = QStringLiteral("apiKey must have at least 12 characters");
            return {};
        }
    } else if (kind == QLatin1String("zia-oauth")) {
        gen("clientId", 20, kAlnum);
        gen("secret", 40, kAlnum);
        if (!out.value(QLatin1String("scope")).isString())
            out.insert(QStringLiteral("scope"), kZiaScope);
        const QString auth = out.value(QLatin1String("clientAuth")).toString(QStringLiteral("basic"));
        if (auth != QLatin1String("basic") && auth != QLatin1String("body")) {
            *error = QStringLiteral("clientAuth must be \"basic\" or \"body\"");
            return {};
        }
        out.insert(QStringLiteral("clientAuth"), auth);
        out.insert(QStringLiteral("tokenUrl"), QString(baseUrl + QStringLiteral("/idp/oauth2/token")));
    } else if (kind == QLatin1String("saas-security")) {
        gen("clientId", 24, kAlnum);
        gen("secret", 40, kAlnum);
        if (!out.value(QLatin1String("region")).isString())
            out.insert(QStringLiteral("region"), QStringLiteral("us"));
    } else {
        gen("apiKey", 32, kAlnum);
    }
    const char *idField = identityField(kind);
    const QString identity = out.value(QLatin1String(idField)).toString();
    for (qsizetype i = 0; i < clients.size(); ++i) {
        if (clients.at(i).value(QLatin1String("kind")).toString() == kind
            && clients.at(i).value(QLatin1String(idField)).toString() == identity) {
            clients[i] = out;
            revokeTokens(identity);
            updateDemoClient(out, idField);
            return out;
        }
    }
    clients.append(out);
    return out;
}

void SimCore::updateDemoClient(const QJsonObject &client, const char *idField)
{
    const QString kind = client.value(QLatin1String("kind")).toString();
    for (QJsonObject &d : demoClients) {
        if (d.value(QLatin1String("kind")).toString() == kind
            && d.value(QLatin1String(idField)).toString() == client.value(QLatin1String(idField)).toString())
            d = client;   // the demo profile shows the credential as it is now
    }
}

const QJsonObject *SimCore::findClient(const QString &kind, const char *field, const QString &value) const
{
    for (const QJsonObject &c : clients) {
        if (c.value(QLatin1String("kind")).toString() == kind
            && c.value(QLatin1String(field)).toString() == value && !value.isEmpty())
            return &c;
    }
    return nullptr;
}

QByteArray SimCore::issueToken(const QString &kind, const QString &clientId, int lifetimeSeconds,
                               qint64 now, bool audience, const QJsonObject &claims)
{
    if (tokens.size() > 20000) {
        for (auto it = tokens.begin(); it != tokens.end();)
            it = it->expiresAtMs < now ? tokens.erase(it) : std::next(it);
    }
    QJsonObject p = claims;
    p.insert(QStringLiteral("iss"), baseUrl);
    p.insert(QStringLiteral("sub"), clientId);
    p.insert(QStringLiteral("client_id"), clientId);
    p.insert(QStringLiteral("iat"), now / 1000);
    p.insert(QStringLiteral("exp"), (now + qint64(lifetimeSeconds) * 1000) / 1000);
    p.insert(QStringLiteral("jti"), uuid());
    if (kind == QLatin1String("oneapi") && audience)
        p.insert(QStringLiteral("aud"), QStringLiteral("https://api.zscaler.com"));
    const QByteArray token = crypto::makeHs256Jwt(p, tokenKey);
    TokenInfo info;
    info.kind = kind;
    info.clientId = clientId;
    info.expiresAtMs = now + qint64(lifetimeSeconds) * 1000;
    info.audience = audience;
    info.transactionId = uuid().toLatin1();
    tokens.insert(token, info);
    return token;
}

const TokenInfo *SimCore::validToken(const QByteArray &token, const QString &kind, qint64 now) const
{
    const auto it = tokens.constFind(token);
    if (it == tokens.constEnd() || it->kind != kind || it->revoked || now >= it->expiresAtMs)
        return nullptr;
    return &it.value();
}

void SimCore::revokeTokens(const QString &clientId)
{
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        if (it->clientId == clientId)
            it->revoked = true;
    }
}

QJsonObject SimCore::demoProfile() const
{
    QJsonArray list;
    for (const QJsonObject &c : demoClients)
        list.append(c);
    return QJsonObject{
        {QStringLiteral("baseUrl"), baseUrl},
        {QStringLiteral("caFile"), caPath},
        {QStringLiteral("tenant"), QJsonObject{{QStringLiteral("name"), kTenantName},
                                              {QStringLiteral("vanity"), kVanity},
                                              {QStringLiteral("zpaCustomerId"), kCustomerId},
                                              {QStringLiteral("ziaOrgId"), kZiaOrgId},
                                              {QStringLiteral("ziaCloud"), kZiaCloud}}},
        {QStringLiteral("clients"), list},
    };
}

} // namespace zsim
