#include "services/SessionWorker.h"

#include "auth/ApiCaller.h"
#include "auth/CredentialProvider.h"
#include "net/HttpClient.h"
#include "net/HttpPipeline.h"
#include "net/RateLimiter.h"
#include "store/TenantStore.h"

#include <QLoggingCategory>

#if defined(Q_OS_LINUX)
#include <sys/syscall.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcSession, "zconsole.session")

namespace zc {

SessionWorker::SessionWorker(KeychainCredentials *keychain, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_clock(clock)
    , m_http(new HttpClient(this))
    , m_limiter(new RateLimiter(m_clock, this))
    , m_pipeline(new HttpPipeline(m_http, m_limiter, m_clock, this))
    , m_broker(new TokenBroker(m_pipeline, m_keychain, m_clock, this))
    , m_caller(new ApiCaller(m_broker, this))
{
    qRegisterMetaType<zc::TokenStatus>();
    qRegisterMetaType<zc::ConnectionTestResult>();
    qRegisterMetaType<zc::ApiError>();
#if defined(Q_OS_LINUX)
    m_tid = qint64(syscall(SYS_gettid));
#endif
    connect(m_broker, &TokenBroker::statusChanged, this, &SessionWorker::statusChanged);
}

SessionWorker::~SessionWorker()
{
    stop();
    qDeleteAll(m_caller->children()); // services parented to the caller, while the stack lives
    // Users before what they use (the services built on the caller are gone by now: they are
    // members of the composition root declared after this worker, or its children).
    delete m_caller;
    delete m_broker;
    delete m_pipeline;
    delete m_limiter;
    delete m_http;
}

BrokerSettings SessionWorker::defaultSettings()
{
    BrokerSettings s;
    s.autoRefresh = true;
    s.useTokenCache = false;
    return s;
}

bool SessionWorker::isRunning() const { return m_running; }

void SessionWorker::start(const BrokerSettings &settings, const AuthSettings &auth)
{
    if (m_running)
        return;
    m_running = true;
    m_broker->setAuthSettings(auth);
    m_broker->setSettings(settings);
    qCInfo(lcSession) << "session started";
    syncAll();
}

void SessionWorker::stop()
{
    if (!m_running)
        return;
    m_running = false;
    // Forget every client: no deadline stays armed, no token is handed out after this.
    for (const QString &id : m_broker->clientIds())
        m_broker->removeClient(id);
    qCInfo(lcSession) << "session stopped";
}

void SessionWorker::attachStore(TenantStore *store)
{
    m_store = store;
    connect(store, &TenantStore::reset, this, &SessionWorker::syncAll);
    connect(store, &TenantStore::clientInserted, this, [this](int i) {
        const ApiClient c = m_store->clients().at(i);
        if (const Tenant *t = m_store->tenant(c.tenantId))
            upsertClient(c, *t);
    });
    connect(store, &TenantStore::clientChanged, this, [this](int i) {
        const ApiClient c = m_store->clients().at(i);
        if (const Tenant *t = m_store->tenant(c.tenantId))
            upsertClient(c, *t);
    });
    connect(store, &TenantStore::clientRemoved, this, [this](int, const QString &id) { removeClient(id); });
    connect(store, &TenantStore::tenantChanged, this, [this](int i) {
        const Tenant t = m_store->tenants().at(i);
        for (const ApiClient &c : m_store->clientsOf(t.id))
            upsertClient(c, t);
    });
    syncAll();
}

void SessionWorker::syncAll()
{
    if (!m_store || !m_running)
        return;
    for (const ApiClient &c : m_store->clients())
        if (const Tenant *t = m_store->tenant(c.tenantId))
            upsertClient(c, *t);
}

void SessionWorker::post(std::function<void(ApiCaller *)> fn)
{
    QPointer<SessionWorker> self(this);
    QMetaObject::invokeMethod(this, [self, fn] {
        if (self && self->m_running)
            fn(self->m_caller);
    }, Qt::QueuedConnection);
}

void SessionWorker::upsertClient(const ApiClient &client, const Tenant &tenant)
{
    if (m_running)
        m_broker->upsertClient(client, tenant);
}

void SessionWorker::removeClient(const QString &clientId)
{
    if (m_running)
        m_broker->removeClient(clientId);
}

void SessionWorker::requestToken(const QString &clientId)
{
    if (m_running)
        m_broker->token(clientId, this, [](const Token &, const ApiError &) {});
}

void SessionWorker::forgetToken(const QString &clientId)
{
    if (m_running)
        m_broker->forget(clientId);
}

void SessionWorker::testConnection(const QString &clientId)
{
    post([this, clientId](ApiCaller *caller) {
        ConnectionTest::run(caller, clientId, this,
                            [this](const ConnectionTestResult &r) { emit connectionTested(r); });
    });
}

void SessionWorker::signOut(const QString &clientId)
{
    post([this, clientId](ApiCaller *caller) {
        caller->broker()->signOut(clientId, this,
                                  [this, clientId](const ApiError &e) { emit signedOut(clientId, e); });
    });
}


} // namespace zc
