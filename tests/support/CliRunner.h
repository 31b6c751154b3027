#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace zctest {

// Runs the real zconsole-cli binary of this build and collects what it did.
// A run that does not end within its timeout is killed, waited for, and reported as a failure
// of the calling test (QTest::qFail) with exitCode kNotFinished, which no test expects; a run
// that crashes or cannot start gets kCrashed. So `QCOMPARE(r.exitCode, 0)` cannot pass on a hang.
struct CliResult
{
    static constexpr int kNotFinished = -2;
    static constexpr int kCrashed = -1;
    int exitCode = kCrashed;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
    bool finished = false;
    QString text() const { return QString::fromUtf8(out + err); }
};

QString cliPath();
// `program` defaults to cliPath(); `failOnHang` false only for tests of this runner itself.
CliResult runProgram(const QString &program, const QStringList &args, const QByteArray &stdinData, int timeoutMs,
                     const QProcessEnvironment &env, bool failOnHang = true);
CliResult runCli(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 60000,
                 const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// Every file below `dir` (recursively) that contains `needle`; empty = none.
QStringList filesContaining(const QString &dir, const QByteArray &needle);

// True when the test runs with the private keyring of tests/run-isolated.sh.
bool haveTestKeyring();

} // namespace zctest
