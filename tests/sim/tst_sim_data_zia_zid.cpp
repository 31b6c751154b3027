// sim_data, ZIA and ZIdentity part: API clients and secrets, activation, sessions, /urlLookup.
#include "tst_sim_data.h"

#include <QDateTime>
#include <QTest>
#include <QUrl>

void TestSimData::zidentityClientsAndEnvelope()
{
    const QString base = QStringLiteral("/ziam/admin/api/v1/api-clients");
    HttpResult r = m_client->get(base + QStringLiteral("?limit=5"), auth());
    QCOMPARE(r.status, 200);
    QJsonObject o = r.object();
    const int total = o.value(QLatin1String("totalRecord")).toInt();
    QVERIFY(total >= 14);
    QCOMPARE(o.value(QLatin1String("results_total")).toInt(), total);
    QCOMPARE(o.value(QLatin1String("records")).toArray().size(), 5);
    QCOMPARE(o.value(QLatin1String("pageSize")).toInt(), 5);
    const QUrl next(o.value(QLatin1String("next_link")).toString());
    QCOMPARE(next.path(), base);
    QVERIFY(next.query().contains(QLatin1String("offset=5")));
    r = m_client->get(base + QLatin1Char('?') + next.query(), auth());
    QCOMPARE(r.object().value(QLatin1String("pageOffset")).toInt(), 5);
    QVERIFY(r.object().contains(QLatin1String("prev_link")));
    QCOMPARE(m_client->get(base + QStringLiteral("?limit=1001"), auth()).status, 400);
    r = m_client->get(base + QStringLiteral("?name%5Blike%5D=terraform"), auth());
    QCOMPARE(r.object().value(QLatin1String("totalRecord")).toInt(), 1);

    // Create, read, disable (no more tokens), delete.
    r = m_client->postJson(base, QJsonObject{{QStringLiteral("name"), QStringLiteral("sim_data client ✓")}, {QStringLiteral("status"), true},
                                             {QStringLiteral("accessTokenLifeTime"), 900}}, auth());
    QCOMPARE(r.status, 201);
    const QString id = r.object().value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());
    r = m_client->postJson(base + QLatin1Char('/') + id + QStringLiteral("/secrets"), QJsonObject{
        {QStringLiteral("expiresAt"), QString::number(QDateTime::currentSecsSinceEpoch() + 40 * 86400)}}, auth());
    QCOMPARE(r.status, 201);
    const QString secret = r.object().value(QLatin1String("value")).toString();
    const auto token = [&] {
        return m_client->postForm(QStringLiteral("/oauth2/v1/token"), {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                                                      {QStringLiteral("client_id"), id}, {QStringLiteral("client_secret"), secret},
                                                                      {QStringLiteral("audience"), QStringLiteral("https://api.zscaler.com")}});
    };
    r = token();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("expires_in")).toInt(), 900);
    r = m_client->putJson(base + QLatin1Char('/') + id, QJsonObject{{QStringLiteral("name"), QStringLiteral("sim_data client ✓")}, {QStringLiteral("status"), false}}, auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("status")).toBool(), false);
    QCOMPARE(token().status, 401);
    QCOMPARE(m_client->del(base + QLatin1Char('/') + id, auth()).status, 204);
    QCOMPARE(m_client->get(base + QLatin1Char('/') + id, auth()).status, 404);

    r = m_client->get(QStringLiteral("/ziam/admin/api/v1/resource-servers"), auth());
    QCOMPARE(r.object().value(QLatin1String("totalRecord")).toInt(), 2);
    const QJsonObject rs = r.object().value(QLatin1String("records")).toArray().first().toObject();
    QCOMPARE(rs.value(QLatin1String("primaryAud")).toString(), QStringLiteral("https://api.zscaler.com"));
    QVERIFY(!rs.value(QLatin1String("serviceScopes")).toArray().first().toObject().value(QLatin1String("scopes")).toArray().isEmpty());
}

