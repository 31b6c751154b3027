// AppTotal app lookup and its daily quota (a spent quota gives a clear error without a request,
// also in a later run that only has the state file), and the SaaS Security incidents read.
#include "ZiaTestEnv.h"

#include "api/AppTotalApi.h"
#include "api/SaasSecurityApi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;
using ziatest::ZiaStack;

namespace {
const QString kApp = QStringLiteral("GET /v1/apps/app");

AppTotalReply lookup(AppTotalApi &api, const QString &client, const QString &id)
{
    bool done = false;
    AppTotalReply out;
    api.app(client, id, nullptr, [&](const AppTotalReply &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20'000))
        out.error = ApiError::make(ErrorKind::Network, QStringLiteral("test: no answer in 20 s"));
    return out;
}
} // namespace

class TestAppTotalSaas : public QObject
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

    void spentQuotaSendsNothing()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("appTotalDailyQuota"), 3}});
        sim()->resetCounters();
        QTemporaryDir dir;
        ZiaStack s(sim());
        const QString client = s.clientId(QStringLiteral("apptotal-key"));
        AppTotalQuota quota(dir.path());
        AppTotalApi api(s.caller.get(), &quota);
        QCOMPARE(quota.remainingToday(client), -1);

        AppTotalReply r = lookup(api, client, QStringLiteral("100001"));
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.sent);
        QCOMPARE(r.app.id, QStringLiteral("100001"));
        QVERIFY(!r.app.name.isEmpty());
        QVERIFY(!r.app.risk.isEmpty());
        QVERIFY(r.app.score >= 0 && r.app.score <= 100);
        QVERIFY(!r.app.permissions.isEmpty());
        QVERIFY(!r.app.permissions.first().name.isEmpty());
        QCOMPARE(r.remaining, 2);
        QCOMPARE(quota.remainingToday(client), 2);

        r = lookup(api, client, QStringLiteral("999999"));
        QVERIFY(!r.ok());
        QVERIFY(r.notFound);
        QCOMPARE(r.error.kind, ErrorKind::Api);
        QCOMPARE(r.remaining, 1);

        r = lookup(api, client, QStringLiteral("100002"));
        QVERIFY(r.ok());
        QCOMPARE(r.remaining, 0);
        QVERIFY(quota.isSpentToday(client));
        QCOMPARE(sim()->count(kApp), 3);

        // Spent: a clear error, and no request.
        r = lookup(api, client, QStringLiteral("100003"));
        QVERIFY(!r.ok());
        QVERIFY(!r.sent);
        QCOMPARE(r.error.kind, ErrorKind::RateLimited);
        QCOMPARE(exitCodeFor(r.error.kind), exitcode::Api);
        QVERIFY2(r.error.message.contains(QLatin1String("quota")) && r.error.message.contains(QLatin1String("resets at"))
                     && r.error.message.contains(QLatin1String("No request was sent")),
                 qPrintable(r.error.message));
        QCOMPARE(sim()->count(kApp), 3);

        // A later run knows it from the state file alone (no secret in it).
        AppTotalQuota again(dir.path());
        QVERIFY(again.isSpentToday(client));
        AppTotalApi api2(s.caller.get(), &again);
        r = lookup(api2, client, QStringLiteral("100001"));
        QVERIFY(!r.sent);
        QCOMPARE(sim()->count(kApp), 3);
        QFile f(dir.filePath(QLatin1String(AppTotalQuota::FileName)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray state = f.readAll();
        QVERIFY(QJsonDocument::fromJson(state).isObject());
        for (const QJsonValue &c : sim()->demoProfile().value(QStringLiteral("clients")).toArray())
            if (c.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("apptotal-key"))
                QVERIFY(!state.contains(c.toObject().value(QStringLiteral("apiKey")).toString().toUtf8()));
        QVERIFY(f.permissions().testFlag(QFileDevice::ReadOwner));
        QVERIFY(!f.permissions().testFlag(QFileDevice::ReadOther));

        // Another client's quota is its own: and the wrong kind is refused.
        r = lookup(api, s.clientId(QStringLiteral("zia-legacy")), QStringLiteral("100001"));
        QCOMPARE(r.error.kind, ErrorKind::Config);
        QCOMPARE(sim()->count(kApp), 3);
        sim()->resetKnobs();
    }

    void quotaFromTheServer429()
    {
        // The server says the quota is spent (a 429) before the client knew: remembered too.
        sim()->setKnobs(QJsonObject{{QStringLiteral("appTotalDailyQuota"), 0}});
        sim()->resetCounters();
        ZiaStack s(sim());
        const QString client = s.clientId(QStringLiteral("apptotal-key"));
        AppTotalQuota quota; // memory only
        AppTotalApi api(s.caller.get(), &quota);
        AppTotalReply r = lookup(api, client, QStringLiteral("100001"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, ErrorKind::RateLimited);
        QCOMPARE(sim()->count(kApp), 1); // not retried
        QVERIFY(quota.isSpentToday(client));
        r = lookup(api, client, QStringLiteral("100001"));
        QVERIFY(!r.sent);
        QCOMPARE(sim()->count(kApp), 1);
        sim()->resetKnobs();
    }

    void saasIncidents()
    {
        sim()->resetCounters();
        ZiaStack s(sim());
        const QString client = s.clientId(QStringLiteral("saas-security"));
        SaasSecurityApi api(s.caller.get());
        bool done = false;
        SaasIncidentsReply r;
        api.incidents(client, 20, nullptr, [&](const SaasIncidentsReply &x) {
            r = x;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20'000);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.incidents.size(), 20);
        const SaasIncident &i = r.incidents.first();
        QCOMPARE(i.id, QStringLiteral("1"));
        QVERIFY(!i.severity.isEmpty());
        QVERIFY(i.state == QLatin1String("open") || i.state == QLatin1String("closed"));
        QVERIFY(!i.appName.isEmpty());
        QVERIFY(!i.assetName.isEmpty());
        QVERIFY(i.createdAt.isValid());
        QVERIFY(!r.nextPath.isEmpty());
        QCOMPARE(sim()->count(QStringLiteral("GET /incident/api/incidents/delta")), 1);

        done = false;
        api.incidents(client, 5, nullptr, [&](const SaasIncidentsReply &x) {
            r = x;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20'000);
        QVERIFY(r.ok());
        QCOMPARE(r.incidents.size(), 5);

        done = false;
        api.incidents(s.clientId(QStringLiteral("zia-legacy")), 5, nullptr, [&](const SaasIncidentsReply &x) {
            r = x;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(r.error.kind, ErrorKind::Config);
    }
};

QTEST_GUILESS_MAIN(TestAppTotalSaas)
#include "tst_apptotal_saas.moc"
