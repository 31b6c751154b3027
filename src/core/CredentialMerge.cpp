#include "core/CredentialMerge.h"

#include "core/Ids.h"

#include <QSet>

namespace zc {

namespace {
template <typename T> const T *byName(const QList<T> &list, const QString &name)
{
    for (const T &x : list)
        if (x.name.trimmed().compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return &x;
    return nullptr;
}
template <typename T> bool hasId(const QList<T> &list, const QString &id)
{
    for (const T &x : list)
        if (x.id == id)
            return true;
    return false;
}
QJsonObject comparable(QJsonObject o)
{
    for (const char *k : {"id", "tenantId", "created", "modified", "secretsSetAt"})
        o.remove(QLatin1String(k));
    return o;
}
} // namespace

QString MergeItem::actionName(Action a)
{
    switch (a) {
    case Add: return QStringLiteral("add");
    case Replace: return QStringLiteral("replace");
    case Leave: return QStringLiteral("leave");
    }
    return {};
}

int MergePlan::count(MergeItem::Type type, MergeItem::Action action) const
{
    int n = 0;
    for (const MergeItem &i : items)
        n += i.type == type && i.action == action;
    return n;
}

void MergePlan::markReplaced(const QString &localClientId)
{
    for (MergeItem &i : items)
        if (i.type == MergeItem::ClientItem && i.localId == localClientId && i.action == MergeItem::Leave)
            i.action = MergeItem::Replace;
}

bool sameDefinition(const Tenant &a, const Tenant &b) { return comparable(a.toJson()) == comparable(b.toJson()); }
bool sameDefinition(const ApiClient &a, const ApiClient &b) { return comparable(a.toJson()) == comparable(b.toJson()); }

MergePlan planMerge(const QList<Tenant> &haveTenants, const QList<ApiClient> &haveClients,
                    const QList<Tenant> &inTenants, const QList<ApiClient> &inClients, bool withSecrets)
{
    MergePlan plan;
    QHash<QString, QString> tenantIds; // incoming -> local
    QSet<QString> named;
    for (Tenant t : inTenants) {
        const Tenant *here = byName(haveTenants, t.name);
        MergeItem item{MergeItem::Add, MergeItem::TenantItem, t.name, {}};
        const QString inId = t.id;
        if (here) {
            item.action = sameDefinition(*here, t) ? MergeItem::Leave : MergeItem::Replace;
            t.id = here->id;
        } else if (t.id.isEmpty() || hasId(haveTenants, t.id) || !isStableId(t.id)) {
            t.id = newTenantId();
        }
        item.localId = t.id;
        tenantIds.insert(inId, t.id);
        named.insert(QStringLiteral("t:") + t.id);
        plan.items.append(item);
        if (item.action != MergeItem::Leave)
            plan.tenants.append(t);
    }
    for (ApiClient c : inClients) {
        const ApiClient *here = byName(haveClients, c.name);
        MergeItem item{MergeItem::Add, MergeItem::ClientItem, c.name, {}};
        const QString inId = c.id;
        c.tenantId = tenantIds.value(c.tenantId, c.tenantId);
        QMap<SecretField, QDateTime> recorded = withSecrets ? c.secretsSetAt : QMap<SecretField, QDateTime>();
        if (here) {
            item.action = sameDefinition(*here, c) && here->tenantId == c.tenantId ? MergeItem::Leave : MergeItem::Replace;
            c.id = here->id;
            // What is recorded here stays recorded, for the fields the (new) kind has.
            for (auto it = here->secretsSetAt.cbegin(); it != here->secretsSetAt.cend(); ++it)
                if (!recorded.contains(it.key()) && c.secretFields().contains(it.key()))
                    recorded.insert(it.key(), it.value());
        } else if (c.id.isEmpty() || hasId(haveClients, c.id) || !isStableId(c.id)) {
            c.id = newClientId();
        }
        c.secretsSetAt = recorded;
        item.localId = c.id;
        plan.clientIds.insert(inId, c.id);
        named.insert(QStringLiteral("c:") + c.id);
        plan.items.append(item);
        plan.clients.append(c);
    }
    for (const Tenant &t : haveTenants)
        if (!named.contains(QStringLiteral("t:") + t.id))
            plan.items.append({MergeItem::Leave, MergeItem::TenantItem, t.name, t.id});
    for (const ApiClient &c : haveClients)
        if (!named.contains(QStringLiteral("c:") + c.id))
            plan.items.append({MergeItem::Leave, MergeItem::ClientItem, c.name, c.id});
    return plan;
}

} // namespace zc
