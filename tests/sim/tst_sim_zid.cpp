// sim_zid: the ZIdentity API-client features of the simulator (src/sim/README.md "ZIdentity"):
// SimOptions::zidClients, the zidMaxPageSize / zidSecretPropagationMs / zidSecretsShape /
// zidTimesAsNumbers knobs, expired secrets, public keys (private_key_jwt with any uploaded key),
// JWKS URLs, the direct /admin/api/v1 route and the x-ratelimit-limit header. Over real HTTPS.
#include "SimTestUtil.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QUrl>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

namespace {

const QString kGw = QStringLiteral("/ziam/admin/api/v1");
const QString kDirect = QStringLiteral("/admin/api/v1");
const QString kAudience = QStringLiteral("https://api.zscaler.com");

struct PkeyFree { void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); } };
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

// An RSA key made here (the test's own, independent of src/sim).
Pkey makeRsa(int bits)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nullptr);
    EVP_PKEY *key = nullptr;
    if (ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) == 1)
        EVP_PKEY_keygen(ctx, &key);
    EVP_PKEY_CTX_free(ctx);
    return Pkey(key);
}

QString publicPem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    const QString out = QString::fromLatin1(data, int(len));
    BIO_free(bio);
    return out;
}

QByteArray b64url(const QByteArray &d)
{
    return d.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// private_key_jwt assertion as the SDKs build it (zscaler-api-notes.md §1.3), RS256 with key.
QByteArray assertion(EVP_PKEY *key, const QString &clientId, qint64 nowSec)
{
    const QByteArray header = b64url(R"({"alg":"RS256","typ":"JWT"})");
    const QByteArray payload = b64url(QJsonDocument(QJsonObject{{QStringLiteral("iss"), clientId},
                                                               {QStringLiteral("sub"), clientId},
                                                               {QStringLiteral("aud"), kAudience},
                                                               {QStringLiteral("exp"), nowSec + 600}}).toJson(QJsonDocument::Compact));
    const QByteArray input = header + '.' + payload;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    size_t len = 0;
    QByteArray sig;
    if (EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestSign(md, nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) == 1) {
        sig.resize(qsizetype(len));
        EVP_DigestSign(md, reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
        sig.resize(qsizetype(len));
    }
    EVP_MD_CTX_free(md);
    return input + '.' + b64url(sig);
}

QJsonObject keyAuth(const QList<QPair<QString, QString>> &keys)
{
    QJsonArray a;
    for (const auto &k : keys)
        a.append(QJsonObject{{QStringLiteral("keyName"), k.first}, {QStringLiteral("keyValue"), k.second}});
    return QJsonObject{{QStringLiteral("authType"), QStringLiteral("PUBKEYCERT")}, {QStringLiteral("publicKeys"), a}};
}

} // namespace

class TestSimZid : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void zidClientsCountAndDeterministicIds();
    void generatedClientsMix();
    void clampedPagingReturnsEveryClientOnce();
    void secretPropagationDelay();
    void publicKeyPropagationDelay();
    void expiredSecretRefused();
    void jwtSignedWithAnyUploadedKey();
    void badPublicKeyRejected();
    void jwksUrlMustBeHttps();
    void secretsOnlyForSecretClients();
    void directRouteWorksAndCountsSeparately();
    void rateLimitHeader();
    void rateLimitConfiguredAnd429();
    void secretsShapes();
    void timesAsNumbers();
    void cleanupTestCase();

private:
    HeaderPairs auth() { return SimClient::bearer(m_client->oneApiToken()); }
    zsim::Simulator *sim() const { return m_sim->sim(); }
    HttpResult secretToken(const QString &id, const QString &secret);
    HttpResult jwtToken(EVP_PKEY *key, const QString &id);
    QString createClient(const QJsonObject &body);
    QList<QJsonObject> allClients(const QString &base, int limit);

    std::unique_ptr<zsim::SimulatorThread> m_sim;
    std::unique_ptr<SimClient> m_client;
    Pkey m_keyA, m_keyB;
};

void TestSimZid::initTestCase()
{
    zsim::SimOptions o;
    o.segments = 0;     // zidClients: the default (300)
    m_sim = startSim(o);
    QVERIFY(m_sim);
    sim()->freezeClock();   // propagation and expiry go by the simulator's clock
    m_client = std::make_unique<SimClient>(sim());
    m_keyA = makeRsa(2048);
    m_keyB = makeRsa(2048);
    QVERIFY(m_keyA && m_keyB);
}

