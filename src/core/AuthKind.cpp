#include "core/AuthKind.h"

#include <QObject>

namespace zc {

const QList<AuthKindInfo> &authKinds()
{
    using S = SecretField;
    static const QList<AuthKindInfo> kinds = {
        {AuthKind::OneApiSecret, QStringLiteral("oneapi-secret"),
         QObject::tr("OneAPI (client secret)"), {S::Secret}, true, false, false, false, false},
        {AuthKind::OneApiJwt, QStringLiteral("oneapi-jwt"),
         QObject::tr("OneAPI (private key JWT)"), {S::PrivateKey}, true, false, false, false, false},
        {AuthKind::ZpaLegacy, QStringLiteral("zpa-legacy"), QObject::tr("ZPA legacy API key"),
         {S::Secret}, true, false, false, false, false},
        {AuthKind::ZiaLegacy, QStringLiteral("zia-legacy"),
         QObject::tr("ZIA legacy (admin + API key)"), {S::Password, S::ApiKey}, false, true, false,
         false, false},
        {AuthKind::ZiaOAuth, QStringLiteral("zia-oauth"), QObject::tr("ZIA OAuth (external IdP)"),
         {S::Secret}, true, false, true, false, true},
        {AuthKind::SaasSecurity, QStringLiteral("saas-security"),
         QObject::tr("Palo Alto SaaS Security"), {S::Secret}, true, false, false, true, false},
        {AuthKind::AppTotalKey, QStringLiteral("apptotal-key"), QObject::tr("AppTotal API key"),
         {S::ApiKey}, false, false, false, false, false},
        {AuthKind::SandboxToken, QStringLiteral("sandbox-token"), QObject::tr("ZIA Sandbox token"),
         {S::ApiKey}, false, false, false, false, false},
    };
    return kinds;
}

const AuthKindInfo &authKindInfo(AuthKind kind)
{
    for (const auto &k : authKinds())
        if (k.kind == kind)
            return k;
    return authKinds().first();
}

QString authKindName(AuthKind kind) { return authKindInfo(kind).name; }

bool parseAuthKind(const QString &name, AuthKind *out)
{
    for (const auto &k : authKinds())
        if (k.name == name.trimmed().toLower()) {
            *out = k.kind;
            return true;
        }
    return false;
}

QStringList authKindNames()
{
    QStringList out;
    for (const auto &k : authKinds())
        out << k.name;
    return out;
}

QString secretFieldName(SecretField f)
{
    switch (f) {
    case SecretField::Secret: return QStringLiteral("secret");
    case SecretField::Password: return QStringLiteral("password");
    case SecretField::ApiKey: return QStringLiteral("api-key");
    case SecretField::PrivateKey: return QStringLiteral("private-key");
    }
    return {};
}

QString secretFieldLabel(SecretField f)
{
    switch (f) {
    case SecretField::Secret: return QObject::tr("Client secret");
    case SecretField::Password: return QObject::tr("Password");
    case SecretField::ApiKey: return QObject::tr("API key");
    case SecretField::PrivateKey: return QObject::tr("Private key (PEM)");
    }
    return {};
}

bool parseSecretField(const QString &name, SecretField *out)
{
    for (auto f : {SecretField::Secret, SecretField::Password, SecretField::ApiKey,
                   SecretField::PrivateKey})
        if (secretFieldName(f) == name) {
            *out = f;
            return true;
        }
    return false;
}

QString clientAuthStyleName(ClientAuthStyle s)
{
    return s == ClientAuthStyle::Basic ? QStringLiteral("basic") : QStringLiteral("body");
}

bool parseClientAuthStyle(const QString &name, ClientAuthStyle *out)
{
    if (name == QLatin1String("basic"))
        *out = ClientAuthStyle::Basic;
    else if (name == QLatin1String("body"))
        *out = ClientAuthStyle::Body;
    else
        return false;
    return true;
}

const QList<SaasRegion> &saasRegions()
{
    static const QList<SaasRegion> regions = {
        {QStringLiteral("us"), QStringLiteral("US (VPC1)"),
         QStringLiteral("https://api.aperture.paloaltonetworks.com")},
        {QStringLiteral("apac"), QStringLiteral("APAC (AP1)"),
         QStringLiteral("https://api.aperture-apac.paloaltonetworks.com")},
        {QStringLiteral("eu"), QStringLiteral("EU (EU1)"),
         QStringLiteral("https://api.aperture-eu.paloaltonetworks.com")},
        {QStringLiteral("uk"), QStringLiteral("UK"),
         QStringLiteral("https://api.aperture-uk.paloaltonetworks.com")},
        {QStringLiteral("in"), QStringLiteral("India (IN1)"),
         QStringLiteral("https://api.in1.prisma-saas.paloaltonetworks.com")},
        {QStringLiteral("au"), QStringLiteral("Australia (AU1)"),
         QStringLiteral("https://api.au1.prisma-saas.paloaltonetworks.com")},
        {QStringLiteral("uk2"), QStringLiteral("UK2"),
         QStringLiteral("https://api.uk2.prisma-saas.paloaltonetworks.com")},
        {QStringLiteral("jp"), QStringLiteral("Japan (JP1)"),
         QStringLiteral("https://api.jp1.prisma-saas.paloaltonetworks.com")},
    };
    return regions;
}

const SaasRegion *findSaasRegion(const QString &code)
{
    for (const auto &r : saasRegions())
        if (r.code.compare(code.trimmed(), Qt::CaseInsensitive) == 0)
            return &r;
    return nullptr;
}

} // namespace zc
