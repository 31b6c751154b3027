#pragma once

#include "core/AuthKind.h"
#include "core/Validation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace zc {

struct Tenant;

// A credential profile: how to get a token for one tenant with one scheme. Holds no secret;
// the secret values live in the OS keychain under keychainKey(field).
struct ApiClient
{
    QString id;        // stable ASCII id, e.g. "c-0123abcd…" (names the keychain entries)
    QString tenantId;  // owning tenant's stable id
    QString name;      // unique display name (the CLI addresses clients by it)
    AuthKind kind = AuthKind::OneApiSecret;
    QString clientId;  // OAuth/ZPA client id (not secret)
    QString username;  // zia-legacy admin user
    QString scope;     // zia-oauth "cloud::org::role"
    QString region;    // saas-security region code
    QString tokenUrl;  // replaces the whole token endpoint URL
    QString baseUrl;   // replaces scheme+host of the API; the API path is still added
    QString caFile;    // extra PEM CA file trusted in addition to the system store
    ClientAuthStyle clientAuth = ClientAuthStyle::Basic; // zia-oauth only
    QString notes;
    QMap<SecretField, QDateTime> secretsSetAt; // which secrets were stored, and when (no values)
    QDateTime secretExpiresAt; // optional: when the server-side secret expires (reminders)
    QDateTime created;
    QDateTime modified;

    const AuthKindInfo &info() const { return authKindInfo(kind); }
    QList<SecretField> secretFields() const { return info().secrets; }
    bool hasSecret(SecretField f) const { return secretsSetAt.contains(f); }
    bool allSecretsSet() const;
    // Keychain account name for one secret of this client: "<id>/<field>", ASCII only.
    QString keychainKey(SecretField f) const;
    QString keychainTokenKey() const; // cached token entry

    // Checks of this profile; `tenant` (may be null) adds the cross checks that need it.
    ValidationIssues validate(const Tenant *tenant = nullptr) const;
    // The same, plus checks that touch the disk (the CA file exists and holds certificates).
    ValidationIssues validateWithFiles(const Tenant *tenant = nullptr) const;

    QJsonObject toJson() const;
    static ApiClient fromJson(const QJsonObject &o);

    bool operator==(const ApiClient &) const = default;
};

} // namespace zc
