#pragma once

#include "auth/TokenBroker.h"
#include "core/TokenStatus.h"

#include <QObject>
#include <QPointer>

namespace zc {

class ApiCaller;
class KeychainCredentials;
class NetworkStack;
class TenantStore;

// The background worker, in the thread that creates it (the GUI's main thread; a benchmark may
// make one in a thread of its own): it owns the process's NetworkStack and keeps every client
// of the store registered with its TokenBroker (token of every client, ZIA session idle
// deadlines, refresh ahead of expiry; ONE timer armed for the next deadline). Nothing here
// blocks: network and keychain calls are asynchronous and the expensive steps (JWT signing,
// large parses, the activation ledger's file lock) run on the thread pool.
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

    NetworkStack *stack() const { return m_stack; }
    ApiCaller *caller() const;
    TokenBroker *broker() const;

signals:
    void statusChanged(const zc::TokenStatus &status);

private:
    void syncAll();
    QPointer<TenantStore> m_store;
    NetworkStack *m_stack;
    bool m_running = false;
};

} // namespace zc
