#include "AuthRuntime.h"

#include "CliOutput.h"
#include "StoreErrors.h"

#include "store/ClientSecrets.h"
#include "store/TenantStore.h"

#include <QEventLoop>
#include <QTimer>

namespace zc::cli {

AuthRuntime::AuthRuntime(CliContext &ctx, bool useTokenCache)
    : m_ctx(ctx)
{
    m_stack = std::make_unique<NetworkStack>(ctx.secrets());
    m_stack->useOneShotSettings(useTokenCache && !ctx.parser.isSet(QStringLiteral("no-token-cache")));
    if (ctx.parser.isSet(QStringLiteral("timeout"))) {
        const int secs = ctx.parser.value(QStringLiteral("timeout")).toInt();
        if (secs > 0)
            m_stack->setTotalTimeoutMs(secs * 1000);
    }
}

AuthRuntime::~AuthRuntime()
{
    // Let queued keychain writes (token cache) finish before the objects go.
    if (m_stack->pendingCredentialWrites() > 0) {
        QEventLoop loop;
        QTimer poll, limit;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (m_stack->pendingCredentialWrites() == 0)
                loop.quit();
        });
        QObject::connect(&limit, &QTimer::timeout, &loop, &QEventLoop::quit);
        poll.start(5);
        limit.start(10'000);
        loop.exec();
    }
    m_stack.reset();
}

const ApiClient *AuthRuntime::addClient(const QString &nameOrId, int *rc)
{
    const ApiClient *c = requireClient(m_ctx, nameOrId, rc);
    if (!c)
        return nullptr;
    const Tenant *t = m_ctx.store()->tenant(c->tenantId);
    if (!t) {
        *rc = m_ctx.fail(ErrorKind::Config,
                         QStringLiteral("API client \"%1\" belongs to no known tenant").arg(printable(c->name)));
        return nullptr;
    }
    const ValidationIssues issues = c->validateWithFiles(t);
    if (!issues.isEmpty()) {
        *rc = m_ctx.fail(ErrorKind::Config, QStringLiteral("API client \"%1\" is not complete: %2")
                                                .arg(printable(c->name), joinIssues(issues)));
        return nullptr;
    }
    m_stack->addClient(*c, *t);
    return c;
}

void AuthRuntime::waitUntil(const bool &finished)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (finished)
            loop.quit();
    });
    poll.start(10);
    if (!finished)
        loop.exec();
}

void AuthRuntime::addOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("no-token-cache"),
                 QStringLiteral("Neither use nor store the token cached in the OS keychain.")});
    p.addOption({QStringLiteral("timeout"), QStringLiteral("Give up on a request after this many seconds (default 300)."),
                 QStringLiteral("SECONDS")});
}

} // namespace zc::cli
