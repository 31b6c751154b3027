// HttpClient policy against local HTTPS servers: redirects (same origin, other origin, http://,
// too many, credential bodies), body cap, TLS failures, timeouts, cancel, request ids.
#include "AuthTlsServer.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace zc;
using zctest::AuthTlsServer;

namespace {
HttpResponse send(HttpClient &c, HttpRequest req, int waitMs = 15000, CancelHandle cancel = {})
{
    HttpResponse out;
    bool done = false;
    QObject ctx;
    c.send(req, &ctx, [&](const HttpResponse &r) {
        out = r;
        done = true;
    }, cancel);
    QElapsedTimer t;
    t.start();
    while (!done && t.elapsed() < waitMs)
        QTest::qWait(5);
    return out;
}
HttpRequest withCreds(const QString &url)
{
    HttpRequest r;
    r.url = QUrl(url);
    r.caFile = AuthTlsServer::caFile();
    r.setHeader("Authorization", "Bearer SECRET-TOKEN");
    r.setHeader("Cookie", "JSESSIONID=SECRET-SESSION");
    r.setHeader("X-API-KEY", "SECRET-KEY");
    r.setHeader("X-Custom", "kept");
    return r;
}
} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT
private slots:
    void sameOriginRedirectKeepsCredentials()
    {
        AuthTlsServer a([](const AuthTlsServer::Request &r) {
            if (r.target == "/start")
                return AuthTlsServer::reply(302, {}, {{"Location", "/final?x=1"}});
            return AuthTlsServer::reply(200, "{}", {{"x-oneapi-request-id", "rid-42"}});
        });
        QVERIFY(a.listen());
        HttpClient c;
        const HttpResponse r = send(c, withCreds(a.baseUrl() + QStringLiteral("/start")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.requestId, QStringLiteral("rid-42"));
        QCOMPARE(a.requests().size(), 2);
        QCOMPARE(a.requests()[1].target, QByteArray("/final?x=1"));
        QCOMPARE(a.requests()[1].headers.value("authorization"), QByteArray("Bearer SECRET-TOKEN"));
        QCOMPARE(r.finalUrl.path(), QStringLiteral("/final"));
    }
    void crossOriginRedirectStripsCredentials()
    {
        AuthTlsServer b([](const AuthTlsServer::Request &) { return AuthTlsServer::reply(200, "{}"); });
        QVERIFY(b.listen());
        const QByteArray target = (b.baseUrl() + QStringLiteral("/elsewhere")).toLatin1();
        AuthTlsServer a([target](const AuthTlsServer::Request &) {
            return AuthTlsServer::reply(302, {}, {{"Location", target}});
        });
        QVERIFY(a.listen());
        HttpClient c;
        const HttpResponse r = send(c, withCreds(a.baseUrl() + QStringLiteral("/start")));
        QCOMPARE(r.status, 200);
        QCOMPARE(a.requests().size(), 1);
        QCOMPARE(a.requests()[0].headers.value("authorization"), QByteArray("Bearer SECRET-TOKEN"));
        QCOMPARE(b.requests().size(), 1);
        const auto &h = b.requests()[0].headers;
        QVERIFY(!h.contains("authorization"));
        QVERIFY(!h.contains("cookie"));
        QVERIFY(!h.contains("x-api-key"));
        QCOMPARE(h.value("x-custom"), QByteArray("kept"));
    }
    void redirectToHttpRefused()
    {
        AuthTlsServer a([](const AuthTlsServer::Request &) {
            return AuthTlsServer::reply(301, {}, {{"Location", "http://127.0.0.1:9/plain"}});
        });
        QVERIFY(a.listen());
        HttpClient c;
        const HttpResponse r = send(c, withCreds(a.baseUrl() + QStringLiteral("/start")));
        QCOMPARE(r.error.kind, ErrorKind::Tls);
        QVERIFY2(r.error.message.contains(QLatin1String("http://")), qPrintable(r.error.message));
        QCOMPARE(a.requests().size(), 1);
    }
    void tooManyRedirects()
    {
        AuthTlsServer a([](const AuthTlsServer::Request &r) {
            return AuthTlsServer::reply(302, {}, {{"Location", QByteArray(r.target + "x")}});
        });
        QVERIFY(a.listen());
        HttpClient c;
        const HttpResponse r = send(c, withCreds(a.baseUrl() + QStringLiteral("/r")));
        QCOMPARE(r.error.kind, ErrorKind::Network);
        QVERIFY(r.error.message.contains(QLatin1String("redirects")));
        QCOMPARE(a.requests().size(), 6); // the request and 5 redirects
    }
    void credentialBodyNeverLeavesOrigin()
    {
        AuthTlsServer b([](const AuthTlsServer::Request &) { return AuthTlsServer::reply(200, "{}"); });
        QVERIFY(b.listen());
        const QByteArray target = (b.baseUrl() + QStringLiteral("/token")).toLatin1();
        AuthTlsServer a([target](const AuthTlsServer::Request &) {
            return AuthTlsServer::reply(307, {}, {{"Location", target}});
        });
        QVERIFY(a.listen());
        HttpClient c;
        HttpRequest req = withCreds(a.baseUrl() + QStringLiteral("/oauth2/v1/token"));
        req.method = "POST";
        req.body = "client_secret=SECRET";
        req.sensitiveBody = true;
        const HttpResponse r = send(c, req);
        QVERIFY(r.error.isError());
        QCOMPARE(b.requests().size(), 0);
        QVERIFY(r.error.message.contains(QLatin1String("other origin")) || r.error.message.contains(QLatin1String("another origin")));
    }
    void bodyCap()
    {
        AuthTlsServer a([](const AuthTlsServer::Request &r) {
            const QByteArray big(2 * 1024 * 1024, 'x');
            if (r.target == "/nolength") {
                // No Content-Length: the cap must hold while reading.
                return QByteArray(QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n") + big);
            }
            return AuthTlsServer::reply(200, big);
        });
        QVERIFY(a.listen());
        HttpClient c;
        HttpRequest req = withCreds(a.baseUrl() + QStringLiteral("/big"));
        req.maxBodyBytes = 1024 * 1024;
        HttpResponse r = send(c, req);
        QCOMPARE(r.error.kind, ErrorKind::Api);
        QVERIFY(r.error.message.contains(QLatin1String("larger than")));
        QVERIFY(r.body.isEmpty());
        req.url = QUrl(a.baseUrl() + QStringLiteral("/nolength"));
        r = send(c, req);
        QCOMPARE(r.error.kind, ErrorKind::Api);
        // Under the cap it is read whole.
        req.maxBodyBytes = 3 * 1024 * 1024;
        r = send(c, req);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), 2 * 1024 * 1024);
    }
    void untrustedCertificateIsATypedTlsError()
    {
        AuthTlsServer a([](const AuthTlsServer::Request &) { return AuthTlsServer::reply(200, "{}"); });
        QVERIFY(a.listen());
        HttpClient c;
        HttpRequest req = withCreds(a.baseUrl() + QStringLiteral("/x"));
        req.caFile = AuthTlsServer::otherCaFile(); // trusts something else
        HttpResponse r = send(c, req);
        QCOMPARE(r.error.kind, ErrorKind::Tls);
        QVERIFY2(r.error.message.contains(QLatin1String("127.0.0.1")), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(QLatin1String("--ca-file")), qPrintable(r.error.message));
        QCOMPARE(a.requests().size(), 0);
        // System store only: also refused.
        req.caFile.clear();
        QCOMPARE(send(c, req).error.kind, ErrorKind::Tls);
        // A missing CA file is a configuration error.
        req.caFile = QStringLiteral("/nonexistent/ca.pem");
        QCOMPARE(send(c, req).error.kind, ErrorKind::Config);
    }
    void transferTimeoutAndCancel()
    {
        AuthTlsServer a([](const AuthTlsServer::Request &) { return QByteArray(); }); // never answers
        QVERIFY(a.listen());
        HttpClient c;
        HttpRequest req = withCreds(a.baseUrl() + QStringLiteral("/slow"));
        req.timeoutMs = 600;
        HttpResponse r = send(c, req);
        QCOMPARE(r.error.kind, ErrorKind::Network);
        // Ended by the 600 ms transfer timeout (not by the helper's 15 s wait or the total deadline).
        QVERIFY2(r.error.message.contains(QLatin1String("(transfer timeout)")), qPrintable(r.error.message));
        QVERIFY(r.error.endpoint.startsWith(QLatin1String("GET https://127.0.0.1")));
        // Cancelled while in flight: once the server has the request; the 30 s timeout is far off.
        req.timeoutMs = 30000;
        auto cancel = makeCancelHandle();
        const qsizetype seen = a.requests().size();
        QTimer atServer;
        connect(&atServer, &QTimer::timeout, this, [&] {
            if (a.requests().size() > seen) {
                atServer.stop();
                cancel->cancel();
            }
        });
        atServer.start(5);
        r = send(c, req, 15000, cancel);
        QCOMPARE(r.error.kind, ErrorKind::Cancelled);
        QCOMPARE(a.requests().size(), seen + 1);
    }
    void unauthorizedKeepsBody()
    {
        AuthTlsServer a([](const AuthTlsServer::Request &) {
            return AuthTlsServer::reply(401, R"({"code":"SESSION_NOT_VALID"})",
                                        {{"WWW-Authenticate", "Bearer"}, {"Content-Type", "application/json"}});
        });
        QVERIFY(a.listen());
        HttpClient c;
        const HttpResponse r = send(c, withCreds(a.baseUrl() + QStringLiteral("/x")));
        QCOMPARE(r.status, 401);
        QVERIFY(!r.error.isError());
        QVERIFY(r.body.contains("SESSION_NOT_VALID"));
    }
    void plainHttpRefused()
    {
        HttpClient c;
        HttpRequest req;
        req.url = QUrl(QStringLiteral("http://127.0.0.1:9/x"));
        QCOMPARE(send(c, req).error.kind, ErrorKind::Config);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
