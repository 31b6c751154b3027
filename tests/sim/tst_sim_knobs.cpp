// Knobs and fault injection: 429 in both formats, 409, read-only mode, session and token expiry,
// reset/truncate/latency/5xx faults, reproducible probabilistic faults, counters, control routes.
#include "SimTestUtil.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTest>
#include <QThread>



class TestSimKnobs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void rateLimitZpaFormat();
    void rateLimitZiaFormat();
    void conflictBothFormats();
    void readOnlyMode();
    void ziaSessionIdleExpiry();
    void tokenExpiry();
    void resetFault();
    void truncateFault();
    void latencyDoesNotBlock();
    void serverErrors();
    void probabilisticFaultsReproducible();
    void nthAndCount();
    void countersAndControlRoutes();
    void unknownPath();
    void readmeListsEveryRouteKey();
    void cleanupTestCase();

private:
    QString zpaList() const { return m_client->zpaBase(true) + QStringLiteral("/application?pagesize=1"); }
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    std::unique_ptr<SimClient> m_client;
    QByteArray m_token;
};

void TestSimKnobs::initTestCase()
{
    zsim::SimOptions o;
    o.segments = 200;
    o.seed = 42;
    m_sim = startSim(o);
    QVERIFY(m_sim);
    // Windows, idle times and lifetimes go by the simulator's clock; frozen, it moves only when a
    // test advances it, so a slow machine cannot empty a window or end a session early.
    m_sim->sim()->freezeClock();
    m_client = std::make_unique<SimClient>(m_sim->sim());
    m_token = m_client->oneApiToken();
    QVERIFY(!m_token.isEmpty());
}

void TestSimKnobs::cleanup()
{
    m_sim->sim()->resetKnobs();
}

void TestSimKnobs::rateLimitZpaFormat()
{
    m_sim->sim()->resetCounters();
    m_sim->sim()->setKnobs({{QStringLiteral("rateLimits"),
                             QJsonObject{{QStringLiteral("zpa.read"), QJsonObject{{QStringLiteral("limit"), 2}, {QStringLiteral("windowSeconds"), 10}}}}}});
    QCOMPARE(m_client->get(zpaList(), SimClient::bearer(m_token)).status, 200);
    QCOMPARE(m_client->get(zpaList(), SimClient::bearer(m_token)).status, 200);
    const HttpResult r = m_client->get(zpaList(), SimClient::bearer(m_token));
    QCOMPARE(r.status, 429);
    const QJsonObject expected{{QStringLiteral("exception"), QStringLiteral("invalid.toomanyrequests")},
                               {QStringLiteral("id"), QStringLiteral("invalid.toomanyrequests")},
                               {QStringLiteral("reason"), QStringLiteral("Exceeded the number of requests allowed.")}};
    QCOMPARE(r.object(), expected);
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^(\\d+)s$")).match(QString::fromLatin1(r.header("retry-after")));
    QVERIFY2(m.hasMatch(), r.header("retry-after").constData());
    QVERIFY2(m.captured(1).toInt() >= 9 && m.captured(1).toInt() <= 10, r.header("retry-after").constData());   // 10 s window just started
    const QString key = QStringLiteral("GET /zpa/mgmtconfig/v1/admin/customers/{customerId}/application");
    QCOMPARE(m_sim->sim()->count(key), 3);
    QCOMPARE(m_sim->sim()->count(key + QStringLiteral("#429")), 1);
    // The legacy host shares the zpa.read window.
    QCOMPARE(m_client->get(m_client->zpaBase(false) + QStringLiteral("/application"), SimClient::bearer(m_client->zpaToken())).status, 429);
}

void TestSimKnobs::rateLimitZiaFormat()
{
    m_sim->sim()->setKnobs({{QStringLiteral("rateLimits"),
                             QJsonObject{{QStringLiteral("GET /zia/api/v1/status"), QJsonObject{{QStringLiteral("limit"), 2}, {QStringLiteral("windowSeconds"), 1}}}}}});
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token)).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token)).status, 200);
    const HttpResult r = m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token));
    QCOMPARE(r.status, 429);
    QCOMPARE(r.header("retry-after"), QByteArray("1"));
    QCOMPARE(r.body, QByteArray("{\"message\":\"Rate Limit (2/SECOND) exceeded\",\"Retry-After\":\"1 seconds\"}"));
    QCOMPARE(r.object().value(QLatin1String("message")).toString(), QStringLiteral("Rate Limit (2/SECOND) exceeded"));
    m_sim->sim()->advanceClock(1000); // the window has passed
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token)).status, 200);
}

