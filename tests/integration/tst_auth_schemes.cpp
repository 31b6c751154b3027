// Every authentication scheme against the simulator over real HTTPS, with secrets in the real
// test keychain: success, wrong secret (in process and through zconsole-cli: exit 3 naming the
// client and quoting the server), disabled clients, 50 concurrent callers -> one token request,
// a 401 in mid-session recovered with one re-auth, ZIA session idle expiry recovered, the
// private-key JWT (and a foreign key refused), `token --json`. Meanwhile every log line of every
// category is captured at debug level; the last test asserts that no secret, token, session id
// or API key used in the run appears in any of them.
#include "CliRunner.h"
#include "SimAuthFixture.h"
#include "services/ConnectionTest.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;
using zctest::SimAuthFixture;

namespace {
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureAll(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << QString::fromLatin1(ctx.category ? ctx.category : "default") + QStringLiteral(": ") + msg;
    }
    if (g_previous && type != QtDebugMsg && type != QtInfoMsg)
        g_previous(type, ctx, msg);
}

const QStringList kTokenKinds = {QStringLiteral("oneapi-secret"), QStringLiteral("oneapi-jwt"),
                                 QStringLiteral("zpa-legacy"), QStringLiteral("zia-legacy"),
                                 QStringLiteral("zia-oauth"), QStringLiteral("saas-security")};
const QStringList kAllKinds = kTokenKinds + QStringList{QStringLiteral("apptotal-key"), QStringLiteral("sandbox-token")};

// The secret field a wrong value goes into, per kind.
QString secretKey(const QString &kind)
{
    if (kind == QLatin1String("zia-legacy"))
        return QStringLiteral("password");
    if (kind == QLatin1String("apptotal-key") || kind == QLatin1String("sandbox-token"))
        return QStringLiteral("apiKey");
    if (kind == QLatin1String("oneapi-jwt"))
        return QStringLiteral("privateKey");
    return QStringLiteral("secret");
}

// What the simulator says for refused credentials (it mirrors the real services' bodies).
QString serverReason(const QString &kind)
{
    if (kind == QLatin1String("zia-legacy"))
        return QStringLiteral("AUTHENTICATION_FAILED");
    if (kind == QLatin1String("saas-security"))
        return QStringLiteral("Invalid credentials");
    if (kind == QLatin1String("zia-oauth"))
        return QStringLiteral("invalid_client");
    if (kind == QLatin1String("oneapi-jwt"))
        return QStringLiteral("signature is invalid");
    if (kind == QLatin1String("apptotal-key"))
        return QStringLiteral("X-API-KEY");
    if (kind == QLatin1String("sandbox-token"))
        return QStringLiteral("401");
    return QStringLiteral("Client authentication failed.");
}

QString tokenRoute(const QString &kind)
{
    if (kind == QLatin1String("zpa-legacy"))
        return QStringLiteral("POST /signin");
    if (kind == QLatin1String("zia-legacy"))
        return QStringLiteral("POST /api/v1/authenticatedSession");
    if (kind == QLatin1String("zia-oauth"))
        return QStringLiteral("POST /idp/oauth2/token");
    if (kind == QLatin1String("saas-security"))
        return QStringLiteral("POST /oauth/token");
    return QStringLiteral("POST /oauth2/v1/token");
}
} // namespace

class TestAuthSchemes : public QObject
{
    Q_OBJECT
    std::unique_ptr<SimAuthFixture> m_fx;
    std::unique_ptr<zctest::AuthStack> m_stack;
    QHash<QString, QString> m_good; // kind -> client id
    QSet<QByteArray> m_seen;        // tokens, session ids and keys used in the run
    QByteArray m_foreignKey;

