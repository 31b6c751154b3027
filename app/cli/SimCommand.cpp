// zconsole-cli sim: the built-in simulator (src/sim), for demos and tests.
#include "CommandRegistry.h"

#ifdef ZCONSOLE_HAVE_SIM
#include "sim/SimCli.h"
#endif

#include <QCoreApplication>

namespace zc::cli {
namespace {

#ifdef ZCONSOLE_HAVE_SIM
// The simulator parses its own options; hand it everything after "sim".
int runSim(CliContext &ctx)
{
    QStringList args = QCoreApplication::arguments();
    const int at = int(args.indexOf(QStringLiteral("sim")));
    QStringList rest{QStringLiteral("zconsole-cli sim")};
    rest << args.mid(at + 1);
    rest.removeAll(QStringLiteral("--json"));
    Q_UNUSED(ctx);
    return zsim::runSimulatorCli(rest);
}

const CommandRegistrar simCmd({{QStringLiteral("sim")},
                               QStringLiteral("[--port N] [--config FILE] [--segments N] [--seed S] [--state-dir DIR]"),
                               QStringLiteral("Run the built-in HTTPS simulator of the Zscaler and SaaS Security APIs."),
                               QStringLiteral("Prints the base URL, the CA certificate path and the control token, and serves on "
                                              "127.0.0.1 until interrupted. See src/sim/README.md."),
                               [](QCommandLineParser &p) {
                                   p.addOption({QStringLiteral("port"), QStringLiteral("Port (default: any free port)."), QStringLiteral("N")});
                                   p.addOption({QStringLiteral("config"), QStringLiteral("JSON knobs file."), QStringLiteral("FILE")});
                                   p.addOption({QStringLiteral("segments"), QStringLiteral("Generated ZPA application segments (default 10000)."), QStringLiteral("N")});
                                   p.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the generated data and faults."), QStringLiteral("S")});
                                   p.addOption({QStringLiteral("state-dir"), QStringLiteral("Folder for the CA, certificate and demo profile."), QStringLiteral("DIR")});
                               },
                               runSim});
#endif

} // namespace
} // namespace zc::cli
