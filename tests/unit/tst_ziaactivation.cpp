// ZIA activation: status JSON and the x-zscaler-mode header from recorded traffic, the 409 edit
// lock as the retry policy sees it, the activation budget arithmetic on the real RateLimiter
// with a hand-moved clock, the confirmation text, and the status tracker's poll schedule.
#include "api/ZiaApi.h"
#include "core/ZiaActivation.h"
#include "net/RateLimiter.h"
#include "net/RetryPolicy.h"
#include "services/ZiaStatusSchedule.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace zc;

namespace {

struct Recorded
{
    QString method, uri;
    int status = 0;
    QByteArray body;
    HttpHeaders headers;
};

QList<Recorded> load(const QString &name)
{
    QList<Recorded> out;
    QFile f(QStringLiteral(ZC_FIXTURES_DIR "/recorded-json/zia/") + name + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value("interactions").toArray()) {
        const QJsonObject req = v.toObject().value("request").toObject();
        const QJsonObject res = v.toObject().value("response").toObject();
        Recorded r;
        r.method = req.value("method").toString();
        r.uri = req.value("uri").toString();
        r.status = res.value("status").toInt();
        r.body = res.value("body").toString().toUtf8();
        const QJsonObject h = res.value("headers").toObject();
        for (auto it = h.begin(); it != h.end(); ++it)
            r.headers.append({it.key().toLatin1(), it.value().toString().toLatin1()});
        out.append(r);
    }
    return out;
}

HttpResponse responseOf(const Recorded &r)
{
    HttpResponse x;
    x.status = r.status;
    x.body = r.body;
    x.headers = r.headers;
    return x;
}

} // namespace

class TestZiaActivation : public QObject
{
    Q_OBJECT
private slots:
    void statusFromRecordedTraffic()
    {
        int seen = 0;
        for (const QString &name : {QStringLiteral("TestActivate"), QStringLiteral("TestActivation")}) {
            const QList<Recorded> rec = load(name);
            QVERIFY2(!rec.isEmpty(), qPrintable(name));
            for (const Recorded &r : rec) {
                if (!r.uri.endsWith(QLatin1String("/status")) && !r.uri.endsWith(QLatin1String("/status/activate")))
                    continue;
                ++seen;
                ZiaActivationState s = ZiaActivationState::Unknown;
                QString why;
                QVERIFY2(parseZiaStatusJson(r.body, &s, &why), qPrintable(why));
                QCOMPARE(s, ZiaActivationState::Active);
                QCOMPARE(parseZiaApiMode(responseOf(r).header("x-zscaler-mode")), ZiaApiMode::ReadWrite);
            }
        }
        QCOMPARE(seen, 4);
    }

    void statusJsonVariants()
    {
        ZiaActivationState s;
        QString why;
        QVERIFY(parseZiaStatusJson("{\"status\":\"PENDING\"}", &s, &why));
        QCOMPARE(s, ZiaActivationState::Pending);
        QVERIFY(parseZiaStatusJson(" {\"status\":\"inprogress\"} ", &s, &why));
        QCOMPARE(s, ZiaActivationState::InProgress);
        QVERIFY(parseZiaStatusJson("{\"status\":\"IN_PROGRESS\"}", &s, &why));
        QVERIFY(!parseZiaStatusJson("{\"status\":\"DONE\"}", &s, &why));
        QVERIFY(why.contains(QLatin1String("DONE")));
        QCOMPARE(s, ZiaActivationState::Unknown);
        QVERIFY(!parseZiaStatusJson("{\"status\":1}", &s, &why));
        QVERIFY(!parseZiaStatusJson("[\"ACTIVE\"]", &s, &why));
        QVERIFY(!parseZiaStatusJson("", &s, &why));
        QVERIFY(!parseZiaStatusJson("<html></html>", &s, &why));
        QCOMPARE(ziaActivationStateName(ZiaActivationState::InProgress), QStringLiteral("INPROGRESS"));
        QCOMPARE(parseZiaApiMode("read-only"), ZiaApiMode::ReadOnly);
        QCOMPARE(parseZiaApiMode(" READ-WRITE "), ZiaApiMode::ReadWrite);
        QCOMPARE(parseZiaApiMode(""), ZiaApiMode::Unknown);
    }