void TestSimZid::init()
{
    sim()->resetKnobs();
    sim()->resetCounters();
}

HttpResult TestSimZid::secretToken(const QString &id, const QString &secret)
{
    return m_client->postForm(QStringLiteral("/oauth2/v1/token"), {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                                                  {QStringLiteral("client_id"), id}, {QStringLiteral("client_secret"), secret},
                                                                  {QStringLiteral("audience"), kAudience}});
}

HttpResult TestSimZid::jwtToken(EVP_PKEY *key, const QString &id)
{
    return m_client->postForm(QStringLiteral("/oauth2/v1/token"),
                              {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}, {QStringLiteral("client_id"), id},
                               {QStringLiteral("client_assertion"), QString::fromLatin1(assertion(key, id, sim()->clockMs() / 1000))},
                               {QStringLiteral("client_assertion_type"), QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")},
                               {QStringLiteral("audience"), kAudience}});
}

QString TestSimZid::createClient(const QJsonObject &body)
{
    const HttpResult r = m_client->postJson(kGw + QStringLiteral("/api-clients"), body, auth());
    if (r.status != 201)
        qWarning("create failed: %s", qPrintable(r.describe()));
    return r.object().value(QLatin1String("id")).toString();
}

// Every client, following next_link (its path and query) from offset 0.
QList<QJsonObject> TestSimZid::allClients(const QString &base, int limit)
{
    QList<QJsonObject> out;
    QString next = base + QStringLiteral("/api-clients?limit=%1").arg(limit);
    for (int guard = 0; !next.isEmpty() && guard < 2000; ++guard) {
        const HttpResult r = m_client->get(next, auth());
        if (r.status != 200) {
            qWarning("page failed: %s", qPrintable(r.describe()));
            return {};
        }
        for (const QJsonValue &v : r.object().value(QLatin1String("records")).toArray())
            out.append(v.toObject());
        const QUrl link(r.object().value(QLatin1String("next_link")).toString());
        next = link.isEmpty() ? QString() : link.path() + QLatin1Char('?') + link.query(QUrl::FullyEncoded);
    }
    return out;
}

void TestSimZid::zidClientsCountAndDeterministicIds()
{
    // Default: 300 generated + the 2 demo OneAPI clients.
    HttpResult r = m_client->get(kGw + QStringLiteral("/api-clients?limit=1"), auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("totalRecord")).toInt(), 302);

    zsim::SimOptions o;
    o.segments = 0;
    o.seed = 7;
    o.zidClients = 40;
    auto one = startSim(o);
    auto two = startSim(o);
    o.zidClients = 12;
    auto named = startSim(o);
    o.seed = 8;
    o.zidClients = 40;
    auto other = startSim(o);
    QVERIFY(one && two && named && other);
    const auto ids = [](zsim::Simulator *s) {
        SimClient c(s);
        const QJsonObject page = c.get(kGw + QStringLiteral("/api-clients?limit=1000"), SimClient::bearer(c.oneApiToken())).object();
        QStringList out;
        for (const QJsonValue &v : page.value(QLatin1String("records")).toArray())
            out.append(v.toObject().value(QLatin1String("id")).toString() + QLatin1Char('|') + v.toObject().value(QLatin1String("name")).toString());
        return out;
    };
    const QStringList a = ids(one->sim()), b = ids(two->sim()), n = ids(named->sim()), x = ids(other->sim());
    QCOMPARE(a.size(), 42);
    QCOMPARE(a, b);                       // same seed, same ids and names
    QCOMPARE(n.size(), 14);
    QCOMPARE(a.mid(0, 14), n);            // the 12 named clients first, the same with more generated
    QVERIFY(a.at(2).endsWith(QLatin1String("|CI pipeline")));
    QVERIFY(a.at(14).endsWith(QLatin1String("|Automation 0013")));
    QVERIFY(a.at(41).endsWith(QLatin1String("|Automation 0040")));
    QVERIFY(x.mid(2) != a.mid(2));        // another seed, other ids
}

