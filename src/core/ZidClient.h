#pragma once

#include "core/ApiError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace zc {

// The ZIdentity admin API's view of a tenant's OneAPI API clients (zscaler-api-notes.md §2):
// what the server holds, never a secret value except the one a create returns once.

struct ZidScope
{
    QString id;   // "hhlm44raf07ps::hpopqi71j075n"
    QString name; // "Role:Super Admin"
    bool operator==(const ZidScope &) const = default;
};

// One resource (a service's API) a client may call, with the scopes chosen for it.
struct ZidResource
{
    QString id;
    QString name;
    bool defaultApi = false;
    QList<ZidScope> scopes; // selectedScopes
    bool operator==(const ZidResource &) const = default;
};

struct ZidPublicKey
{
    QString name;  // keyName
    QString value; // keyValue: PEM
    bool operator==(const ZidPublicKey &) const = default;
};

struct ZidSecret
{
    QString id;
    QDateTime createdAt;  // UTC; invalid when the server did not say
    QDateTime expiresAt;  // UTC; invalid = never (or not said)
    QString value;        // only in the reply that created it

    // Days from `now` to expiry, rounded down; negative once expired; INT_MAX without expiry.
    int daysLeft(const QDateTime &now) const;
    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && expiresAt <= now; }

    static ZidSecret fromJson(const QJsonObject &o);
    bool operator==(const ZidSecret &) const = default;
};

// How a client authenticates (clientAuthentication.authType).
namespace zidAuth {
inline const QString Secret = QStringLiteral("SECRET");
inline const QString PublicKey = QStringLiteral("PUBKEYCERT");
inline const QString Jwks = QStringLiteral("JWKS");
} // namespace zidAuth

struct ZidApiClient
{
    QString id;            // also the OAuth client_id
    QString name;
    QString description;
    bool status = true;    // enabled
    qint64 accessTokenLifeTime = 0; // in the API's unit (ZidLifetime converts); 0 = not said
    QString authType;      // zidAuth::…; empty = not said
    QString jwksUrl;
    QList<ZidPublicKey> publicKeys;
    QList<ZidResource> resources;
    QList<ZidSecret> secrets; // read separately (…/secrets); empty until then
    QJsonObject raw;          // the record as the server sent it (a full update keeps its other fields)

    static ZidApiClient fromJson(const QJsonObject &o);
    // The body of a create or a full update: `raw` with this value's fields written over it
    // (server-owned fields such as id and secrets are left out).
    QJsonObject toJson() const;

    // The secret that expires first (of those with an expiry), or null.
    const ZidSecret *earliestExpiry() const;
    // A short hash of the settings an admin changes (name, description, status, lifetime, auth
    // type, JWKS URL, resources; not the secrets or public keys, which rotations change): two
    // records with the same fingerprint are the same client as far as its users care.
    QString settingsFingerprint() const;
};

// The token lifetime's unit in the API is UNCONFIRMED (zscaler-api-notes.md §2.3: the simulator
// and the SDK model say seconds). The editor speaks minutes (1 min – 24 h); this is the one place
// that converts, with the unit a setting ("seconds", the default, or "minutes").
class ZidLifetime
{
public:
    static constexpr int MinMinutes = 1;
    static constexpr int MaxMinutes = 24 * 60;
    enum class Unit { Seconds, Minutes };
    static Unit unitFromName(const QString &name); // "minutes" → Minutes, else Seconds
    static qint64 toApi(int minutes, Unit unit = Unit::Seconds);
    static int toMinutes(qint64 apiValue, Unit unit = Unit::Seconds); // rounded up; 0 for 0
};

namespace zidJson {
// A time as the API sends it: epoch seconds as a string or a number (milliseconds when the
// number is too large for seconds), or ISO 8601. Invalid for anything else.
QDateTime time(const QJsonValue &v);

// One page of a list: the envelope {records, results_total | totalRecord, pageOffset, pageSize}.
struct Page
{
    QList<QJsonObject> records;
    qint64 total = -1;      // -1 when the envelope gave none
    ApiError error;         // Parse when the body is no such envelope
};
Page page(const QByteArray &body);

// The secrets of one client: a bare array, an envelope with `records`, or one object (the shape
// is UNCONFIRMED, §2.3); an empty object or null is no secret.
QList<ZidSecret> secrets(const QByteArray &body, ApiError *error);
} // namespace zidJson

struct ZidClientsReply
{
    QList<ZidApiClient> clients;
    qint64 total = 0;
    ApiError error;
};

struct ZidClientReply
{
    ZidApiClient client;
    ApiError error;
    bool conflict = false;   // an update found the record changed since it was read
    ZidApiClient remote;     // with conflict: the record as it is now
};

struct ZidSecretsReply
{
    QString clientId;
    QList<ZidSecret> secrets;
    ApiError error;
};

struct ZidSecretReply
{
    ZidSecret secret;
    ApiError error;
};

struct ZidResourceServer
{
    QString id;
    QString name;
    QString displayName;
    bool defaultApi = false;
    // Per service: the service's name and the scopes it offers.
    struct Service
    {
        QString id;
        QString name;
        QString displayName;
        QList<ZidScope> scopes;
    };
    QList<Service> services;

    static ZidResourceServer fromJson(const QJsonObject &o);
};

struct ZidResourceServersReply
{
    QList<ZidResourceServer> servers;
    ApiError error;
};

} // namespace zc

Q_DECLARE_METATYPE(zc::ZidClientsReply)
Q_DECLARE_METATYPE(zc::ZidSecretsReply)