    ApiRequest probe(const QString &clientId, zctest::AuthStack *stack = nullptr)
    {
        return ConnectionTest::probeFor(*(stack ? stack : m_stack.get())->broker.target(clientId));
    }
    void remember(const QString &clientId)
    {
        ApiError e;
        const Token t = m_stack->token(clientId, &e);
        if (!t.isNull())
            m_seen.insert(t.value);
    }

private slots:
    void initTestCase()
    {
        // Without the private keyring this test cannot run: that is a failure, not a skip.
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh (run it through ctest)");
        g_previous = qInstallMessageHandler(captureAll);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        m_fx = std::make_unique<SimAuthFixture>();
        QString error;
        QVERIFY2(m_fx->start(&error), qPrintable(error));
        m_stack = std::make_unique<zctest::AuthStack>(m_fx->secrets());
        for (const QString &kind : kAllKinds) {
            const QJsonObject demo = m_fx->demoClient(kind);
            QVERIFY2(!demo.isEmpty(), qPrintable(kind));
            const QString id = m_fx->addClient(QStringLiteral("good ") + kind, demo);
            QVERIFY(!id.isEmpty());
            m_good.insert(kind, id);
            m_stack->add(m_fx->store(), id);
        }
        // A private key the simulator has never seen (for "a different key is refused").
        QTemporaryDir d;
        QProcess p;
        p.start(QStringLiteral("openssl"), {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                                            QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048")});
        QVERIFY(p.waitForFinished(60000) && p.exitCode() == 0);
        m_foreignKey = p.readAllStandardOutput();
        QVERIFY(m_foreignKey.contains("PRIVATE KEY"));
    }

    void success_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &k : kAllKinds)
            QTest::newRow(qPrintable(k)) << k;
    }
    void success()
    {
        QFETCH(QString, kind);
        const QString id = m_good.value(kind);
        const HttpResponse r = m_stack->call(id, probe(id));
        // The simulator's answers to the probes: AppTotal's app 1 is unknown (404 with the key
        // accepted), every other probe reads something (200).
        const int want = kind == QLatin1String("apptotal-key") ? 404 : 200;
        QVERIFY2(r.status == want, qPrintable(QStringLiteral("%1: %2 %3").arg(kind).arg(r.status).arg(r.error.toString())));
        remember(id);
        const TokenStatus s = m_stack->broker.status(id);
        QCOMPARE(s.state, TokenState::Valid);
        if (kind == QLatin1String("zia-legacy"))
            QCOMPARE(s.source, ExpirySource::IdleTimeout);
        else if (kind.endsWith(QLatin1String("-key")) || kind.endsWith(QLatin1String("-token")))
            QCOMPARE(s.source, ExpirySource::StaticKey);
        else
            QVERIFY(s.source == ExpirySource::JwtExp || s.source == ExpirySource::ExpiresIn);
    }

