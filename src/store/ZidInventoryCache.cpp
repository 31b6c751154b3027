#include "store/ZidInventoryCache.h"

#include "core/StateFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace zc {

namespace {
QString iso(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }
QDateTime fromIso(const QJsonValue &v) { return QDateTime::fromString(v.toString(), Qt::ISODate); }
} // namespace

ZidInventoryCache::ZidInventoryCache(const QString &configDir)
    : m_path(configDir.isEmpty() ? QString() : QDir(configDir).filePath(QLatin1String(FileName)))
{
    load();
}

QJsonObject ZidInventoryCache::clientJson(const ZidApiClient &c)
{
    QJsonArray resources;
    for (const ZidResource &r : c.resources) {
        QJsonArray scopes;
        for (const ZidScope &s : r.scopes)
            scopes.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}});
        resources.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("name"), r.name},
                                     {QStringLiteral("defaultApi"), r.defaultApi}, {QStringLiteral("scopes"), scopes}});
    }
    QJsonArray secrets;
    for (const ZidSecret &s : c.secrets) // dates only: a value is never written
        secrets.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("createdAt"), iso(s.createdAt)},
                                   {QStringLiteral("expiresAt"), iso(s.expiresAt)}});
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("name"), c.name},
                  {QStringLiteral("description"), c.description},
                  {QStringLiteral("status"), c.status},
                  {QStringLiteral("authType"), c.authType},
                  {QStringLiteral("accessTokenLifeTime"), c.accessTokenLifeTime},
                  {QStringLiteral("resources"), resources},
                  {QStringLiteral("secrets"), secrets}};
    if (!c.jwksUrl.isEmpty())
        o.insert(QStringLiteral("clientJWKsUrl"), c.jwksUrl);
    return o;
}

ZidApiClient ZidInventoryCache::clientFromJson(const QJsonObject &o)
{
    ZidApiClient c;
    c.id = o.value(QLatin1String("id")).toString();
    c.name = o.value(QLatin1String("name")).toString();
    c.description = o.value(QLatin1String("description")).toString();
    c.status = o.value(QLatin1String("status")).toBool(true);
    c.authType = o.value(QLatin1String("authType")).toString();
    c.accessTokenLifeTime = o.value(QLatin1String("accessTokenLifeTime")).toInteger();
    c.jwksUrl = o.value(QLatin1String("clientJWKsUrl")).toString();
    for (const QJsonValue &rv : o.value(QLatin1String("resources")).toArray()) {
        const QJsonObject ro = rv.toObject();
        ZidResource r{ro.value(QLatin1String("id")).toString(), ro.value(QLatin1String("name")).toString(),
                      ro.value(QLatin1String("defaultApi")).toBool(), {}};
        for (const QJsonValue &sv : ro.value(QLatin1String("scopes")).toArray())
            r.scopes.append({sv.toObject().value(QLatin1String("id")).toString(), sv.toObject().value(QLatin1String("name")).toString()});
        c.resources.append(r);
    }
    for (const QJsonValue &sv : o.value(QLatin1String("secrets")).toArray()) {
        const QJsonObject so = sv.toObject();
        c.secrets.append({so.value(QLatin1String("id")).toString(), fromIso(so.value(QLatin1String("createdAt"))),
                          fromIso(so.value(QLatin1String("expiresAt"))), {}});
    }
    return c;
}

void ZidInventoryCache::load(QString *error)
{
    m_inventories.clear();
    m_links.clear();
    m_seen.clear();
    if (m_path.isEmpty())
        return;
    QString why;
    const QJsonObject root = stateFile::read(m_path, 64LL << 20, &why);
    if (!why.isEmpty() && error)
        *error = why + QCoreApplication::translate("zc", ": the inventory is synced again");
    const QJsonObject tenants = root.value(QLatin1String("tenants")).toObject();
    for (auto it = tenants.begin(); it != tenants.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        Inventory inv;
        inv.syncedAt = fromIso(t.value(QLatin1String("syncedAt")));
        inv.adminProfile = t.value(QLatin1String("admin")).toString();
        for (const QJsonValue &c : t.value(QLatin1String("clients")).toArray())
            if (c.isObject() && !c.toObject().value(QLatin1String("id")).toString().isEmpty())
                inv.clients.append(clientFromJson(c.toObject()));
        m_inventories.insert(it.key(), inv);
    }
    const QJsonObject links = root.value(QLatin1String("links")).toObject();
    for (auto it = links.begin(); it != links.end(); ++it) {
        const QJsonObject l = it.value().toObject();
        m_links.insert(it.key(), {l.value(QLatin1String("clientId")).toString(), l.value(QLatin1String("secretId")).toString(),
                                  l.value(QLatin1String("by")).toString()});
    }
    const QJsonObject seen = root.value(QLatin1String("seen")).toObject();
    for (auto it = seen.begin(); it != seen.end(); ++it)
        if (it.value().isString())
            m_seen.insert(it.key(), it.value().toString());
}

