#pragma once

#include "core/Clock.h"

#include <QObject>

namespace zc {

class ApiCaller;
class CredentialProvider;
class HttpClient;
class HttpPipeline;
class RateLimiter;
class TokenBroker;

// The composition root of the network, the same for both faces: HttpClient (one
// QNetworkAccessManager per trust domain) → RateLimiter → HttpPipeline (pacing, retries, by each
// API's request policy) → the credentials → TokenBroker → ApiCaller, built once, in the thread
// that creates it. Services are built on caller(); they must go before the stack does.
class NetworkStack : public QObject
{
    Q_OBJECT
public:
    explicit NetworkStack(CredentialProvider *credentials, Clock *clock = Clock::system(),
                          QObject *parent = nullptr);
    ~NetworkStack() override;

    ApiCaller *caller() const { return m_caller; }
    TokenBroker *broker() const { return m_broker; }
    Clock *clock() const { return m_clock; }
    // Gives up on a request after this long in total (the CLI's --timeout; default 300 s).
    void setTotalTimeoutMs(int ms);

private:
    Clock *m_clock;
    HttpClient *m_http;
    RateLimiter *m_limiter;
    HttpPipeline *m_pipeline;
    TokenBroker *m_broker;
    ApiCaller *m_caller;
};

} // namespace zc
