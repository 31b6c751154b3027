// README "Config": changes made by several processes (GUI and CLI) are merged, not lost. Two
// loops of real zconsole-cli processes add tenants and API clients to one config folder at the
// same time, while this process holds a TenantStore loaded once at the start (as the GUI does)
// and adds tenants of its own in between. Afterwards config.json, read by hand, holds every one
// of them with the right tenant for each client, and the long-lived store sees them all.
#include "CliRunner.h"
#include "store/TenantStore.h"

#include <QAtomicInt>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using zctest::CliResult;

namespace {
constexpr int kPerWriter = 8; // tenants (and as many clients) per CLI loop
constexpr int kWriters = 2;
}

class TestConfigMerge : public QObject
{
    Q_OBJECT
private slots:
    void concurrentProcessesLoseNothing()
    {
        QTemporaryDir tmp;
        const QString cfg = tmp.filePath(QStringLiteral("cfg"));
        zc::TenantStore gui(cfg); // loaded once, like the GUI's
        QVERIFY(gui.load());

        QAtomicInt runsDone = 0;
        QStringList failures[kWriters];
        QList<QThread *> writers;
        for (int w = 0; w < kWriters; ++w) {
            writers << QThread::create([w, cfg, &runsDone, &failures] {
                for (int i = 0; i < kPerWriter; ++i) {
                    const QString tenant = QStringLiteral("W%1-T%2").arg(w).arg(i);
                    const QList<QStringList> runs = {
                        {QStringLiteral("tenant"), QStringLiteral("add"), tenant, QStringLiteral("--vanity"),
                         QStringLiteral("w%1t%2").arg(w).arg(i)},
                        {QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("W%1-C%2").arg(w).arg(i),
                         QStringLiteral("--tenant"), tenant, QStringLiteral("--kind"), QStringLiteral("oneapi-secret"),
                         QStringLiteral("--client-id"), QStringLiteral("id-%1-%2").arg(w).arg(i)}};
                    for (const QStringList &args : runs) {
                        const CliResult r = zctest::runCli(QStringList{QStringLiteral("--config-dir"), cfg} + args);
                        if (r.exitCode != 0)
                            failures[w] << args.join(QLatin1Char(' ')) + QStringLiteral(": exit %1: ").arg(r.exitCode) + r.text();
                        runsDone.fetchAndAddOrdered(1);
                    }
                }
            });
            writers.last()->start();
        }
        // Meanwhile: one tenant of our own after each CLI run that ended since the last one.
        int ours = 0, seen = 0;
        const int totalRuns = kWriters * kPerWriter * 2;
        while (seen < totalRuns) {
            QTRY_VERIFY_WITH_TIMEOUT(runsDone.loadAcquire() > seen, 120'000);
            seen = runsDone.loadAcquire();
            zc::Tenant t;
            t.name = QStringLiteral("G-T%1").arg(ours);
            t.cloud = QStringLiteral("zscaler");
            const zc::StoreResult r = gui.addTenant(t);
            QVERIFY2(r.ok, qPrintable(r.message()));
            ++ours;
        }
        for (QThread *t : writers) {
            t->wait();
            delete t;
        }
        for (const QStringList &f : failures)
            QVERIFY2(f.isEmpty(), qPrintable(f.join(QLatin1Char('\n'))));
        QVERIFY(ours >= 2);

        // Every tenant and client, each client under its own tenant.
        QSet<QString> wantTenants, wantClients;
        for (int w = 0; w < kWriters; ++w)
            for (int i = 0; i < kPerWriter; ++i) {
                wantTenants << QStringLiteral("W%1-T%2").arg(w).arg(i);
                wantClients << QStringLiteral("W%1-C%2").arg(w).arg(i);
            }
        for (int i = 0; i < ours; ++i)
            wantTenants << QStringLiteral("G-T%1").arg(i);

        QFile f(cfg + QStringLiteral("/config.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError pe{};
        const QJsonObject root = QJsonDocument::fromJson(f.readAll(), &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QHash<QString, QString> tenantNameById;
        for (const QJsonValue &v : root.value(QStringLiteral("tenants")).toArray())
            tenantNameById.insert(v.toObject().value(QStringLiteral("id")).toString(),
                                  v.toObject().value(QStringLiteral("name")).toString());
        const QList<QString> names = tenantNameById.values();
        QCOMPARE(QSet<QString>(names.begin(), names.end()), wantTenants);
        QCOMPARE(tenantNameById.size(), wantTenants.size()); // no duplicates
        QSet<QString> clients;
        for (const QJsonValue &v : root.value(QStringLiteral("clients")).toArray()) {
            const QJsonObject c = v.toObject();
            const QString name = c.value(QStringLiteral("name")).toString();
            clients << name;
            QString tenant = name;
            tenant.replace(QStringLiteral("-C"), QStringLiteral("-T"));
            QCOMPARE(tenantNameById.value(c.value(QStringLiteral("tenantId")).toString()), tenant);
        }
        QCOMPARE(clients, wantClients);
        QCOMPARE(root.value(QStringLiteral("clients")).toArray().size(), wantClients.size());

        // The long-lived store sees what the others wrote.
        gui.reloadIfChanged();
        QCOMPARE(gui.tenants().size(), wantTenants.size());
        QCOMPARE(gui.clients().size(), wantClients.size());
    }
};

QTEST_GUILESS_MAIN(TestConfigMerge)
#include "tst_config_merge.moc"
