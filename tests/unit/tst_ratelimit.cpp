// RateLimiter with an injected clock, and RetryPolicy decisions.
#include "net/RateLimiter.h"
#include "net/RequestPolicy.h"
#include "net/RetryPolicy.h"

#include <QTest>

using namespace zc;

namespace {
HttpResponse reply(int status, const QByteArray &body = {}, HttpHeaders headers = {})
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = headers;
    r.endpoint = QStringLiteral("GET https://h/p");
    return r;
}
HttpRequest get()
{
    HttpRequest q;
    q.url = QUrl(QStringLiteral("https://h/p"));
    return q;
}
} // namespace

class TestRateLimit : public QObject
{
    Q_OBJECT
private slots:
    void budgetsFromRateLimitHeader()
    {
        // As recorded on the OneAPI gateway (zscaler-api-notes.md §1.6).
        QList<RateBudget> b = RequestPolicy::budgetsFromHeader("500, 500;w=1, 20000;w=60");
        QCOMPARE(b.size(), 2);
        QCOMPARE(b.at(0).count, 500);
        QCOMPARE(b.at(0).windowMs, 1000);
        QCOMPARE(b.at(1).count, 20000);
        QCOMPARE(b.at(1).windowMs, 60000);
        b = RequestPolicy::budgetsFromHeader("100;w=10;comment=\"x\"");
        QCOMPARE(b.size(), 1);
        QCOMPARE(b.at(0).windowMs, 10000);
        QVERIFY(RequestPolicy::budgetsFromHeader("500").isEmpty());
        QVERIFY(RequestPolicy::budgetsFromHeader("").isEmpty());
        QVERIFY(RequestPolicy::budgetsFromHeader("abc;w=1, -5;w=1, 5;w=0, 5;w=x").isEmpty());
    }

    void adoptHeaderReplacesTheTablesBudgets()
    {
        ManualClock clock;
        RateLimiter limiter(&clock);
        RequestPolicy policy(&limiter);
        const QString key = RequestPolicy::rateKey(QStringLiteral("t-1"), QStringLiteral("ziam"), QStringLiteral("read"));
        policy.ensure(key);
        QCOMPARE(policy.budgets(key).size(), 2); // the table's 500/s and 20,000/min
        QVERIFY(!policy.adoptHeader(key, "500, 500;w=1, 20000;w=60")); // the same: nothing changes
        QVERIFY(policy.adoptHeader(key, "3, 3;w=1"));
        QCOMPARE(policy.budgets(key).size(), 1);
        QCOMPARE(policy.budgets(key).first().count, 3);
        QVERIFY(!policy.adoptHeader(key, ""));
        QVERIFY(!policy.adoptHeader(key, "garbage"));
        QCOMPARE(policy.budgets(key).first().count, 3);
    }

