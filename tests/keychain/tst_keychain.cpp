// SecretStore and ClientSecrets against a real gnome-keyring (Secret Service) on a private bus.
#include "CliRunner.h"

#include "store/ClientSecrets.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;

class TestKeychain : public QObject
{
    Q_OBJECT
private:
    SecretStore m_store; // service from ZCONSOLE_KEYCHAIN_SERVICE (zconsole-test)

    SecretResult run(SecretJob *job) { return SecretStore::waitFor(job); }

    static QByteArray randomBytes(int n)
    {
        QByteArray b(n, Qt::Uninitialized);
        for (int i = 0; i < n; ++i)
            b[i] = char(QRandomGenerator::global()->bounded(256));
        return b;
    }
    // Locks every Secret Service collection, as a screen lock would.
    static bool lockKeyring(bool lock)
    {
        QProcess p;
        p.start(QStringLiteral("gdbus"),
                {QStringLiteral("call"), QStringLiteral("--session"), QStringLiteral("--dest"),
                 QStringLiteral("org.freedesktop.secrets"), QStringLiteral("--object-path"),
                 QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("--method"),
                 lock ? QStringLiteral("org.freedesktop.Secret.Service.Lock")
                      : QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface.UnlockWithMasterPassword"),
                 QStringLiteral("['/org/freedesktop/secrets/collection/login']")});
        return p.waitForFinished(10000) && p.exitCode() == 0;
    }

private slots:
    void initTestCase()
    {
        // Without the private keyring this test cannot run: that is a failure, not a skip.
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh (run it through ctest)");
        QCOMPARE(m_store.service(), QStringLiteral("zconsole-test"));
    }

