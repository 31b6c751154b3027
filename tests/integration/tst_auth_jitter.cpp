// The TokenBroker draws each planned refresh at random in ⅔–¾ of the token's lifetime
// (src/auth/README.md "Refresh ahead"): real tokens from the simulator over HTTPS, one client,
// one hundred identical tokens (the same lifetime, an injected clock, nobody else planned) and
// the broker's own plan for each. The plans must spread over the whole window, never leave it,
// and the broker must really renew at the planned instant.
#include "SimAuthFixture.h"

#include <QSet>
#include <QTest>

using namespace zc;
using zctest::SimAuthFixture;

namespace {
constexpr int kDraws = 100;
constexpr qint64 kLifetimeMs = 600'000; // the simulator's tokenLifetimeSeconds below
}

class TestAuthJitter : public QObject
{
    Q_OBJECT
private slots:
    void refreshTimesAreDrawnAcrossTheWindow()
    {
        SimAuthFixture fx;
        QString error;
        QVERIFY2(fx.start(&error), qPrintable(error));
        const QJsonObject sc = fx.registerWithSim({{QStringLiteral("kind"), QStringLiteral("oneapi-secret")},
                                                   {QStringLiteral("tokenLifetimeSeconds"), int(kLifetimeMs / 1000)}});
        QVERIFY(!sc.contains(QStringLiteral("error")));
        const QString id = fx.addClient(QStringLiteral("jitter"), sc);
        QVERIFY(!id.isEmpty());

        // The broker's stack on a clock that moves only when told. Its wall clock runs an hour
        // behind, so the tokens' JWT exp (real time) is never the sooner deadline: every token
        // lives exactly expires_in.
        ManualClock clock(5'000'000, QDateTime::currentDateTimeUtc().addSecs(-3600));
        HttpClient http;
        RateLimiter limiter(&clock);
        HttpPipeline pipeline(&http, &limiter, &clock);
        KeychainCredentials creds(fx.secrets());
        TokenBroker broker(&pipeline, &creds, &clock);
        BrokerSettings settings;
        settings.autoRefresh = true; // as in the session worker
        broker.setSettings(settings);
        const ApiClient *c = fx.store()->client(id);
        broker.upsertClient(*c, *fx.store()->tenant(c->tenantId));

        const QString route = QStringLiteral("POST /oauth2/v1/token");
        const qint64 before = fx.sim()->count(route);
        QList<qint64> offsets; // planned refresh - obtained, per token
        qint64 obtained = -1, planned = -1;
        for (int i = 0; i < kDraws; ++i) {
            broker.forget(id);
            clock.advance(settings.refresh.minIntervalMs); // not held back by the minimum interval
            Token t;
            bool done = false;
            QObject ctx;
            broker.token(id, &ctx, [&](const Token &tok, const ApiError &e) {
                QVERIFY2(!e, qPrintable(e.toString()));
                t = tok;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
            QVERIFY(!t.isNull());
            // Identical tokens: the same lifetime, each obtained now.
            QCOMPARE(t.obtainedMs, clock.monotonicMs());
            obtained = t.obtainedMs;
            QCOMPARE(t.expiresMs - t.obtainedMs, kLifetimeMs);
            planned = broker.plannedRefreshMs(id);
            offsets << planned - obtained;
        }
        QCOMPARE(fx.sim()->count(route) - before, qint64(kDraws)); // each one a real token request

        // ⅔ and ¾ of 600 s.
        const qint64 lo = 400'000, hi = 450'000;
        QList<int> fifths(5, 0);
        for (qint64 off : std::as_const(offsets)) {
            QVERIFY2(off >= lo && off <= hi, qPrintable(QStringLiteral("%1 outside [%2, %3]").arg(off).arg(lo).arg(hi)));
            ++fifths[int(std::min<qint64>(4, (off - lo) * 5 / (hi - lo)))];
        }
        // Drawn, not fixed: (almost) all different, every fifth of the window reached (a fifth
        // missed by 100 uniform draws: 0.8^100 ≈ 2e-10) and none holding most of them.
        const QSet<qint64> distinct(offsets.begin(), offsets.end());
        QVERIFY2(distinct.size() >= kDraws * 9 / 10, qPrintable(QStringLiteral("%1 distinct plans").arg(distinct.size())));
        for (int n : std::as_const(fifths))
            QVERIFY2(n >= 1 && n <= kDraws * 45 / 100,
                     qPrintable(QStringLiteral("draws per fifth of the window: %1 %2 %3 %4 %5")
                                    .arg(fifths[0]).arg(fifths[1]).arg(fifths[2]).arg(fifths[3]).arg(fifths[4])));

        // The plan is when the broker renews: not a millisecond before, then exactly once.
        const int requests = broker.tokenRequests();
        clock.set(planned - 1);
        broker.processDeadlines();
        QCOMPARE(broker.tokenRequests(), requests); // counted when a request starts
        clock.set(planned);
        broker.processDeadlines();
        QCOMPARE(broker.tokenRequests(), requests + 1);
        QTRY_COMPARE_WITH_TIMEOUT(fx.sim()->count(route) - before, qint64(kDraws + 1), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(broker.plannedRefreshMs(id) > planned, 30'000); // the new token's plan
    }
};

QTEST_MAIN(TestAuthJitter)
#include "tst_auth_jitter.moc"
