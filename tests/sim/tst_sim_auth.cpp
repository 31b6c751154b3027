// Every token and auth endpoint of the simulator: success and refusal paths.
#include "SimTestUtil.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace {

// RS256 signing written here with OpenSSL EVP directly (shares no code with src/sim or the client).
QByteArray b64url(const QByteArray &d)
{
    return d.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray signJwt(const QByteArray &privatePem, const QJsonObject &payload)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + b64url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    BIO *bio = BIO_new_mem_buf(privatePem.constData(), int(privatePem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key)
        return {};
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t len = 0;
    QByteArray sig;
    if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) == 1) {
        sig.resize(qsizetype(len));
        EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
        sig.resize(qsizetype(len));
    }
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    return input + '.' + b64url(sig);
}

void newRsaKey(QByteArray *priv, QByteArray *pub)
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
    BIO *a = BIO_new(BIO_s_mem());
    BIO *b = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(a, key, nullptr, nullptr, 0, nullptr, nullptr);
    PEM_write_bio_PUBKEY(b, key);
    char *data = nullptr;
    long n = BIO_get_mem_data(a, &data);
    *priv = QByteArray(data, n);
    n = BIO_get_mem_data(b, &data);
    *pub = QByteArray(data, n);
    BIO_free(a);
    BIO_free(b);
    EVP_PKEY_free(key);
}

QJsonObject jwtPayload(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
}

using Fields = QList<QPair<QString, QString>>;

} // namespace

class TestSimAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oneApiClientSecret();
    void oneApiDisabledClient();
    void oneApiPrivateKeyJwt();
    void zpaSigninAndSignout();
    void ziaLegacySession();
    void ziaExternalIdp();
    void saasSecurityToken();
    void appTotalQuota();
    void sandboxToken();
    void cleanupTestCase();

private:
    HttpResult oneApiForm(const Fields &extra, const QString &clientId);
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    std::unique_ptr<SimClient> m_client;
};

void TestSimAuth::initTestCase()
{
    zsim::SimOptions o;
    o.segments = 50;
    m_sim = startSim(o);
    QVERIFY(m_sim);
    m_client = std::make_unique<SimClient>(m_sim->sim());
}

HttpResult TestSimAuth::oneApiForm(const Fields &extra, const QString &clientId)
{
    Fields f{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
             {QStringLiteral("client_id"), clientId},
             {QStringLiteral("audience"), QStringLiteral("https://api.zscaler.com")}};
    f += extra;
    return m_client->postForm(QStringLiteral("/oauth2/v1/token"), f);
}

void TestSimAuth::oneApiClientSecret()
{
    const QJsonObject c = m_client->demoClient(QStringLiteral("oneapi-secret"));
    const QString id = c.value(QLatin1String("clientId")).toString();
    QCOMPARE(c.value(QLatin1String("tokenUrl")).toString(), m_sim->sim()->baseUrl() + QStringLiteral("/oauth2/v1/token"));
    HttpResult r = oneApiForm({{QStringLiteral("client_secret"), c.value(QLatin1String("secret")).toString()}}, id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QVERIFY(r.object().value(QLatin1String("expires_in")).isDouble());
    QCOMPARE(r.object().value(QLatin1String("expires_in")).toInt(), 3600);
    QVERIFY(!r.header("x-ratelimit-limit").isEmpty());
    const QByteArray token = r.object().value(QLatin1String("access_token")).toString().toLatin1();
    const qint64 exp = qint64(jwtPayload(token).value(QLatin1String("exp")).toDouble());
    QVERIFY(qAbs(exp - (QDateTime::currentSecsSinceEpoch() + 3600)) <= 5);
    r = m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(token));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.header("x-oneapi-request-id").isEmpty());
    QCOMPARE(r.header("x-ratelimit-limit"), QByteArray("5000, 5000;w=60"));

    r = oneApiForm({{QStringLiteral("client_secret"), QStringLiteral("wrong")}}, id);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("invalid_client"));
    QVERIFY(r.object().contains(QLatin1String("error_description")));
    r = oneApiForm({{QStringLiteral("client_secret"), c.value(QLatin1String("secret")).toString()}}, QStringLiteral("nosuchclient"));
    QCOMPARE(r.status, 401);
    // Without an audience the token is issued but the gateway refuses it (see README).
    r = m_client->postForm(QStringLiteral("/oauth2/v1/token"), {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                                               {QStringLiteral("client_id"), id},
                                                               {QStringLiteral("client_secret"), c.value(QLatin1String("secret")).toString()}});
    QCOMPARE(r.status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(r.object().value(QLatin1String("access_token")).toString().toLatin1())).status, 401);
    r = m_client->postForm(QStringLiteral("/oauth2/v1/token"), {{QStringLiteral("grant_type"), QStringLiteral("password")}, {QStringLiteral("client_id"), id}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("unsupported_grant_type"));
}