void TestSimKnobs::conflictBothFormats()
{
    m_sim->sim()->setKnobs({{QStringLiteral("faults"), QJsonArray{
        QJsonObject{{QStringLiteral("route"), QStringLiteral("PUT /zia/api/v1/urlCategories/{id}")}, {QStringLiteral("kind"), QStringLiteral("409")}, {QStringLiteral("count"), 1}},
        QJsonObject{{QStringLiteral("route"), QStringLiteral("GET /zpa/")}, {QStringLiteral("kind"), QStringLiteral("409")}, {QStringLiteral("count"), 1}}}}});
    const QJsonObject body{{QStringLiteral("configuredName"), QStringLiteral("Allow House Apps")}, {QStringLiteral("urls"), QJsonArray{QStringLiteral("a.example")}}};
    HttpResult r = m_client->putJson(QStringLiteral("/zia/api/v1/urlCategories/CUSTOM_01"), body, SimClient::bearer(m_token));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("code"), QStringLiteral("EDIT_LOCK_NOT_AVAILABLE")}}));
    r = m_client->putJson(QStringLiteral("/zia/api/v1/urlCategories/CUSTOM_01"), body, SimClient::bearer(m_token));
    QCOMPARE(r.status, 200);   // count: 1 -> only the next matching request
    r = m_client->get(zpaList(), SimClient::bearer(m_token));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.object().value(QLatin1String("id")).toString(), QStringLiteral("api.concurrent.access.error"));
    QVERIFY(!r.object().value(QLatin1String("reason")).toString().isEmpty());
    QCOMPARE(m_client->get(zpaList(), SimClient::bearer(m_token)).status, 200);
}

void TestSimKnobs::readOnlyMode()
{
    m_sim->sim()->setKnobs({{QStringLiteral("readOnly"), true}});
    HttpResult r = m_client->postJson(QStringLiteral("/zia/api/v1/urlCategories"),
                                      QJsonObject{{QStringLiteral("configuredName"), QStringLiteral("RO test")}}, SimClient::bearer(m_token));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.header("x-zscaler-mode"), QByteArray("read-only"));
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("code"), QStringLiteral("STATE_READONLY")},
                                      {QStringLiteral("message"), QStringLiteral("The API service is undergoing a scheduled upgrade and is in read-only mode.")}}));
    r = m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-zscaler-mode"), QByteArray("read-only"));
    r = m_client->send("DELETE", m_client->zpaBase(true) + QStringLiteral("/application/1"), {}, SimClient::bearer(m_token));
    QCOMPARE(r.status, 403);
    QCOMPARE(m_client->get(zpaList(), SimClient::bearer(m_token)).status, 200);

    m_sim->sim()->setKnobs({{QStringLiteral("readOnly"), false}});
    r = m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token));
    QCOMPARE(r.header("x-zscaler-mode"), QByteArray("read-write"));
    r = m_client->send("DELETE", m_client->zpaBase(true) + QStringLiteral("/application/1"), {}, SimClient::bearer(m_token));
    QCOMPARE(r.status, 404);   // past the read-only gate now
}

