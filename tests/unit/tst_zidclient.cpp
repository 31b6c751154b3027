// ZIdentity API-client values (issue 12): the list envelope, the three plausible shapes of a
// client's secrets (UNCONFIRMED, zscaler-api-notes.md §2.3), times as strings, numbers or ISO,
// days left, the token lifetime's one conversion, and a full update that keeps unknown fields.
#include "core/ZidClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace zc;

namespace {
// JSON written with ' for " (readable here; moc does not parse raw string literals).
QByteArray j(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}
} // namespace

class TestZidClient : public QObject
{
    Q_OBJECT
private slots:
    void envelopeTotals()
    {
        // Recorded shape: both totals; the SDKs read results_total.
        zidJson::Page p = zidJson::page(j("{'pageOffset':0,'pageSize':2,'totalRecord':218,'records':[{'id':'a'},{'id':'b'}],"
            "'next_link':'https://x-admin.zslogin.net/admin/api/v1/api-clients?offset=2','results_total':218}"));
        QVERIFY(!p.error.isError());
        QCOMPARE(p.records.size(), 2);
        QCOMPARE(p.total, 218);
        p = zidJson::page(j("{'totalRecord':'7','records':[]}"));
        QCOMPARE(p.total, 7);
        p = zidJson::page(j("{'records':[{'id':'a'}]}"));
        QCOMPARE(p.total, -1);
    }

    void envelopeErrors()
    {
        QCOMPARE(zidJson::page("not json").error.kind, ErrorKind::Parse);
        QCOMPARE(zidJson::page(j("[{'id':'a'}]")).error.kind, ErrorKind::Parse);
        QCOMPARE(zidJson::page(j("{'records':{'id':'a'}}")).error.kind, ErrorKind::Parse);
        const zidJson::Page p = zidJson::page(j("{'records':[{'id':'a'}, 3]}"));
        QCOMPARE(p.error.kind, ErrorKind::Parse);
        QVERIFY(p.error.message.contains(QLatin1String("not an object")));
    }

