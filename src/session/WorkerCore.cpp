#include "session/WorkerCore.h"

#include "session/MarshalledCredentials.h"

#include <QThread>

#if defined(Q_OS_LINUX)
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace zc {

WorkerCore::WorkerCore(KeychainCredentials *keychain, Clock *clock)
    : m_keychain(keychain)
    , m_clock(clock)
{
}

WorkerCore::~WorkerCore() = default;

void WorkerCore::init(const BrokerSettings &settings, const AuthSettings &auth)
{
#if defined(Q_OS_LINUX)
    m_tid = qint64(syscall(SYS_gettid));
#endif
    m_http = new HttpClient(this);
    m_limiter = new RateLimiter(m_clock, this);
    m_pipeline = new HttpPipeline(m_http, m_limiter, m_clock, this);
    m_creds = new MarshalledCredentials(m_keychain, this);
    m_broker = new TokenBroker(m_pipeline, m_creds, m_clock, this);
    m_broker->setAuthSettings(auth);
    m_broker->setSettings(settings);
    m_caller = new ApiCaller(m_broker, this);
    connect(m_broker, &TokenBroker::statusChanged, this, &WorkerCore::statusChanged);
}

void WorkerCore::shutdown()
{
    // Children die in this thread, where they were made. Services made in post() are parented
    // to the ApiCaller: they go first, while the broker and rate limiter they cancel into live.
    if (m_caller)
        qDeleteAll(m_caller->children());
    delete m_caller;
    delete m_broker;
    delete m_creds;
    delete m_pipeline;
    delete m_limiter;
    delete m_http;
    m_caller = nullptr;
    m_broker = nullptr;
    m_creds = nullptr;
    m_pipeline = nullptr;
    m_limiter = nullptr;
    m_http = nullptr;
}

} // namespace zc