void TestSimKnobs::ziaSessionIdleExpiry()
{
    m_sim->sim()->setKnobs({{QStringLiteral("ziaSessionIdleSeconds"), 1}});
    const QJsonObject c = m_client->demoClient(QStringLiteral("zia-legacy"));
    const qint64 ts = QDateTime::currentMSecsSinceEpoch();
    SimClient session(m_sim->sim());   // own cookie jar
    HttpResult r = session.postJson(QStringLiteral("/api/v1/authenticatedSession"), QJsonObject{
        {QStringLiteral("apiKey"), testObfuscate(c.value(QLatin1String("apiKey")).toString(), ts)},
        {QStringLiteral("username"), c.value(QLatin1String("username"))},
        {QStringLiteral("password"), c.value(QLatin1String("password"))},
        {QStringLiteral("timestamp"), QString::number(ts)}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("set-cookie").startsWith("JSESSIONID="));
    QCOMPARE(session.get(QStringLiteral("/api/v1/status")).status, 200);
    r = session.putJson(QStringLiteral("/api/v1/urlCategories/CUSTOM_03?action=ADD_TO_LIST"),
                        QJsonObject{{QStringLiteral("urls"), QJsonArray{QStringLiteral("idle.example")}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(session.get(QStringLiteral("/api/v1/status")).object().value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
    m_sim->sim()->advanceClock(1001); // idle for just over the idle time
    r = session.get(QStringLiteral("/api/v1/status"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(QLatin1String("code")).toString(), QStringLiteral("SESSION_NOT_VALID"));
    // The session timed out, which activates its pending changes.
    r = m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token));
    QCOMPARE(r.object().value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
}

void TestSimKnobs::tokenExpiry()
{
    m_sim->sim()->setKnobs({{QStringLiteral("tokenLifetimeSeconds"), 1}});
    SimClient fresh(m_sim->sim());
    const QByteArray token = fresh.oneApiToken();
    QCOMPARE(m_sim->sim()->knobs().value(QLatin1String("tokenLifetimeSeconds")).toInt(), 1);
    QCOMPARE(fresh.get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(token)).status, 200);
    m_sim->sim()->advanceClock(999);
    QCOMPARE(fresh.get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(token)).status, 200); // still valid
    m_sim->sim()->advanceClock(1); // its lifetime is over
    const HttpResult r = fresh.get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(token));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(QLatin1String("detail")).toString(), QStringLiteral("unauthorized"));
}

void TestSimKnobs::resetFault()
{
    m_sim->sim()->setKnobs({{QStringLiteral("faults"), QJsonArray{QJsonObject{
        {QStringLiteral("route"), QStringLiteral("GET /zia/api/v1/urlCategories")}, {QStringLiteral("kind"), QStringLiteral("reset")}, {QStringLiteral("count"), 1}}}}});
    const HttpResult r = m_client->get(QStringLiteral("/zia/api/v1/urlCategories"), SimClient::bearer(m_token));
    QVERIFY2(r.error != QNetworkReply::NoError, qPrintable(r.describe()));
    QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError || r.error == QNetworkReply::UnknownNetworkError
                 || r.error == QNetworkReply::ProtocolFailure, qPrintable(r.describe()));
    QVERIFY(!r.isJson() || r.array().size() < 5);
    QCOMPARE(m_sim->sim()->count(QStringLiteral("GET /zia/api/v1/urlCategories#reset")), 1);
    // The next request works on a new connection.
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/urlCategories"), SimClient::bearer(m_token)).status, 200);
}

void TestSimKnobs::truncateFault()
{
    m_sim->sim()->setKnobs({{QStringLiteral("faults"), QJsonArray{QJsonObject{
        {QStringLiteral("route"), QStringLiteral("GET /zia/api/v1/urlCategories")}, {QStringLiteral("kind"), QStringLiteral("truncate")}, {QStringLiteral("count"), 1}}}}});
    const HttpResult r = m_client->get(QStringLiteral("/zia/api/v1/urlCategories"), SimClient::bearer(m_token));
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.size() > 100);
    QVERIFY(!r.isJson());
    QCOMPARE(r.header("content-length").toInt(), r.body.size());
}

