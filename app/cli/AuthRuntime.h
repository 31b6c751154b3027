#pragma once

#include "CliContext.h"

#include "auth/ApiCaller.h"
#include "auth/CredentialProvider.h"
#include "auth/TokenBroker.h"
#include "net/HttpClient.h"
#include "net/HttpPipeline.h"
#include "net/RateLimiter.h"

#include <memory>

namespace zc::cli {

// The network and token objects of one CLI run, on the main thread: HttpClient, RateLimiter,
// HttpPipeline, keychain credentials, a TokenBroker (keychain token cache on unless disabled)
// and an ApiCaller. Commands that talk to an API (token, client test, later zpa/zia) use it.
class AuthRuntime
{
public:
    explicit AuthRuntime(CliContext &ctx, bool useTokenCache = true);
    ~AuthRuntime();

    // Registers the client (and its tenant) with the broker; null + error printed if missing.
    const ApiClient *addClient(const QString &nameOrId, int *rc);

    TokenBroker *broker() { return m_broker.get(); }
    ApiCaller *caller() { return m_caller.get(); }

    // Runs the event loop until `done` was called (the callback sets *finished).
    static void waitUntil(const bool &finished);

    // Adds the options every network command shares (--no-token-cache, --timeout).
    static void addOptions(QCommandLineParser &p);

private:
    CliContext &m_ctx;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<HttpPipeline> m_pipeline;
    std::unique_ptr<KeychainCredentials> m_creds;
    std::unique_ptr<TokenBroker> m_broker;
    std::unique_ptr<ApiCaller> m_caller;
};

} // namespace zc::cli
