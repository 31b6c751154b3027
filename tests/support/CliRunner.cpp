#include "CliRunner.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

namespace zctest {

QString cliPath() { return QStringLiteral(ZC_BINARY_DIR "/app/zconsole-cli"); }

CliResult runCli(const QStringList &args, const QByteArray &stdinData, int timeoutMs,
                 const QProcessEnvironment &env)
{
    CliResult r;
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(cliPath(), args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished)
        p.kill();
    r.ms = t.elapsed();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
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
