#pragma once

#include "CliContext.h"

#include "auth/ApiCaller.h"
#include "auth/CredentialProvider.h"
#include "auth/TokenBroker.h"
#include "services/NetworkStack.h"

#include <memory>

namespace zc::cli {

// The network of one CLI run, on the main thread: the keychain credentials and the same
// NetworkStack the GUI uses (keychain token cache on unless disabled, no background refresh).
// Commands that talk to an API build their services on caller().
class AuthRuntime
{
public:
    explicit AuthRuntime(CliContext &ctx, bool useTokenCache = true);
    ~AuthRuntime();

    // Registers the client (and its tenant) with the broker; null + error printed if missing.
    const ApiClient *addClient(const QString &nameOrId, int *rc);

    TokenBroker *broker() { return m_stack->broker(); }
    ApiCaller *caller() { return m_stack->caller(); }

    // Runs the event loop until `done` was called (the callback sets *finished).
    static void waitUntil(const bool &finished);

    // Adds the options every network command shares (--no-token-cache, --timeout).
    static void addOptions(QCommandLineParser &p);

private:
    CliContext &m_ctx;
    std::unique_ptr<KeychainCredentials> m_creds;
    std::unique_ptr<NetworkStack> m_stack;
};

} // namespace zc::cli