void TestSimKnobs::latencyDoesNotBlock()
{
    m_sim->sim()->setKnobs({{QStringLiteral("latencyMs"), 300}});
    HttpResult r = m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.elapsedMs >= 300, qPrintable(QString::number(r.elapsedMs)));
    m_sim->sim()->resetKnobs();

    // A slow route (latency fault) does not hold up another request on another connection.
    m_sim->sim()->setKnobs({{QStringLiteral("faults"), QJsonArray{QJsonObject{
        {QStringLiteral("route"), QStringLiteral("GET /zia/api/v1/status")}, {QStringLiteral("kind"), QStringLiteral("latency")}, {QStringLiteral("ms"), 1500}}}}});
    SimClient other(m_sim->sim());
    // Its connection is open before the slow request goes, so the quick one costs one round trip.
    QCOMPARE(other.get(QStringLiteral("/zia/api/v1/eusaStatus/latest"), SimClient::bearer(m_token)).status, 200);
    QNetworkRequest slowReq(QUrl(m_sim->sim()->baseUrl() + QStringLiteral("/zia/api/v1/status")));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromData(m_sim->sim()->caCertificatePem(), QSsl::Pem));
    slowReq.setSslConfiguration(ssl);
    slowReq.setRawHeader("Authorization", "Bearer " + m_token);
    QElapsedTimer t;
    t.start();
    QNetworkReply *slow = m_client->nam().get(slowReq);
    // The slow request is at the server (its reply held back) before the quick one goes.
    QTRY_COMPARE_WITH_TIMEOUT(m_sim->sim()->count(QStringLiteral("GET /zia/api/v1/status#latency")), 1, 30'000);
    r = other.get(QStringLiteral("/zia/api/v1/eusaStatus/latest"), SimClient::bearer(m_token));
    QCOMPARE(r.status, 200);
    QVERIFY(!slow->isFinished()); // the quick request was answered while the slow one waits
    QTRY_VERIFY_WITH_TIMEOUT(slow->isFinished(), 30'000);
    QVERIFY(t.elapsed() >= 1500); // a lower bound (a busy machine only adds to it; < 2 s keeps Qt's timer precise)
    QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete slow;
}

void TestSimKnobs::serverErrors()
{
    m_sim->sim()->setKnobs({{QStringLiteral("faults"), QJsonArray{
        QJsonObject{{QStringLiteral("route"), QStringLiteral("GET /zia/api/v1/status")}, {QStringLiteral("kind"), QStringLiteral("5xx")}, {QStringLiteral("count"), 1}},
        QJsonObject{{QStringLiteral("route"), QStringLiteral("GET /zpa/")}, {QStringLiteral("kind"), QStringLiteral("5xx")}, {QStringLiteral("status"), 500}, {QStringLiteral("count"), 1}}}}});
    HttpResult r = m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token));
    QCOMPARE(r.status, 503);
    QCOMPARE(r.object().value(QLatin1String("code")).toString(), QStringLiteral("SERVICE_UNAVAILABLE"));
    r = m_client->get(zpaList(), SimClient::bearer(m_token));
    QCOMPARE(r.status, 500);
    QCOMPARE(r.object().value(QLatin1String("id")).toString(), QStringLiteral("internal.server.error"));
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token)).status, 200);
}

static QString failurePattern(SimClient &client, const QByteArray &token, int n)
{
    QString pattern;
    for (int i = 0; i < n; ++i)
        pattern += client.get(QStringLiteral("/zia/api/v1/eusaStatus/latest"), SimClient::bearer(token)).status == 200 ? QLatin1Char('.') : QLatin1Char('X');
    return pattern;
}

void TestSimKnobs::probabilisticFaultsReproducible()
{
    const QJsonObject knobs{{QStringLiteral("faults"), QJsonArray{QJsonObject{
        {QStringLiteral("route"), QStringLiteral("GET /zia/api/v1/eusaStatus/latest")}, {QStringLiteral("kind"), QStringLiteral("5xx")},
        {QStringLiteral("probability"), 0.3}}}}};
    m_sim->sim()->setKnobs(knobs);
    const QString first = failurePattern(*m_client, m_token, 40);
    m_sim->sim()->setKnobs(knobs);   // setting the faults again restarts their PRNG
    const QString second = failurePattern(*m_client, m_token, 40);
    QCOMPARE(second, first);
    const int failures = int(first.count(QLatin1Char('X')));
    QVERIFY2(failures >= 3 && failures <= 25, qPrintable(first));

    // Another simulator with the same seed gives the same sequence; another seed does not.
    zsim::SimOptions same;
    same.segments = 10;
    same.seed = 42;
    same.knobs = knobs;
    auto twin = startSim(same);
    QVERIFY(twin);
    SimClient twinClient(twin->sim());
    QCOMPARE(failurePattern(twinClient, twinClient.oneApiToken(), 40), first);
    zsim::SimOptions other = same;
    other.seed = 43;
    auto stranger = startSim(other);
    QVERIFY(stranger);
    SimClient strangerClient(stranger->sim());
    QVERIFY(failurePattern(strangerClient, strangerClient.oneApiToken(), 40) != first);
}

void TestSimKnobs::nthAndCount()
{
    m_sim->sim()->setKnobs({{QStringLiteral("faults"), QJsonArray{QJsonObject{
        {QStringLiteral("route"), QStringLiteral("*")}, {QStringLiteral("kind"), QStringLiteral("429")}, {QStringLiteral("nth"), QJsonArray{2, 4}}}}}});
    QCOMPARE(failurePattern(*m_client, m_token, 6), QStringLiteral(".X.X.."));
    m_sim->sim()->setKnobs({{QStringLiteral("faults"), QJsonArray{QJsonObject{
        {QStringLiteral("route"), QStringLiteral("/zia/api/v1/eusa")}, {QStringLiteral("kind"), QStringLiteral("409")}, {QStringLiteral("count"), 2}}}}});
    QCOMPARE(failurePattern(*m_client, m_token, 4), QStringLiteral("XX.."));
}

