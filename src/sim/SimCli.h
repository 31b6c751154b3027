// `zconsole-cli sim [--port N] [--config FILE] [--segments N] [--seed S] [--state-dir DIR]`
#pragma once

#include <QStringList>

namespace zsim {

// Runs the simulator in the foreground until SIGINT/SIGTERM. args may start with the program
// name and the "sim" sub-command (any leading words before the first option are skipped).
// The caller has constructed a QCoreApplication. Exit codes: 0 clean stop (also --help),
// 2 bad usage (unknown option, bad number, unreadable or invalid --config), 4 cannot start or
// listen. Prints the base URL, the CA path, the control token and where the demo profile (with
// the credentials, mode 0600) was written; never prints credentials.
int runSimulatorCli(const QStringList &args);

} // namespace zsim
