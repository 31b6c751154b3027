#pragma once

#include "api/ZiaApi.h"
#include "auth/ApiCaller.h"
#include "auth/CredentialProvider.h"
#include "auth/TokenBroker.h"
#include "net/HttpClient.h"
#include "net/HttpPipeline.h"
#include "net/RateLimiter.h"
#include "sim/Simulator.h"
#include "ZpaMemoryCredentials.h"

#include <QHash>
#include <QJsonObject>
#include <memory>

namespace ziatest {

// Secrets from memory (the simulator's demo profile), answered asynchronously like the keychain.
using MemoryCredentials = zpatest::ZpaMemoryCredentials;

// The client stack of one test against the in-process simulator: HttpClient, RateLimiter,
// HttpPipeline, TokenBroker, ApiCaller and ZiaApi, with one API client per demo-profile kind
// ("zia-legacy", "zia-oauth", "oneapi-secret", "saas-security", "apptotal-key") on one tenant.
// The rate limiter goes by `limiterClock` (a ManualClock keeps its windows still).
class ZiaStack
{
public:
    explicit ZiaStack(zsim::Simulator *sim, zc::Clock *limiterClock = zc::Clock::system());
    ~ZiaStack();

    zsim::Simulator *sim;
    zc::Tenant tenant;
    std::unique_ptr<zc::HttpClient> http;
    std::unique_ptr<zc::RateLimiter> limiter;
    std::unique_ptr<zc::HttpPipeline> pipeline;
    std::unique_ptr<MemoryCredentials> creds;
    std::unique_ptr<zc::TokenBroker> broker;
    std::unique_ptr<zc::ApiCaller> caller;
    std::unique_ptr<zc::ZiaApi> api;

    // "c-zia-legacy", … (empty if the profile has no such kind)
    QString clientId(const QString &kind) const { return m_ids.value(kind); }

private:
    QHash<QString, QString> m_ids;
};

// Starts a simulator on its own thread (few ZPA segments: these tests do not need them).
std::unique_ptr<zsim::SimulatorThread> startSimulator(QString *error);

} // namespace ziatest
