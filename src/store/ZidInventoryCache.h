#pragma once

#include "core/ZidClient.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace zc {

// The last synced ZIdentity inventory per tenant, kept in the non-secret state file
// `zid-inventory.json` of the config folder so that it is shown (and reminded of) offline:
// names, ids, settings and secret dates only — never a secret value, never a token.
//   {"version": 1,
//    "tenants": {"<tenant id>": {"syncedAt": "…Z", "admin": "<profile id>", "clients": [
//        {"id","name","description","status","authType","accessTokenLifeTime","clientJWKsUrl",
//         "resources":[{"id","name","defaultApi","scopes":[{"id","name"}]}],
//         "secrets":[{"id","createdAt","expiresAt"}]}]}},
//    "links": {"<profile id>": {"clientId": "…", "secretId": "…", "by": "created|admin"}},
//    "seen": {"<profile id>": "<settings fingerprint of its remote client>"}}
// A link says which remote secret a profile's keychain entry is: recorded when zconsole made
// that secret (rotation, the editor), or said by the admin; without one the earliest expiry of
// the profile's client counts.
class ZidInventoryCache
{
public:
    static constexpr const char *FileName = "zid-inventory.json";

    struct Inventory
    {
        QDateTime syncedAt;     // invalid: never synced
        QString adminProfile;   // the profile the sync was made with
        QList<ZidApiClient> clients;
    };
    struct Link
    {
        QString clientId;
        QString secretId;
        QString by;             // "created" | "admin"
    };

    // `configDir` empty: memory only.
    explicit ZidInventoryCache(const QString &configDir = {});

    // Re-reads the file (a missing or broken file is an empty cache; *error says why it was broken).
    void load(QString *error = nullptr);
    QString path() const { return m_path; }

    QStringList tenantIds() const { return m_inventories.keys(); }
    Inventory inventory(const QString &tenantId) const { return m_inventories.value(tenantId); }
    // Replaces a tenant's inventory (and writes the file; false + *error if that fails).
    bool store(const QString &tenantId, const Inventory &inventory, QString *error = nullptr);
    // Replaces one client of a tenant's inventory (after a rotation, an edit), or adds it.
    bool storeClient(const QString &tenantId, const ZidApiClient &client, QString *error = nullptr);
    bool removeClient(const QString &tenantId, const QString &clientId, QString *error = nullptr);
    bool forgetTenant(const QString &tenantId, QString *error = nullptr);

    Link link(const QString &profileId) const { return m_links.value(profileId); }
    // The remote client's settings as last seen for a linked profile (ZidApiClient::
    // settingsFingerprint): set when first synced, after zconsole's own edits, and when the admin
    // marks a change as seen; a different current fingerprint is "remote changed".
    QString seen(const QString &profileId) const { return m_seen.value(profileId); }
    QHash<QString, QString> seenAll() const { return m_seen; }
    // Records profile id → fingerprint for each entry (an empty fingerprint forgets it); one write,
    // none when nothing changes.
    bool setSeen(const QHash<QString, QString> &fingerprints, QString *error = nullptr);
    bool setLink(const QString &profileId, const Link &link, QString *error = nullptr);
    // The secret a profile's keychain entry is, as far as is known: the linked one when the
    // client still has it, else the client's earliest expiry; null without such a client.
    const ZidSecret *secretOfProfile(const QString &tenantId, const QString &profileId,
                                     const QString &remoteClientId) const;

    // One client in the file's form (no secret value), and back.
    static QJsonObject clientJson(const ZidApiClient &c);
    static ZidApiClient clientFromJson(const QJsonObject &o);

private:
    bool save(QString *error);

    QString m_path;
    QHash<QString, Inventory> m_inventories;
    QHash<QString, Link> m_links;
    QHash<QString, QString> m_seen; // profile id → settings fingerprint
};

} // namespace zc