void TestSimData::zidentitySecretRules()
{
    const QString id = m_client->demoClient(QStringLiteral("oneapi-secret")).value(QLatin1String("clientId")).toString();
    const QString secrets = QStringLiteral("/ziam/admin/api/v1/api-clients/%1/secrets").arg(id);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto create = [&](qint64 days) {
        return m_client->postJson(secrets, QJsonObject{{QStringLiteral("expiresAt"), QString::number(now + days * 86400)}}, auth());
    };
    QCOMPARE(create(29).status, 400);
    QCOMPARE(create(366).status, 400);
    HttpResult list = m_client->get(secrets, auth());
    QCOMPARE(list.array().size(), 1);
    const QString original = list.array().first().toObject().value(QLatin1String("id")).toString();

    HttpResult r = create(30);
    QCOMPARE(r.status, 201);
    QVERIFY(r.object().value(QLatin1String("value")).toString().size() >= 32);
    const QString second = r.object().value(QLatin1String("id")).toString();
    list = m_client->get(secrets, auth());
    QCOMPARE(list.array().size(), 2);
    for (const QJsonValue &s : list.array())
        QVERIFY(!s.toObject().contains(QLatin1String("value")));   // shown only on create

    r = create(365);   // a third secret replaces the most recent one
    QCOMPARE(r.status, 201);
    const QString third = r.object().value(QLatin1String("id")).toString();
    const QString thirdValue = r.object().value(QLatin1String("value")).toString();
    list = m_client->get(secrets, auth());
    QStringList ids;
    for (const QJsonValue &s : list.array())
        ids.append(s.toObject().value(QLatin1String("id")).toString());
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids.contains(original));
    QVERIFY(ids.contains(third));
    QVERIFY(!ids.contains(second));
    r = m_client->postForm(QStringLiteral("/oauth2/v1/token"), {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                                               {QStringLiteral("client_id"), id}, {QStringLiteral("client_secret"), thirdValue},
                                                               {QStringLiteral("audience"), QStringLiteral("https://api.zscaler.com")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(m_client->del(secrets + QLatin1Char('/') + third, auth()).status, 204);
    QCOMPARE(m_client->del(secrets + QLatin1Char('/') + third, auth()).status, 404);
    QCOMPARE(m_client->get(secrets, auth()).array().size(), 1);

    // Generated clients: some secrets already expired, some within 7 days, some months away.
    const QJsonArray records = m_client->get(QStringLiteral("/ziam/admin/api/v1/api-clients?limit=100"), auth()).object().value(QLatin1String("records")).toArray();
    int expired = 0, soon = 0, later = 0;
    for (const QJsonValue &c : records) {
        const QString cid = c.toObject().value(QLatin1String("id")).toString();
        for (const QJsonValue &s : m_client->get(QStringLiteral("/ziam/admin/api/v1/api-clients/%1/secrets").arg(cid), auth()).array()) {
            const qint64 left = s.toObject().value(QLatin1String("expiresAt")).toString().toLongLong() - now;
            left < 0 ? ++expired : left < 7 * 86400 ? ++soon : left > 60 * 86400 ? ++later : 0;
        }
    }
    QVERIFY(expired >= 2);
    QVERIFY(soon >= 3);
    QVERIFY(later >= 3);
}

void TestSimData::activationStateMachine()
{
    m_sim->sim()->setKnobs({{QStringLiteral("activationSeconds"), 1}});
    QCOMPARE(m_client->send("POST", QStringLiteral("/zia/api/v1/status/activate"), "{}", auth()).object().value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
    const HttpResult put = m_client->putJson(QStringLiteral("/zia/api/v1/urlCategories/CUSTOM_02?action=ADD_TO_LIST"),
                                             QJsonObject{{QStringLiteral("urls"), QJsonArray{QStringLiteral("new.sim-data.example")}}}, auth());
    QCOMPARE(put.status, 200);
    QVERIFY(put.object().value(QLatin1String("urls")).toArray().contains(QStringLiteral("new.sim-data.example")));
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), auth()).object().value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
    HttpResult r = m_client->send("POST", QStringLiteral("/zia/api/v1/status/activate"), "{}", auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("status")).toString(), QStringLiteral("INPROGRESS"));
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), auth()).object().value(QLatin1String("status")).toString(), QStringLiteral("INPROGRESS"));
    m_sim->sim()->advanceClock(999);
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), auth()).object().value(QLatin1String("status")).toString(), QStringLiteral("INPROGRESS"));
    m_sim->sim()->advanceClock(1); // activationSeconds = 1 have passed
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), auth()).object().value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
    m_sim->sim()->resetKnobs();
}

void TestSimData::sessionEndActivates()
{
    const QJsonObject c = m_client->demoClient(QStringLiteral("zia-legacy"));
    const qint64 ts = QDateTime::currentMSecsSinceEpoch();
    SimClient session(m_sim->sim());
    QCOMPARE(session.postJson(QStringLiteral("/api/v1/authenticatedSession"), QJsonObject{
        {QStringLiteral("apiKey"), testObfuscate(c.value(QLatin1String("apiKey")).toString(), ts)},
        {QStringLiteral("username"), c.value(QLatin1String("username"))}, {QStringLiteral("password"), c.value(QLatin1String("password"))},
        {QStringLiteral("timestamp"), QString::number(ts)}}).status, 200);
    HttpResult r = session.postJson(QStringLiteral("/api/v1/urlCategories"), QJsonObject{{QStringLiteral("configuredName"), QStringLiteral("Session test — ✓")},
                                                                                         {QStringLiteral("urls"), QJsonArray{QStringLiteral("s.example")}}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.object().value(QLatin1String("id")).toString().startsWith(QLatin1String("CUSTOM_")));
    QCOMPARE(session.postJson(QStringLiteral("/api/v1/urlCategories"), QJsonObject{{QStringLiteral("configuredName"), QStringLiteral("Session test — ✓")}}).status, 409);
    QCOMPARE(session.get(QStringLiteral("/api/v1/status")).object().value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
    r = session.del(QStringLiteral("/api/v1/authenticatedSession"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), auth()).object().value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(session.get(QStringLiteral("/api/v1/status")).status, 401);
}

void TestSimData::urlLookupLimits()
{
    QJsonArray many;
    for (int i = 0; i < 101; ++i)
        many.append(QStringLiteral("site%1.example").arg(i));
    HttpResult r = m_client->postJson(QStringLiteral("/zia/api/v1/urlLookup"), many, auth());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QLatin1String("code")).toString(), QStringLiteral("INVALID_INPUT_ARGUMENT"));
    QCOMPARE(m_client->postJson(QStringLiteral("/zia/api/v1/urlLookup"), QJsonArray{QString(1025, QLatin1Char('a'))}, auth()).status, 400);
    many.removeLast();
    r = m_client->postJson(QStringLiteral("/zia/api/v1/urlLookup"), many, auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.array().size(), 100);
    QCOMPARE(m_client->postJson(QStringLiteral("/zia/api/v1/urlLookup"), many, auth()).array(), r.array());
    r = m_client->postJson(QStringLiteral("/zia/api/v1/urlLookup"), QJsonArray{QStringLiteral("google.com"), QStringLiteral("malware.example")}, auth());
    QCOMPARE(r.array().at(0).toObject().value(QLatin1String("urlClassifications")).toArray().first().toString(), QStringLiteral("WEB_SEARCH"));
    QCOMPARE(r.array().at(1).toObject().value(QLatin1String("urlClassificationsWithSecurityAlert")).toArray().first().toString(), QStringLiteral("MALWARE_SITE"));
}
