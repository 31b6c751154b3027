#pragma once

#include "core/SecretReminders.h"

#include <QDateTime>
#include <QList>

namespace zc {

class TenantStore;
class ZidInventoryCache;

// Every API-client secret whose expiry zconsole knows, offline (no network):
//  - for every tenant of the store with a cached ZIdentity inventory, each secret of each remote
//    client (secrets without expiry too, with an invalid expiresAt). `profile`/`profileId` name
//    the local oneapi-* profile of that tenant whose ApiClient::clientId is the remote client's
//    id (the first, in store order), set on EVERY secret of that client; `inUse` marks the one
//    its keychain entry is (ZidInventoryCache::secretOfProfile: the linked one, else the
//    earliest expiry);
//  - every local profile with a `secretExpiresAt` that is not such a linked profile (its client is
//    not in the tenant's cached inventory, or it is no oneapi-* profile): secretId empty,
//    clientId = the profile's client id, name = profile = the profile's name.
// Tenants of the cache that the store no longer has are left out. Sorted by expiresAt
// (SecretReminders::sortByExpiry: no expiry last).
QList<KnownSecret> collectKnownSecrets(const TenantStore &store, const ZidInventoryCache &cache);

// Those with an expiry and daysLeft(now) <= days: expired ones included, no expiry never.
QList<KnownSecret> expiringWithin(const QList<KnownSecret> &secrets, int days, const QDateTime &now);

} // namespace zc
