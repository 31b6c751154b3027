#include "services/NetworkStack.h"

#include "auth/ApiCaller.h"
#include "auth/TokenBroker.h"
#include "net/HttpClient.h"
#include "net/HttpPipeline.h"
#include "net/RateLimiter.h"

namespace zc {

NetworkStack::NetworkStack(CredentialProvider *credentials, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_http(new HttpClient(this))
    , m_limiter(new RateLimiter(clock, this))
    , m_pipeline(new HttpPipeline(m_http, m_limiter, clock, this))
    , m_broker(new TokenBroker(m_pipeline, credentials, clock, this))
    , m_caller(new ApiCaller(m_broker, this))
{
}

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
}

void NetworkStack::setTotalTimeoutMs(int ms) { m_http->setTotalTimeoutMs(ms); }

} // namespace zc