    void zpaBudgetOrderAndWindow()
    {
        ManualClock clock;
        RateLimiter rl(&clock);
        const QString key = QStringLiteral("t-1/zpa/read");
        rl.setBudgets(key, {{20, 10000}});
        QList<int> order;
        for (int i = 0; i < 50; ++i)
            rl.acquire(key, this, [&order, i] { order << i; });
        QCOMPARE(order.size(), 20); // 20 go at once
        QCOMPARE(rl.queued(key), 30);
        QCOMPARE(rl.waitEstimateMs(key), 10000);
        clock.advance(9999);
        rl.process();
        QCOMPARE(order.size(), 20);
        clock.advance(1);
        rl.process();
        QCOMPARE(order.size(), 40);
        clock.advance(10000);
        rl.process();
        QCOMPARE(order.size(), 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(order[i], i); // in order
        // Never more than 20 in any 10 s window.
        QCOMPARE(rl.grantsInWindow(key, 10000), 10);
    }
    void windowCountsFromWhenSent()
    {
        // 2 per 1000 ms. Both grants at t=0 leave only at 100 and 150 (a new connection's
        // handshakes): the third request waits for 100 + 1000, not 0 + 1000.
        ManualClock clock;
        RateLimiter rl(&clock);
        const QString key = QStringLiteral("k");
        rl.setBudgets(key, {{2, 1000}});
        int n = 0;
        for (int i = 0; i < 3; ++i)
            rl.acquire(key, this, [&n] { ++n; });
        QCOMPARE(n, 2);
        clock.advance(100);
        rl.markSent(key);
        clock.advance(50);
        rl.markSent(key);
        clock.advance(850); // t = 1000
        rl.process();
        QCOMPARE(n, 2);
        QCOMPARE(rl.waitEstimateMs(key), 100);
        clock.advance(100); // t = 1100
        rl.process();
        QCOMPARE(n, 3);
        // The third is marked sent at 1100; a report with nothing unsent changes nothing.
        rl.markSent(key);
        rl.markSent(key);
        QCOMPARE(rl.grantsInWindow(key, 1000), 2);
    }
    void severalBudgets()
    {
        ManualClock clock;
        RateLimiter rl(&clock);
        const QString key = QStringLiteral("t-1/zia/read");
        rl.setBudgets(key, {{2, 1000}, {5, 3600000}});
        int n = 0;
        for (int i = 0; i < 10; ++i)
            rl.acquire(key, this, [&n] { ++n; });
        QCOMPARE(n, 2);
        clock.advance(1000);
        rl.process();
        QCOMPARE(n, 4);
        clock.advance(1000);
        rl.process();
        QCOMPARE(n, 5); // hourly budget of 5 reached
        clock.advance(60000);
        rl.process();
        QCOMPARE(n, 5);
        QVERIFY(rl.waitEstimateMs(key) > 3000000);
    }
    void pauseOn429AndCancel()
    {
        ManualClock clock;
        RateLimiter rl(&clock);
        const QString key = QStringLiteral("k");
        rl.pause(key, 4000);
        int a = 0, b = 0;
        auto cancelB = makeCancelHandle();
        rl.acquire(key, this, [&a] { ++a; });
        rl.acquire(key, this, [&b] { ++b; }, cancelB);
        QCOMPARE(a + b, 0);
        cancelB->cancel();
        QCOMPARE(rl.queued(key), 1);
        clock.advance(4000);
        rl.process();
        QCOMPARE(a, 1);
        QCOMPARE(b, 0);
        // A dead context is skipped.
        auto *ctx = new QObject;
        int c = 0;
        rl.pause(key, 100);
        rl.acquire(key, ctx, [&c] { ++c; });
        delete ctx;
        clock.advance(100);
        rl.process();
        QCOMPARE(c, 0);
        QCOMPARE(rl.queued(key), 0);
    }
    void realTimerFires()
    {
        RateLimiter rl; // system clock: the one timer wakes the queue
        rl.setBudgets(QStringLiteral("r"), {{1, 200}});
        int n = 0;
        for (int i = 0; i < 3; ++i)
            rl.acquire(QStringLiteral("r"), this, [&n] { ++n; });
        QCOMPARE(n, 1);
        QTRY_COMPARE_WITH_TIMEOUT(n, 3, 2000);
    }

    void retry429()
    {
        RetryPolicy p;
        const auto d = p.decide(get(), reply(429, {}, {{"retry-after", "4s"}}), 1, 0, 0.0);
        QVERIFY(d.retry);
        QVERIFY(d.pauseKey);
        QCOMPARE(d.delayMs, 4000);
        const auto j = p.decide(get(), reply(429, {}, {{"retry-after", "4"}}), 1, 0, 0.999);
        QVERIFY(j.delayMs >= 4000 && j.delayMs <= 5000); // jitter only upwards
        const auto body = p.decide(get(), reply(429, R"({"message":"Rate Limit (1/SECOND) exceeded","Retry-After":"0 seconds"})"), 1, 0, 0.0);
        QCOMPARE(body.delayMs, 1000);
        const auto none = p.decide(get(), reply(429), 1, 0, 0.0);
        QCOMPARE(none.delayMs, p.config().default429WaitMs);
        const auto quota = p.decide(get(), reply(429, {}, {{"retry-after", "593"}}), 1, 0, 0.5);
        QVERIFY(!quota.retry);
        QCOMPARE(quota.giveUp.kind, ErrorKind::RateLimited);
        QVERIFY(quota.giveUp.message.contains(QLatin1String("593")));
        const auto last = p.decide(get(), reply(429, {}, {{"retry-after", "1"}}), p.config().maxAttempts, 0, 0.5);
        QVERIFY(!last.retry);
        QCOMPARE(last.giveUp.kind, ErrorKind::RateLimited);
    }
    void retryServerBusy()
    {
        RetryPolicy p;
        QVERIFY(p.decide(get(), reply(503), 1, 0, 0.5).retry);
        QCOMPARE(p.decide(get(), reply(503), 1, 0, 0.5).delayMs, 1000);
        QCOMPARE(p.decide(get(), reply(504), 3, 0, 0.5).delayMs, 4000);
        QCOMPARE(p.decide(get(), reply(503), 4, 0, 0.5).delayMs, 8000);
        QVERIFY(!p.decide(get(), reply(500), 1, 0, 0.5).retry);
        QVERIFY(!p.decide(get(), reply(502), 1, 0, 0.5).retry);
        QVERIFY(!p.decide(get(), reply(404), 1, 0, 0.5).retry);
        QVERIFY(!p.decide(get(), reply(401), 1, 0, 0.5).retry);
    }
    void retryEditLock()
    {
        RetryPolicy p;
        const QByteArray zia = R"({"code":"EDIT_LOCK_NOT_AVAILABLE"})";
        const QByteArray zpa = R"({"id":"api.concurrent.access.error","reason":"busy"})";
        QList<qint64> waits;
        qint64 waited = 0;
        int attempt = 1;
        for (;; ++attempt) {
            const auto d = p.decide(get(), reply(409, attempt % 2 ? zia : zpa), attempt, waited, 0.5);
            if (!d.retry) {
                QCOMPARE(d.giveUp.kind, ErrorKind::Api);
                QVERIFY(d.giveUp.message.contains(QLatin1String("edit lock")));
                break;
            }
            QCOMPARE(d.reason, RetryDecision::EditLock);
            waits << d.delayMs;
            waited += d.delayMs;
        }
        QCOMPARE(waits.mid(0, 5), (QList<qint64>{5000, 10000, 20000, 40000, 60000}));
        QVERIFY(waited <= p.config().editLockTotalMs);
        QVERIFY(!p.decide(get(), reply(409, R"({"code":"DUPLICATE_ITEM"})"), 1, 0, 0.5).retry);
    }
    void retryNetwork()
    {
        RetryPolicy p;
        HttpResponse reset;
        reset.error = ApiError::make(ErrorKind::Network, QStringLiteral("closed"));
        QVERIFY(p.decide(get(), reset, 1, 0, 0.5).retry);
        HttpRequest post = get();
        post.method = "POST";
        QVERIFY(!p.decide(post, reset, 1, 0, 0.5).retry); // not idempotent
        HttpResponse tls;
        tls.error = ApiError::make(ErrorKind::Tls, QStringLiteral("untrusted"));
        QVERIFY(!p.decide(get(), tls, 1, 0, 0.5).retry);
    }
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
