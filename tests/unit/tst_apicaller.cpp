// ApiCaller against a local HTTPS server: the credential each scheme puts on a request, 401
// recovery (one re-auth, then the error), and the zia-oauth "first 401 -> retry once after a
// delay with the same token" rule with a short, configured delay.
#include "AuthTlsServer.h"
#include "auth/ApiCaller.h"
#include "auth/CredentialProvider.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

using namespace zc;
using zctest::AuthTlsServer;

namespace {
class FixedCredentials final : public QObject, public CredentialProvider
{
public:
    QHash<SecretField, QByteArray> values;
    int reads = 0;
    void readSecret(const ApiClient &, SecretField f, QObject *ctx, ReadDone done) override
    {
        ++reads;
        const QByteArray v = values.value(f);
        QTimer::singleShot(0, ctx ? ctx : this, [done, v] { done(v, {}); });
    }
    void loadCachedToken(const ApiClient &, QObject *ctx, CacheDone done) override
    {
        QTimer::singleShot(0, ctx ? ctx : this, [done] { done({}); });
    }
    void storeCachedToken(const ApiClient &, const QByteArray &) override {}
    void removeCachedToken(const ApiClient &) override {}
};

struct Stack
{
    FixedCredentials creds;
    HttpClient http;
    RateLimiter limiter;
    HttpPipeline pipeline{&http, &limiter};
    TokenBroker broker{&pipeline, &creds};
    ApiCaller caller{&broker};

    QString add(AuthKind kind, const QString &base, const QString &tokenPath = {})
    {
        Tenant t;
        t.id = QStringLiteral("t-test");
        t.name = QStringLiteral("T");
        t.cloud = QStringLiteral("zscaler");
        ApiClient c;
        c.id = QStringLiteral("c-test-%1").arg(int(kind));
        c.name = QStringLiteral("client %1").arg(authKindName(kind));
        c.tenantId = t.id;
        c.kind = kind;
        c.clientId = QStringLiteral("cid");
        c.username = QStringLiteral("admin@example");
        c.scope = QStringLiteral("zscalerbeta.net::1::role");
        c.baseUrl = base;
        c.caFile = AuthTlsServer::caFile();
        if (!tokenPath.isEmpty())
            c.tokenUrl = base + tokenPath;
        broker.upsertClient(c, t);
        return c.id;
    }
    HttpResponse call(const QString &id, const QString &path)
    {
        HttpResponse out;
        bool done = false;
        ApiRequest r;
        r.path = path;
        caller.call(id, r, nullptr, [&](const HttpResponse &x) {
            out = x;
            done = true;
        });
        QElapsedTimer t;
        t.start();
        while (!done && t.elapsed() < 20000)
            QTest::qWait(5);
        return out;
    }
};

QByteArray tokenReply(int n)
{
    return AuthTlsServer::reply(200, QByteArray(R"({"access_token":"tok)") + QByteArray::number(n) + R"(","token_type":"Bearer","expires_in":3600})",
                                {{"Content-Type", "application/json"}});
}
} // namespace

class TestApiCaller : public QObject
{
    Q_OBJECT
private slots:
    void serviceOfOneApiPaths()
    {
        // Whose rules a OneAPI request follows: ZIdentity through the gateway (/ziam, which also
        // starts with /zia) or on its own host, ZIA, ZPA, the rest.
        ApiClient c;
        c.kind = AuthKind::OneApiSecret;
        Tenant t;
        t.id = QStringLiteral("t-1");
        const AuthTarget target = AuthTarget::make(c, t);
        const auto of = [&](const QString &path) {
            ApiRequest r;
            r.path = path;
            return ApiCaller::serviceOf(target, r);
        };
        QCOMPARE(of(QStringLiteral("/ziam/admin/api/v1/api-clients")), QStringLiteral("ziam"));
        QCOMPARE(of(QStringLiteral("https://acme-admin.zslogin.net/admin/api/v1/api-clients?offset=0")), QStringLiteral("ziam"));
        QCOMPARE(of(QStringLiteral("https://api.zsapi.net/ziam/admin/api/v1/resource-servers")), QStringLiteral("ziam"));
        QCOMPARE(of(QStringLiteral("/zia/api/v1/status")), QStringLiteral("zia"));
        QCOMPARE(of(QStringLiteral("/zpa/mgmtconfig/v1/admin/customers/1/application")), QStringLiteral("zpa"));
        QCOMPARE(of(QStringLiteral("/bi/api/v1/report")), QStringLiteral("oneapi"));
        ApiRequest put;
        put.method = "PUT";
        put.path = QStringLiteral("/ziam/admin/api/v1/api-clients/x");
        QCOMPARE(ApiCaller::defaultRateKey(target, put), QStringLiteral("t-1/ziam/write"));
    }