void TestSimZid::generatedClientsMix()
{
    const QJsonArray records = m_client->get(kGw + QStringLiteral("/api-clients?limit=1000"), auth()).object().value(QLatin1String("records")).toArray();
    QCOMPARE(records.size(), 302);
    QHash<QString, int> types;
    int disabled = 0, automation = 0;
    QSet<int> lifetimes;
    for (const QJsonValue &v : records) {
        const QJsonObject c = v.toObject();
        const QJsonObject a = c.value(QLatin1String("clientAuthentication")).toObject();
        ++types[a.value(QLatin1String("authType")).toString()];
        disabled += c.value(QLatin1String("status")).toBool() ? 0 : 1;
        automation += c.value(QLatin1String("name")).toString().startsWith(QLatin1String("Automation ")) ? 1 : 0;
        const int l = c.value(QLatin1String("accessTokenLifeTime")).toInt();
        QVERIFY(l >= 60 && l <= 86400);
        lifetimes.insert(l);
        if (a.value(QLatin1String("authType")).toString() == QLatin1String("PUBKEYCERT")) {
            const QJsonArray keys = a.value(QLatin1String("publicKeys")).toArray();
            QVERIFY(!keys.isEmpty());
            for (const QJsonValue &k : keys) {
                QVERIFY(!k.toObject().value(QLatin1String("keyName")).toString().isEmpty());
                QVERIFY(k.toObject().value(QLatin1String("keyValue")).toString().startsWith(QLatin1String("-----BEGIN PUBLIC KEY-----")));
            }
        }
        if (a.value(QLatin1String("authType")).toString() == QLatin1String("JWKS"))
            QVERIFY(a.value(QLatin1String("clientJWKsUrl")).toString().startsWith(QLatin1String("https://")));
    }
    QCOMPARE(automation, 288);
    QVERIFY(types.value(QStringLiteral("SECRET")) > 200);
    QVERIFY(types.value(QStringLiteral("PUBKEYCERT")) >= 10);
    QVERIFY(types.value(QStringLiteral("JWKS")) >= 3);
    QVERIFY(disabled >= 5);
    QVERIFY(lifetimes.size() >= 5);

    // Secret expiries across the coming year (the sim's clock): expired, within 1–7 days, 30–365 days.
    const qint64 now = sim()->clockMs() / 1000;
    int expired = 0, days = 0, months = 0, twoSecrets = 0;
    for (const QJsonValue &v : records) {
        const QJsonObject c = v.toObject();
        if (!c.value(QLatin1String("name")).toString().startsWith(QLatin1String("Automation ")))
            continue;
        const QJsonArray secrets = m_client->get(kGw + QStringLiteral("/api-clients/%1/secrets").arg(c.value(QLatin1String("id")).toString()), auth()).array();
        twoSecrets += secrets.size() == 2 ? 1 : 0;
        for (const QJsonValue &s : secrets) {
            const qint64 left = s.toObject().value(QLatin1String("expiresAt")).toString().toLongLong() - now;
            const qint64 created = s.toObject().value(QLatin1String("createdAt")).toString().toLongLong();
            QVERIFY(created <= now);
            QVERIFY(left <= 365LL * 86400);
            if (left < 0)
                ++expired;
            else if (left >= 86400 && left < 7 * 86400)
                ++days;
            else if (left >= 30LL * 86400)
                ++months;
        }
    }
    QVERIFY2(expired >= 5, qPrintable(QString::number(expired)));
    QVERIFY2(days >= 10, qPrintable(QString::number(days)));
    QVERIFY2(months >= 150, qPrintable(QString::number(months)));
    QVERIFY(twoSecrets >= 20);
}

void TestSimZid::clampedPagingReturnsEveryClientOnce()
{
    sim()->setKnobs({{QStringLiteral("zidMaxPageSize"), 7}});
    HttpResult r = m_client->get(kGw + QStringLiteral("/api-clients?limit=50&offset=14"), auth());
    QCOMPARE(r.status, 200);
    QJsonObject o = r.object();
    QCOMPARE(o.value(QLatin1String("records")).toArray().size(), 7);
    QCOMPARE(o.value(QLatin1String("pageSize")).toInt(), 7);
    QCOMPARE(o.value(QLatin1String("pageOffset")).toInt(), 14);
    QVERIFY(QUrl(o.value(QLatin1String("next_link")).toString()).query().contains(QLatin1String("offset=21")));
    QVERIFY(QUrl(o.value(QLatin1String("prev_link")).toString()).query().contains(QLatin1String("offset=7")));
    QCOMPARE(m_client->get(kGw + QStringLiteral("/api-clients?limit=3"), auth()).object().value(QLatin1String("pageSize")).toInt(), 3);

    for (const QString &base : {kGw, kDirect}) {
        const QList<QJsonObject> all = allClients(base, 50);
        QCOMPARE(all.size(), 302);
        QSet<QString> seen;
        for (const QJsonObject &c : all)
            seen.insert(c.value(QLatin1String("id")).toString());
        QCOMPARE(seen.size(), 302);   // every client exactly once
    }
    QCOMPARE(sim()->count(QStringLiteral("GET /ziam/admin/api/v1/api-clients")), 2 + (302 + 6) / 7);

    sim()->setKnobs({{QStringLiteral("zidMaxPageSize"), QJsonValue::Null}});   // back to no clamp
    QCOMPARE(m_client->get(kGw + QStringLiteral("/api-clients?limit=50"), auth()).object().value(QLatin1String("records")).toArray().size(), 50);
    QCOMPARE(m_client->get(kGw + QStringLiteral("/api-clients"), auth()).object().value(QLatin1String("pageSize")).toInt(), 100);
}