bool ZidInventoryCache::setSeen(const QHash<QString, QString> &fingerprints, QString *error)
{
    bool changed = false;
    for (auto it = fingerprints.cbegin(); it != fingerprints.cend(); ++it) {
        if (m_seen.value(it.key()) == it.value())
            continue;
        changed = true;
        if (it.value().isEmpty())
            m_seen.remove(it.key());
        else
            m_seen.insert(it.key(), it.value());
    }
    return !changed || save(error);
}

bool ZidInventoryCache::store(const QString &tenantId, const Inventory &inventory, QString *error)
{
    Inventory clean = inventory;
    for (ZidApiClient &c : clean.clients) {
        c.raw = {};
        for (ZidSecret &s : c.secrets)
            s.value.clear();
    }
    m_inventories.insert(tenantId, clean);
    return save(error);
}

bool ZidInventoryCache::storeClient(const QString &tenantId, const ZidApiClient &client, QString *error)
{
    Inventory inv = m_inventories.value(tenantId);
    bool replaced = false;
    for (ZidApiClient &c : inv.clients)
        if (c.id == client.id) {
            c = client;
            replaced = true;
        }
    if (!replaced)
        inv.clients.append(client);
    return store(tenantId, inv, error);
}

bool ZidInventoryCache::removeClient(const QString &tenantId, const QString &clientId, QString *error)
{
    Inventory inv = m_inventories.value(tenantId);
    inv.clients.removeIf([&](const ZidApiClient &c) { return c.id == clientId; });
    return store(tenantId, inv, error);
}

bool ZidInventoryCache::forgetTenant(const QString &tenantId, QString *error)
{
    m_inventories.remove(tenantId);
    return save(error);
}

bool ZidInventoryCache::setLink(const QString &profileId, const Link &link, QString *error)
{
    if (link.secretId.isEmpty())
        m_links.remove(profileId);
    else
        m_links.insert(profileId, link);
    return save(error);
}

const ZidSecret *ZidInventoryCache::secretOfProfile(const QString &tenantId, const QString &profileId,
                                                    const QString &remoteClientId) const
{
    const auto inv = m_inventories.constFind(tenantId);
    if (inv == m_inventories.cend())
        return nullptr;
    for (const ZidApiClient &c : inv->clients) {
        if (c.id != remoteClientId)
            continue;
        const Link l = m_links.value(profileId);
        if (l.clientId == remoteClientId)
            for (const ZidSecret &s : c.secrets)
                if (s.id == l.secretId)
                    return &s;
        return c.earliestExpiry();
    }
    return nullptr;
}

bool ZidInventoryCache::save(QString *error)
{
    if (m_path.isEmpty())
        return true;
    QJsonObject tenants;
    for (auto it = m_inventories.cbegin(); it != m_inventories.cend(); ++it) {
        QJsonArray clients;
        for (const ZidApiClient &c : it->clients)
            clients.append(clientJson(c));
        tenants.insert(it.key(), QJsonObject{{QStringLiteral("syncedAt"), iso(it->syncedAt)},
                                             {QStringLiteral("admin"), it->adminProfile},
                                             {QStringLiteral("clients"), clients}});
    }
    QJsonObject links;
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it)
        links.insert(it.key(), QJsonObject{{QStringLiteral("clientId"), it->clientId},
                                           {QStringLiteral("secretId"), it->secretId},
                                           {QStringLiteral("by"), it->by}});
    QJsonObject seen;
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
        seen.insert(it.key(), it.value());
    return stateFile::write(m_path, QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("tenants"), tenants},
                                                {QStringLiteral("links"), links}, {QStringLiteral("seen"), seen}},
                            error);
}

} // namespace zc
