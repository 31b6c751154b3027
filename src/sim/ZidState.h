// ZIdentity API clients (the OneAPI credentials: a client id with secrets or a public key) and
// resource servers.
#pragma once

#include "sim/Prng.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace zsim {

struct ZidSecret {
    QString id;
    QString value;
    qint64 createdAt = 0;   // epoch seconds
    qint64 expiresAt = 0;
    qint64 createdMs = 0;   // clock ms of POST …/secrets (zidSecretPropagationMs); 0 = always propagated
};

// clientAuthentication.publicKeys[] entry.
struct ZidPublicKey {
    QString name;           // keyName
    QString value;          // keyValue as sent (echoed verbatim)
    QByteArray pem;         // what verification uses (SPKI PEM, or a certificate)
    qint64 addedMs = 0;     // clock ms of the create/PUT that added it; 0 = always propagated
};

struct ZidClient {
    QString id;              // also the OAuth client_id
    QString name;
    QString description;
    bool status = true;      // false = disabled: no tokens
    int lifetime = 0;        // access token lifetime in seconds; 0 = the tokenLifetimeSeconds knob
    QString authType = QStringLiteral("SECRET");   // SECRET | PUBKEYCERT | JWKS
    QString jwksUrl;
    QList<ZidPublicKey> publicKeys;
    QJsonArray resources;    // clientResources
    QList<ZidSecret> secrets;
    qint64 createdAt = 0;
    bool expiresInAsString = false;
};

class ZidState
{
public:
    QList<ZidClient> clients;
    QJsonArray resourceServers;

    int find(const QString &id) const;
    QJsonObject clientJson(const ZidClient &c, int knobLifetime) const;
    // Times as epoch-second strings, or JSON numbers (zidTimesAsNumbers).
    static QJsonObject secretJson(const ZidSecret &s, bool withValue, bool timesAsNumbers = false);
    // Adds a secret; with two already present the most recent one is replaced.
    ZidSecret addSecret(ZidClient &c, qint64 expiresAt, qint64 nowMs, Prng &prng);
    // Reads name/description/status/accessTokenLifeTime/clientAuthentication/clientResources and
    // validates them (public keys: RSA >= 2048 bits; clientJWKsUrl: https://). Keys not held
    // before get addedMs = nowMs.
    static QString readBody(const QJsonObject &body, ZidClient *c, bool create, qint64 nowMs);
    // True when a secret / key created at createdMs works at nowMs (0 = always).
    static bool propagated(qint64 createdMs, qint64 nowMs, int propagationMs)
    {
        return createdMs <= 0 || nowMs - createdMs >= propagationMs;
    }
};

} // namespace zsim