void TestSimZid::secretPropagationDelay()
{
    sim()->setKnobs({{QStringLiteral("zidSecretPropagationMs"), 5000}});
    const QString id = createClient({{QStringLiteral("name"), QStringLiteral("propagation ✓")}});
    QVERIFY(!id.isEmpty());
    const qint64 now = sim()->clockMs() / 1000;
    HttpResult r = m_client->postJson(kGw + QStringLiteral("/api-clients/%1/secrets").arg(id),
                                      QJsonObject{{QStringLiteral("expiresAt"), QString::number(now + 90 * 86400)}}, auth());
    QCOMPARE(r.status, 201);
    const QString secret = r.object().value(QLatin1String("value")).toString();
    r = secretToken(id, secret);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("invalid_client"));
    sim()->advanceClock(4999);
    QCOMPARE(secretToken(id, secret).status, 401);
    sim()->advanceClock(1);
    r = secretToken(id, secret);
    QCOMPARE(r.status, 200);
    QVERIFY(!r.object().value(QLatin1String("access_token")).toString().isEmpty());
    // The demo client's secret (not created through the API) is not delayed.
    const QJsonObject demo = m_client->demoClient(QStringLiteral("oneapi-secret"));
    QCOMPARE(secretToken(demo.value(QLatin1String("clientId")).toString(), demo.value(QLatin1String("secret")).toString()).status, 200);
}

void TestSimZid::publicKeyPropagationDelay()
{
    sim()->setKnobs({{QStringLiteral("zidSecretPropagationMs"), 3000}});
    const QString id = createClient({{QStringLiteral("name"), QStringLiteral("key propagation")},
                                     {QStringLiteral("clientAuthentication"), keyAuth({{QStringLiteral("a"), publicPem(m_keyA.get())}})}});
    QVERIFY(!id.isEmpty());
    QCOMPARE(jwtToken(m_keyA.get(), id).status, 401);
    sim()->advanceClock(3000);
    QCOMPARE(jwtToken(m_keyA.get(), id).status, 200);
    // PUT adding key B: A keeps working at once, B only after the delay.
    const HttpResult put = m_client->putJson(kGw + QStringLiteral("/api-clients/") + id,
                                             QJsonObject{{QStringLiteral("name"), QStringLiteral("key propagation")},
                                                         {QStringLiteral("clientAuthentication"),
                                                          keyAuth({{QStringLiteral("a"), publicPem(m_keyA.get())}, {QStringLiteral("b"), publicPem(m_keyB.get())}})}},
                                             auth());
    QCOMPARE(put.status, 200);
    QCOMPARE(jwtToken(m_keyA.get(), id).status, 200);
    const HttpResult early = jwtToken(m_keyB.get(), id);
    QCOMPARE(early.status, 401);
    QCOMPARE(early.object().value(QLatin1String("error")).toString(), QStringLiteral("invalid_client"));
    sim()->advanceClock(2999);
    QCOMPARE(jwtToken(m_keyB.get(), id).status, 401);
    sim()->advanceClock(1);
    QCOMPARE(jwtToken(m_keyB.get(), id).status, 200);
}

void TestSimZid::expiredSecretRefused()
{
    const QString id = createClient({{QStringLiteral("name"), QStringLiteral("expiring")}});
    QVERIFY(!id.isEmpty());
    const qint64 now = sim()->clockMs() / 1000;
    HttpResult r = m_client->postJson(kGw + QStringLiteral("/api-clients/%1/secrets").arg(id),
                                      QJsonObject{{QStringLiteral("expiresAt"), QString::number(now + 30 * 86400)}}, auth());
    QCOMPARE(r.status, 201);
    const QString secret = r.object().value(QLatin1String("value")).toString();
    QCOMPARE(secretToken(id, secret).status, 200);
    sim()->advanceClock(30LL * 86400 * 1000);   // at expiresAt: still valid
    QCOMPARE(secretToken(id, secret).status, 200);
    sim()->advanceClock(1000);                  // past it
    r = secretToken(id, secret);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("invalid_client"));
    QVERIFY2(r.object().value(QLatin1String("error_description")).toString().contains(QLatin1String("expired")), r.body.constData());
    m_client = std::make_unique<SimClient>(sim());   // the cached bearer expired with the clock
}

