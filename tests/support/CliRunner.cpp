#include "CliRunner.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

namespace zctest {

QString cliPath() { return QStringLiteral(ZC_BINARY_DIR "/app/zconsole-cli"); }

CliResult runProgram(const QString &program, const QStringList &args, const QByteArray &stdinData, int timeoutMs,
                     const QProcessEnvironment &env, bool failOnHang)
{
    CliResult r;
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        if (failOnHang)
            QTest::qFail(qPrintable(QStringLiteral("%1 did not start: %2").arg(program, p.errorString())), __FILE__, __LINE__);
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        // Kill and reap it: without the wait, exitStatus()/exitCode() keep their initial
        // NormalExit/0 and a hang would read as success.
        p.kill();
        p.waitForFinished(10000);
    }
    r.ms = t.elapsed();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (!r.finished) {
        r.exitCode = CliResult::kNotFinished;
        if (failOnHang)
            QTest::qFail(qPrintable(QStringLiteral("%1 %2 did not finish within %3 ms and was killed; output: %4")
                                        .arg(program, args.join(QLatin1Char(' ')))
                                        .arg(timeoutMs)
                                        .arg(r.text().right(2000))),
                         __FILE__, __LINE__);
    } else {
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : CliResult::kCrashed;
    }
    return r;
}

CliResult runCli(const QStringList &args, const QByteArray &stdinData, int timeoutMs, const QProcessEnvironment &env)
{
    return runProgram(cliPath(), args, stdinData, timeoutMs, env);
}

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

bool haveTestKeyring() { return qEnvironmentVariableIsSet("ZC_TEST_KEYRING"); }

} // namespace zctest
