// URL lookup against the HTTPS simulator: 1,000 URLs go in exactly 10 requests paced at least
// one second apart (as the simulator sees them arrive, under its own 1-per-second limit: not
// one 429); cancel stops the run; results land in the table model.
#include "ZiaTestEnv.h"

#include "api/ZiaUrlLookupRunner.h"
#include "models/UrlLookupTableModel.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace zc;
using ziatest::ZiaStack;

namespace {
const QString kLookup = QStringLiteral("POST /api/v1/urlLookup");
}

class TestUrlLookupSim : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    zsim::Simulator *sim() const { return m_sim->sim(); }

private slots:
    void initTestCase()
    {
        QString error;
        m_sim = ziatest::startSimulator(&error);
        QVERIFY2(m_sim, qPrintable(error));
    }

    void init()
    {
        sim()->resetKnobs();
        sim()->resetCounters();
    }

    void thousandUrlsTenRequestsPaced()
    {
        ZiaStack s(sim());
        const QString client = s.clientId(QStringLiteral("zia-legacy"));
        QStringList raw;
        for (int i = 0; i < 1000; ++i)
            raw << QStringLiteral("https://host%1.example/path/%2").arg(i).arg(i % 7);
        raw << QStringLiteral("HOST1.example/path/1") << QStringLiteral("ftp://refused.example") << QString();
        const UrlLookupInput input = UrlLookup::prepare(raw);
        QCOMPARE(input.urls.size(), 1000);
        QCOMPARE(input.duplicates, 1);
        QCOMPARE(input.invalid.size(), 1);

        ZiaUrlLookupRunner runner(s.api.get());
        UrlLookupTableModel model;
        connect(&runner, &ZiaUrlLookupRunner::batchResults, &model, &UrlLookupTableModel::appendResults);
        QSignalSpy started(&runner, &ZiaUrlLookupRunner::started);
        QSignalSpy progress(&runner, &ZiaUrlLookupRunner::progress);
        QSignalSpy finished(&runner, &ZiaUrlLookupRunner::finished);

        // ZIA's documented limit, enforced by the simulator on arrival: a request less than a
        // second after the previous one is refused with a 429.
        sim()->setKnobs({{QStringLiteral("rateLimits"),
                          QJsonObject{{kLookup, QJsonObject{{QStringLiteral("limit"), 1}, {QStringLiteral("windowSeconds"), 1}}}}}});

        QVERIFY(runner.start(client, input.urls));
        QVERIFY(!runner.start(client, input.urls)); // one run at a time
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(0).toInt(), 1000);
        QCOMPARE(started.first().at(1).toInt(), 10);
        const qint64 eta = started.first().at(2).toLongLong();
        QVERIFY2(eta >= 9000 && eta <= 11'000, qPrintable(QString::number(eta)));
        QVERIFY(finished.wait(60'000));

        QVERIFY2(!finished.first().at(0).value<ApiError>().isError(),
                 qPrintable(finished.first().at(0).value<ApiError>().toString()));
        QCOMPARE(sim()->count(kLookup), 10);
        QCOMPARE(sim()->count(kLookup + QStringLiteral("#429")), 0);
        const QList<qint64> arrivals = sim()->arrivals(kLookup); // the simulator's own clock
        QCOMPARE(arrivals.size(), 10);
        QList<qint64> gaps;
        for (int i = 1; i < arrivals.size(); ++i)
            gaps << arrivals[i] - arrivals[i - 1];
        qInfo() << "gaps between URL lookup requests at the simulator (ms):" << gaps;
        for (int i = 1; i < arrivals.size(); ++i)
            QVERIFY2(arrivals[i] - arrivals[i - 1] >= 1000,
                     qPrintable(QStringLiteral("requests %1 and %2 arrived %3 ms apart").arg(i).arg(i + 1).arg(arrivals[i] - arrivals[i - 1])));
        QVERIFY(arrivals.last() - arrivals.first() >= 9000);
        QCOMPARE(progress.size(), 10);
        QCOMPARE(progress.last().at(0).toInt(), 10);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(runner.results().size(), 1000);
        QCOMPARE(model.results().at(999).url, QStringLiteral("host999.example/path/5"));
        QVERIFY(!model.results().at(0).categories.isEmpty());
        QVERIFY(!runner.isRunning());
    }

    void alertsAndCancel()
    {
        ZiaStack s(sim());
        const QString client = s.clientId(QStringLiteral("oneapi-secret"));
        QStringList urls{QStringLiteral("malware.example"), QStringLiteral("google.com")};
        for (int i = 0; i < 298; ++i)
            urls << QStringLiteral("site%1.example").arg(i);
        ZiaUrlLookupRunner runner(s.api.get());
        QSignalSpy batch(&runner, &ZiaUrlLookupRunner::batchResults);
        QSignalSpy finished(&runner, &ZiaUrlLookupRunner::finished);
        QVERIFY(runner.start(client, urls));
        QVERIFY(batch.wait(10'000));
        const QList<UrlLookupResult> first = batch.first().at(0).value<QList<UrlLookupResult>>();
        QCOMPARE(first.size(), 100);
        QCOMPARE(first.at(0).securityAlerts, QStringList{QStringLiteral("MALWARE_SITE")});
        QCOMPARE(first.at(1).categories, QStringList{QStringLiteral("WEB_SEARCH")});
        runner.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<ApiError>().kind, ErrorKind::Cancelled);
        QVERIFY(!runner.isRunning());
        const qint64 sent = sim()->count(QStringLiteral("POST /zia/api/v1/urlLookup"));
        QVERIFY(sent >= 1 && sent <= 2);
        QCOMPARE(runner.batchesDone(), 1);
        // A later run under the same pacing key queues behind anything the cancelled run had
        // left waiting: once it is done, exactly its one request has been added.
        QSignalSpy after(&runner, &ZiaUrlLookupRunner::finished);
        QVERIFY(runner.start(client, {QStringLiteral("after-cancel.example")}));
        QVERIFY(after.wait(60'000));
        QVERIFY2(!after.first().at(0).value<ApiError>().isError(), qPrintable(after.first().at(0).value<ApiError>().toString()));
        QCOMPARE(sim()->count(QStringLiteral("POST /zia/api/v1/urlLookup")), sent + 1);
        QCOMPARE(runner.results().size(), 1);
        QCOMPARE(runner.results().first().url, QStringLiteral("after-cancel.example"));
    }

    void oversizedBatchRefused()
    {
        ZiaStack s(sim());
        QStringList urls;
        for (int i = 0; i < 101; ++i)
            urls << QStringLiteral("x%1.example").arg(i);
        bool done = false;
        ZiaReply<QList<UrlLookupResult>> r;
        s.api->urlLookup(s.clientId(QStringLiteral("zia-legacy")), urls, this, [&](const ZiaReply<QList<UrlLookupResult>> &x) {
            r = x;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(r.error.kind, ErrorKind::Usage);
        QCOMPARE(sim()->count(kLookup), 0);
    }
};

QTEST_GUILESS_MAIN(TestUrlLookupSim)
#include "tst_urllookup_sim.moc"