void TestSimZid::jwtSignedWithAnyUploadedKey()
{
    const HttpResult created = m_client->postJson(kGw + QStringLiteral("/api-clients"), QJsonObject{
        {QStringLiteral("name"), QStringLiteral("two keys")},
        {QStringLiteral("clientAuthentication"), keyAuth({{QStringLiteral("first"), publicPem(m_keyA.get())},
                                                          {QStringLiteral("second"), publicPem(m_keyB.get())}})}}, auth());
    QCOMPARE(created.status, 201);
    const QString id = created.object().value(QLatin1String("id")).toString();
    const QJsonArray keys = created.object().value(QLatin1String("clientAuthentication")).toObject().value(QLatin1String("publicKeys")).toArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(1).toObject().value(QLatin1String("keyName")).toString(), QStringLiteral("second"));
    QCOMPARE(keys.at(1).toObject().value(QLatin1String("keyValue")).toString(), publicPem(m_keyB.get()));   // echoed as sent
    HttpResult r = jwtToken(m_keyA.get(), id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(jwtToken(m_keyB.get(), id).status, 200);
    // The token works on the API.
    QCOMPARE(m_client->get(kGw + QStringLiteral("/api-clients/") + id,
                           SimClient::bearer(r.object().value(QLatin1String("access_token")).toString().toLatin1())).status, 200);
    // Removing key A (PUT with B only): A no longer verifies.
    QCOMPARE(m_client->putJson(kGw + QStringLiteral("/api-clients/") + id, QJsonObject{
        {QStringLiteral("name"), QStringLiteral("two keys")},
        {QStringLiteral("clientAuthentication"), keyAuth({{QStringLiteral("second"), publicPem(m_keyB.get())}})}}, auth()).status, 200);
    QCOMPARE(jwtToken(m_keyA.get(), id).status, 401);
    QCOMPARE(jwtToken(m_keyB.get(), id).status, 200);
    // A secret is no way in for a key client.
    QCOMPARE(secretToken(id, QStringLiteral("anything")).status, 401);
}

void TestSimZid::badPublicKeyRejected()
{
    const auto create = [&](const QString &pem) {
        return m_client->postJson(kGw + QStringLiteral("/api-clients"), QJsonObject{
            {QStringLiteral("name"), QStringLiteral("bad key")}, {QStringLiteral("clientAuthentication"), keyAuth({{QStringLiteral("k"), pem}})}}, auth());
    };
    Pkey small = makeRsa(1024);
    QVERIFY(small);
    QString corrupt = publicPem(m_keyA.get());
    corrupt[40] = corrupt.at(40) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    corrupt.remove(60, 20);
    for (const QString &pem : {QStringLiteral("not a key"), publicPem(small.get()), corrupt, QString()}) {
        const HttpResult r = create(pem);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value(QLatin1String("code")).toString(), QStringLiteral("INVALID_REQUEST"));
        QVERIFY(!r.object().value(QLatin1String("message")).toString().isEmpty());
    }
    // PUT too, and nothing changes.
    const QString id = createClient({{QStringLiteral("name"), QStringLiteral("good key")},
                                     {QStringLiteral("clientAuthentication"), keyAuth({{QStringLiteral("k"), publicPem(m_keyA.get())}})}});
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_client->putJson(kGw + QStringLiteral("/api-clients/") + id, QJsonObject{
        {QStringLiteral("name"), QStringLiteral("good key")}, {QStringLiteral("clientAuthentication"), keyAuth({{QStringLiteral("k"), QStringLiteral("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")}})}}, auth());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QLatin1String("code")).toString(), QStringLiteral("INVALID_REQUEST"));
    QCOMPARE(jwtToken(m_keyA.get(), id).status, 200);
}

