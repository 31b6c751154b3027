#include "services/ZidClientRules.h"

#include "auth/RsaKeyPair.h"

#include <QUrl>
#include <algorithm>

namespace zc {

namespace {
struct ScopeHome
{
    const ZidResourceServer *server = nullptr;
    const ZidResourceServer::Service *service = nullptr;
    const ZidScope *scope = nullptr;
};

ScopeHome findScope(const QList<ZidResourceServer> &servers, const QString &scopeId)
{
    for (const ZidResourceServer &s : servers)
        for (const ZidResourceServer::Service &svc : s.services)
            for (const ZidScope &sc : svc.scopes)
                if (sc.id == scopeId)
                    return {&s, &svc, &sc};
    return {};
}

const ZidResourceServer::Service *findService(const QList<ZidResourceServer> &servers, const QString &serviceId,
                                              const ZidResourceServer **server = nullptr)
{
    for (const ZidResourceServer &s : servers)
        for (const ZidResourceServer::Service &svc : s.services)
            if (svc.id == serviceId) {
                if (server)
                    *server = &s;
                return &svc;
            }
    return nullptr;
}

QString serviceName(const ZidResourceServer::Service &svc)
{
    return svc.displayName.isEmpty() ? svc.name : svc.displayName;
}
} // namespace

bool ZidClientRules::isHttpsUrl(const QString &url)
{
    const QUrl u(url.trimmed(), QUrl::StrictMode);
    return u.isValid() && u.scheme() == QLatin1String("https") && !u.host().isEmpty() && u.userInfo().isEmpty();
}

QString ZidClientRules::authTypeOf(Auth auth)
{
    switch (auth) {
    case Auth::Secret: return zidAuth::Secret;
    case Auth::GeneratedKey:
    case Auth::PublicKeyPem: return zidAuth::PublicKey;
    case Auth::JwksUrl: return zidAuth::Jwks;
    }
    return zidAuth::Secret;
}

ValidationIssues ZidClientRules::validate(const Draft &d, const QList<ZidResourceServer> &servers, bool newClient)
{
    ValidationIssues out;
    const QString name = d.name.trimmed();
    if (name.isEmpty())
        out.append({QStringLiteral("name"), tr("A name is required")});
    else if (name.size() > MaxNameLength)
        out.append({QStringLiteral("name"), tr("The name is longer than %n characters", nullptr, MaxNameLength)});
    if (d.lifetimeMinutes < ZidLifetime::MinMinutes || d.lifetimeMinutes > ZidLifetime::MaxMinutes)
        out.append({QStringLiteral("lifetime"),
                    tr("The access token lifetime must be 1 minute to 24 hours (%1 minutes)").arg(ZidLifetime::MaxMinutes)});
    switch (d.auth) {
    case Auth::Secret:
        if (newClient && (d.secretValidityDays < MinSecretDays || d.secretValidityDays > MaxSecretDays))
            out.append({QStringLiteral("validity"),
                        tr("A secret is valid for %1 to %2 days").arg(MinSecretDays).arg(MaxSecretDays)});
        break;
    case Auth::GeneratedKey: break;
    case Auth::PublicKeyPem:
        if (d.publicKeyPem.trimmed().isEmpty())
            out.append({QStringLiteral("publicKey"), tr("Choose a .pem file with the public key")});
        else if (!RsaKeyPair::isPublicKeyPem(d.publicKeyPem))
            out.append({QStringLiteral("publicKey"),
                        tr("The file holds no PEM public key (“-----BEGIN PUBLIC KEY-----”)")});
        break;
    case Auth::JwksUrl:
        if (d.jwksUrl.trimmed().isEmpty())
            out.append({QStringLiteral("jwksUrl"), tr("Enter the client's JWKS URL")});
        else if (!isHttpsUrl(d.jwksUrl))
            out.append({QStringLiteral("jwksUrl"), tr("The JWKS URL must be an https:// URL with a host")});
        break;
    }
    for (auto it = d.scopeOfService.cbegin(); it != d.scopeOfService.cend(); ++it) {
        if (it.value().isEmpty() || servers.isEmpty())
            continue;
        const ZidResourceServer::Service *svc = findService(servers, it.key());
        const ScopeHome home = findScope(servers, it.value());
        if (!svc || !home.service || home.service->id != svc->id)
            out.append({QStringLiteral("resources"), tr("The scope %1 is not one of the service's").arg(it.value())});
    }
    return out;
}

ZidApiClient ZidClientRules::apply(const Draft &d, const QList<ZidResourceServer> &servers, ZidApiClient base,
                                   ZidLifetime::Unit unit)
{
    base.name = d.name.trimmed();
    base.description = d.description.trimmed();
    base.status = d.enabled;
    base.accessTokenLifeTime = ZidLifetime::toApi(d.lifetimeMinutes, unit);
    base.authType = authTypeOf(d.auth);
    if (d.auth == Auth::JwksUrl)
        base.jwksUrl = d.jwksUrl.trimmed();
    else
        base.jwksUrl.clear();
    if (d.auth == Auth::PublicKeyPem)
        base.publicKeys = {ZidPublicKey{base.name + QStringLiteral(" key"), QString::fromLatin1(d.publicKeyPem.trimmed())}};
    else if (d.auth != Auth::GeneratedKey)
        base.publicKeys.clear();
    if (servers.isEmpty())
        return base; // nothing known to map scopes with: the resources stay as read
    QList<ZidResource> resources;
    for (const ZidResourceServer &s : servers)
        for (const ZidResourceServer::Service &svc : s.services) {
            const QString scopeId = d.scopeOfService.value(svc.id);
            if (scopeId.isEmpty())
                continue;
            const ScopeHome home = findScope(servers, scopeId);
            if (!home.scope || home.service->id != svc.id)
                continue;
            auto it = std::find_if(resources.begin(), resources.end(), [&](const ZidResource &r) { return r.id == s.id; });
            if (it == resources.end()) {
                resources.append(ZidResource{s.id, s.name, s.defaultApi, {}});
                it = resources.end() - 1;
            }
            it->scopes.append(*home.scope);
        }
    // A role the servers do not offer (renamed, withdrawn, or the servers list it under another
    // id) cannot be shown in the editor, so it cannot have been taken away there: it stays.
    for (const ZidResource &r : base.resources)
        for (const ZidScope &sc : r.scopes) {
            if (findScope(servers, sc.id).scope)
                continue;
            auto it = std::find_if(resources.begin(), resources.end(), [&](const ZidResource &x) { return x.id == r.id; });
            if (it == resources.end()) {
                resources.append(ZidResource{r.id, r.name, r.defaultApi, {}});
                it = resources.end() - 1;
            }
            it->scopes.append(sc);
        }
    base.resources = resources;
    return base;
}

int ZidClientRules::unofferedScopes(const ZidApiClient &client, const QList<ZidResourceServer> &servers)
{
    int n = 0;
    for (const ZidResource &r : client.resources)
        for (const ZidScope &sc : r.scopes)
            n += findScope(servers, sc.id).scope ? 0 : 1;
    return n;
}

ZidClientRules::Draft ZidClientRules::draftOf(const ZidApiClient &c, const QList<ZidResourceServer> &servers,
                                              ZidLifetime::Unit unit)
{
    Draft d;
    d.name = c.name;
    d.description = c.description;
    d.enabled = c.status;
    d.lifetimeMinutes = c.accessTokenLifeTime > 0 ? ZidLifetime::toMinutes(c.accessTokenLifeTime, unit) : 60;
    if (c.authType == zidAuth::Jwks)
        d.auth = Auth::JwksUrl;
    else if (c.authType == zidAuth::PublicKey)
        d.auth = Auth::PublicKeyPem;
    d.jwksUrl = c.jwksUrl;
    if (!c.publicKeys.isEmpty())
        d.publicKeyPem = c.publicKeys.first().value.toLatin1();
    for (const ZidResource &r : c.resources)
        for (const ZidScope &sc : r.scopes) {
            const ScopeHome home = findScope(servers, sc.id);
            if (home.service)
                d.scopeOfService.insert(home.service->id, sc.id);
        }
    return d;
}

ValidationIssues ZidClientRules::validateClient(const ZidApiClient &c, const QList<ZidResourceServer> &servers,
                                                ZidLifetime::Unit unit)
{
    ValidationIssues out;
    if (c.name.trimmed().isEmpty())
        out.append({QStringLiteral("name"), tr("A name is required")});
    if (c.accessTokenLifeTime != 0) {
        const int minutes = ZidLifetime::toMinutes(c.accessTokenLifeTime, unit);
        if (minutes < ZidLifetime::MinMinutes || minutes > ZidLifetime::MaxMinutes
            || ZidLifetime::toApi(minutes, unit) != c.accessTokenLifeTime)
            out.append({QStringLiteral("lifetime"),
                        tr("The access token lifetime must be a whole number of minutes from 1 minute to 24 hours")});
    }
    if (!c.authType.isEmpty() && c.authType != zidAuth::Secret && c.authType != zidAuth::PublicKey
        && c.authType != zidAuth::Jwks)
        out.append({QStringLiteral("authType"), tr("Unknown authentication type %1 (SECRET, PUBKEYCERT or JWKS)").arg(c.authType)});
    if (c.authType == zidAuth::Jwks && !isHttpsUrl(c.jwksUrl))
        out.append({QStringLiteral("jwksUrl"), tr("The JWKS URL must be an https:// URL with a host")});
    if (!servers.isEmpty()) {
        QHash<QString, QString> seen; // service id → scope id
        for (const ZidResource &r : c.resources)
            for (const ZidScope &sc : r.scopes) {
                const ScopeHome home = findScope(servers, sc.id);
                if (!home.service)
                    continue;
                const QString before = seen.value(home.service->id);
                if (!before.isEmpty() && before != sc.id)
                    out.append({QStringLiteral("resources"),
                                tr("Only one resource per service: %1 is given twice").arg(serviceName(*home.service))});
                seen.insert(home.service->id, sc.id);
            }
    }
    return out;
}

} // namespace zc
