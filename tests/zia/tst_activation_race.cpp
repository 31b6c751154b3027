// The ZIA activation budget (10 per minute, 40 per hour) is shared by every process of one
// config folder (README "ZIA activation"; store/ActivationLedger.h): two real `zconsole-cli zia
// activate` processes, started at the same moment, race for the last free slot of the ledger.
// Exactly one may reach the simulator; the other is refused with the documented message and
// exit 5 and sends nothing. Several rounds for the minute and for the hour budget.
#include "CliRunner.h"
#include "ZiaTestEnv.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <latch>

using zctest::CliResult;

#define CLI_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).text()))

namespace {
constexpr int kRounds = 4;
const QString kActivate = QStringLiteral("POST /api/v1/status/activate");
} // namespace

class TestActivationRace : public QObject
{
    Q_OBJECT

    std::unique_ptr<zsim::SimulatorThread> m_sim;
    QTemporaryDir m_tmp;
    QString m_cfg;
    QString m_tenantId;
    zsim::Simulator *sim() const { return m_sim->sim(); }

    CliResult cli(QStringList args, const QByteArray &in = {})
    {
        args.prepend(m_cfg);
        args.prepend(QStringLiteral("--config-dir"));
        return zctest::runCli(args, in);
    }
    QString ledgerPath() const { return m_cfg + QStringLiteral("/zia-activations.json"); }
    // The ledger as documented in store/ActivationLedger.h, written by hand.
    void writeLedger(const QList<qint64> &times)
    {
        QJsonArray a;
        for (qint64 t : times)
            a.append(double(t));
        const QJsonObject root{{QStringLiteral("version"), 1},
                               {QStringLiteral("tenants"), QJsonObject{{m_tenantId, a}}}};
        QFile f(ledgerPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
    }
    // Entries of our tenant newer than `windowMs`, read by hand.
    int ledgerCount(qint64 windowMs) const
    {
        QFile f(ledgerPath());
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        const qint64 since = QDateTime::currentMSecsSinceEpoch() - windowMs;
        int n = 0;
        for (const QJsonValue &v : root.value(QStringLiteral("tenants")).toObject().value(m_tenantId).toArray())
            n += qint64(v.toDouble()) > since;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh");
        QString error;
        m_sim = ziatest::startSimulator(&error);
        QVERIFY2(m_sim, qPrintable(error));
        sim()->setKnobs(QJsonObject{{QStringLiteral("activationSeconds"), 0}});
        m_cfg = m_tmp.filePath(QStringLiteral("cfg"));
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("Demo"), QStringLiteral("--cloud"),
                    QStringLiteral("zscalerbeta")}));
        const QJsonObject p = sim()->demoProfile();
        QJsonObject zl;
        for (const QJsonValue &v : p.value(QStringLiteral("clients")).toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("zia-legacy"))
                zl = v.toObject();
        QVERIFY(!zl.isEmpty());
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("zl"), QStringLiteral("--tenant"),
                    QStringLiteral("Demo"), QStringLiteral("--kind"), QStringLiteral("zia-legacy"), QStringLiteral("--username"),
                    zl.value(QStringLiteral("username")).toString(), QStringLiteral("--base-url"),
                    p.value(QStringLiteral("baseUrl")).toString(), QStringLiteral("--ca-file"),
                    p.value(QStringLiteral("caFile")).toString()}));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), QStringLiteral("zl"), QStringLiteral("--field"),
                    QStringLiteral("password")},
                   zl.value(QStringLiteral("password")).toString().toUtf8() + '\n'));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), QStringLiteral("zl"), QStringLiteral("--field"),
                    QStringLiteral("api-key")},
                   zl.value(QStringLiteral("apiKey")).toString().toUtf8() + '\n'));
        const CliResult show = cli({QStringLiteral("tenant"), QStringLiteral("show"), QStringLiteral("Demo"), QStringLiteral("--json")});
        CLI_OK(show);
        m_tenantId = QJsonDocument::fromJson(show.out).object().value(QStringLiteral("id")).toString();
        QVERIFY(!m_tenantId.isEmpty());
    }

    void lastSlot_data()
    {
        QTest::addColumn<qint64>("windowMs");
        QTest::addColumn<int>("budget");
        QTest::addColumn<int>("spacingMs"); // between the pre-filled entries
        QTest::addColumn<qint64>("oldestAgoMs");
        // 9 in the last minute; 39 in the hour, none in the last minute.
        QTest::newRow("minute") << qint64(60'000) << 10 << 1'000 << qint64(30'000);
        QTest::newRow("hour") << qint64(3'600'000) << 40 << 60'000 << qint64(50 * 60'000);
    }
    void lastSlot()
    {
        QFETCH(qint64, windowMs);
        QFETCH(int, budget);
        QFETCH(int, spacingMs);
        QFETCH(qint64, oldestAgoMs);
        for (int round = 0; round < kRounds; ++round) {
            QList<qint64> times;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (int i = 0; i < budget - 1; ++i)
                times << now - oldestAgoMs + qint64(i) * spacingMs;
            writeLedger(times);
            QCOMPARE(ledgerCount(windowMs), budget - 1);
            QCOMPARE(ledgerCount(60'000), windowMs == 60'000 ? budget - 1 : 0);

            const qint64 sent = sim()->count(kActivate);
            CliResult results[2];
            std::latch go(2);
            QThread *runners[2];
            for (int i = 0; i < 2; ++i) {
                runners[i] = QThread::create([this, &go, &results, i] {
                    go.arrive_and_wait(); // both start together
                    results[i] = cli({QStringLiteral("zia"), QStringLiteral("activate"), QStringLiteral("zl"),
                                      QStringLiteral("--yes"), QStringLiteral("--json")});
                });
                runners[i]->start();
            }
            for (QThread *t : runners) {
                t->wait();
                delete t;
            }
            const QString both = QStringLiteral("round %1:\n--- first (exit %2)\n%3\n--- second (exit %4)\n%5")
                                     .arg(round)
                                     .arg(results[0].exitCode)
                                     .arg(results[0].text())
                                     .arg(results[1].exitCode)
                                     .arg(results[1].text());
            QVERIFY2(results[0].finished && results[1].finished, qPrintable(both));
            const int winner = results[0].exitCode == 0 ? 0 : 1;
            const CliResult &won = results[winner], &lost = results[1 - winner];
            QVERIFY2(won.exitCode == 0 && lost.exitCode == 5, qPrintable(both));
            QCOMPARE(QJsonDocument::fromJson(won.out).object().value(QStringLiteral("status")).toString(),
                     QStringLiteral("ACTIVE"));
            QVERIFY2(lost.err.contains("activation budget") && lost.err.contains("next slot"), qPrintable(both));
            QVERIFY2(lost.out.isEmpty(), qPrintable(both));
            // Exactly one activation reached the server, and the ledger holds exactly one more.
            QCOMPARE(sim()->count(kActivate) - sent, qint64(1));
            QCOMPARE(ledgerCount(windowMs), budget);
        }
    }
};

QTEST_GUILESS_MAIN(TestActivationRace)
#include "tst_activation_race.moc"
