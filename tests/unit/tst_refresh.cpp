// Refresh scheduling of the TokenBroker on an injected clock: the ⅔–¾ window with jitter, 200
// clients spread apart, the minimum interval, single flight, backoff that keeps a valid token,
// and 401 invalidation by generation.
#include "auth/TokenBroker.h"

#include <QCoreApplication>
#include <QTest>
#include <algorithm>

using namespace zc;

namespace {
// A scripted token source: each fetch answers (on the next event-loop turn) with a token of
// `lifetimeMs`, or with `failWith` while it is set.
class FakeAuth final : public Authenticator
{
public:
    FakeAuth(Clock *clock)
        : Authenticator(nullptr, nullptr, AuthSettings())
        , m_clock(clock)
    {
    }
    void fetch(const AuthTarget &target, QObject *ctx, Done done, CancelHandle) override
    {
        ++fetches;
        const ApiError err = failWith;
        const qint64 life = lifetimeMs;
        Clock *clock = m_clock;
        const QString name = target.client.name;
        QTimer::singleShot(0, ctx, [done, err, life, clock, this] {
            if (err) {
                done({}, err);
                return;
            }
            Token t;
            t.value = "tok-" + QByteArray::number(fetches);
            t.type = QStringLiteral("Bearer");
            t.source = ExpirySource::ExpiresIn;
            t.obtainedMs = clock->monotonicMs();
            t.expiresMs = t.obtainedMs + life;
            t.obtainedUtc = clock->nowUtc();
            t.expiresUtc = t.obtainedUtc.addMSecs(life);
            done(t, {});
        });
    }
    int fetches = 0;
    qint64 lifetimeMs = 3'600'000;
    ApiError failWith;

private:
    Clock *m_clock;
};

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

struct Rig
{
    ManualClock clock;
    std::shared_ptr<FakeAuth> fake = std::make_shared<FakeAuth>(&clock);
    TokenBroker broker{nullptr, nullptr, &clock};
    explicit Rig(bool autoRefresh = true, int clients = 1)
    {
        BrokerSettings s;
        s.autoRefresh = autoRefresh;
        broker.setSettings(s);
        broker.setAuthenticator(AuthKind::OneApiSecret, fake);
        Tenant t;
        t.id = QStringLiteral("t-0001");
        t.cloud = QStringLiteral("zscaler");
        t.vanity = QStringLiteral("acme");
        for (int i = 0; i < clients; ++i) {
            ApiClient c;
            c.id = QStringLiteral("c-%1").arg(i, 4, 10, QLatin1Char('0'));
            c.name = QStringLiteral("client %1").arg(i);
            c.tenantId = t.id;
            c.kind = AuthKind::OneApiSecret;
            c.clientId = QStringLiteral("id%1").arg(i);
            broker.upsertClient(c, t);
        }
    }
    Token get(const QString &id, ApiError *err = nullptr)
    {
        Token out;
        bool done = false;
        broker.token(id, nullptr, [&](const Token &t, const ApiError &e) {
            out = t;
            if (err)
                *err = e;
            done = true;
        });
        for (int i = 0; i < 50 && !done; ++i)
            settle();
        return out;
    }
    // Moves the clock in steps, letting the broker run its deadlines.
    void run(qint64 ms, qint64 step = 50)
    {
        for (qint64 t = 0; t < ms; t += step) {
            clock.advance(step);
            broker.processDeadlines();
            settle();
        }
    }
};
} // namespace