void TestSimZid::jwksUrlMustBeHttps()
{
    const auto jwks = [](const QString &url) {
        return QJsonObject{{QStringLiteral("name"), QStringLiteral("jwks client")},
                           {QStringLiteral("clientAuthentication"), QJsonObject{{QStringLiteral("authType"), QStringLiteral("JWKS")},
                                                                                {QStringLiteral("clientJWKsUrl"), url}}}};
    };
    for (const QString &url : {QStringLiteral("http://keys.example/jwks.json"), QStringLiteral("keys.example/jwks.json"), QString()}) {
        const HttpResult r = m_client->postJson(kGw + QStringLiteral("/api-clients"), jwks(url), auth());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value(QLatin1String("code")).toString(), QStringLiteral("INVALID_REQUEST"));
    }
    const QString url = QStringLiteral("https://keys.example/t/jwks.json");
    HttpResult r = m_client->postJson(kGw + QStringLiteral("/api-clients"), jwks(url), auth());
    QCOMPARE(r.status, 201);
    const QString id = r.object().value(QLatin1String("id")).toString();
    QCOMPARE(r.object().value(QLatin1String("clientAuthentication")).toObject().value(QLatin1String("clientJWKsUrl")).toString(), url);
    r = m_client->get(kGw + QStringLiteral("/api-clients/") + id, auth());
    QCOMPARE(r.object().value(QLatin1String("clientAuthentication")).toObject().value(QLatin1String("authType")).toString(), QStringLiteral("JWKS"));
    QCOMPARE(r.object().value(QLatin1String("clientAuthentication")).toObject().value(QLatin1String("clientJWKsUrl")).toString(), url);
    QCOMPARE(m_client->putJson(kGw + QStringLiteral("/api-clients/") + id, jwks(QStringLiteral("http://x.example/j")), auth()).status, 400);

    // A SECRET client turned JWKS: its old secret no longer gets tokens.
    const QString sid = createClient({{QStringLiteral("name"), QStringLiteral("secret then jwks")}});
    r = m_client->postJson(kGw + QStringLiteral("/api-clients/%1/secrets").arg(sid), QJsonObject(), auth());
    QCOMPARE(r.status, 201);
    const QString secret = r.object().value(QLatin1String("value")).toString();
    QCOMPARE(secretToken(sid, secret).status, 200);
    QCOMPARE(m_client->putJson(kGw + QStringLiteral("/api-clients/") + sid, jwks(url), auth()).status, 200);
    r = secretToken(sid, secret);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("invalid_client"));
}

void TestSimZid::secretsOnlyForSecretClients()
{
    const QString id = createClient({{QStringLiteral("name"), QStringLiteral("key only")},
                                     {QStringLiteral("clientAuthentication"), keyAuth({{QStringLiteral("k"), publicPem(m_keyA.get())}})}});
    const HttpResult r = m_client->postJson(kGw + QStringLiteral("/api-clients/%1/secrets").arg(id), QJsonObject(), auth());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QLatin1String("code")).toString(), QStringLiteral("INVALID_REQUEST"));
}

void TestSimZid::directRouteWorksAndCountsSeparately()
{
    HttpResult r = m_client->get(kDirect + QStringLiteral("/api-clients?limit=5"), auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("records")).toArray().size(), 5);
    const QUrl next(r.object().value(QLatin1String("next_link")).toString());
    QCOMPARE(next.path(), kDirect + QStringLiteral("/api-clients"));
    QCOMPARE(next.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(next.query().contains(QLatin1String("offset=5")));
    QCOMPARE(sim()->count(QStringLiteral("GET /admin/api/v1/api-clients")), 1);
    QCOMPARE(sim()->count(QStringLiteral("GET /ziam/admin/api/v1/api-clients")), 0);

    // Same data: created on the direct path, read on the gateway and back.
    r = m_client->postJson(kDirect + QStringLiteral("/api-clients"), QJsonObject{{QStringLiteral("name"), QStringLiteral("direct ✓")}}, auth());
    QCOMPARE(r.status, 201);
    const QString id = r.object().value(QLatin1String("id")).toString();
    QCOMPARE(m_client->get(kGw + QStringLiteral("/api-clients/") + id, auth()).object().value(QLatin1String("name")).toString(), QStringLiteral("direct ✓"));
    r = m_client->postJson(kDirect + QStringLiteral("/api-clients/%1/secrets").arg(id), QJsonObject(), auth());
    QCOMPARE(r.status, 201);
    QCOMPARE(secretToken(id, r.object().value(QLatin1String("value")).toString()).status, 200);
    QCOMPARE(m_client->get(kGw + QStringLiteral("/api-clients/%1/secrets").arg(id), auth()).array().size(), 1);
    QCOMPARE(m_client->get(kDirect + QStringLiteral("/resource-servers"), auth()).object().value(QLatin1String("totalRecord")).toInt(), 2);
    QCOMPARE(m_client->del(kDirect + QStringLiteral("/api-clients/") + id, auth()).status, 204);
    QCOMPARE(m_client->get(kGw + QStringLiteral("/api-clients/") + id, auth()).status, 404);
    QCOMPARE(sim()->count(QStringLiteral("POST /admin/api/v1/api-clients")), 1);
    QCOMPARE(sim()->count(QStringLiteral("POST /ziam/admin/api/v1/api-clients")), 0);
    QCOMPARE(sim()->count(QStringLiteral("DELETE /admin/api/v1/api-clients/{id}")), 1);
    QCOMPARE(sim()->count(QStringLiteral("GET /ziam/admin/api/v1/api-clients/{id}")), 2);

    // Same bearer rule.
    r = m_client->get(kDirect + QStringLiteral("/api-clients"));
    QCOMPARE(r.status, 401);
    QCOMPARE(sim()->count(QStringLiteral("GET /admin/api/v1/api-clients#401")), 1);
    // Not behind the gateway: no x-oneapi-* headers there.
    QVERIFY(m_client->get(kDirect + QStringLiteral("/api-clients?limit=1"), auth()).header("x-oneapi-request-id").isEmpty());
    QVERIFY(!m_client->get(kGw + QStringLiteral("/api-clients?limit=1"), auth()).header("x-oneapi-request-id").isEmpty());
}

