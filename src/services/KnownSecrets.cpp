#include "services/KnownSecrets.h"

#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <QSet>

namespace zc {

namespace {
bool isOneApi(const ApiClient &c) { return c.kind == AuthKind::OneApiSecret || c.kind == AuthKind::OneApiJwt; }
} // namespace

QList<KnownSecret> collectKnownSecrets(const TenantStore &store, const ZidInventoryCache &cache)
{
    QList<KnownSecret> out;
    QSet<QString> linkedProfiles;
    for (const Tenant &t : store.tenants()) {
        const ZidInventoryCache::Inventory inv = cache.inventory(t.id);
        for (const ZidApiClient &rc : inv.clients) {
            const ApiClient *profile = nullptr;
            for (const ApiClient &p : store.clients())
                if (p.tenantId == t.id && isOneApi(p) && p.clientId == rc.id) {
                    profile = &p;
                    break;
                }
            const ZidSecret *current = nullptr;
            if (profile) {
                linkedProfiles.insert(profile->id);
                current = cache.secretOfProfile(t.id, profile->id, rc.id);
            }
            for (const ZidSecret &s : rc.secrets) {
                KnownSecret k;
                k.tenantId = t.id;
                k.tenantName = t.name;
                k.clientId = rc.id;
                k.name = rc.name;
                if (profile) {
                    k.profile = profile->name;
                    k.profileId = profile->id;
                    k.inUse = current && current->id == s.id;
                }
                k.secretId = s.id;
                k.expiresAt = s.expiresAt;
                out.append(k);
            }
        }
    }
    for (const ApiClient &p : store.clients()) {
        if (!p.secretExpiresAt.isValid() || linkedProfiles.contains(p.id))
            continue;
        const Tenant *t = store.tenant(p.tenantId);
        KnownSecret k;
        k.tenantId = p.tenantId;
        k.tenantName = t ? t->name : QString();
        k.clientId = p.clientId;
        k.name = p.name;
        k.profile = p.name;
        k.profileId = p.id;
        k.expiresAt = p.secretExpiresAt.toUTC();
        k.inUse = true;
        out.append(k);
    }
    SecretReminders::sortByExpiry(out);
    return out;
}

QList<KnownSecret> expiringWithin(const QList<KnownSecret> &secrets, int days, const QDateTime &now)
{
    QList<KnownSecret> out;
    for (const KnownSecret &s : secrets)
        if (s.expiresAt.isValid() && s.daysLeft(now) <= days)
            out.append(s);
    return out;
}

} // namespace zc
