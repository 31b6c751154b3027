#pragma once

#include "core/ApiError.h"
#include "core/Clock.h"
#include "core/Token.h"

#include <QObject>
#include <functional>

namespace zc {

class ApiCaller;
struct ApiClient;
class ClientSecrets;
class CredentialProvider;
class KeychainCredentials;
struct Tenant;
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
    // With credentials of its own, read through `secrets` (the CLI's one-shot runs).
    explicit NetworkStack(ClientSecrets *secrets, QObject *parent = nullptr);
    ~NetworkStack() override;

    // A one-shot run (the CLI): no background refresh; the keychain token cache if asked.
    void useOneShotSettings(bool tokenCache);
    // Registers a client (and its tenant) with the broker.
    void addClient(const ApiClient &client, const Tenant &tenant);
    // The client's token: cached, or fetched once however many ask.
    void token(const QString &clientId, QObject *ctx, std::function<void(const Token &, const ApiError &)> done);
    // Token-cache writes to the keychain not yet finished (own credentials only; else 0).
    int pendingCredentialWrites() const;

    ApiCaller *caller() const { return m_caller; }
    TokenBroker *broker() const { return m_broker; }
    Clock *clock() const { return m_clock; }
    // Gives up on a request after this long in total (the CLI's --timeout; default 300 s).
    void setTotalTimeoutMs(int ms);

private:
    NetworkStack(CredentialProvider *credentials, KeychainCredentials *own, Clock *clock, QObject *parent);

    KeychainCredentials *m_ownCredentials; // with the ClientSecrets constructor, else null
    Clock *m_clock;
    HttpClient *m_http;
    RateLimiter *m_limiter;
    HttpPipeline *m_pipeline;
    TokenBroker *m_broker;
    ApiCaller *m_caller;
};

} // namespace zc
