// bench_credset: 200 API clients (150 oneapi-secret, 50 zia-legacy with two secrets: 250
// keychain entries) in 10 tenants. Times the real binary's `backup create` and `backup restore`
// (into a fresh config folder and a fresh keychain service: the new laptop), process start,
// Argon2id (256 MiB, 3 passes), keychain reads/writes and the config write included. Three runs
// each; every restored secret must equal the original. Targets (issue 15): both under 2 s. The
// create meets it and is enforced; the restore does not yet (6-13 s here, see below): it is
// enforced only against a regression ceiling of 20 s and reported as NOT MET until the keychain
// writes are batched — issue 15 stays open for it.
// Most of a restore is gnome-keyring's: qtkeychain runs one job at a time and the daemon saves
// the whole keyring file on every write, so a write costs more the more entries it holds.
#include "CliRunner.h"

#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using zctest::CliResult;

namespace {
constexpr int Clients = 200;
constexpr qint64 TargetMs = 2000;
constexpr qint64 RestoreCeilingMs = 20000; // regression guard while the 2 s target is not met
const QByteArray kPass = "bench passphrase 200";

qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}
} // namespace

class BenchCredset : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QMap<QString, QByteArray> m_secrets; // keychain key -> value

    static CliResult run(const QString &cfg, const QString &service, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ZCONSOLE_KEYCHAIN_SERVICE"), service);
        return zctest::runProgram(zctest::cliPath(), QStringList{QStringLiteral("--config-dir"), cfg} + args, kPass + '\n', 120'000, env);
    }

private slots:
    void initTestCase() { QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh"); }

    void backupAndRestore200Clients()
    {
        const QString source = m_tmp.filePath(QStringLiteral("source"));
        zc::TenantStore store(source);
        store.load();
        QList<zc::Tenant> tenants;
        QList<zc::ApiClient> clients;
        for (int t = 0; t < 10; ++t) {
            zc::Tenant tn;
            tn.id = QStringLiteral("t-bench%1").arg(t, 4, 10, QLatin1Char('0'));
            tn.name = QStringLiteral("Tenant %1").arg(t);
            tn.cloud = QStringLiteral("zscalerbeta");
            tn.vanity = QStringLiteral("bench%1").arg(t);
            tenants << tn;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < Clients; ++i) {
            zc::ApiClient c;
            c.id = QStringLiteral("c-bench%1").arg(i, 4, 10, QLatin1Char('0'));
            c.tenantId = tenants[i % 10].id;
            c.name = QStringLiteral("client-%1").arg(i);
            c.kind = i % 4 == 3 ? zc::AuthKind::ZiaLegacy : zc::AuthKind::OneApiSecret;
            if (c.kind == zc::AuthKind::ZiaLegacy)
                c.username = QStringLiteral("admin%1@bench.example").arg(i);
            else
                c.clientId = QStringLiteral("cid-%1").arg(i);
            for (zc::SecretField f : c.secretFields()) {
                c.secretsSetAt.insert(f, now);
                m_secrets.insert(c.keychainKey(f), QByteArray("bench-secret-") + QByteArray::number(i) + '-' + zc::secretFieldName(f).toUtf8()
                                                       + '-' + QByteArray::number(QRandomGenerator::global()->generate64(), 16));
            }
            clients << c;
        }
        const zc::StoreResult r = store.upsert(tenants, clients);
        QVERIFY2(r.ok, qPrintable(r.message()));
        QElapsedTimer seed;
        seed.start();
        {
            zc::SecretStore keychain(QStringLiteral("bench-source"));
            for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
                QVERIFY(zc::SecretStore::waitFor(keychain.write(it.key(), it.value())).ok());
        }
        QCOMPARE(m_secrets.size(), 250);
        qInfo("seed: 250 keychain writes one at a time in %lld ms", seed.elapsed());

        QList<qint64> backupMs, restoreMs;
        for (int runNo = 0; runNo < 3; ++runNo) {
            const QString file = m_tmp.filePath(QStringLiteral("bench-%1.zcb").arg(runNo));
            QElapsedTimer t;
            t.start();
            const CliResult b = run(source, QStringLiteral("bench-source"), {QStringLiteral("backup"), QStringLiteral("create"), file});
            backupMs << t.elapsed();
            QVERIFY2(b.exitCode == 0, qPrintable(b.text()));
            QVERIFY2(b.text().contains(QLatin1String("250 keychain entries")), qPrintable(b.text()));

            const QString target = m_tmp.filePath(QStringLiteral("target-%1").arg(runNo));
            const QString service = QStringLiteral("bench-target-%1").arg(runNo);
            t.restart();
            const CliResult rs = run(target, service, {QStringLiteral("backup"), QStringLiteral("restore"), file});
            restoreMs << t.elapsed();
            QVERIFY2(rs.exitCode == 0, qPrintable(rs.text()));

            zc::TenantStore restored(target);
            restored.load();
            QCOMPARE(restored.clients().size(), qsizetype(Clients));
            QCOMPARE(restored.tenants().size(), qsizetype(10));
            zc::SecretStore keychain(service);
            for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
                zc::SecretResult got = zc::SecretStore::waitFor(keychain.read(it.key()));
                QVERIFY2(got.ok() && got.data == it.value(), qPrintable(it.key()));
                // Untimed: every run restores into a keyring of the same size (the source's 250).
                QVERIFY(zc::SecretStore::waitFor(keychain.remove(it.key())).ok());
            }
        }
        const qint64 b = median(backupMs), rs = median(restoreMs);
        const auto list = [](const QList<qint64> &v) {
            QStringList s;
            for (qint64 x : v)
                s << QString::number(x);
            return s.join(QStringLiteral(" / "));
        };
        qInfo().noquote() << QStringLiteral("\nbench_credset: %1 clients, 250 keychain entries, Argon2id 256 MiB x 3\n"
                                            "  operation        runs (ms)            median   target\n"
                                            "  backup create    %2   %3 ms  < %5 ms\n"
                                            "  backup restore   %4   %6 ms  < %5 ms: %7 (enforced: < %8 ms)")
                                 .arg(Clients)
                                 .arg(list(backupMs).leftJustified(20))
                                 .arg(b, 6)
                                 .arg(list(restoreMs).leftJustified(20))
                                 .arg(TargetMs)
                                 .arg(rs, 6)
                                 .arg(rs < TargetMs ? QStringLiteral("met") : QStringLiteral("NOT MET"))
                                 .arg(RestoreCeilingMs);
        QVERIFY2(b < TargetMs, qPrintable(QStringLiteral("backup create took %1 ms (median)").arg(b)));
        QVERIFY2(rs < RestoreCeilingMs, qPrintable(QStringLiteral("backup restore took %1 ms (median)").arg(rs)));
    }
};

QTEST_GUILESS_MAIN(BenchCredset)
#include "bench_credset.moc"
