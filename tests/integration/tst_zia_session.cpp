// ZIA legacy sessions (README "Every authentication scheme"; src/auth/README.md "TokenBroker"):
// a JSESSIONID lives while it is used, nothing keeps it alive in the background, and an idle
// session simply ends. Against the simulator over HTTPS with the real keychain; the client's
// clock and the simulator's are both moved by hand (no waiting), and everything is asserted
// from counts: session requests and 401s at the simulator, the broker's token requests and
// state events.
#include "SimAuthFixture.h"
#include "services/ConnectionTest.h"

#include <QSignalSpy>
#include <QTest>

using namespace zc;
using zctest::SimAuthFixture;

namespace {
const QString kOpen = QStringLiteral("POST /api/v1/authenticatedSession");
const QString kStatus = QStringLiteral("GET /api/v1/status");
constexpr qint64 kIdleMs = 300'000; // the simulator's ziaSessionIdleSeconds and ours (default)

// Every request the simulator counted, whatever the route.
qint64 allRequests(zsim::Simulator *sim)
{
    qint64 n = 0;
    const QJsonObject c = sim->counters();
    for (auto it = c.begin(); it != c.end(); ++it)
        if (!it.key().contains(QLatin1Char('#')))
            n += it.value().toInteger();
    return n;
}
} // namespace

class TestZiaSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimAuthFixture> m_fx;
    QString m_id;
    zsim::Simulator *sim() const { return m_fx->sim(); }

    // The client stack on a hand-moved clock whose wall time is the simulator's.
    struct Stack
    {
        explicit Stack(SimAuthFixture *fx, qint64 clientIdleMs)
            : clock(1'000'000, QDateTime::fromMSecsSinceEpoch(fx->sim()->clockMs(), Qt::UTC))
            , creds(fx->secrets())
        {
            BrokerSettings s;
            s.autoRefresh = true; // as in the session worker: still, no session is renewed
            broker.setSettings(s);
            AuthSettings a;
            a.ziaIdleTimeoutMs = clientIdleMs;
            broker.setAuthSettings(a);
        }
        ManualClock clock;
        HttpClient http;
        RateLimiter limiter{&clock};
        HttpPipeline pipeline{&http, &limiter, &clock};
        KeychainCredentials creds;
        TokenBroker broker{&pipeline, &creds, &clock};
        ApiCaller caller{&broker};
    };

    std::unique_ptr<Stack> makeStack(qint64 clientIdleMs)
    {
        auto s = std::make_unique<Stack>(m_fx.get(), clientIdleMs);
        const ApiClient *c = m_fx->store()->client(m_id);
        s->broker.upsertClient(*c, *m_fx->store()->tenant(c->tenantId));
        return s;
    }
    int status(Stack &s)
    {
        int code = -1;
        QObject ctx;
        s.caller.call(m_id, ConnectionTest::probeFor(*s.broker.target(m_id)), &ctx,
                      [&](const HttpResponse &r) { code = r.status; });
        if (!QTest::qWaitFor([&] { return code != -1; }, 30'000))
            return -2;
        return code;
    }
    // Both clocks forward by `ms`, with the broker's one deadline handler run in between.
    void advance(Stack &s, qint64 ms)
    {
        for (qint64 done = 0; done < ms; done += 10'000) {
            const qint64 step = std::min<qint64>(10'000, ms - done);
            s.clock.advance(step);
            sim()->advanceClock(step);
            s.broker.processDeadlines();
            QCoreApplication::processEvents();
        }
    }

private slots:
    void initTestCase()
    {
        m_fx = std::make_unique<SimAuthFixture>();
        QString error;
        QVERIFY2(m_fx->start(&error), qPrintable(error));
        m_id = m_fx->addClient(QStringLiteral("legacy"), m_fx->demoClient(QStringLiteral("zia-legacy")));
        QVERIFY(!m_id.isEmpty());
        sim()->setKnobs({{QStringLiteral("ziaSessionIdleSeconds"), int(kIdleMs / 1000)}});
        sim()->freezeClock();
    }

    // Requests 4 min apart, 16 min in all: one session, never refused, never renewed.
    void livesWhileUsed()
    {
        auto s = makeStack(kIdleMs);
        const qint64 opened = sim()->count(kOpen), refused = sim()->count(kStatus + QStringLiteral("#401"));
        for (int i = 0; i < 5; ++i) {
            if (i > 0)
                advance(*s, 240'000);
            QCOMPARE(status(*s), 200);
            QCOMPARE(s->broker.plannedRefreshMs(m_id), qint64(-1)); // no background renewal
        }
        QCOMPARE(sim()->count(kOpen) - opened, qint64(1));
        QCOMPARE(s->broker.tokenRequests(), 1);
        QCOMPARE(sim()->count(kStatus + QStringLiteral("#401")) - refused, qint64(0));
        QCOMPARE(s->broker.status(m_id).state, TokenState::Valid);
    }

    // Left idle: not a single request in the background; the broker says it ended; the next
    // use opens a new session instead of sending the dead one.
    void idleSessionSimplyEnds()
    {
        auto s = makeStack(kIdleMs);
        QCOMPARE(status(*s), 200);
        const qint64 opened = sim()->count(kOpen), requests = allRequests(sim());
        const qint64 refused = sim()->count(kStatus + QStringLiteral("#401"));
        QSignalSpy states(&s->broker, &TokenBroker::statusChanged);
        advance(*s, kIdleMs + 10'000);
        QCOMPARE(allRequests(sim()), requests); // nothing kept it alive
        QCOMPARE(s->broker.tokenRequests(), 1);
        QList<TokenState> seen;
        for (const QList<QVariant> &args : std::as_const(states))
            seen << args.at(0).value<TokenStatus>().state;
        QCOMPARE(seen, (QList<TokenState>{TokenState::Expiring, TokenState::Expired}));
        QCOMPARE(status(*s), 200);
        QCOMPARE(sim()->count(kOpen) - opened, qint64(1));
        QCOMPARE(sim()->count(kStatus + QStringLiteral("#401")) - refused, qint64(0));
    }

    // The server ends an idle session on its own (here its idle time is shorter than the
    // client's 20-minute tenant setting): the dead session is refused once, one new session.
    void serverEndedSessionIsReplacedOnce()
    {
        auto s = makeStack(20 * 60'000);
        QCOMPARE(status(*s), 200);
        const qint64 opened = sim()->count(kOpen), refused = sim()->count(kStatus + QStringLiteral("#401"));
        advance(*s, kIdleMs + 10'000);
        QCOMPARE(s->broker.status(m_id).state, TokenState::Valid); // our side still thinks it lives
        QCOMPARE(status(*s), 200);
        QCOMPARE(sim()->count(kStatus + QStringLiteral("#401")) - refused, qint64(1));
        QCOMPARE(sim()->count(kOpen) - opened, qint64(1));
        QCOMPARE(s->broker.tokenRequests(), 2);
    }
};

QTEST_MAIN(TestZiaSession)
#include "tst_zia_session.moc"