    void credentialsPerScheme()
    {
        AuthTlsServer s([](const AuthTlsServer::Request &r) {
            if (r.target.startsWith("/api/v1/authenticatedSession"))
                return AuthTlsServer::reply(200, "{}", {{"Set-Cookie", "JSESSIONID=SESS123; Path=/; Secure; HttpOnly"}});
            return AuthTlsServer::reply(200, "{}");
        });
        QVERIFY(s.listen());
        Stack st;
        st.creds.values = {{SecretField::Password, "pw"}, {SecretField::ApiKey, "abcdefghijklmnop"}};
        const QString zia = st.add(AuthKind::ZiaLegacy, s.baseUrl());
        const QString app = st.add(AuthKind::AppTotalKey, s.baseUrl());
        const QString sb = st.add(AuthKind::SandboxToken, s.baseUrl());
        QCOMPARE(st.call(zia, QStringLiteral("/api/v1/status")).status, 200);
        QCOMPARE(st.call(app, QStringLiteral("/v1/apps/app?app_id=1")).status, 200);
        QCOMPARE(st.call(sb, QStringLiteral("/zscsb/quota")).status, 200);
        const auto &req = s.requests();
        QCOMPARE(req.size(), 4);
        // The session request: JSON with the obfuscated key and the same timestamp.
        const QJsonObject session = QJsonDocument::fromJson(req[0].body).object();
        QCOMPARE(session.value(QStringLiteral("username")).toString(), QStringLiteral("admin@example"));
        QCOMPARE(session.value(QStringLiteral("apiKey")).toString().size(), 12);
        QVERIFY(!req[0].body.contains("abcdefghijklmnop"));
        QCOMPARE(req[1].headers.value("cookie"), QByteArray("JSESSIONID=SESS123"));
        QVERIFY(!req[1].headers.contains("authorization"));
        QCOMPARE(req[2].headers.value("x-api-key"), QByteArray("abcdefghijklmnop"));
        QCOMPARE(req[3].target, QByteArray("/zscsb/quota?api_token=abcdefghijklmnop"));
    }

    void unauthorizedOnceThenSurfaced()
    {
        int tokens = 0, apiCalls = 0;
        bool alwaysRefuse = false;
        AuthTlsServer s([&](const AuthTlsServer::Request &r) {
            if (r.target == "/signin")
                return tokenReply(++tokens);
            ++apiCalls;
            // The first token is "revoked"; the second works unless told otherwise.
            if (alwaysRefuse || r.headers.value("authorization") == "Bearer tok1")
                return AuthTlsServer::reply(401, R"({"id":"unauthorized","reason":"token revoked"})");
            return AuthTlsServer::reply(200, "{}");
        });
        QVERIFY(s.listen());
        Stack st;
        st.creds.values = {{SecretField::Secret, "sec"}};
        BrokerSettings bs;
        bs.refresh.minIntervalMs = 0;
        st.broker.setSettings(bs);
        const QString id = st.add(AuthKind::ZpaLegacy, s.baseUrl());
        QCOMPARE(st.call(id, QStringLiteral("/mgmtconfig/v1/x")).status, 200);
        QCOMPARE(tokens, 2);
        QCOMPARE(apiCalls, 2);
        alwaysRefuse = true;
        st.broker.forget(id);
        const HttpResponse r = st.call(id, QStringLiteral("/mgmtconfig/v1/x"));
        QCOMPARE(r.error.kind, ErrorKind::Authentication);
        QVERIFY2(r.error.message.contains(QLatin1String("client zpa-legacy")), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(QLatin1String("token revoked")), qPrintable(r.error.message));
        QCOMPARE(tokens, 4);   // one re-auth, no loop
        QCOMPARE(apiCalls, 4);
    }

    void ziaOAuthFirst401RetriedAfterDelay()
    {
        int tokens = 0;
        QList<QByteArray> auths;
        QList<qint64> arrivals; // of the API calls, at the server
        QElapsedTimer serverClock;
        serverClock.start();
        AuthTlsServer s([&](const AuthTlsServer::Request &r) {
            if (r.target == "/idp/token") {
                return tokenReply(++tokens);
            }
            auths << r.headers.value("authorization");
            arrivals << serverClock.elapsed();
            // Like ZIA right after an IdP key change: the first call of a new token fails.
            if (auths.size() == 1)
                return AuthTlsServer::reply(401, R"({"code":"UNAUTHORIZED","message":"token not yet valid"})");
            return AuthTlsServer::reply(200, R"({"status":"ACTIVE"})");
        });
        QVERIFY(s.listen());
        Stack st;
        st.creds.values = {{SecretField::Secret, "sec"}};
        AuthSettings as;
        as.ziaOAuthFirst401DelayMs = 800;
        st.broker.setAuthSettings(as);
        const QString id = st.add(AuthKind::ZiaOAuth, s.baseUrl(), QStringLiteral("/idp/token"));
        const HttpResponse r = st.call(id, QStringLiteral("/api/v1/status"));
        QCOMPARE(r.status, 200);
        // The server saw the retry no sooner than the delay after the refused call (a lower
        // bound: a busy machine only adds to it).
        QCOMPARE(arrivals.size(), 2);
        QVERIFY2(arrivals.at(1) - arrivals.at(0) >= 750, qPrintable(QString::number(arrivals.at(1) - arrivals.at(0))));
        QCOMPARE(tokens, 1); // the same token, retried after the delay
        QCOMPARE(auths, (QList<QByteArray>{"Bearer tok1", "Bearer tok1"}));
        // The token request used HTTP Basic and the scope, and no secret in the body.
        const auto &tr = s.requests().first();
        QVERIFY(tr.headers.value("authorization").startsWith("Basic "));
        QVERIFY(tr.body.contains("scope=zscalerbeta.net%3A%3A1%3A%3Arole"));
        QVERIFY(!tr.body.contains("sec"));
    }
};

QTEST_GUILESS_MAIN(TestApiCaller)
#include "tst_apicaller.moc"
