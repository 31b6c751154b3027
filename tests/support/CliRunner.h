#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace zctest {

// Runs the real zconsole-cli binary of this build and collects what it did.
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
    bool finished = false;
    QString text() const { return QString::fromUtf8(out + err); }
};

QString cliPath();
CliResult runCli(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 60000,
                 const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// Every file below `dir` (recursively) that contains `needle`; empty = none.
QStringList filesContaining(const QString &dir, const QByteArray &needle);

// True when the test runs with the private keyring of tests/run-isolated.sh.
bool haveTestKeyring();

} // namespace zctest