void TestSimAuth::oneApiDisabledClient()
{
    const QJsonObject c = m_sim->sim()->registerClient({{QStringLiteral("kind"), QStringLiteral("oneapi-secret")}, {QStringLiteral("enabled"), false},
                                                        {QStringLiteral("tokenLifetimeSeconds"), 600}, {QStringLiteral("expiresInAsString"), true}});
    QVERIFY(!c.value(QLatin1String("clientId")).toString().isEmpty());
    QVERIFY(c.value(QLatin1String("secret")).toString().size() >= 32);
    HttpResult r = oneApiForm({{QStringLiteral("client_secret"), c.value(QLatin1String("secret")).toString()}}, c.value(QLatin1String("clientId")).toString());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("invalid_client"));
    // Re-registered as enabled: per-client lifetime and string expires_in apply.
    QJsonObject enabled = c;
    enabled.insert(QStringLiteral("enabled"), true);
    m_sim->sim()->registerClient(enabled);
    r = oneApiForm({{QStringLiteral("client_secret"), c.value(QLatin1String("secret")).toString()}}, c.value(QLatin1String("clientId")).toString());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("expires_in")).toString(), QStringLiteral("600"));
    // Disabled legacy clients are refused too.
    const QJsonObject zpa = m_sim->sim()->registerClient({{QStringLiteral("kind"), QStringLiteral("zpa-legacy")}, {QStringLiteral("enabled"), false}});
    r = m_client->postForm(QStringLiteral("/signin"), {{QStringLiteral("client_id"), zpa.value(QLatin1String("clientId")).toString()},
                                                      {QStringLiteral("client_secret"), zpa.value(QLatin1String("secret")).toString()}});
    QCOMPARE(r.status, 401);
}