void TestSimZid::rateLimitHeader()
{
    const QByteArray recorded = "500, 500;w=1, 20000;w=60";
    for (const QString &base : {kGw, kDirect}) {
        QCOMPARE(m_client->get(base + QStringLiteral("/api-clients?limit=1"), auth()).header("x-ratelimit-limit"), recorded);
        QCOMPARE(m_client->get(base + QStringLiteral("/api-clients/nosuchclient"), auth()).header("x-ratelimit-limit"), recorded);
        QCOMPARE(m_client->get(base + QStringLiteral("/resource-servers"), auth()).header("x-ratelimit-limit"), recorded);
        QCOMPARE(m_client->postJson(base + QStringLiteral("/api-clients"), QJsonObject(), auth()).header("x-ratelimit-limit"), recorded);
        QCOMPARE(m_client->get(base + QStringLiteral("/api-clients")).header("x-ratelimit-limit"), recorded);   // the 401 too
    }
}

void TestSimZid::rateLimitConfiguredAnd429()
{
    sim()->setKnobs({{QStringLiteral("rateLimits"), QJsonObject{{QStringLiteral("zid.read"), QJsonObject{{QStringLiteral("limit"), 3}, {QStringLiteral("windowSeconds"), 10}}}}}});
    HttpResult r = m_client->get(kGw + QStringLiteral("/api-clients?limit=1"), auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-ratelimit-limit"), QByteArray("3, 3;w=10"));
    QCOMPARE(r.header("x-ratelimit-remaining"), QByteArray("2"));
    QCOMPARE(m_client->get(kDirect + QStringLiteral("/resource-servers"), auth()).status, 200);   // same class, same window
    QCOMPARE(m_client->get(kGw + QStringLiteral("/api-clients?limit=1"), auth()).status, 200);
    r = m_client->get(kDirect + QStringLiteral("/api-clients?limit=1"), auth());
    QCOMPARE(r.status, 429);
    QCOMPARE(r.object().value(QLatin1String("code")).toString(), QStringLiteral("TOO_MANY_REQUESTS"));
    QVERIFY(!r.object().value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(r.header("retry-after"), QByteArray("10"));
    QCOMPARE(r.header("x-ratelimit-limit"), QByteArray("3, 3;w=10"));
    QCOMPARE(r.header("x-ratelimit-remaining"), QByteArray("0"));
    QCOMPARE(sim()->count(QStringLiteral("GET /admin/api/v1/api-clients#429")), 1);
    // Writes are another class: not limited, recorded header.
    r = m_client->postJson(kGw + QStringLiteral("/api-clients"), QJsonObject{{QStringLiteral("name"), QStringLiteral("w")}}, auth());
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("x-ratelimit-limit"), QByteArray("500, 500;w=1, 20000;w=60"));
    sim()->advanceClock(10000);
    QCOMPARE(m_client->get(kGw + QStringLiteral("/api-clients?limit=1"), auth()).status, 200);

    // The alias names ziam.read / ziam.write.
    sim()->setKnobs({{QStringLiteral("rateLimits"), QJsonObject{{QStringLiteral("ziam.write"), QJsonObject{{QStringLiteral("limit"), 1}, {QStringLiteral("windowSeconds"), 60}}}}}});
    QCOMPARE(m_client->postJson(kGw + QStringLiteral("/api-clients"), QJsonObject{{QStringLiteral("name"), QStringLiteral("w2")}}, auth()).header("x-ratelimit-limit"),
             QByteArray("1, 1;w=60"));
    r = m_client->postJson(kDirect + QStringLiteral("/api-clients"), QJsonObject{{QStringLiteral("name"), QStringLiteral("w3")}}, auth());
    QCOMPARE(r.status, 429);
    QCOMPARE(r.object().value(QLatin1String("code")).toString(), QStringLiteral("TOO_MANY_REQUESTS"));
}

void TestSimZid::secretsShapes()
{
    const QString id = createClient({{QStringLiteral("name"), QStringLiteral("shapes")}});
    const QString path = kGw + QStringLiteral("/api-clients/%1/secrets").arg(id);
    sim()->setKnobs({{QStringLiteral("zidSecretsShape"), QStringLiteral("object")}});
    HttpResult r = m_client->get(path, auth());
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.trimmed() == "{}");   // none yet
    const QString first = m_client->postJson(path, QJsonObject(), auth()).object().value(QLatin1String("id")).toString();
    sim()->advanceClock(2000);
    const QString second = m_client->postJson(path, QJsonObject(), auth()).object().value(QLatin1String("id")).toString();
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    r = m_client->get(path, auth());
    QCOMPARE(r.object().value(QLatin1String("id")).toString(), second);   // the most recent
    QVERIFY(!r.object().contains(QLatin1String("value")));
    QVERIFY(r.object().value(QLatin1String("expiresAt")).isString());

    sim()->setKnobs({{QStringLiteral("zidSecretsShape"), QStringLiteral("envelope")}});
    r = m_client->get(path, auth());
    QJsonObject o = r.object();
    QCOMPARE(o.value(QLatin1String("records")).toArray().size(), 2);
    QCOMPARE(o.value(QLatin1String("results_total")).toInt(), 2);
    QCOMPARE(o.value(QLatin1String("totalRecord")).toInt(), 2);
    QCOMPARE(o.value(QLatin1String("pageOffset")).toInt(), 0);
    QCOMPARE(o.value(QLatin1String("pageSize")).toInt(), 2);

    sim()->setKnobs({{QStringLiteral("zidSecretsShape"), QStringLiteral("array")}});
    r = m_client->get(path, auth());
    QVERIFY(QJsonDocument::fromJson(r.body).isArray());
    QCOMPARE(r.array().size(), 2);

    const HttpResult bad = m_client->postJson(QStringLiteral("/__sim/knobs"), QJsonObject{{QStringLiteral("zidSecretsShape"), QStringLiteral("list")}}, m_client->control());
    QCOMPARE(bad.status, 400);
}

