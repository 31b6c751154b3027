#pragma once

#include "auth/TokenBroker.h"
#include "core/TokenStatus.h"
#include "session/ConnectionTest.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QThread;

namespace zc {

class KeychainCredentials;
class TenantStore;
class WorkerCore;

// The background worker: its own QThread holding the network objects, the TokenBroker (token
// of every client, ZIA session idle deadlines, refresh ahead of expiry; ONE timer armed for the
// next deadline) and the ApiCaller. Lives in the GUI thread; every call is queued to the worker
// thread and every signal comes back queued. Keychain reads are marshalled back to the thread
// of `keychain` (qtkeychain jobs must all start from one thread).
class SessionWorker : public QObject
{
    Q_OBJECT
public:
    explicit SessionWorker(KeychainCredentials *keychain, Clock *clock = Clock::system(),
                           QObject *parent = nullptr);
    ~SessionWorker() override;

    // Defaults: autoRefresh on, no keychain token cache (the GUI keeps tokens in memory).
    static BrokerSettings defaultSettings();
    void start(const BrokerSettings &settings = defaultSettings(), const AuthSettings &auth = {});
    void stop(); // blocks until the thread ended (at most a few seconds)
    bool isRunning() const;

    // Tracks every client of the store, following its changes.
    void attachStore(TenantStore *store);
    void upsertClient(const ApiClient &client, const Tenant &tenant);
    void removeClient(const QString &clientId);

    void requestToken(const QString &clientId); // fetch now if there is no usable token
    void forgetToken(const QString &clientId);
    void testConnection(const QString &clientId);
    // Ends the server session where the scheme has one. ZIA: this ACTIVATES pending changes.
    void signOut(const QString &clientId);

    // Runs `fn` in the worker thread with its ApiCaller (services run their requests there).
    // Parent services created there to `caller`: on stop() they are deleted first, before the
    // broker, pipeline and rate limiter they use.
    void post(std::function<void(ApiCaller *caller)> fn);

    // The worker thread's kernel thread id (Linux), for CPU measurements; 0 if unknown.
    qint64 workerTid() const;

signals:
    void statusChanged(const zc::TokenStatus &status);
    void connectionTested(const zc::ConnectionTestResult &result);
    void signedOut(const QString &clientId, const zc::ApiError &error);

private:
    void syncAll();
    QPointer<TenantStore> m_store;
    KeychainCredentials *m_keychain;
    Clock *m_clock;
    QThread *m_thread = nullptr;
    WorkerCore *m_core = nullptr;
};

} // namespace zc
