// Not a test of its own: a test as the CLI tests write them ("exit 0"), run against a command
// that never ends. cli_runner (tst_clirunner.cpp) runs this binary and expects it to FAIL.
#include "CliRunner.h"

#include <QTest>

class ClirunnerProbe : public QObject
{
    Q_OBJECT

private slots:
    void hangingCommandExitsZero()
    {
        // `sim` serves until interrupted: it never exits by itself.
        const zctest::CliResult r =
            zctest::runCli({QStringLiteral("sim"), QStringLiteral("--port"), QStringLiteral("0")}, {},
                           qEnvironmentVariableIntValue("ZC_PROBE_TIMEOUT_MS"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    }
};

QTEST_GUILESS_MAIN(ClirunnerProbe)
#include "clirunner_probe.moc"