void TestSimAuth::oneApiPrivateKeyJwt()
{
    const QJsonObject c = m_client->demoClient(QStringLiteral("oneapi-jwt"));
    const QString id = c.value(QLatin1String("clientId")).toString();
    const QByteArray priv = c.value(QLatin1String("privateKey")).toString().toLatin1();
    QVERIFY(priv.contains("BEGIN PRIVATE KEY"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto claims = [&](const QJsonValue &aud, qint64 exp, const QString &iss) {
        return QJsonObject{{QStringLiteral("iss"), iss}, {QStringLiteral("sub"), id}, {QStringLiteral("aud"), aud}, {QStringLiteral("exp"), exp}};
    };
    const auto tryAssertion = [&](const QByteArray &jwt) {
        return oneApiForm({{QStringLiteral("client_assertion"), QString::fromLatin1(jwt)},
                           {QStringLiteral("client_assertion_type"), QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")}}, id);
    };
    const QString aud = QStringLiteral("https://api.zscaler.com");
    HttpResult r = tryAssertion(signJwt(priv, claims(aud, now + 600, id)));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.object().value(QLatin1String("access_token")).toString().isEmpty());
    r = tryAssertion(signJwt(priv, claims(QString(m_sim->sim()->baseUrl() + QStringLiteral("/oauth2/v1/token")), now + 600, id)));
    QCOMPARE(r.status, 200);   // the token URL is accepted as audience too

    QByteArray otherPriv, otherPub;
    newRsaKey(&otherPriv, &otherPub);
    r = tryAssertion(signJwt(otherPriv, claims(aud, now + 600, id)));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("invalid_client"));
    QCOMPARE(tryAssertion(signJwt(priv, claims(QStringLiteral("https://example.com"), now + 600, id))).status, 401);
    QCOMPARE(tryAssertion(signJwt(priv, claims(aud, now - 10, id))).status, 401);
    QCOMPARE(tryAssertion(signJwt(priv, claims(aud, now + 7200, id))).status, 401);
    QCOMPARE(tryAssertion(signJwt(priv, claims(aud, now + 600, QStringLiteral("someone-else")))).status, 401);
    QCOMPARE(tryAssertion("not.a.jwt").status, 401);

    // A client registered with its own public key.
    const QJsonObject mine = m_sim->sim()->registerClient({{QStringLiteral("kind"), QStringLiteral("oneapi-jwt")}, {QStringLiteral("publicKeyPem"), QString::fromLatin1(otherPub)}});
    QVERIFY(!mine.contains(QLatin1String("privateKey")));
    const QString mineId = mine.value(QLatin1String("clientId")).toString();
    r = oneApiForm({{QStringLiteral("client_assertion"), QString::fromLatin1(signJwt(otherPriv, QJsonObject{
                        {QStringLiteral("iss"), mineId}, {QStringLiteral("sub"), mineId}, {QStringLiteral("aud"), aud}, {QStringLiteral("exp"), now + 300}}))},
                    {QStringLiteral("client_assertion_type"), QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")}}, mineId);
    QCOMPARE(r.status, 200);
    const QJsonObject bad = m_sim->sim()->registerClient({{QStringLiteral("kind"), QStringLiteral("oneapi-jwt")}, {QStringLiteral("publicKeyPem"), QStringLiteral("garbage")}});
    QVERIFY(bad.contains(QLatin1String("error")));
}

void TestSimAuth::zpaSigninAndSignout()
{
    const QJsonObject c = m_client->demoClient(QStringLiteral("zpa-legacy"));
    HttpResult r = m_client->postForm(QStringLiteral("/signin"), {{QStringLiteral("client_id"), c.value(QLatin1String("clientId")).toString()},
                                                                 {QStringLiteral("client_secret"), c.value(QLatin1String("secret")).toString()}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QVERIFY(r.object().value(QLatin1String("expires_in")).isString());
    QCOMPARE(r.object().value(QLatin1String("expires_in")).toString(), QStringLiteral("3600"));
    const QByteArray token = r.object().value(QLatin1String("access_token")).toString().toLatin1();
    QVERIFY(jwtPayload(token).value(QLatin1String("exp")).toDouble() > QDateTime::currentSecsSinceEpoch());
    const QString list = m_client->zpaBase(false) + QStringLiteral("/application?pagesize=1");
    QCOMPARE(m_client->get(list, SimClient::bearer(token)).status, 200);
    // A ZPA legacy token is not a OneAPI token.
    QCOMPARE(m_client->get(m_client->zpaBase(true) + QStringLiteral("/application"), SimClient::bearer(token)).status, 401);

    r = m_client->postForm(QStringLiteral("/signin"), {{QStringLiteral("client_id"), c.value(QLatin1String("clientId")).toString()},
                                                      {QStringLiteral("client_secret"), QStringLiteral("bad")}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("id"), QStringLiteral("invalid_client")},
                                      {QStringLiteral("reason"), QStringLiteral("Client authentication failed.")}}));
    QCOMPARE(m_client->send("POST", QStringLiteral("/signout"), {}, SimClient::bearer(token)).status, 204);
    r = m_client->get(list, SimClient::bearer(token));
    QCOMPARE(r.status, 401);
    QVERIFY(!r.object().value(QLatin1String("id")).toString().isEmpty());
}

void TestSimAuth::ziaLegacySession()
{
    const QJsonObject c = m_client->demoClient(QStringLiteral("zia-legacy"));
    const QString key = c.value(QLatin1String("apiKey")).toString();
    QVERIFY(key.size() >= 12);
    const auto login = [&](SimClient &client, const QString &obfuscated, qint64 ts, const QString &password) {
        return client.postJson(QStringLiteral("/api/v1/authenticatedSession"), QJsonObject{
            {QStringLiteral("apiKey"), obfuscated}, {QStringLiteral("username"), c.value(QLatin1String("username"))},
            {QStringLiteral("password"), password}, {QStringLiteral("timestamp"), QString::number(ts)}});
    };
    const QJsonObject failed{{QStringLiteral("code"), QStringLiteral("AUTHENTICATION_FAILED")}, {QStringLiteral("message"), QStringLiteral("AUTHENTICATION_FAILED")}};
    const QString password = c.value(QLatin1String("password")).toString();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SimClient session(m_sim->sim());
    HttpResult r = login(session, testObfuscate(key, now), now, password);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("authType")).toString(), QStringLiteral("ADMIN_LOGIN"));
    const QByteArray cookie = r.header("set-cookie");
    QVERIFY(cookie.startsWith("JSESSIONID="));
    QVERIFY(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/"));
    QCOMPARE(session.get(QStringLiteral("/api/v1/authenticatedSession")).object().value(QLatin1String("authType")).toString(), QStringLiteral("ADMIN_LOGIN"));
    QCOMPARE(session.get(QStringLiteral("/api/v1/urlCategories?customOnly=true")).status, 200);
    // A timestamp given as a number is accepted too.
    r = session.postJson(QStringLiteral("/api/v1/authenticatedSession"), QJsonObject{
        {QStringLiteral("apiKey"), testObfuscate(key, now)}, {QStringLiteral("username"), c.value(QLatin1String("username"))},
        {QStringLiteral("password"), password}, {QStringLiteral("timestamp"), double(now)}});
    QCOMPARE(r.status, 200);

    SimClient other(m_sim->sim());
    r = login(other, testObfuscate(QStringLiteral("ABCDEFGHIJKLMNOP"), now), now, password);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object(), failed);
    const qint64 old = now - 3 * 3600 * 1000;
    r = login(other, testObfuscate(key, old), old, password);   // correctly obfuscated, but 3 h off
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object(), failed);
    QCOMPARE(login(other, testObfuscate(key, now), now, QStringLiteral("wrong")).status, 400);
    QCOMPARE(login(other, testObfuscate(key, now), now + 5000, password).status, 400);   // key made for another ts
    QCOMPARE(other.get(QStringLiteral("/api/v1/status")).status, 401);
    QCOMPARE(other.get(QStringLiteral("/api/v1/authenticatedSession")).object().contains(QLatin1String("authType")), false);
}

void TestSimAuth::ziaExternalIdp()
{
    const QJsonObject basic = m_client->demoClient(QStringLiteral("zia-oauth"));
    QCOMPARE(basic.value(QLatin1String("scope")).toString(), QStringLiteral("zscalerbeta.net::8956412::demoRole"));
    QCOMPARE(basic.value(QLatin1String("clientAuth")).toString(), QStringLiteral("basic"));
    const QString tokenPath = QStringLiteral("/idp/oauth2/token");
    const auto basicHeader = [](const QJsonObject &c, const QString &secret) {
        return HeaderPairs{{"Authorization", "Basic " + (c.value(QLatin1String("clientId")).toString() + QLatin1Char(':') + secret).toUtf8().toBase64()}};
    };
    const Fields grant{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}, {QStringLiteral("scope"), basic.value(QLatin1String("scope")).toString()}};
    HttpResult r = m_client->postForm(tokenPath, grant, basicHeader(basic, basic.value(QLatin1String("secret")).toString()));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("scope")).toString(), basic.value(QLatin1String("scope")).toString());
    const QByteArray token = r.object().value(QLatin1String("access_token")).toString().toLatin1();
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/status"), SimClient::bearer(token)).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(token)).status, 401);   // not OneAPI

    r = m_client->postForm(tokenPath, grant, basicHeader(basic, QStringLiteral("wrong")));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("error"), QStringLiteral("invalid_client")}}));
    Fields inBody = grant;
    inBody += {{QStringLiteral("client_id"), basic.value(QLatin1String("clientId")).toString()}, {QStringLiteral("client_secret"), basic.value(QLatin1String("secret")).toString()}};
    QCOMPARE(m_client->postForm(tokenPath, inBody).status, 401);   // registered for Basic
    r = m_client->postForm(tokenPath, {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}, {QStringLiteral("scope"), QStringLiteral("zscalerbeta.net::8956412::otherRole")}},
                           basicHeader(basic, basic.value(QLatin1String("secret")).toString()));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("error"), QStringLiteral("invalid_scope")}}));

    const QJsonObject body = m_sim->sim()->registerClient({{QStringLiteral("kind"), QStringLiteral("zia-oauth")}, {QStringLiteral("clientAuth"), QStringLiteral("body")}});
    inBody = grant;
    inBody += {{QStringLiteral("client_id"), body.value(QLatin1String("clientId")).toString()}, {QStringLiteral("client_secret"), body.value(QLatin1String("secret")).toString()}};
    QCOMPARE(m_client->postForm(tokenPath, inBody).status, 200);
    QCOMPARE(m_client->postForm(tokenPath, grant, basicHeader(body, body.value(QLatin1String("secret")).toString())).status, 401);
}

