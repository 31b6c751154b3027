#pragma once

#include "auth/TokenBroker.h"
#include "core/TokenStatus.h"
#include "services/ConnectionTest.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace zc {

class ApiCaller;
class HttpClient;
class HttpPipeline;
class KeychainCredentials;
class RateLimiter;
class TenantStore;

// The background worker and the one network stack of a process, in the thread that creates it
// (the GUI's and the CLI's main thread; a benchmark may make one in a thread of its own):
// HttpClient → RateLimiter → HttpPipeline → keychain credentials → TokenBroker (token of every
// client, ZIA session idle deadlines, refresh ahead of expiry; ONE timer armed for the next
// deadline) → ApiCaller. Nothing here blocks: network and keychain calls are asynchronous and
// the expensive steps (JWT signing, large parses, the activation ledger's file lock) run on the
// thread pool.
class SessionWorker : public QObject
{
    Q_OBJECT
public:
    explicit SessionWorker(KeychainCredentials *keychain, Clock *clock = Clock::system(),
                           QObject *parent = nullptr);
    ~SessionWorker() override;

    // Defaults: autoRefresh on, no keychain token cache (the GUI keeps tokens in memory).
    static BrokerSettings defaultSettings();
    // The stack exists from construction (services hold its ApiCaller); start() applies the
    // settings and begins tracking the store's clients, stop() forgets every client.
    void start(const BrokerSettings &settings = defaultSettings(), const AuthSettings &auth = {});
    void stop();
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

    // Runs `fn` later (queued, in this object's thread) with the ApiCaller, if still running.
    void post(std::function<void(ApiCaller *caller)> fn);

    ApiCaller *caller() const { return m_caller; }
    TokenBroker *broker() const { return m_broker; }

    // The kernel thread id (Linux) of the thread this worker lives in, for CPU measurements.
    qint64 workerTid() const { return m_tid; }

signals:
    void statusChanged(const zc::TokenStatus &status);
    void connectionTested(const zc::ConnectionTestResult &result);
    void signedOut(const QString &clientId, const zc::ApiError &error);

private:
    void syncAll();
    QPointer<TenantStore> m_store;
    KeychainCredentials *m_keychain;
    Clock *m_clock;
    HttpClient *m_http;
    RateLimiter *m_limiter;
    HttpPipeline *m_pipeline;
    TokenBroker *m_broker;
    ApiCaller *m_caller;
    qint64 m_tid = 0;
    bool m_running = false;
};

} // namespace zc
