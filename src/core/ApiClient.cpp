#include "core/ApiClient.h"

#include "core/Ids.h"
#include "core/PemCertificate.h"
#include "core/Tenant.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QUrl>

namespace zc {

namespace {
QString iso(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }
QDateTime fromIso(const QJsonValue &v) { return QDateTime::fromString(v.toString(), Qt::ISODate); }

bool isHttpsUrl(const QString &s)
{
    const QUrl u(s, QUrl::StrictMode);
    return u.isValid() && u.scheme() == QLatin1String("https") && !u.host().isEmpty()
           && u.userInfo().isEmpty();
}
} // namespace

bool ApiClient::allSecretsSet() const
{
    for (auto f : secretFields())
        if (!hasSecret(f))
            return false;
    return true;
}

QString ApiClient::keychainKey(SecretField f) const { return id + QLatin1Char('/') + secretFieldName(f); }

QString ApiClient::keychainTokenKey() const { return id + QStringLiteral("/token-cache"); }

ValidationIssues ApiClient::validate(const Tenant *tenant) const
{
    ValidationIssues out;
    const AuthKindInfo &k = info();
    if (name.trimmed().isEmpty())
        out.append({QStringLiteral("name"), QObject::tr("Client name must not be empty")});
    else if (name.size() > 200)
        out.append({QStringLiteral("name"), QObject::tr("Client name is longer than 200 characters")});
    else if (name.contains(QChar(0)) || name.contains(QLatin1Char('\n')))
        out.append({QStringLiteral("name"), QObject::tr("Client name must be one line of text")});
    if (tenantId.isEmpty())
        out.append({QStringLiteral("tenant"), QObject::tr("Choose the tenant this client belongs to")});
    if (k.needsClientId && clientId.trimmed().isEmpty())
        out.append({QStringLiteral("clientId"), QObject::tr("%1 needs a client id").arg(k.name)});
    if (clientId.size() > 512 || clientId.contains(QLatin1Char('\n')))
        out.append({QStringLiteral("clientId"), QObject::tr("Client id must be one line of text")});
    if (k.needsUsername && username.trimmed().isEmpty())
        out.append({QStringLiteral("username"), QObject::tr("%1 needs the admin username").arg(k.name)});
    if (k.needsScope) {
        if (scope.trimmed().isEmpty())
            out.append({QStringLiteral("scope"),
                        QObject::tr("zia-oauth needs the scope <cloud>::<orgId>::<API role>")});
        else if (scope.split(QStringLiteral("::")).size() != 3)
            out.append({QStringLiteral("scope"),
                        QObject::tr("Scope must look like zscalerbeta.net::8956412::ApiRole")});
    }
    if (k.needsRegion && baseUrl.isEmpty() && !findSaasRegion(region))
        out.append({QStringLiteral("region"),
                    QObject::tr("saas-security needs a region: us, apac, eu, uk, in, au, uk2 or jp")});
    else if (!region.isEmpty() && !findSaasRegion(region))
        out.append({QStringLiteral("region"), QObject::tr("Unknown region \"%1\"").arg(region)});
    if (k.needsTokenUrl && tokenUrl.isEmpty())
        out.append({QStringLiteral("tokenUrl"),
                    QObject::tr("zia-oauth needs the token URL of your identity provider")});
    if (!tokenUrl.isEmpty() && !isHttpsUrl(tokenUrl))
        out.append({QStringLiteral("tokenUrl"), QObject::tr("Token URL must be an https:// URL")});
    if (!baseUrl.isEmpty()) {
        const QUrl u(baseUrl, QUrl::StrictMode);
        if (!isHttpsUrl(baseUrl))
            out.append({QStringLiteral("baseUrl"), QObject::tr("Base URL must be an https:// URL")});
        else if (u.hasQuery() || u.hasFragment())
            out.append({QStringLiteral("baseUrl"),
                        QObject::tr("Base URL must be scheme and host only, e.g. https://api.zsapi.net")});
    }
    if (tenant) {
        const bool oneApi = kind == AuthKind::OneApiSecret || kind == AuthKind::OneApiJwt;
        if (oneApi && tenant->vanity.isEmpty() && tokenUrl.isEmpty())
            out.append({QStringLiteral("tokenUrl"),
                        QObject::tr("OneAPI needs the tenant's vanity domain or a token URL")});
    }
    if (!id.isEmpty() && !isStableId(id))
        out.append({QStringLiteral("id"), QObject::tr("Invalid client id \"%1\"").arg(id)});
    return out;
}

ValidationIssues ApiClient::validateWithFiles(const Tenant *tenant) const
{
    ValidationIssues out = validate(tenant);
    if (!caFile.isEmpty()) {
        QFile f(caFile);
        if (!QFileInfo(caFile).isFile() || !f.open(QIODevice::ReadOnly))
            out.append({QStringLiteral("caFile"), QObject::tr("Cannot read CA file %1").arg(caFile)});
        else if (!holdsPemCertificate(f.read(4 * 1024 * 1024)))
            out.append({QStringLiteral("caFile"),
                        QObject::tr("CA file %1 holds no PEM certificate").arg(caFile)});
    }
    return out;
}

QJsonObject ApiClient::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("tenantId"), tenantId},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("kind"), authKindName(kind)}};
    auto put = [&o](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    put("clientId", clientId);
    put("username", username);
    put("scope", scope);
    put("region", region);
    put("tokenUrl", tokenUrl);
    put("baseUrl", baseUrl);
    put("caFile", caFile);
    if (kind == AuthKind::ZiaOAuth)
        o.insert(QStringLiteral("clientAuth"), clientAuthStyleName(clientAuth));
    put("notes", notes);
    QJsonObject secrets;
    for (auto it = secretsSetAt.cbegin(); it != secretsSetAt.cend(); ++it)
        secrets.insert(secretFieldName(it.key()), iso(it.value()));
    if (!secrets.isEmpty())
        o.insert(QStringLiteral("secretsSetAt"), secrets);
    put("secretExpiresAt", iso(secretExpiresAt));
    put("created", iso(created));
    put("modified", iso(modified));
    return o;
}

