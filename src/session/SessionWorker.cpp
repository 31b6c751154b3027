#include "session/SessionWorker.h"

#include "session/WorkerCore.h"
#include "store/TenantStore.h"

#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcSession, "zconsole.session")

namespace zc {

SessionWorker::SessionWorker(KeychainCredentials *keychain, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_clock(clock)
{
    qRegisterMetaType<zc::TokenStatus>();
    qRegisterMetaType<zc::ConnectionTestResult>();
    qRegisterMetaType<zc::ApiError>();
}

SessionWorker::~SessionWorker() { stop(); }

BrokerSettings SessionWorker::defaultSettings()
{
    BrokerSettings s;
    s.autoRefresh = true;
    s.useTokenCache = false;
    return s;
}

bool SessionWorker::isRunning() const { return m_thread && m_thread->isRunning(); }

void SessionWorker::start(const BrokerSettings &settings, const AuthSettings &auth)
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("zconsole-session"));
    m_core = new WorkerCore(m_keychain, m_clock);
    m_core->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_core, &QObject::deleteLater);
    connect(m_core, &WorkerCore::statusChanged, this, &SessionWorker::statusChanged);
    connect(m_core, &WorkerCore::connectionTested, this, &SessionWorker::connectionTested);
    connect(m_core, &WorkerCore::signedOut, this, &SessionWorker::signedOut);
    m_thread->start();
    WorkerCore *core = m_core;
    QMetaObject::invokeMethod(core, [core, settings, auth] { core->init(settings, auth); }, Qt::QueuedConnection);
    qCInfo(lcSession) << "session worker started";
    syncAll();
}

void SessionWorker::stop()
{
    if (!m_thread)
        return;
    WorkerCore *core = m_core;
    QMetaObject::invokeMethod(core, [core] { core->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait(5000);
    delete m_thread;
    m_thread = nullptr;
    m_core = nullptr;
    qCInfo(lcSession) << "session worker stopped";
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
    if (!m_store || !m_core)
        return;
    for (const ApiClient &c : m_store->clients())
        if (const Tenant *t = m_store->tenant(c.tenantId))
            upsertClient(c, *t);
}

void SessionWorker::post(std::function<void(ApiCaller *)> fn)
{
    if (!m_core)
        return;
    WorkerCore *core = m_core;
    QMetaObject::invokeMethod(core, [core, fn] {
        if (core->caller())
            fn(core->caller());
    }, Qt::QueuedConnection);
}

void SessionWorker::upsertClient(const ApiClient &client, const Tenant &tenant)
{
    post([client, tenant](ApiCaller *caller) { caller->broker()->upsertClient(client, tenant); });
}

void SessionWorker::removeClient(const QString &clientId)
{
    post([clientId](ApiCaller *caller) { caller->broker()->removeClient(clientId); });
}

void SessionWorker::requestToken(const QString &clientId)
{
    post([clientId](ApiCaller *caller) {
        caller->broker()->token(clientId, caller, [](const Token &, const ApiError &) {});
    });
}

void SessionWorker::forgetToken(const QString &clientId)
{
    post([clientId](ApiCaller *caller) { caller->broker()->forget(clientId); });
}

void SessionWorker::testConnection(const QString &clientId)
{
    WorkerCore *core = m_core;
    post([clientId, core](ApiCaller *caller) {
        ConnectionTest::run(caller, clientId, core, [core](const ConnectionTestResult &r) {
            emit core->connectionTested(r);
        });
    });
}

void SessionWorker::signOut(const QString &clientId)
{
    WorkerCore *core = m_core;
    post([clientId, core](ApiCaller *caller) {
        caller->broker()->signOut(clientId, core, [core, clientId](const ApiError &e) {
            emit core->signedOut(clientId, e);
        });
    });
}

qint64 SessionWorker::workerTid() const { return m_core ? m_core->threadTid() : 0; }

} // namespace zc