void TestSimZid::timesAsNumbers()
{
    const QString id = createClient({{QStringLiteral("name"), QStringLiteral("numbers")}});
    const QString path = kGw + QStringLiteral("/api-clients/%1/secrets").arg(id);
    HttpResult r = m_client->postJson(path, QJsonObject(), auth());
    QVERIFY(r.object().value(QLatin1String("createdAt")).isString());
    const qint64 expires = r.object().value(QLatin1String("expiresAt")).toString().toLongLong();
    sim()->setKnobs({{QStringLiteral("zidTimesAsNumbers"), true}});
    r = m_client->get(path, auth());
    const QJsonObject s = r.array().first().toObject();
    QVERIFY(s.value(QLatin1String("createdAt")).isDouble());
    QVERIFY(s.value(QLatin1String("expiresAt")).isDouble());
    QCOMPARE(s.value(QLatin1String("expiresAt")).toInteger(), expires);
    r = m_client->postJson(path, QJsonObject{{QStringLiteral("expiresAt"), expires}}, auth());
    QCOMPARE(r.status, 201);
    QVERIFY(r.object().value(QLatin1String("expiresAt")).isDouble());
    QCOMPARE(sim()->knobs().value(QLatin1String("zidTimesAsNumbers")).toBool(), true);
}

void TestSimZid::cleanupTestCase()
{
    m_client.reset();
    m_sim.reset();
}

QTEST_GUILESS_MAIN(TestSimZid)
#include "tst_sim_zid.moc"
