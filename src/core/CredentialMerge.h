#pragma once

#include "core/ApiClient.h"
#include "core/Tenant.h"

#include <QHash>
#include <QList>
#include <QString>

namespace zc {

// What a restore or an import does to each tenant and client, by name: add (not here yet),
// replace (a same-named one is here and differs), leave (here and not changed). Merging never
// makes a duplicate: a same-named object keeps its local id (and so its keychain entries).
struct MergeItem
{
    enum Action { Add, Replace, Leave };
    enum Type { TenantItem, ClientItem };
    Action action = Add;
    Type type = TenantItem;
    QString name;
    QString localId; // the id the object has (or gets) here

    static QString actionName(Action a); // "add" | "replace" | "leave"
};

struct MergePlan
{
    QList<MergeItem> items;
    QList<Tenant> tenants;    // to upsert (TenantStore::upsert), ids resolved
    QList<ApiClient> clients; // to upsert, ids and tenant ids resolved
    QHash<QString, QString> clientIds; // incoming client id -> local id

    int count(MergeItem::Type type, MergeItem::Action action) const;
    // Marks the client (by local id) as replaced: its definition is the same but a secret differs.
    void markReplaced(const QString &localClientId);
};

// Same definition, ignoring ids, tenant ids, times and recorded secrets.
bool sameDefinition(const Tenant &a, const Tenant &b);
bool sameDefinition(const ApiClient &a, const ApiClient &b);

// Plans bringing `inTenants`/`inClients` into the set `haveTenants`/`haveClients`. Local objects
// the incoming set does not name are left. `withSecrets`: the incoming clients' recorded secrets
// are written too (restore); otherwise a client keeps the secrets recorded here (import).
// Incoming clients name their tenant by the incoming tenant's id.
MergePlan planMerge(const QList<Tenant> &haveTenants, const QList<ApiClient> &haveClients,
                    const QList<Tenant> &inTenants, const QList<ApiClient> &inClients, bool withSecrets);

} // namespace zc