    void readOnlyError()
    {
        ApiError e;
        e.code = QStringLiteral("STATE_READONLY");
        QVERIFY(ZiaApi::isReadOnlyError(e));
        e.code = QStringLiteral("SCOPE_LIMITED");
        QVERIFY(!ZiaApi::isReadOnlyError(e));
    }

    void editLockFromRecordedTraffic()
    {
        const QList<Recorded> rec = load(QStringLiteral("TestRemoteAssistance"));
        const Recorded *conflict = nullptr;
        for (const Recorded &r : rec)
            if (r.status == 409)
                conflict = &r;
        QVERIFY(conflict);
        const HttpResponse resp = responseOf(*conflict);
        QVERIFY(RetryPolicy::isEditLock(resp));
        HttpRequest req;
        req.method = "POST"; // activation is a POST: edit locks are retried all the same
        RetryPolicy policy;
        QCOMPARE(policy.config().editLockBaseMs, 5000);
        QCOMPARE(policy.config().editLockMaxMs, 60'000);
        policy.config().jitter = 0;
        qint64 waited = 0;
        QList<qint64> delays;
        for (int attempt = 1; attempt <= 20; ++attempt) {
            const RetryDecision d = policy.decide(req, resp, attempt, waited, 0.5);
            if (!d.retry) {
                QVERIFY(d.giveUp.isError());
                QVERIFY(d.giveUp.message.contains(QLatin1String("edit lock")));
                break;
            }
            QCOMPARE(d.reason, RetryDecision::EditLock);
            delays << d.delayMs;
            waited += d.delayMs;
        }
        // 5 s doubling, capped at 60 s, bounded in total.
        QCOMPARE(delays.mid(0, 5), (QList<qint64>{5000, 10'000, 20'000, 40'000, 60'000}));
        QVERIFY(waited <= policy.config().editLockTotalMs);
        // The base is configurable (tests shrink it).
        policy.config().editLockBaseMs = 50;
        QCOMPARE(policy.decide(req, resp, 1, 0, 0.5).delayMs, 50);
    }

    void budgetArithmetic()
    {
        ManualClock clock;
        RateLimiter limiter(&clock);
        const QString key = ZiaApi::activationRateKey(QStringLiteral("t-1"));
        QCOMPARE(key, QStringLiteral("t-1/zia/activate"));
        const QList<RateBudget> b = ZiaApi::activationBudgets();
        QCOMPARE(b.size(), 2);
        QCOMPARE(b[0].count, 10);
        QCOMPARE(b[0].windowMs, 60'000);
        QCOMPARE(b[1].count, 40);
        QCOMPARE(b[1].windowMs, 3'600'000);
        limiter.setBudgets(key, b);

        // A burst of 15: 10 go now, the 11th waits a minute.
        int granted = 0;
        for (int i = 0; i < 15; ++i) {
            if (limiter.waitEstimateMs(key) > 0)
                break;
            limiter.acquire(key, nullptr, [&] { ++granted; });
        }
        QCOMPARE(granted, 10);
        QCOMPARE(limiter.waitEstimateMs(key), 60'000);
        clock.advance(59'000);
        QCOMPARE(limiter.waitEstimateMs(key), 1000);
        clock.advance(1000);
        QCOMPARE(limiter.waitEstimateMs(key), 0);
        // 40 per hour: after four full minutes the hour is spent.
        for (int minute = 0; minute < 3; ++minute) {
            for (int i = 0; i < 10; ++i)
                limiter.acquire(key, nullptr, [&] { ++granted; });
            QCOMPARE(granted, 20 + minute * 10);
            clock.advance(60'000);
        }
        QCOMPARE(granted, 40);
        QCOMPARE(limiter.grantsInWindow(key, 3'600'000), 40);
        // The first grant was 4 minutes ago: the hour frees a slot 56 minutes from now.
        QCOMPARE(limiter.waitEstimateMs(key), 3'600'000 - 4 * 60'000);

        const QString msg = ziaActivation::budgetRefusalMessage(42'000);
        QVERIFY2(msg.startsWith(QLatin1String("activation budget: next slot in 42 s")), qPrintable(msg));
        QVERIFY(msg.contains(QLatin1String("10 activations per minute and 40 per hour")));
        QCOMPARE(ziaActivation::durationText(3'360'000), QStringLiteral("56 min"));
        QCOMPARE(ziaActivation::durationText(61'000), QStringLiteral("1 min 1 s"));
        QCOMPARE(ziaActivation::durationText(3'600'000 + 120'000), QStringLiteral("1 h 2 min"));
    }

    void urlLookupBudget()
    {
        const QList<RateBudget> b = ZiaApi::urlLookupBudgets();
        QCOMPARE(b.size(), 2);
        QCOMPARE(b[0].count, 1);
        QVERIFY(b[0].windowMs >= 1000);
        QCOMPARE(b[1].count, 400);
        QCOMPARE(b[1].windowMs, 3'600'000);
    }

    void confirmationText()
    {
        const QString t = ziaActivation::confirmationText(QStringLiteral("Acme Prod"));
        QVERIFY(t.contains(QLatin1String("\"Acme Prod\"")));
        QVERIFY(t.contains(QLatin1String("EVERY admin's pending changes")));
        QVERIFY(t.contains(QLatin1String("cannot be cancelled or undone")));
    }

    void pollSchedule()
    {
        ZiaPollConfig c;
        ZiaPollInput in;
        const qint64 now = 100'000'000;
        QVERIFY(!ZiaStatusSchedule::wantsPolling(in));
        QCOMPARE(ZiaStatusSchedule::nextPollMs(in, c, now), -1);
        in.watched = true;
        QCOMPARE(ZiaStatusSchedule::nextPollMs(in, c, now), now); // never polled: now
        in.lastPollMs = now;
        in.state = ZiaActivationState::Active;
        QCOMPARE(ZiaStatusSchedule::nextPollMs(in, c, now), now + 10'000);
        // Backoff while nothing changes, capped at 5 min on screen.
        QList<qint64> intervals;
        for (int u = 0; u < 8; ++u) {
            in.unchanged = u;
            intervals << ZiaStatusSchedule::intervalMs(in, c);
        }
        QCOMPARE(intervals, (QList<qint64>{10'000, 20'000, 40'000, 80'000, 160'000, 300'000, 300'000, 300'000}));
        // Pending: capped at 2 min, and polled even when not on screen.
        in.watched = false;
        in.state = ZiaActivationState::Pending;
        in.unchanged = 7;
        QVERIFY(ZiaStatusSchedule::wantsPolling(in));
        QCOMPARE(ZiaStatusSchedule::intervalMs(in, c), 120'000);
        // A write not yet confirmed counts as pending.
        in.state = ZiaActivationState::Active;
        in.localChanges = true;
        in.unchanged = 0;
        QVERIFY(ZiaStatusSchedule::wantsPolling(in));
        QCOMPARE(ZiaStatusSchedule::intervalMs(in, c), 10'000);
        in.localChanges = false;
        QVERIFY(!ZiaStatusSchedule::wantsPolling(in));
        // INPROGRESS: followed closely; errors back off; read-only is checked every minute.
        in.state = ZiaActivationState::InProgress;
        QCOMPARE(ZiaStatusSchedule::intervalMs(in, c), 2000);
        in.readOnly = true;
        QCOMPARE(ZiaStatusSchedule::intervalMs(in, c), 60'000);
        in.errors = 3;
        QCOMPARE(ZiaStatusSchedule::intervalMs(in, c), 40'000);
        in.errors = 9;
        QCOMPARE(ZiaStatusSchedule::intervalMs(in, c), 300'000);
        // Hourly cap: 240 polls in the last hour push the next one past the hour.
        in = ZiaPollInput();
        in.state = ZiaActivationState::InProgress;
        for (int i = 0; i < 240; ++i)
            in.recentPolls.push_back(now - 3'000'000 + i * 1000);
        in.lastPollMs = in.recentPolls.back();
        QCOMPARE(ZiaStatusSchedule::nextPollMs(in, c, now), now - 3'000'000 + 3'600'000);
        in.recentPolls.pop_front();
        QCOMPARE(ZiaStatusSchedule::nextPollMs(in, c, now), in.lastPollMs + 2000);
        // The cap keeps the tracker inside the tenant's 1000/h read budget with room to spare.
        QVERIFY(c.maxPollsPerHour <= 1000 / 4);
    }
};

QTEST_GUILESS_MAIN(TestZiaActivation)
#include "tst_ziaactivation.moc"
