// No keychain at all (no D-Bus session): the CLI's token and client test commands fail with
// exit 6 and a fix-it message within 10 s, and nothing is written in plain text instead.
#include "CliRunner.h"
#include "store/TenantStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace zc;

class TestAuthNoKeyring : public QObject
{
    Q_OBJECT
private slots:
    void keychainAbsentExit6()
    {
        QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
        QTemporaryDir dir;
        TenantStore store(dir.path());
        store.load();
        Tenant t;
        t.name = QStringLiteral("T");
        t.cloud = QStringLiteral("zscaler");
        t.vanity = QStringLiteral("acme");
        const StoreResult tr = store.addTenant(t);
        QVERIFY(tr.ok);
        ApiClient c;
        c.name = QStringLiteral("api");
        c.tenantId = tr.id;
        c.kind = AuthKind::OneApiSecret;
        c.clientId = QStringLiteral("cid");
        c.baseUrl = QStringLiteral("https://127.0.0.1:9");
        c.tokenUrl = QStringLiteral("https://127.0.0.1:9/oauth2/v1/token");
        const StoreResult cr = store.addClient(c);
        QVERIFY(cr.ok);
        // The config says a secret was stored (as on a machine whose keychain went away).
        QVERIFY(store.setSecretRecorded(cr.id, SecretField::Secret, true).ok);
        for (const QStringList &args : {QStringList{QStringLiteral("token"), QStringLiteral("api")},
                                        QStringList{QStringLiteral("token"), QStringLiteral("api"), QStringLiteral("--json")},
                                        QStringList{QStringLiteral("client"), QStringLiteral("test"), QStringLiteral("api")}}) {
            const auto r = zctest::runCli(QStringList{QStringLiteral("--config-dir"), dir.path()} + args, {}, 20000);
            QVERIFY(r.finished);
            QCOMPARE(r.exitCode, 6);
            // Refused by the backend at once, not by the keychain watchdog ("did not answer").
            QVERIFY2(!r.err.contains("did not answer"), r.err.constData());
            QVERIFY(r.out.isEmpty());
            const QString err = QString::fromUtf8(r.err);
            QVERIFY2(err.contains(QLatin1String("keychain")), qPrintable(err));
        }
        // No token or secret landed in a file instead.
        QVERIFY(zctest::filesContaining(dir.path(), "access_token").isEmpty());
        QVERIFY(zctest::filesContaining(QDir::homePath(), "access_token").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuthNoKeyring)
#include "tst_auth_nokeyring.moc"
