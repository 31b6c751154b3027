// zconsole-cli keychain check
#include "CommandRegistry.h"

#include "store/SecretStore.h"

#include <QElapsedTimer>

namespace zc::cli {
namespace {

int runCheck(CliContext &ctx)
{
    QElapsedTimer t;
    t.start();
    SecretStore *k = ctx.keychain();
    const SecretResult r = SecretStore::waitFor(k->probe());
    const qint64 ms = t.elapsed();
    if (ctx.json && r.ok())
        ctx.printJson(QJsonObject{{QStringLiteral("service"), k->service()},
                                  {QStringLiteral("status"), SecretResult::statusName(r.status)},
                                  {QStringLiteral("milliseconds"), ms}});
    else if (r.ok())
        ctx.out << "Keychain ready (service \"" << k->service() << "\", checked in " << ms << " ms)" << Qt::endl;
    return r.ok() ? exitcode::Ok : ctx.fail(r.toError(QStringLiteral("The OS keychain is not usable")));
}

const CommandRegistrar checkCmd({{QStringLiteral("keychain"), QStringLiteral("check")}, QString(),
                                 QStringLiteral("Check that the OS keychain works (writes, reads and deletes a test entry)."),
                                 QStringLiteral("Answers within 10 s. Exit 6 with the backend's reason if the keychain is "
                                                "missing, locked or refuses access."),
                                 nullptr, runCheck});

} // namespace
} // namespace zc::cli