    void probe()
    {
        const SecretResult r = run(m_store.probe());
        QVERIFY2(r.ok(), qPrintable(r.message));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("ascii") << QByteArray("s3cr3t-value");
        QTest::newRow("utf8") << QStringLiteral("pässwörd ✓ 東京").toUtf8();
        QTest::newRow("binary") << randomBytes(300);
        QTest::newRow("2559") << QByteArray(2559, 'a');
        QTest::newRow("2560") << QByteArray(2560, 'b');
        QTest::newRow("2561") << QByteArray(2561, 'c');
        QTest::newRow("pem 3.2 KB") << QByteArray("-----BEGIN PRIVATE KEY-----\n") + QByteArray(3200, 'K') + "\n-----END PRIVATE KEY-----\n";
        QTest::newRow("18944") << randomBytes(18944);
    }
    void roundTrip()
    {
        QFETCH(QByteArray, value);
        const QString key = QStringLiteral("c-roundtrip/") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        SecretResult w = run(m_store.write(key, value));
        QVERIFY2(w.ok(), qPrintable(w.message));
        SecretResult r = run(m_store.read(key));
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.data, value);
        QVERIFY(run(m_store.remove(key)).ok());
        r = run(m_store.read(key));
        QCOMPARE(r.status, SecretStatus::NotFound);
    }

    void jobsReportSlowAndCancel()
    {
        SecretStore slowStore;
        slowStore.setSlowThresholdMs(0);
        SecretJob *job = slowStore.read(QStringLiteral("c-none/secret"));
        QSignalSpy slow(job, &SecretJob::slow);
        QSignalSpy done(job, &SecretJob::finished);
        QSignalSpy gone(job, &QObject::destroyed);
        job->cancel();
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().first().value<SecretResult>().status, SecretStatus::Cancelled);
        QVERIFY(gone.wait()); // the job deletes itself after finishing: it can emit nothing more
        QCOMPARE(done.size(), 1);
        QCOMPARE(slow.size(), 0); // nothing after finishing
    }

    void heldJobsWaitForRelease()
    {
        // The test seam behind gui_dialogs' wait-dialog test: a held job is slow and unanswered
        // until released, then reaches the real keychain; a held job cancelled meanwhile never does.
        SecretStore held;
        held.setSlowThresholdMs(0);
        held.setHoldJobs(true);
        const QString key = QStringLiteral("c-held/secret");
        const QString cancelledKey = QStringLiteral("c-held/cancelled");
        SecretJob *write = held.write(key, QByteArrayLiteral("held-value"));
        SecretJob *cancelled = held.write(cancelledKey, QByteArrayLiteral("never-written"));
        QSignalSpy slow(write, &SecretJob::slow);
        QSignalSpy done(write, &SecretJob::finished);
        QVERIFY(slow.wait());
        QCOMPARE(done.size(), 0);
        QVERIFY(!write->isFinished());
        cancelled->cancel();
        held.setHoldJobs(false);
        QVERIFY(done.wait());
        QVERIFY2(done.first().first().value<SecretResult>().ok(), qPrintable(done.first().first().value<SecretResult>().message));
        const SecretResult r = run(m_store.read(key));
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.data, QByteArrayLiteral("held-value"));
        QCOMPARE(run(m_store.read(cancelledKey)).status, SecretStatus::NotFound);
        QVERIFY(run(m_store.remove(key)).ok());
    }

    void clientSecretsRecordsAndReads()
    {
        QTemporaryDir dir;
        TenantStore store(dir.path());
        store.load();
        Tenant t;
        t.name = QStringLiteral("T");
        t.cloud = QStringLiteral("zscaler");
        const QString tid = store.addTenant(t).id;
        ApiClient c;
        c.name = QStringLiteral("zia");
        c.tenantId = tid;
        c.kind = AuthKind::ZiaLegacy;
        c.username = QStringLiteral("admin@example.com");
        const QString cid = store.addClient(c).id;
        ClientSecrets secrets(&store, &m_store);

        ApiError err;
        bool called = false;
        auto *job = secrets.setSecret(cid, SecretField::Password, "canary-pw-4711", this, [&](const ApiError &e) {
            err = e;
            called = true;
        });
        QVERIFY(job);
        QTRY_VERIFY(called);
        QVERIFY2(!err, qPrintable(err.toString()));
        QVERIFY(store.client(cid)->hasSecret(SecretField::Password));
        QVERIFY(zctest::filesContaining(dir.path(), "canary-pw-4711").isEmpty());

        QByteArray got;
        called = false;
        secrets.readSecret(cid, SecretField::Password, this, [&](QByteArray v, const ApiError &e) {
            got = v;
            err = e;
            called = true;
        });
        QTRY_VERIFY(called);
        QCOMPARE(got, QByteArray("canary-pw-4711"));

        // Never stored: a config error that says how to fix it.
        called = false;
        secrets.readSecret(cid, SecretField::ApiKey, this, [&](QByteArray, const ApiError &e) {
            err = e;
            called = true;
        });
        QTRY_VERIFY(called);
        QCOMPARE(err.kind, ErrorKind::Config);
        QVERIFY(err.message.contains(QStringLiteral("set-secret")));

        // Deleted behind zconsole's back: not "no secret", but "missing from the keychain".
        QVERIFY(run(m_store.remove(store.client(cid)->keychainKey(SecretField::Password))).ok());
        called = false;
        secrets.readSecret(cid, SecretField::Password, this, [&](QByteArray, const ApiError &e) {
            err = e;
            called = true;
        });
        QTRY_VERIFY(called);
        QCOMPARE(err.kind, ErrorKind::Keychain);
        QCOMPARE(err.code, QStringLiteral("missing-entry"));

        // Remove the client: config first, then every keychain entry.
        QVERIFY(run(m_store.write(store.client(cid)->keychainKey(SecretField::ApiKey), "k")).ok());
        const QString apiKeyEntry = store.client(cid)->keychainKey(SecretField::ApiKey);
        called = false;
        secrets.removeClient(cid, this, [&](const ApiError &e) {
            err = e;
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY(!err);
        QVERIFY(!store.client(cid));
        QCOMPARE(run(m_store.read(apiKeyEntry)).status, SecretStatus::NotFound);
    }

    void lockedKeyringIsNotMistakenForMissing()
    {
        QTemporaryDir dir;
        TenantStore store(dir.path());
        store.load();
        Tenant t;
        t.name = QStringLiteral("L");
        t.cloud = QStringLiteral("zscaler");
        ApiClient c;
        c.name = QStringLiteral("k");
        c.tenantId = store.addTenant(t).id;
        c.kind = AuthKind::AppTotalKey;
        const QString cid = store.addClient(c).id;
        ClientSecrets secrets(&store, &m_store);
        bool called = false;
        ApiError err;
        secrets.setSecret(cid, SecretField::ApiKey, "locked-canary", this, [&](const ApiError &e) {
            err = e;
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY(!err);

        QVERIFY(lockKeyring(true));
        called = false;
        QByteArray got = "x";
        secrets.readSecret(cid, SecretField::ApiKey, this, [&](QByteArray v, const ApiError &e) {
            got = v;
            err = e;
            called = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(called, 15000);
        QVERIFY(got.isEmpty());
        QCOMPARE(err.kind, ErrorKind::Keychain);
        QVERIFY2(err.code != QStringLiteral("missing-entry"), qPrintable(err.toString()));
        QVERIFY2(err.message.contains(QStringLiteral("locked")), qPrintable(err.toString()));
        // A write to a locked keyring fails too; nothing falls back to a file.
        const SecretResult w = run(m_store.write(QStringLiteral("c-locked/secret"), "locked-canary-2"));
        QVERIFY(!w.ok());
        QVERIFY(zctest::filesContaining(dir.path(), "locked-canary").isEmpty());
        QVERIFY(zctest::filesContaining(QDir::homePath() + QStringLiteral("/.config"), "locked-canary").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
