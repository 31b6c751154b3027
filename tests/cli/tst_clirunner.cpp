// The runner every CLI test uses must not turn a hang into a pass: a killed run is reaped,
// reported as not finished with an exit code no test expects, and fails the calling test.
#include "CliRunner.h"

#include <QProcess>
#include <QTest>

using zctest::CliResult;

class TestCliRunner : public QObject
{
    Q_OBJECT

private slots:
    void hangingCommandFailsItsTest()
    {
        QProcess probe;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ZC_PROBE_TIMEOUT_MS"), QStringLiteral("1500"));
        probe.setProcessEnvironment(env);
        probe.setProcessChannelMode(QProcess::MergedChannels);
        probe.start(QStringLiteral(ZC_BINARY_DIR "/tests/cli/clirunner_probe"), {});
        QVERIFY(probe.waitForFinished(120000));
        const QString out = QString::fromUtf8(probe.readAll());
        QCOMPARE(probe.exitStatus(), QProcess::NormalExit);
        QVERIFY2(probe.exitCode() != 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("FAIL!  : ClirunnerProbe::hangingCommandExitsZero()")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("did not finish within 1500 ms and was killed")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("PASS   : ClirunnerProbe::hangingCommandExitsZero()")), qPrintable(out));
    }

    void hangIsReapedAndNotFinished()
    {
        const CliResult r = zctest::runProgram(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("echo started; exec sleep 600")},
                                               {}, 1000, QProcessEnvironment::systemEnvironment(), false);
        QVERIFY(!r.finished);
        QCOMPARE(r.exitCode, CliResult::kNotFinished);
        QCOMPARE(r.out, QByteArray("started\n")); // output up to the kill is kept
    }

    void exitCodesAndCrashes()
    {
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        CliResult r = zctest::runProgram(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("exit 3")}, {}, 60000, env);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 3);
        r = zctest::runProgram(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("kill -SEGV $$")}, {}, 60000, env);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, CliResult::kCrashed);
        r = zctest::runProgram(QStringLiteral("cat"), {}, QByteArrayLiteral("in\n"), 60000, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("in\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliRunner)
#include "tst_clirunner.moc"
