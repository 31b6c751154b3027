#include "services/SessionWorker.h"

#include "auth/ApiCaller.h"
#include "auth/CredentialProvider.h"
#include "services/NetworkStack.h"
#include "store/TenantStore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "zconsole.session")

namespace zc {

SessionWorker::SessionWorker(KeychainCredentials *keychain, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_stack(new NetworkStack(keychain, clock, this))
{
    qRegisterMetaType<zc::TokenStatus>();
    qRegisterMetaType<zc::ApiError>();
    connect(broker(), &TokenBroker::statusChanged, this, &SessionWorker::statusChanged);
}

SessionWorker::~SessionWorker()
{
    stop();
    delete m_stack; // before this object's signals go (the broker reports into them)
}

BrokerSettings SessionWorker::defaultSettings()
{
    BrokerSettings s;
    s.autoRefresh = true;
    s.useTokenCache = false;
    return s;
}

bool SessionWorker::isRunning() const { return m_running; }

ApiCaller *SessionWorker::caller() const { return m_stack->caller(); }

TokenBroker *SessionWorker::broker() const { return m_stack->broker(); }

void SessionWorker::start(const BrokerSettings &settings, const AuthSettings &auth)
{
    if (m_running)
        return;
    m_running = true;
    broker()->setAuthSettings(auth);
    broker()->setSettings(settings);
    qCInfo(lcSession) << "session started";
    syncAll();
}

void SessionWorker::stop()
{
    if (!m_running)
        return;
    m_running = false;
    // Forget every client: no deadline stays armed, no token is handed out after this.
    for (const QString &id : broker()->clientIds())
        broker()->removeClient(id);
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

void SessionWorker::upsertClient(const ApiClient &client, const Tenant &tenant)
{
    if (m_running)
        broker()->upsertClient(client, tenant);
}

void SessionWorker::removeClient(const QString &clientId)
{
    if (m_running)
        broker()->removeClient(clientId);
}

void SessionWorker::requestToken(const QString &clientId)
{
    if (m_running)
        broker()->token(clientId, this, [](const Token &, const ApiError &) {});
}

void SessionWorker::forgetToken(const QString &clientId)
{
    if (m_running)
        broker()->forget(clientId);
}

} // namespace zc
