#pragma once

#include "CliContext.h"

#include "core/ApiClient.h"
#include "core/Tenant.h"
#include "services/NetworkStack.h"

#include <memory>

namespace zc::cli {

// The network of one CLI run, on the main thread: the same NetworkStack the GUI uses, with
// credentials of its own (keychain token cache on unless disabled, no background refresh).
// Commands that talk to an API build their services on caller().
class AuthRuntime
{
public:
    explicit AuthRuntime(CliContext &ctx, bool useTokenCache = true);
    ~AuthRuntime();

    // Registers the client (and its tenant) with the broker; null + error printed if missing.
    const ApiClient *addClient(const QString &nameOrId, int *rc);

    NetworkStack *stack() { return m_stack.get(); }
    ApiCaller *caller() { return m_stack->caller(); }

    // Runs the event loop until `done` was called (the callback sets *finished).
    static void waitUntil(const bool &finished);

    // Adds the options every network command shares (--no-token-cache, --timeout).
    static void addOptions(QCommandLineParser &p);

private:
    CliContext &m_ctx;
    std::unique_ptr<NetworkStack> m_stack;
};

} // namespace zc::cli