void TestSimAuth::saasSecurityToken()
{
    const QJsonObject c = m_client->demoClient(QStringLiteral("saas-security"));
    const auto request = [&](const QJsonObject &client, const QString &secret) {
        return m_client->send("POST", QStringLiteral("/oauth/token"), "grant_type=client_credentials&scope=api_access",
                              {{"Authorization", "Basic " + (client.value(QLatin1String("clientId")).toString() + QLatin1Char(':') + secret).toUtf8().toBase64()},
                               {"Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1"}, {"Accept", "application/json"}});
    };
    HttpResult r = request(c, c.value(QLatin1String("secret")).toString());
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.object();
    QCOMPARE(o.value(QLatin1String("token_type")).toString(), QStringLiteral("bearer"));
    QCOMPARE(o.value(QLatin1String("expires_in")).toInt(), 7199);
    QCOMPARE(o.value(QLatin1String("scope")).toString(), QStringLiteral("api_access"));
    QVERIFY(!o.value(QLatin1String("tenant")).toString().isEmpty());
    QVERIFY(!o.value(QLatin1String("jti")).toString().isEmpty());
    const QByteArray token = o.value(QLatin1String("access_token")).toString().toLatin1();
    r = m_client->get(QStringLiteral("/incident/api/incidents/delta?limit=10&state=open"), SimClient::bearer(token));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("resources")).toArray().size(), 10);
    QVERIFY(r.object().value(QLatin1String("nextPath")).toString().startsWith(QLatin1String("/incident/api/incidents/delta?")));
    QCOMPARE(m_client->get(QStringLiteral("/incident/api/incidents/delta"), SimClient::bearer("bad")).status, 401);

    r = request(c, QStringLiteral("wrong"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("error"), QStringLiteral("unauthorized")},
                                      {QStringLiteral("resolution"), QStringLiteral("Please submit valid credentials.")},
                                      {QStringLiteral("error_description"), QStringLiteral("Invalid credentials")}}));
    QCOMPARE(m_client->send("POST", QStringLiteral("/oauth/token"), "grant_type=client_credentials&scope=api_access").status, 401);

    const QJsonObject noExpiry = m_sim->sim()->registerClient({{QStringLiteral("kind"), QStringLiteral("saas-security")}, {QStringLiteral("omitExpiresIn"), true}});
    r = request(noExpiry, noExpiry.value(QLatin1String("secret")).toString());
    QCOMPARE(r.status, 200);
    QVERIFY(!r.object().contains(QLatin1String("expires_in")));
    const QJsonObject text = m_sim->sim()->registerClient({{QStringLiteral("kind"), QStringLiteral("saas-security")}, {QStringLiteral("expiresInAsString"), true}});
    r = request(text, text.value(QLatin1String("secret")).toString());
    QCOMPARE(r.object().value(QLatin1String("expires_in")).toString(), QStringLiteral("7199"));
}

