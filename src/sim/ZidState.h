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
};

struct ZidClient {
    QString id;              // also the OAuth client_id
    QString name;
    QString description;
    bool status = true;      // false = disabled: no tokens
    int lifetime = 0;        // access token lifetime in seconds; 0 = the tokenLifetimeSeconds knob
    QString authType = QStringLiteral("SECRET");   // SECRET | PUBKEYCERT | JWKS
    QString jwksUrl;
    QString publicKeyPem;
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
    static QJsonObject secretJson(const ZidSecret &s, bool withValue);
    // Adds a secret; with two already present the most recent one is replaced.
    ZidSecret addSecret(ZidClient &c, qint64 expiresAt, qint64 nowSec, Prng &prng);
    // Reads name/description/status/accessTokenLifeTime/clientAuthentication/clientResources.
    static QString readBody(const QJsonObject &body, ZidClient *c, bool create);
};

} // namespace zsim
