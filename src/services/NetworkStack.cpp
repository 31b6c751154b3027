#include "services/NetworkStack.h"

#include "auth/ApiCaller.h"
#include "auth/CredentialProvider.h"
#include "auth/TokenBroker.h"
#include "net/HttpClient.h"
#include "net/HttpPipeline.h"
#include "net/RateLimiter.h"

namespace zc {

NetworkStack::NetworkStack(CredentialProvider *credentials, Clock *clock, QObject *parent)
    : NetworkStack(credentials, nullptr, clock, parent)
{
}

NetworkStack::NetworkStack(ClientSecrets *secrets, QObject *parent)
    : NetworkStack(nullptr, new KeychainCredentials(secrets), Clock::system(), parent)
{
}

NetworkStack::NetworkStack(CredentialProvider *credentials, KeychainCredentials *own, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_ownCredentials(own)
    , m_clock(clock)
    , m_http(new HttpClient(this))
    , m_limiter(new RateLimiter(clock, this))
    , m_pipeline(new HttpPipeline(m_http, m_limiter, clock, this))
    , m_broker(new TokenBroker(m_pipeline, credentials ? credentials : own, clock, this))
    , m_caller(new ApiCaller(m_broker, this))
{
    if (m_ownCredentials)
        m_ownCredentials->setParent(this);
}

void NetworkStack::useOneShotSettings(bool tokenCache)
{
    BrokerSettings s;
    s.autoRefresh = false; // one-shot runs: nothing to keep alive
    s.useTokenCache = tokenCache;
    m_broker->setSettings(s);
}

void NetworkStack::addClient(const ApiClient &client, const Tenant &tenant) { m_broker->upsertClient(client, tenant); }

void NetworkStack::token(const QString &clientId, QObject *ctx, std::function<void(const Token &, const ApiError &)> done)
{
    m_broker->token(clientId, ctx, std::move(done));
}

int NetworkStack::pendingCredentialWrites() const { return m_ownCredentials ? m_ownCredentials->pendingWrites() : 0; }

NetworkStack::~NetworkStack()
{
    // Children, but deleted here in order: users before what they use; services parented to
    // the caller first, while the stack they cancel into lives.
    qDeleteAll(m_caller->children());
    delete m_caller;
    delete m_broker;
    delete m_pipeline;
    delete m_limiter;
    delete m_http;
    delete m_ownCredentials;
}

void NetworkStack::setTotalTimeoutMs(int ms) { m_http->setTotalTimeoutMs(ms); }

} // namespace zc