void TestSimAuth::appTotalQuota()
{
    m_sim->sim()->setKnobs({{QStringLiteral("appTotalDailyQuota"), 3}});
    const QJsonObject key = m_sim->sim()->registerClient({{QStringLiteral("kind"), QStringLiteral("apptotal-key")}});
    const HeaderPairs h{{"X-API-KEY", key.value(QLatin1String("apiKey")).toString().toLatin1()}};
    HttpResult r = m_client->get(QStringLiteral("/v1/apps/app?app_id=100001"), h);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-Rate-Limit-Remaining"), QByteArray("2"));
    QVERIFY(!r.object().value(QLatin1String("name")).toString().isEmpty());
    QVERIFY(r.object().value(QLatin1String("score")).isDouble());
    QVERIFY(r.object().value(QLatin1String("permissions")).isArray());
    r = m_client->get(QStringLiteral("/v1/apps/app?app_id=12345"), h);
    QCOMPARE(r.status, 404);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(r.header("X-Rate-Limit-Remaining"), QByteArray("1"));
    QCOMPARE(m_client->get(QStringLiteral("/v1/apps/app?app_id=100002"), h).header("X-Rate-Limit-Remaining"), QByteArray("0"));
    r = m_client->get(QStringLiteral("/v1/apps/app?app_id=100002"), h);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.header("X-Rate-Limit-Remaining"), QByteArray("0"));
    QCOMPARE(m_client->get(QStringLiteral("/v1/apps/app?app_id=100001"), {{"X-API-KEY", "nope"}}).status, 401);
    // Through the gateway: a OneAPI bearer, 404 with an empty body for unknown apps.
    r = m_client->get(QStringLiteral("/zia/api/v1/apps/app?appId=12345"), SimClient::bearer(m_client->oneApiToken()));
    QCOMPARE(r.status, 404);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(m_client->get(QStringLiteral("/zia/api/v1/apps/app?appId=100003"), SimClient::bearer(m_client->oneApiToken())).status, 200);
    m_sim->sim()->resetKnobs();
}

