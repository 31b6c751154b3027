#pragma once

#include "core/Validation.h"
#include "core/ZidClient.h"

#include <QCoreApplication>
#include <QHash>

namespace zc {

// What a ZIdentity API client may be, as the Admin Portal's "Add API Client" page says
// (../shared/seeds/zidentity-adding-api-client.md), for the GUI's editor and the CLI's
// `zid client create|update --file`: a name; a token lifetime of 1 minute to 24 hours entered in
// minutes (converted once, by ZidLifetime); at most one resource (scope) per Zscaler service;
// authentication by a secret valid 30–365 days, a key pair made here, an uploaded PEM public key
// or an https JWKS URL. Field names of the issues: "name", "lifetime", "resources", "validity",
// "publicKey", "jwksUrl".
class ZidClientRules
{
    Q_DECLARE_TR_FUNCTIONS(zc::ZidClientRules)

public:
    static constexpr int MinSecretDays = 30;
    static constexpr int MaxSecretDays = 365;
    static constexpr int MaxNameLength = 128;

    enum class Auth { Secret, GeneratedKey, PublicKeyPem, JwksUrl };

    struct Draft
    {
        QString name;
        QString description;
        bool enabled = true;
        int lifetimeMinutes = 60;
        Auth auth = Auth::Secret;
        int secretValidityDays = 90; // Auth::Secret, a new client only
        QByteArray publicKeyPem;     // Auth::PublicKeyPem
        QString jwksUrl;             // Auth::JwksUrl
        // The scope chosen per service (service id → scope id), from the resource servers.
        QHash<QString, QString> scopeOfService;
    };

    // `servers`: the tenant's resource servers (which scope belongs to which service);
    // `newClient`: a secret's validity only matters when one is created with the client.
    static ValidationIssues validate(const Draft &draft, const QList<ZidResourceServer> &servers, bool newClient);

    // The client a draft makes: `base` (the record as read, for an update) with the draft's fields
    // written over it; resources grouped by resource server with the chosen scopes, plus the
    // base's scopes that no server offers (the editor cannot show them, so they are kept).
    static ZidApiClient apply(const Draft &draft, const QList<ZidResourceServer> &servers, ZidApiClient base = {},
                              ZidLifetime::Unit unit = ZidLifetime::Unit::Seconds);
    // How many of a client's scopes no resource server offers (kept as they are by apply()).
    static int unofferedScopes(const ZidApiClient &client, const QList<ZidResourceServer> &servers);
    // The draft of an existing client (its scopes mapped back to their services).
    static Draft draftOf(const ZidApiClient &client, const QList<ZidResourceServer> &servers,
                         ZidLifetime::Unit unit = ZidLifetime::Unit::Seconds);
    // The issues of a client given as JSON (`zid client create|update --file`): its name, lifetime,
    // auth type and one scope per service when the servers are known (empty: not checked).
    static ValidationIssues validateClient(const ZidApiClient &client, const QList<ZidResourceServer> &servers,
                                           ZidLifetime::Unit unit = ZidLifetime::Unit::Seconds);

    static bool isHttpsUrl(const QString &url);
    static QString authTypeOf(Auth auth);
};

} // namespace zc