    void secretsEveryShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("bare array") << j("[{'id':'s1','createdAt':'1700000000','expiresAt':'1790000000'},{'id':'s2','expiresAt':1800000000}]")
                                    << QStringList{"s1", "s2"};
        QTest::newRow("envelope") << j("{'records':[{'id':'s1','expiresAt':'1790000000'}],'results_total':1}")
                                  << QStringList{"s1"};
        QTest::newRow("one object") << j("{'id':'s9','createdAt':'1700000000','expiresAt':'1790000000'}")
                                    << QStringList{"s9"};
        QTest::newRow("empty object") << QByteArray("{}") << QStringList{};
        QTest::newRow("empty array") << QByteArray("[]") << QStringList{};
        QTest::newRow("null") << QByteArray("null") << QStringList{};
        QTest::newRow("empty body") << QByteArray() << QStringList{};
    }

    void secretsEveryShape()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, ids);
        ApiError e = ApiError::make(ErrorKind::Api, QStringLiteral("stale"));
        const QList<ZidSecret> got = zidJson::secrets(body, &e);
        QVERIFY2(!e.isError(), qPrintable(e.message));
        QStringList gotIds;
        for (const ZidSecret &s : got)
            gotIds << s.id;
        QCOMPARE(gotIds, ids);
    }

    void secretsBadShapes()
    {
        ApiError e;
        QVERIFY(zidJson::secrets("[1,2]", &e).isEmpty());
        QCOMPARE(e.kind, ErrorKind::Parse);
        QVERIFY(zidJson::secrets(j("[{'createdAt':'1'}]"), &e).isEmpty());
        QVERIFY(e.message.contains(QLatin1String("no id")));
        QVERIFY(zidJson::secrets("{", &e).isEmpty());
        QCOMPARE(e.kind, ErrorKind::Parse);
    }

    void timesEveryForm()
    {
        const QDateTime expected(QDate(2026, 8, 2), QTime(3, 58, 22), Qt::UTC); // 1785643102
        QCOMPARE(zidJson::time(QJsonValue(QStringLiteral("1785643102"))), expected);
        QCOMPARE(zidJson::time(QJsonValue(1785643102.0)), expected);
        QCOMPARE(zidJson::time(QJsonValue(1785643102000.0)), expected);
        QCOMPARE(zidJson::time(QJsonValue(QStringLiteral("2026-08-02T03:58:22Z"))), expected);
        QCOMPARE(zidJson::time(QJsonValue(QStringLiteral("2026-08-02T03:58:22.000Z"))), expected);
        QVERIFY(!zidJson::time(QJsonValue(QStringLiteral("soon"))).isValid());
        QVERIFY(!zidJson::time(QJsonValue(true)).isValid());
        QVERIFY(!zidJson::time(QJsonValue(0)).isValid());
        QVERIFY(!zidJson::time(QJsonValue(-5)).isValid());
        QVERIFY(!zidJson::time(QJsonValue()).isValid());
    }

    void daysLeft()
    {
        const QDateTime now(QDate(2026, 12, 4), QTime(12, 0), Qt::UTC);
        ZidSecret s;
        QCOMPARE(s.daysLeft(now), INT_MAX);
        QVERIFY(!s.isExpired(now));
        s.expiresAt = now.addDays(30);
        QCOMPARE(s.daysLeft(now), 30);
        s.expiresAt = now.addDays(30).addSecs(-1);
        QCOMPARE(s.daysLeft(now), 29);
        s.expiresAt = now.addSecs(3600);
        QCOMPARE(s.daysLeft(now), 0);
        QVERIFY(!s.isExpired(now));
        s.expiresAt = now.addSecs(-3600);
        QCOMPARE(s.daysLeft(now), -1);
        QVERIFY(s.isExpired(now));
        s.expiresAt = now.addDays(-2);
        QCOMPARE(s.daysLeft(now), -2);
    }

    void clientFromRecord()
    {
        const QJsonObject o = QJsonDocument::fromJson(j("{"
            "'id':'hhlm44raf07ps','name':'CI pipeline','description':'d','status':false,'accessTokenLifeTime':'3600',"
            "'clientAuthentication':{'authType':'pubkeycert','publicKeys':[{'keyName':'k1','keyValue':'-----BEGIN PUBLIC KEY-----'}]},"
            "'clientResources':[{'id':'r1','name':'Zscaler APIs','defaultApi':true,"
            "'selectedScopes':[{'id':'hh::1','name':'Role:Super Admin'},{'id':'hh::2','name':'Role:View'}]}],"
            "'futureField':{'kept':true}}")).object();
        const ZidApiClient c = ZidApiClient::fromJson(o);
        QCOMPARE(c.id, QStringLiteral("hhlm44raf07ps"));
        QCOMPARE(c.name, QStringLiteral("CI pipeline"));
        QCOMPARE(c.status, false);
        QCOMPARE(c.accessTokenLifeTime, 3600);
        QCOMPARE(c.authType, zidAuth::PublicKey);
        QCOMPARE(c.publicKeys.size(), 1);
        QCOMPARE(c.publicKeys.first().name, QStringLiteral("k1"));
        QCOMPARE(c.resources.size(), 1);
        QCOMPARE(c.resources.first().scopes.size(), 2);
        QCOMPARE(c.resources.first().scopes.at(1).name, QStringLiteral("Role:View"));

        // A full update sends the record back with the edits, unknown fields kept, id left out.
        ZidApiClient edited = c;
        edited.name = QStringLiteral("CI pipeline 2");
        edited.status = true;
        edited.resources.first().scopes.removeLast();
        const QJsonObject body = edited.toJson();
        QVERIFY(!body.contains(QLatin1String("id")));
        QCOMPARE(body.value(QLatin1String("name")).toString(), QStringLiteral("CI pipeline 2"));
        QCOMPARE(body.value(QLatin1String("status")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("futureField")).toObject().value(QLatin1String("kept")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("clientResources")).toArray().first().toObject()
                     .value(QLatin1String("selectedScopes")).toArray().size(), 1);
        QCOMPARE(body.value(QLatin1String("clientAuthentication")).toObject().value(QLatin1String("authType")).toString(),
                 QStringLiteral("PUBKEYCERT"));
        // What went out reads back as what was edited.
        ZidApiClient back = ZidApiClient::fromJson(body);
        QCOMPARE(back.name, edited.name);
        QCOMPARE(back.resources, edited.resources);
        QCOMPARE(back.publicKeys, edited.publicKeys);
    }

    void statusShapes()
    {
        QCOMPARE(ZidApiClient::fromJson(QJsonObject{{"status", true}}).status, true);
        QCOMPARE(ZidApiClient::fromJson(QJsonObject{{"status", "DISABLED"}}).status, false);
        QCOMPARE(ZidApiClient::fromJson(QJsonObject{{"status", "ACTIVE"}}).status, true);
        QCOMPARE(ZidApiClient::fromJson(QJsonObject{{"status", 0}}).status, false);
        QCOMPARE(ZidApiClient::fromJson(QJsonObject{}).status, true);
    }

    void earliestExpiry()
    {
        ZidApiClient c;
        QVERIFY(!c.earliestExpiry());
        ZidSecret a{QStringLiteral("a"), {}, QDateTime(QDate(2027, 5, 1), QTime(0, 0), Qt::UTC), {}};
        ZidSecret b{QStringLiteral("b"), {}, QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC), {}};
        ZidSecret never{QStringLiteral("n"), {}, {}, {}};
        c.secrets = {a, never, b};
        QCOMPARE(c.earliestExpiry()->id, QStringLiteral("b"));
    }

    void lifetimeConversion()
    {
        QCOMPARE(ZidLifetime::toApi(1), 60);
        QCOMPARE(ZidLifetime::toApi(ZidLifetime::MaxMinutes), 86400);
        QCOMPARE(ZidLifetime::toApi(15, ZidLifetime::Unit::Minutes), 15);
        QCOMPARE(ZidLifetime::toMinutes(3600), 60);
        QCOMPARE(ZidLifetime::toMinutes(61), 2);  // rounded up: never shorter than the server's
        QCOMPARE(ZidLifetime::toMinutes(0), 0);
        QCOMPARE(ZidLifetime::toMinutes(90, ZidLifetime::Unit::Minutes), 90);
        QCOMPARE(ZidLifetime::unitFromName(QStringLiteral(" Minutes ")), ZidLifetime::Unit::Minutes);
        QCOMPARE(ZidLifetime::unitFromName(QStringLiteral("seconds")), ZidLifetime::Unit::Seconds);
        QCOMPARE(ZidLifetime::unitFromName(QString()), ZidLifetime::Unit::Seconds);
    }

    void resourceServerRecorded()
    {
        const QJsonObject o = QJsonDocument::fromJson(j("{'id':'rs1','name':'Zscaler APIs','displayName':'Zscaler APIs',"
            "'primaryAud':'https://api.zscaler.com','defaultApi':true,"
            "'serviceScopes':[{'service':{'id':'s1','name':'ZIA','displayName':'Zscaler Internet Access'},"
            "'scopes':[{'id':'s1::a','name':'Role:API_Role01'}]}]}")).object();
        const ZidResourceServer r = ZidResourceServer::fromJson(o);
        QCOMPARE(r.id, QStringLiteral("rs1"));
        QVERIFY(r.defaultApi);
        QCOMPARE(r.services.size(), 1);
        QCOMPARE(r.services.first().name, QStringLiteral("ZIA"));
        QCOMPARE(r.services.first().scopes.first().id, QStringLiteral("s1::a"));
    }
};

QTEST_GUILESS_MAIN(TestZidClient)
#include "tst_zidclient.moc"