void TestSimAuth::sandboxToken()
{
    const QString token = m_client->demoClient(QStringLiteral("sandbox-token")).value(QLatin1String("apiKey")).toString();
    HttpResult r = m_client->get(QStringLiteral("/zscsb/quota?api_token=") + token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("allowed")).toInt(), 100);
    QCOMPARE(r.object().value(QLatin1String("used")).toInt(), 0);
    QCOMPARE(m_client->get(QStringLiteral("/zscsb/quota?api_token=wrong")).status, 401);
    const QByteArray file = "MZ this is not really an executable";
    r = m_client->send("POST", QStringLiteral("/zscsb/submit?api_token=%1&force=0").arg(token), file, {{"Content-Type", "application/octet-stream"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("md5")).toString(), QString::fromLatin1(QCryptographicHash::hash(file, QCryptographicHash::Md5).toHex()));
    QCOMPARE(r.object().value(QLatin1String("fileType")).toString(), QStringLiteral("exe"));
    QCOMPARE(m_client->get(QStringLiteral("/zscsb/quota?api_token=") + token).object().value(QLatin1String("used")).toInt(), 1);
    QCOMPARE(m_client->send("POST", QStringLiteral("/zscsb/submit?api_token=bad&force=0"), file).status, 401);
}

void TestSimAuth::cleanupTestCase()
{
    m_client.reset();
    m_sim.reset();
}

QTEST_GUILESS_MAIN(TestSimAuth)
#include "tst_sim_auth.moc"
