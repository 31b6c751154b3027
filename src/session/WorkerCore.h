#pragma once

#include "auth/ApiCaller.h"
#include "auth/TokenBroker.h"
#include "session/ConnectionTest.h"

#include <QObject>
#include <atomic>

namespace zc {

class KeychainCredentials;
class MarshalledCredentials;

// The part of the SessionWorker that lives in its thread: the network objects (HttpClient with
// its managers, RateLimiter, HttpPipeline), the TokenBroker with its one timer, and the
// ApiCaller. Created in the GUI thread, moved to the worker thread, then init() builds the rest
// there. Internal to SessionWorker.
class WorkerCore : public QObject
{
    Q_OBJECT
public:
    WorkerCore(KeychainCredentials *keychain, Clock *clock);
    ~WorkerCore() override;

    void init(const BrokerSettings &settings, const AuthSettings &auth); // in the worker thread
    void shutdown();                                                     // in the worker thread

    TokenBroker *broker() const { return m_broker; }
    ApiCaller *caller() const { return m_caller; }
    qint64 threadTid() const { return m_tid.load(); }

signals:
    void statusChanged(const zc::TokenStatus &status);
    void connectionTested(const zc::ConnectionTestResult &result);
    void signedOut(const QString &clientId, const zc::ApiError &error);

private:
    KeychainCredentials *m_keychain;
    Clock *m_clock;
    HttpClient *m_http = nullptr;
    RateLimiter *m_limiter = nullptr;
    HttpPipeline *m_pipeline = nullptr;
    MarshalledCredentials *m_creds = nullptr;
    TokenBroker *m_broker = nullptr;
    ApiCaller *m_caller = nullptr;
    std::atomic<qint64> m_tid{0};
};

} // namespace zc
