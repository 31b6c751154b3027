#pragma once

#include <QList>
#include <QString>

namespace zc {

// The credential schemes zconsole speaks. CLI/JSON names are a public contract.
enum class AuthKind {
    OneApiSecret, // oneapi-secret: ZIdentity client id + secret
    OneApiJwt,    // oneapi-jwt: ZIdentity client id + RSA private key (private_key_jwt)
    ZpaLegacy,    // zpa-legacy: ZPA client id + secret -> /signin
    ZiaLegacy,    // zia-legacy: admin username + password + API key -> JSESSIONID
    ZiaOAuth,     // zia-oauth: client credentials at the customer's own IdP
    SaasSecurity, // saas-security: Palo Alto SaaS Security client id + secret
    AppTotalKey,  // apptotal-key: X-API-KEY
    SandboxToken, // sandbox-token: ZIA Sandbox API token
};

enum class SecretField { Secret, Password, ApiKey, PrivateKey };

enum class ClientAuthStyle { Basic, Body };

struct AuthKindInfo
{
    AuthKind kind;
    QString name;       // "oneapi-secret"
    QString label;      // "OneAPI (client secret)"
    QList<SecretField> secrets;
    bool needsClientId;
    bool needsUsername;
    bool needsScope;
    bool needsRegion;
    bool needsTokenUrl;
};

const QList<AuthKindInfo> &authKinds();
const AuthKindInfo &authKindInfo(AuthKind kind);
QString authKindName(AuthKind kind);
bool parseAuthKind(const QString &name, AuthKind *out);
QStringList authKindNames();

QString secretFieldName(SecretField f); // "secret" | "password" | "api-key" | "private-key"
QString secretFieldLabel(SecretField f);
bool parseSecretField(const QString &name, SecretField *out);

QString clientAuthStyleName(ClientAuthStyle s); // "basic" | "body"
bool parseClientAuthStyle(const QString &name, ClientAuthStyle *out);

// SaaS Security regions (zscaler-api-notes.md §5.1): code -> API base URL.
struct SaasRegion
{
    QString code;
    QString label;
    QString baseUrl;
};
const QList<SaasRegion> &saasRegions();
const SaasRegion *findSaasRegion(const QString &code);

} // namespace zc
