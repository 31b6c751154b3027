// No D-Bus session, so no Secret Service: every keychain operation fails fast and clearly,
// the CLI exits 6 with the backend's reason, and nothing secret is written anywhere.
#include "CliRunner.h"

#include "store/SecretStore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;

class TestNoKeychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "must run without D-Bus");
    }

    void probeFailsAtOnceNotByTimeout()
    {
        SecretStore store;
        const SecretResult r = SecretStore::waitFor(store.probe());
        // Unavailable is the backend's answer; the probe's 10 s watchdog would say Timeout.
        QCOMPARE(r.status, SecretStatus::Unavailable);
        QVERIFY2(r.message.contains(QStringLiteral("D-Bus"), Qt::CaseInsensitive), qPrintable(r.message));
        const ApiError e = r.toError(QStringLiteral("probe"));
        QCOMPARE(exitCodeFor(e.kind), 6);
    }

    void cliExitsSixWithReasonAndWritesNothing()
    {
        QTemporaryDir dir;
        const QString cfg = dir.filePath(QStringLiteral("cfg"));
        QCOMPARE(zctest::runCli({QStringLiteral("--config-dir"), cfg, QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("T")}).exitCode, 0);
        QCOMPARE(zctest::runCli({QStringLiteral("--config-dir"), cfg, QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("k"),
                                 QStringLiteral("--tenant"), QStringLiteral("T"), QStringLiteral("--kind"), QStringLiteral("zpa-legacy"),
                                 QStringLiteral("--client-id"), QStringLiteral("id")})
                     .exitCode,
                 0);
        const zctest::CliResult r = zctest::runCli({QStringLiteral("--config-dir"), cfg, QStringLiteral("client"),
                                                    QStringLiteral("set-secret"), QStringLiteral("k")},
                                                   "no-keychain-canary-0815\n");
        QCOMPARE(r.exitCode, 6);
        // The backend's refusal, not the keychain watchdog ("did not answer within … s").
        QVERIFY2(!r.text().contains(QStringLiteral("did not answer")), qPrintable(r.text()));
        QVERIFY2(r.text().contains(QStringLiteral("D-Bus")), qPrintable(r.text()));
        QVERIFY2(r.text().contains(QStringLiteral("keychain")), qPrintable(r.text()));
        // Zero bytes of the secret on disk: config folder, HOME, temp.
        QVERIFY(zctest::filesContaining(cfg, "no-keychain-canary-0815").isEmpty());
        QVERIFY(zctest::filesContaining(QDir::homePath(), "no-keychain-canary-0815").isEmpty());
        // The config does not claim a stored secret.
        const zctest::CliResult show = zctest::runCli({QStringLiteral("--config-dir"), cfg, QStringLiteral("--json"),
                                                       QStringLiteral("client"), QStringLiteral("show"), QStringLiteral("k")});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.text().contains(QStringLiteral("\"stored\": false")));

        const zctest::CliResult check = zctest::runCli({QStringLiteral("keychain"), QStringLiteral("check"), QStringLiteral("--json")});
        QCOMPARE(check.exitCode, 6);
        QVERIFY(check.err.contains("\"exitCode\":6"));
    }
};

QTEST_GUILESS_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