void TestSimKnobs::countersAndControlRoutes()
{
    m_sim->sim()->resetCounters();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(m_token)).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer("nope")).status, 401);
    QCOMPARE(m_sim->sim()->count(QStringLiteral("GET /zia/api/v1/status")), 4);
    QCOMPARE(m_sim->sim()->count(QStringLiteral("GET /zia/api/v1/status#401")), 1);

    HttpResult r = m_client->get(QStringLiteral("/__sim/counters"));
    QCOMPARE(r.status, 403);
    r = m_client->get(QStringLiteral("/__sim/counters"), m_client->control());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("GET /zia/api/v1/status")).toInt(), 4);

    r = m_client->postJson(QStringLiteral("/__sim/knobs"), QJsonObject{{QStringLiteral("latencyMs"), 5}}, m_client->control());
    QCOMPARE(r.status, 200);
    QCOMPARE(m_sim->sim()->knobs().value(QLatin1String("latencyMs")).toInt(), 5);
    r = m_client->postJson(QStringLiteral("/__sim/knobs"), QJsonObject{{QStringLiteral("latencyMsTypo"), 5}}, m_client->control());
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value(QLatin1String("error")).toString().contains(QLatin1String("latencyMsTypo")));
    r = m_client->postJson(QStringLiteral("/__sim/knobs"), QJsonObject{{QStringLiteral("faults"), QJsonArray{QJsonObject{{QStringLiteral("route"), QStringLiteral("*")}, {QStringLiteral("kind"), QStringLiteral("boom")}}}}}, m_client->control());
    QCOMPARE(r.status, 400);
    r = m_client->send("POST", QStringLiteral("/__sim/reset-knobs"), "{}", m_client->control());
    QCOMPARE(r.object().value(QLatin1String("latencyMs")).toInt(), 0);
    r = m_client->get(QStringLiteral("/__sim/demo-profile"), m_client->control());
    QCOMPARE(r.object().value(QLatin1String("clients")).toArray().size(), 8);
    r = m_client->send("POST", QStringLiteral("/__sim/reset-counters"), "{}", m_client->control());
    QCOMPARE(r.status, 200);
    QCOMPARE(m_sim->sim()->count(QStringLiteral("GET /zia/api/v1/status")), 0);
}

void TestSimKnobs::unknownPath()
{
    const HttpResult r = m_client->get(QStringLiteral("/no/such/thing?x=1"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value(QLatin1String("path")).toString(), QStringLiteral("/no/such/thing"));
    QCOMPARE(m_client->send("PATCH", QStringLiteral("/zia/api/v1/status"), "{}").status, 405);
}

void TestSimKnobs::readmeListsEveryRouteKey()
{
    const HttpResult r = m_client->get(QStringLiteral("/__sim/routes"), m_client->control());
    QCOMPARE(r.status, 200);
    QStringList served;
    for (const QJsonValue &v : r.array())
        served.append(v.toString());
    QVERIFY(served.contains(QStringLiteral("GET /zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{id}")));
    QVERIFY(served.contains(QStringLiteral("POST /api/v1/authenticatedSession")));
    QFile readme(QStringLiteral(ZC_SOURCE_DIR "/src/sim/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype from = text.indexOf(QLatin1String("<!-- route-keys:begin -->"));
    const qsizetype to = text.indexOf(QLatin1String("<!-- route-keys:end -->"));
    QVERIFY(from >= 0 && to > from);
    QStringList documented;
    for (const QString &line : text.mid(from, to - from).split(QLatin1Char('\n'))) {
        const QString key = line.trimmed();
        if (QRegularExpression(QStringLiteral("^(GET|POST|PUT|DELETE) /")).match(key).hasMatch())
            documented.append(key);
    }
    QStringList missing, stale;
    for (const QString &k : served)
        if (!documented.contains(k))
            missing.append(k);
    for (const QString &k : documented)
        if (!served.contains(k))
            stale.append(k);
    for (const QString &k : std::as_const(missing))
        qWarning("route key missing from src/sim/README.md: %s", qPrintable(k));
    for (const QString &k : std::as_const(stale))
        qWarning("src/sim/README.md lists an unknown route key: %s", qPrintable(k));
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 route keys not in README").arg(missing.size())));
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("%1 unknown route keys in README").arg(stale.size())));
}

void TestSimKnobs::cleanupTestCase()
{
    m_client.reset();
    m_sim.reset();
}

QTEST_GUILESS_MAIN(TestSimKnobs)
#include "tst_sim_knobs.moc"