    void wrongSecret_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &k : kAllKinds)
            QTest::newRow(qPrintable(k)) << k;
    }
    void wrongSecret()
    {
        QFETCH(QString, kind);
        const QString name = QStringLiteral("wrong ") + kind;
        const QByteArray bad = kind == QLatin1String("oneapi-jwt") ? m_foreignKey : QByteArray("WrongSecret-0123456789-") + kind.toLatin1();
        const QString id = m_fx->addClient(name, m_fx->demoClient(kind), {{secretKey(kind), bad}});
        QVERIFY(!id.isEmpty());
        m_stack->add(m_fx->store(), id);
        const HttpResponse r = m_stack->call(id, probe(id));
        QCOMPARE(r.error.kind, ErrorKind::Authentication);
        QVERIFY2(r.error.message.contains(name), qPrintable(r.error.message));
        QVERIFY2(r.error.toString().contains(serverReason(kind)), qPrintable(r.error.toString()));
        // The same through the real binary: exit 3, the client and the server's reason on stderr.
        const auto cli = zctest::runCli(m_fx->cliArgs({QStringLiteral("client"), QStringLiteral("test"), name}));
        QVERIFY(cli.finished);
        QCOMPARE(cli.exitCode, 3);
        const QString err = QString::fromUtf8(cli.err);
        QVERIFY2(err.contains(name) && err.contains(serverReason(kind)), qPrintable(err));
        if (kTokenKinds.contains(kind)) {
            const auto tok = zctest::runCli(m_fx->cliArgs({QStringLiteral("token"), name}));
            QCOMPARE(tok.exitCode, 3);
            QVERIFY(tok.out.isEmpty());
        }
    }

    void disabledClient_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &k : kTokenKinds)
            QTest::newRow(qPrintable(k)) << k;
    }
    void disabledClient()
    {
        QFETCH(QString, kind);
        QJsonObject reg{{QStringLiteral("kind"), kind}, {QStringLiteral("enabled"), false}};
        if (kind == QLatin1String("zia-legacy"))
            reg.insert(QStringLiteral("username"), QStringLiteral("disabled-admin@demo.example"));
        const QJsonObject sc = m_fx->registerWithSim(reg);
        QVERIFY2(!sc.contains(QStringLiteral("error")), qPrintable(sc.value(QStringLiteral("error")).toString()));
        const QString name = QStringLiteral("disabled ") + kind;
        const QString id = m_fx->addClient(name, sc);
        m_stack->add(m_fx->store(), id);
        ApiError e;
        const Token t = m_stack->token(id, &e);
        QVERIFY(t.isNull());
        QCOMPARE(e.kind, ErrorKind::Authentication);
        QVERIFY2(e.message.contains(name), qPrintable(e.message));
        if (kind.startsWith(QLatin1String("oneapi")))
            QVERIFY2(e.message.contains(QLatin1String("disabled")), qPrintable(e.message));
        QCOMPARE(m_stack->broker.status(id).state, TokenState::Error);
    }

    void fiftyConcurrentCallersOneTokenRequest_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &k : kTokenKinds)
            QTest::newRow(qPrintable(k)) << k;
    }
    void fiftyConcurrentCallersOneTokenRequest()
    {
        QFETCH(QString, kind);
        QJsonObject reg{{QStringLiteral("kind"), kind}};
        if (kind == QLatin1String("zia-legacy"))
            reg.insert(QStringLiteral("username"), QStringLiteral("concurrent-admin@demo.example"));
        const QJsonObject sc = m_fx->registerWithSim(reg);
        const QString id = m_fx->addClient(QStringLiteral("fifty ") + kind, sc);
        zctest::AuthStack stack(m_fx->secrets());
        stack.add(m_fx->store(), id);
        stack.limiter.setBudgets(ApiCaller::defaultRateKey(*stack.broker.target(id), probe(id, &stack)), {});
        const qint64 before = m_fx->sim()->count(tokenRoute(kind));
        int ok = 0, answered = 0;
        QObject ctx;
        for (int i = 0; i < 50; ++i)
            stack.caller.call(id, probe(id, &stack), &ctx, [&](const HttpResponse &r) {
                ++answered;
                if (r.status >= 200 && r.status < 300)
                    ++ok;
            });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 50, 60000);
        QCOMPARE(ok, 50);
        QCOMPARE(m_fx->sim()->count(tokenRoute(kind)) - before, qint64(1));
        QCOMPARE(stack.broker.tokenRequests(), 1);
        ApiError e;
        m_seen.insert(stack.token(id, &e).value);
    }

    void unauthorizedMidSessionRecoveredOnce()
    {
        const QJsonObject sc = m_fx->registerWithSim({{QStringLiteral("kind"), QStringLiteral("oneapi-secret")}});
        const QString id = m_fx->addClient(QStringLiteral("revoked oneapi"), sc);
        zctest::AuthStack stack(m_fx->secrets());
        stack.add(m_fx->store(), id);
        QCOMPARE(stack.call(id, probe(id, &stack)).status, 200);
        const QString route = QStringLiteral("GET /zia/api/v1/status"); // the probe: the tenant has ZIA
        const qint64 tokens = m_fx->sim()->count(tokenRoute(QStringLiteral("oneapi-secret")));
        const qint64 sent = m_fx->sim()->count(route);
        const qint64 refused = m_fx->sim()->count(route + QStringLiteral("#401"));
        // Registering the same credential again revokes its tokens server-side.
        m_fx->registerWithSim(sc);
        int ok = 0, answered = 0;
        QObject ctx;
        for (int i = 0; i < 10; ++i)
            stack.caller.call(id, probe(id, &stack), &ctx, [&](const HttpResponse &r) {
                ++answered;
                ok += r.status == 200;
            });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 10, 30000);
        QCOMPARE(ok, 10);
        // As the simulator counted them: each of the ten went out with the revoked token (all
        // ten took it from the cache before any answer came back) and was refused exactly once,
        // then sent once more with the new token; the ten 401s share ONE new token request.
        QCOMPARE(m_fx->sim()->count(route + QStringLiteral("#401")) - refused, qint64(10));
        QCOMPARE(m_fx->sim()->count(route) - sent, qint64(20));
        QCOMPARE(m_fx->sim()->count(tokenRoute(QStringLiteral("oneapi-secret"))) - tokens, qint64(1));
        QCOMPARE(stack.broker.tokenRequests(), 2);
        ApiError e;
        m_seen.insert(stack.token(id, &e).value);
    }

    void persistent401IsSurfacedNotLooped()
    {
        // A key the server never accepts: one re-read and retry, then the error (no loop).
        const QString id = m_fx->addClient(QStringLiteral("loop apptotal"), m_fx->demoClient(QStringLiteral("apptotal-key")),
                                           {{QStringLiteral("apiKey"), QByteArray("NeverValidKey-0123456789")}});
        zctest::AuthStack stack(m_fx->secrets());
        stack.add(m_fx->store(), id);
        const qint64 before = m_fx->sim()->count(QStringLiteral("GET /v1/apps/app"));
        const HttpResponse r = stack.call(id, probe(id, &stack));
        QCOMPARE(r.error.kind, ErrorKind::Authentication);
        const qint64 sent = m_fx->sim()->count(QStringLiteral("GET /v1/apps/app")) - before;
        QVERIFY2(sent <= 2, qPrintable(QString::number(sent)));
        QCOMPARE(stack.broker.tokenRequests(), 2);
    }

    void ziaSessionIdleExpiryRecovered()
    {
        m_fx->sim()->setKnobs({{QStringLiteral("ziaSessionIdleSeconds"), 2}});
        const QString id = m_good.value(QStringLiteral("zia-legacy"));
        QCOMPARE(m_stack->call(id, probe(id)).status, 200);
        const qint64 sessions = m_fx->sim()->count(tokenRoute(QStringLiteral("zia-legacy")));
        // The server's clock moves past the idle time (nothing else does): it ends the session,
        // our side still thinks it lives.
        m_fx->sim()->advanceClock(2001);
        const HttpResponse r = m_stack->call(id, probe(id));
        QCOMPARE(r.status, 200);
        QCOMPARE(m_fx->sim()->count(tokenRoute(QStringLiteral("zia-legacy"))) - sessions, qint64(1));
        m_fx->sim()->setKnobs({{QStringLiteral("ziaSessionIdleSeconds"), 300}});
        remember(id);
    }

    void privateKeyJwtForeignKeyRefused()
    {
        // Signature check passed for the demo key (success); a client whose key the server does
        // not hold is refused with the server's reason.
        const QJsonObject sc = m_fx->registerWithSim({{QStringLiteral("kind"), QStringLiteral("oneapi-jwt")}});
        QVERIFY(sc.value(QStringLiteral("privateKey")).toString().contains(QLatin1String("PRIVATE KEY")));
        const QString good = m_fx->addClient(QStringLiteral("jwt own key"), sc);
        const QString bad = m_fx->addClient(QStringLiteral("jwt foreign key"), sc, {{QStringLiteral("privateKey"), m_foreignKey}});
        m_stack->add(m_fx->store(), good);
        m_stack->add(m_fx->store(), bad);
        ApiError e;
        QVERIFY(!m_stack->token(good, &e).isNull());
        QVERIFY2(!e, qPrintable(e.toString()));
        QVERIFY(m_stack->token(bad, &e).isNull());
        QCOMPARE(e.kind, ErrorKind::Authentication);
        QVERIFY2(e.message.contains(QLatin1String("signature")), qPrintable(e.message));
        remember(good);
    }

    void tokenJsonFieldNames()
    {
        for (const QString &kind : kTokenKinds) {
            const QString name = QStringLiteral("good ") + kind;
            const auto r = zctest::runCli(m_fx->cliArgs({QStringLiteral("token"), name, QStringLiteral("--json")}));
            QVERIFY2(r.exitCode == 0, qPrintable(kind + QStringLiteral(": ") + QString::fromUtf8(r.err)));
            const QJsonObject o = QJsonDocument::fromJson(r.out).object();
            const QStringList keys = o.keys();
            QCOMPARE(QSet<QString>(keys.begin(), keys.end()),
                     (QSet<QString>{QStringLiteral("access_token"), QStringLiteral("token_type"), QStringLiteral("expires_at")}));
            QVERIFY(!o.value(QStringLiteral("access_token")).toString().isEmpty());
            m_seen.insert(o.value(QStringLiteral("access_token")).toString().toLatin1());
            QCOMPARE(o.value(QStringLiteral("token_type")).toString(),
                     kind == QLatin1String("zia-legacy") ? QStringLiteral("JSESSIONID") : QStringLiteral("Bearer"));
            const QDateTime at = QDateTime::fromString(o.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
            QVERIFY(at.isValid() && at > QDateTime::currentDateTimeUtc());
            QVERIFY(o.value(QStringLiteral("expires_at")).toString().endsWith(QLatin1Char('Z')));
            // Plain: the token alone on stdout. A second run reuses the keychain-cached token.
            const auto plain = zctest::runCli(m_fx->cliArgs({QStringLiteral("token"), name}));
            QCOMPARE(plain.exitCode, 0);
            QCOMPARE(plain.out.trimmed(), o.value(QStringLiteral("access_token")).toString().toLatin1());
        }
        const auto key = zctest::runCli(m_fx->cliArgs({QStringLiteral("token"), QStringLiteral("good apptotal-key")}));
        QCOMPARE(key.exitCode, 2);
        QVERIFY(key.err.contains("static"));
        const auto help = zctest::runCli({QStringLiteral("token"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("expires_at") && help.out.contains("Exit codes"));
        const auto thelp = zctest::runCli({QStringLiteral("client"), QStringLiteral("test"), QStringLiteral("--help")});
        QCOMPARE(thelp.exitCode, 0);
        QVERIFY(thelp.out.contains("/api/v1/status"));
    }

    void cliDebugLogsCarryNoSecrets()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        QByteArray all;
        for (const QString &name : {QStringLiteral("good zia-legacy"), QStringLiteral("good oneapi-jwt"),
                                    QStringLiteral("wrong zpa-legacy"), QStringLiteral("good apptotal-key"),
                                    QStringLiteral("good sandbox-token")}) {
            const auto r = zctest::runCli(m_fx->cliArgs({QStringLiteral("client"), QStringLiteral("test"), name,
                                                         QStringLiteral("--no-token-cache")}),
                                          {}, 60000, env);
            QVERIFY(r.finished);
            all += r.err + r.out;
        }
        QVERIFY(all.contains("zconsole.net")); // debug logging was on
        for (const QByteArray &s : m_fx->secretValues())
            QVERIFY2(!all.contains(s), "a secret reached the CLI's log");
    }

    void zzNoSecretInAnyLogLine()
    {
        QStringList lines;
        {
            QMutexLocker lock(&g_logMutex);
            // The simulator runs in this process and is the server: it receives the secrets by
            // design, and Qt's HTTP server logs its requests (qt.httpserver). Those lines are
            // the server's, not zconsole's; every other category (zconsole.*, qt.network.*, …)
            // is checked.
            for (const QString &l : std::as_const(g_log))
                if (!l.startsWith(QLatin1String("qt.httpserver")) && !l.startsWith(QLatin1String("zsim")))
                    lines << l;
        }
        QVERIFY2(lines.size() > 50, qPrintable(QString::number(lines.size())));
        bool sawNet = false, sawAuth = false, sawFailure = false;
        for (const QString &l : lines) {
            sawNet |= l.startsWith(QLatin1String("zconsole.net"));
            sawAuth |= l.startsWith(QLatin1String("zconsole.auth"));
            sawFailure |= l.contains(QLatin1String("failed")) || l.contains(QLatin1String("refused"));
        }
        QVERIFY(sawNet && sawAuth && sawFailure);
        QSet<QByteArray> needles = m_seen + m_fx->secretValues();
        needles.remove(QByteArray());
        QVERIFY(needles.size() >= 20);
        for (const QByteArray &n : std::as_const(needles)) {
            // Long needles only: a PEM key is checked by its base64 body lines.
            QList<QByteArray> parts;
            if (n.contains("PRIVATE KEY")) {
                for (const QByteArray &line : n.split('\n'))
                    if (line.size() >= 40 && !line.startsWith("-----"))
                        parts << line;
            } else {
                parts << n;
            }
            for (const QByteArray &p : std::as_const(parts))
                for (const QString &l : std::as_const(lines))
                    QVERIFY2(!l.toUtf8().contains(p), qPrintable(QStringLiteral("secret material in: ") + l.left(120)));
        }
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previous);
        m_stack.reset();
        m_fx.reset();
    }
};

QTEST_GUILESS_MAIN(TestAuthSchemes)
#include "tst_auth_schemes.moc"
