// All simulator state behind one mutex: knobs, counters, credentials, issued tokens and the data
// of every simulated API. Route handlers run with the mutex held (on the server thread); the
// thread-safe Simulator methods take it too.
#pragma once

#include "sim/Knobs.h"
#include "sim/Prng.h"
#include "sim/Router.h"
#include "sim/Simulator.h"
#include "sim/ZiaState.h"
#include "sim/ZidState.h"
#include "sim/ZpaStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <deque>

namespace zsim {

struct TokenInfo {
    QString kind;          // oneapi | zpa | zia-oauth | saas
    QString clientId;
    qint64 expiresAtMs = 0;
    bool revoked = false;
    bool audience = true;  // OneAPI: false when the token request carried no audience
    QByteArray transactionId;
};

qint64 nowMs();   // the wall clock (epoch ms)

// The time every request sees (token expiry, session idle time, rate windows, activation, daily
// quotas): the wall clock plus what advanceClock() added; once frozen it moves only when told.
struct SimClock {
    qint64 offsetMs = 0;
    qint64 frozenAtMs = -1;   // wall time of freeze(); -1 = running
    qint64 now() const { return (frozenAtMs >= 0 ? frozenAtMs : nowMs()) + offsetMs; }
    void freeze()
    {
        if (frozenAtMs < 0)
            frozenAtMs = nowMs();
    }
};

struct DailyUse {
    qint64 day = 0;
    int used = 0;
};

class SimCore
{
public:
    explicit SimCore(const SimOptions &options);

    // Tenant constants (README.md "Demo profile").
    static const QString kTenantName, kVanity, kCustomerId, kZiaOrgId, kZiaCloud, kZiaScope;

    SimOptions options;
    QString baseUrl;
    QString caPath;
    QString controlToken;
    QByteArray tokenKey;
    mutable QMutex mutex;
    Knobs knobs;
    QHash<QString, qint64> counters;
    SimClock clock;
    // Per route key: when its requests arrived (clock ms), the most recent kMaxArrivals.
    static constexpr std::size_t kMaxArrivals = 10000;
    QHash<QString, std::deque<qint64>> arrivals;
    Router router;

    ZpaStore zpa;
    ZiaState zia;
    ZidState zid;
    QList<QJsonObject> incidents;             // SaaS Security
    QList<QJsonObject> apps;                  // AppTotal catalogue
    QHash<QString, DailyUse> appTotalUse;     // per API key
    QHash<QString, DailyUse> sandboxUse;      // per API token
    QHash<QByteArray, TokenInfo> tokens;
    QList<QJsonObject> clients;               // registered non-OneAPI credentials
    QList<QJsonObject> demoClients;           // the demo profile's clients, as registered
    Prng credPrng;                            // generated credentials (deterministic per seed)
    Prng requestPrng;                         // request ids

    void buildData(const QByteArray &jwtPrivatePem, const QByteArray &jwtPublicPem);  // DataGen.cpp
    void registerRoutes();                    // *Routes.cpp
    void count(const QString &key) { ++counters[key]; }
    void arrived(const QString &key, qint64 ms)
    {
        std::deque<qint64> &log = arrivals[key];
        log.push_back(ms);
        if (log.size() > kMaxArrivals)
            log.pop_front();
    }
    void resetCounters()
    {
        counters.clear();
        arrivals.clear();
    }

    // Credentials.cpp
    QJsonObject registerClient(const QJsonObject &client, QString *error);
    const QJsonObject *findClient(const QString &kind, const char *field, const QString &value) const;
    void updateDemoClient(const QJsonObject &client, const char *idField);
    QByteArray issueToken(const QString &kind, const QString &clientId, int lifetimeSeconds,
                          qint64 nowMs, bool audience = true, const QJsonObject &claims = {});
    // Valid (known, of that kind, unexpired, not revoked) token, or nullptr.
    const TokenInfo *validToken(const QByteArray &token, const QString &kind, qint64 nowMs) const;
    void revokeTokens(const QString &clientId);
    QJsonObject demoProfile() const;
    QString uuid();
};

qint64 dayOf(qint64 ms);

} // namespace zsim