ApiClient ApiClient::fromJson(const QJsonObject &o)
{
    ApiClient c;
    c.id = o.value(QStringLiteral("id")).toString();
    c.tenantId = o.value(QStringLiteral("tenantId")).toString();
    c.name = o.value(QStringLiteral("name")).toString();
    if (!parseAuthKind(o.value(QStringLiteral("kind")).toString(), &c.kind))
        c.kind = AuthKind::OneApiSecret;
    c.clientId = o.value(QStringLiteral("clientId")).toString();
    c.username = o.value(QStringLiteral("username")).toString();
    c.scope = o.value(QStringLiteral("scope")).toString();
    c.region = o.value(QStringLiteral("region")).toString();
    c.tokenUrl = o.value(QStringLiteral("tokenUrl")).toString();
    c.baseUrl = o.value(QStringLiteral("baseUrl")).toString();
    c.caFile = o.value(QStringLiteral("caFile")).toString();
    parseClientAuthStyle(o.value(QStringLiteral("clientAuth")).toString(), &c.clientAuth);
    c.notes = o.value(QStringLiteral("notes")).toString();
    const QJsonObject secrets = o.value(QStringLiteral("secretsSetAt")).toObject();
    for (auto it = secrets.begin(); it != secrets.end(); ++it) {
        SecretField f;
        if (parseSecretField(it.key(), &f))
            c.secretsSetAt.insert(f, fromIso(it.value()));
    }
    c.secretExpiresAt = fromIso(o.value(QStringLiteral("secretExpiresAt")));
    c.created = fromIso(o.value(QStringLiteral("created")));
    c.modified = fromIso(o.value(QStringLiteral("modified")));
    return c;
}

} // namespace zc