class TestRefresh : public QObject
{
    Q_OBJECT
private slots:
    void plannerWindow()
    {
        RefreshPlanner p;
        for (int i = 0; i < 1000; ++i) {
            const double r = double(i) / 1000.0;
            const qint64 at = p.plan(QStringLiteral("c"), 100000, 3600000, 0, r);
            QVERIFY(at >= 100000 + 2400000);
            QVERIFY(at <= 100000 + 2700000);
        }
        QCOMPARE(p.size(), 1);
        // The minimum interval after the last request wins over a tiny lifetime.
        QCOMPARE(p.plan(QStringLiteral("c"), 0, 1000, 0, 0.5), 2000);
    }
    void twoHundredClientsSpreadApart()
    {
        RefreshPlanner p;
        QList<qint64> times;
        // Worst case: every client got its token at the same moment with the same lifetime and
        // the same random draw.
        for (int i = 0; i < 200; ++i)
            times << p.plan(QStringLiteral("c%1").arg(i), 0, 3600000, -100000, 0.5);
        std::sort(times.begin(), times.end());
        for (int i = 1; i < times.size(); ++i)
            QVERIFY2(times[i] - times[i - 1] >= 100, qPrintable(QStringLiteral("%1 and %2").arg(times[i - 1]).arg(times[i])));
        QVERIFY(times.first() >= 2400000);
        QVERIFY(times.last() <= 2700000);
    }
    void brokerSpreadsTwoHundred()
    {
        Rig rig(true, 200);
        for (const QString &id : rig.broker.clientIds())
            rig.get(id);
        QCOMPARE(rig.fake->fetches, 200);
        QList<qint64> planned;
        for (const QString &id : rig.broker.clientIds())
            planned << rig.broker.plannedRefreshMs(id);
        std::sort(planned.begin(), planned.end());
        for (int i = 1; i < planned.size(); ++i)
            QVERIFY(planned[i] - planned[i - 1] >= 100);
    }
    void singleFlight()
    {
        Rig rig(false);
        int answers = 0;
        QSet<QByteArray> values;
        for (int i = 0; i < 50; ++i)
            rig.broker.token(QStringLiteral("c-0000"), nullptr, [&](const Token &t, const ApiError &e) {
                QVERIFY(!e);
                values << t.value;
                ++answers;
            });
        QTRY_COMPARE(answers, 50);
        QCOMPARE(rig.fake->fetches, 1);
        QCOMPARE(values.size(), 1);
    }
    void refreshInWindowKeepsServing()
    {
        Rig rig(true);
        rig.fake->lifetimeMs = 60000;
        const Token first = rig.get(QStringLiteral("c-0000"));
        const qint64 planned = rig.broker.plannedRefreshMs(QStringLiteral("c-0000"));
        QVERIFY(planned >= first.obtainedMs + 40000 && planned <= first.obtainedMs + 45000);
        rig.run(planned - rig.clock.monotonicMs() - 100);
        QCOMPARE(rig.fake->fetches, 1);
        rig.run(200);
        QCOMPARE(rig.fake->fetches, 2); // renewed in the background, before expiry
        QCOMPARE(rig.broker.status(QStringLiteral("c-0000")).state, TokenState::Valid);
        QVERIFY(rig.get(QStringLiteral("c-0000")).value != first.value);
    }
    void minimumIntervalPreventsStorm()
    {
        Rig rig(true);
        rig.fake->lifetimeMs = 1000; // a server handing out 1-second tokens
        rig.get(QStringLiteral("c-0000"));
        rig.run(20000, 100);
        // One request per 2 s at most (the minimum interval), not one per ⅔ s.
        QVERIFY2(rig.fake->fetches <= 11, qPrintable(QString::number(rig.fake->fetches)));
        QVERIFY(rig.fake->fetches >= 5);
    }
    void failedRefreshKeepsTokenAndBacksOff()
    {
        Rig rig(true);
        rig.fake->lifetimeMs = 3600000;
        const Token first = rig.get(QStringLiteral("c-0000"));
        rig.fake->failWith = ApiError::make(ErrorKind::Network, QStringLiteral("connection refused"));
        const qint64 planned = rig.broker.plannedRefreshMs(QStringLiteral("c-0000"));
        rig.clock.set(planned);
        rig.broker.processDeadlines();
        settle();
        QCOMPARE(rig.fake->fetches, 2);
        const TokenStatus s = rig.broker.status(QStringLiteral("c-0000"));
        QCOMPARE(s.state, TokenState::Valid); // still valid, kept
        QVERIFY(s.lastError.isError());
        QCOMPARE(rig.get(QStringLiteral("c-0000")).value, first.value);
        // Next try 10 s later, then 20 s, then 40 s.
        QList<qint64> gaps;
        qint64 last = rig.clock.monotonicMs();
        for (int i = 0; i < 3; ++i) {
            const qint64 next = rig.broker.plannedRefreshMs(QStringLiteral("c-0000"));
            gaps << next - last;
            rig.clock.set(next);
            last = next;
            rig.broker.processDeadlines();
            settle();
        }
        QCOMPARE(rig.fake->fetches, 5);
        QVERIFY(gaps[0] >= 10000 && gaps[0] < 10500);
        QVERIFY(gaps[1] >= 20000 && gaps[1] < 20500);
        QVERIFY(gaps[2] >= 40000 && gaps[2] < 40500);
        // Recovery clears the error.
        rig.fake->failWith = {};
        rig.clock.set(rig.broker.plannedRefreshMs(QStringLiteral("c-0000")));
        rig.broker.processDeadlines();
        settle();
        QVERIFY(!rig.broker.status(QStringLiteral("c-0000")).lastError.isError());
        QVERIFY(rig.get(QStringLiteral("c-0000")).value != first.value);
    }
    void authErrorStopsBackgroundRetries()
    {
        Rig rig(true);
        rig.get(QStringLiteral("c-0000"));
        rig.fake->failWith = ApiError::make(ErrorKind::Authentication, QStringLiteral("invalid_client"));
        rig.clock.set(rig.broker.plannedRefreshMs(QStringLiteral("c-0000")));
        rig.broker.processDeadlines();
        settle();
        QCOMPARE(rig.fake->fetches, 2);
        QCOMPARE(rig.broker.plannedRefreshMs(QStringLiteral("c-0000")), -1);
    }
    void invalidateOncePerGeneration()
    {
        Rig rig(false);
        const Token t = rig.get(QStringLiteral("c-0000"));
        rig.clock.advance(5000);
        rig.broker.invalidate(QStringLiteral("c-0000"), t.generation);
        rig.broker.invalidate(QStringLiteral("c-0000"), t.generation); // a second 401 of the same token
        int answers = 0;
        for (int i = 0; i < 10; ++i)
            rig.broker.token(QStringLiteral("c-0000"), nullptr, [&](const Token &, const ApiError &) { ++answers; });
        QTRY_COMPARE(answers, 10);
        QCOMPARE(rig.fake->fetches, 2);
        const Token fresh = rig.get(QStringLiteral("c-0000"));
        rig.broker.invalidate(QStringLiteral("c-0000"), t.generation); // late 401 of the old one
        QCOMPARE(rig.get(QStringLiteral("c-0000")).value, fresh.value);
        QCOMPARE(rig.fake->fetches, 2);
    }
    void statesOverTime()
    {
        Rig rig(false);
        rig.fake->lifetimeMs = 100000;
        QCOMPARE(rig.broker.status(QStringLiteral("c-0000")).state, TokenState::NoToken);
        rig.get(QStringLiteral("c-0000"));
        QCOMPARE(rig.broker.status(QStringLiteral("c-0000")).state, TokenState::Valid);
        QList<TokenState> seen;
        connect(&rig.broker, &TokenBroker::statusChanged, this, [&seen](const TokenStatus &s) { seen << s.state; });
        rig.run(101000, 500);
        QCOMPARE(seen, (QList<TokenState>{TokenState::Expiring, TokenState::Expired}));
        // A wall-clock jump changes nothing: deadlines are monotonic.
        rig.clock.jumpWall(-7200000);
        QCOMPARE(rig.broker.status(QStringLiteral("c-0000")).state, TokenState::Expired);
    }
};

QTEST_GUILESS_MAIN(TestRefresh)
#include "tst_refresh.moc"
