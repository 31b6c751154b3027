// AppSegment and page parsing: the recorded real traffic (create, list, get, PUT, get again),
// faithfulness of the JSON kept for an update, tolerant parsing of odd values, and malformed
// pages. The reference for "faithful" is Qt's own JSON parser: toJson() of an unchanged segment
// must equal QJsonDocument's reading of the same text.
#include "core/AppSegment.h"
#include "core/AppSegmentDiff.h"
#include "core/AppSegmentPage.h"
#include "core/ZpaGroups.h"
#include "core/ZpaInternPool.h"
#include "core/ZpaPage.h"

#include "../bench/zpa/ZpaSegmentGenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTest>

using namespace zc;

namespace {

QJsonArray interactions(const char *name)
{
    QFile f(QStringLiteral(ZC_FIXTURES_DIR "/recorded-json/zpa/%1.json").arg(QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("interactions")).toArray();
}

QByteArray responseBody(const QJsonArray &in, int i)
{
    return in.at(i).toObject().value(QLatin1String("response")).toObject().value(QLatin1String("body")).toString().toUtf8();
}

QByteArray requestBody(const QJsonArray &in, int i)
{
    return in.at(i).toObject().value(QLatin1String("request")).toObject().value(QLatin1String("body")).toString().toUtf8();
}

QJsonObject qtObject(const QByteArray &json) { return QJsonDocument::fromJson(json).object(); }

// Note: moc (6.4) reads R"(…)" literals as ordinary strings; JSON with an odd number of quotes
// or with \" must use an ordinary literal here, or moc finds no class in this file.

} // namespace

class TestAppSegment : public QObject
{
    Q_OBJECT
private:
    QJsonArray m_rec;

private slots:
    void initTestCase()
    {
        m_rec = interactions("TestApplicationSegment");
        QCOMPARE(m_rec.size(), 12);
    }

    void recordedCreateReply()
    {
        const QByteArray body = responseBody(m_rec, 3); // POST /application → 201
        QStringList problems;
        bool ok = false;
        const AppSegment s = AppSegment::fromJsonBytes(body, &problems, nullptr, &ok);
        QVERIFY(ok);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('|'))));
        QCOMPARE(s.id(), QStringLiteral("216196257331404639"));
        QCOMPARE(s.name(), QStringLiteral("tests-appsegment-vcr0006.bd-redhat.com"));
        QCOMPARE(s.domainNames(), QStringList{QStringLiteral("tests-appsegment-vcr0006.bd-redhat.com")});
        QCOMPARE(s.tcpPorts(), (PortRangeList{{9001, 9001}})); // only the flat encoding was sent
        QVERIFY(s.udpPorts().isEmpty());
        QCOMPARE(s.segmentGroupId(), QStringLiteral("216196257331404637"));
        QCOMPARE(s.serverGroups().size(), 1);
        QCOMPARE(s.serverGroups().at(0).id, QStringLiteral("216196257331404638"));
        QVERIFY(s.enabled());
        QCOMPARE(s.bypassType(), QStringLiteral("NEVER"));
        QCOMPARE(s.microtenantKey(), QStringLiteral("0"));
        QCOMPARE(s.microtenantDisplay(), QStringLiteral("Default"));
        QCOMPARE(s.toJson(), qtObject(body)); // nothing invented: no tcpPortRange added
    }

    void recordedListReply()
    {
        const QByteArray body = responseBody(m_rec, 4);
        const AppSegmentPage page = AppSegmentPage::parse(body);
        QVERIFY2(page.ok, qPrintable(page.error));
        QCOMPARE(page.totalPages, 1);
        QCOMPARE(page.totalCount, 1);
        QVERIFY(!page.bareArray);
        QCOMPARE(page.skippedRows, 0);
        QVERIFY2(page.problems.isEmpty(), qPrintable(page.problems.join(QLatin1Char('|'))));
        QCOMPARE(page.rows.size(), 1);
        const AppSegment &s = page.rows.at(0);
        QCOMPARE(s.name(), QStringLiteral("tests-appsegment-vcr0006.bd-redhat.com"));
        QCOMPARE(s.modifiedTime(), QStringLiteral("1773369874"));
        QCOMPARE(s.creationTime(), QStringLiteral("1773369874"));
        QCOMPARE(s.modifiedAt(), QDateTime::fromSecsSinceEpoch(1773369874, Qt::UTC));
        QCOMPARE(s.createdAt(), QDateTime::fromSecsSinceEpoch(1773369874, Qt::UTC));
        QCOMPARE(s.modifiedBy(), QStringLiteral("216196257331372705"));
        QCOMPARE(s.segmentGroupName(), QStringLiteral("tests-appseg-vcr0003"));
        QCOMPARE(s.serverGroups().at(0).name, QStringLiteral("tests-appseg-vcr0004"));
        QCOMPARE(s.serverGroupsText(), QStringLiteral("tests-appseg-vcr0004"));
        QCOMPARE(s.healthReporting(), QStringLiteral("ON_ACCESS"));
        QCOMPARE(s.microtenantName(), QStringLiteral("Default"));
        QVERIFY(s.microtenantId().isEmpty());
        QCOMPARE(s.tcpPorts(), (PortRangeList{{9001, 9001}})); // both encodings, consistent
        const QJsonObject row = qtObject(body).value(QLatin1String("list")).toArray().at(0).toObject();
        QCOMPARE(s.toJson(), row);
    }

    void recordedGetAndUpdateKeepsEveryField()
    {
        const QByteArray get = responseBody(m_rec, 5);
        const QJsonObject original = qtObject(get);
        AppSegment s = AppSegment::fromJsonBytes(get);
        QCOMPARE(s.toJson(), original);
        QVERIFY(!s.isModified());

        // The recorded edit: a new description and TCP 9002.
        s.setDescription(QStringLiteral("Updated vcr0007"));
        s.setTcpPorts({{9002, 9002}});
        QVERIFY(s.isModified());
        const QJsonObject put = s.toJson();
        for (auto it = original.constBegin(); it != original.constEnd(); ++it) {
            QVERIFY2(put.contains(it.key()), qPrintable(it.key()));
            if (it.key() == QLatin1String("description") || it.key().startsWith(QLatin1String("tcpPortRange")))
                continue;
            QVERIFY2(put.value(it.key()) == it.value(), qPrintable(it.key()));
        }
        QCOMPARE(put.size(), original.size());
        QCOMPARE(put.value(QLatin1String("description")).toString(), QStringLiteral("Updated vcr0007"));
        QCOMPARE(put.value(QLatin1String("tcpPortRanges")).toArray(), (QJsonArray{QStringLiteral("9002"), QStringLiteral("9002")}));
        QCOMPARE(put.value(QLatin1String("tcpPortRange")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("9002")}, {QStringLiteral("to"), QStringLiteral("9002")}}}));
        // The server groups keep their received objects (not reduced to ids).
        QCOMPARE(put.value(QLatin1String("serverGroups")), original.value(QLatin1String("serverGroups")));

        // Everything the recorded PUT sent is in ours with the same meaning.
        const QJsonObject recordedPut = qtObject(requestBody(m_rec, 6));
        for (const char *key : {"name", "description", "enabled", "domainNames", "segmentGroupId", "tcpPortRanges"})
            QVERIFY2(put.value(QLatin1String(key)) == recordedPut.value(QLatin1String(key)), key);
        QCOMPARE(AppSegment::fromJson(put).serverGroupIds(), AppSegment::fromJson(recordedPut).serverGroupIds());

        // The re-read after the 204 differs from our edit only in server-set metadata.
        const AppSegment after = AppSegment::fromJsonBytes(responseBody(m_rec, 7));
        QCOMPARE(after.tcpPorts(), (PortRangeList{{9002, 9002}}));
        QVERIFY(AppSegmentDiff::diff(s, after).isEmpty());
        const QList<AppSegmentChange> meta = AppSegmentDiff::diff(s, after, true);
        QCOMPARE(meta.size(), 1);
        QCOMPARE(meta.at(0).field, QStringLiteral("modifiedTime"));
    }

    void portEncodingsOnWrite()
    {
        AppSegment s = AppSegment::fromJsonBytes(responseBody(m_rec, 3)); // flat only
        QJsonObject both = s.toJson(AppSegment::PortEncoding::Both);
        QCOMPARE(both.value(QLatin1String("tcpPortRange")).toArray().size(), 1);
        QCOMPARE(both.value(QLatin1String("udpPortRanges")).toArray().size(), 0);
        QVERIFY(both.contains(QLatin1String("udpPortRange")));
        const QJsonObject flat = s.toJson(AppSegment::PortEncoding::Flat);
        QCOMPARE(flat.value(QLatin1String("tcpPortRanges")).toArray().size(), 2);
        QVERIFY(flat.value(QLatin1String("tcpPortRange")).toArray().isEmpty());
        s.setUdpPorts({{53, 53}, {500, 600}});
        const QJsonObject changed = s.toJson();
        QCOMPARE(changed.value(QLatin1String("udpPortRanges")).toArray(),
                 (QJsonArray{QStringLiteral("53"), QStringLiteral("53"), QStringLiteral("500"), QStringLiteral("600")}));
        QCOMPARE(changed.value(QLatin1String("udpPortRange")).toArray().size(), 2);
        QVERIFY(!changed.contains(QLatin1String("tcpPortRange"))); // untouched TCP stays as received
    }

    void setterSemantics()
    {
        AppSegment s = AppSegment::fromJsonBytes(responseBody(m_rec, 5));
        s.setName(s.name());
        s.setEnabled(true);
        s.setServerGroups(s.serverGroups());
        QVERIFY(!s.isModified()); // equal values change nothing
        s.setServerGroups({{QStringLiteral("216196257331404638"), {}}, {QStringLiteral("42"), QStringLiteral("new")}});
        const QJsonArray groups = s.toJson().value(QLatin1String("serverGroups")).toArray();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("tests-appseg-vcr0004"));
        QCOMPARE(groups.at(1).toObject(),
                 (QJsonObject{{QStringLiteral("id"), QStringLiteral("42")}, {QStringLiteral("name"), QStringLiteral("new")}}));
        s.setSegmentGroup(QStringLiteral("7"), QStringLiteral("other"));
        QCOMPARE(s.toJson().value(QLatin1String("segmentGroupId")).toString(), QStringLiteral("7"));
        s.setModifiedTime(QStringLiteral("not a time"));
        QVERIFY(!s.modifiedAt().isValid());
        QCOMPARE(s.modifiedSecs(), -1);
    }

    void faithfulToQtParser_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("id as a 64-bit number") << QByteArray(R"({"id":216196257331404639,"name":"n"})");
        QTest::newRow("enabled as string") << QByteArray(R"({"id":"1","enabled":"true","name":"n"})");
        QTest::newRow("nulls") << QByteArray(R"({"id":"1","name":null,"serverGroups":null,"domainNames":null,"tcpPortRanges":null})");
        QTest::newRow("domains as string") << QByteArray(R"({"id":"1","domainNames":"a.example.com"})");
        QTest::newRow("domains with a number") << QByteArray(R"({"id":"1","domainNames":["a.example.com",5,""]})");
        QTest::newRow("odd flat ports") << QByteArray(R"({"id":"1","tcpPortRanges":["80"," 443","0443","x"]})");
        QTest::newRow("numeric ports") << QByteArray(R"({"id":"1","tcpPortRanges":[80,80],"udpPortRange":[{"from":53,"to":"53"}]})");
        QTest::newRow("structured extra key") << QByteArray(R"({"id":"1","tcpPortRange":[{"from":"1","to":"2","x":1},{"from":"5"}]})");
        QTest::newRow("encodings disagree") << QByteArray(R"({"id":"1","tcpPortRanges":["1","2"],"tcpPortRange":[{"from":"3","to":"4"}]})");
        QTest::newRow("escapes") << QByteArray("{\"id\":\"1\",\"name\":\"a\\\"b\\\\c\\/\\u00e9\\ud83d\\ude00\\n\",\"description\":\"\\u0000x\"}");
        QTest::newRow("non-ASCII") << QByteArray("{\"id\":\"1\",\"name\":\"Z\xc3\xbcrich \xe2\x9c\x93\",\"domainNames\":[\"xn--zrich-kva.example\"]}");
        QTest::newRow("duplicate key") << QByteArray(R"({"id":"1","name":"first","name":"second"})");
        QTest::newRow("escaped key") << QByteArray(R"({"id":"1","n\u0061me":"x"})");
        QTest::newRow("server groups odd") << QByteArray(R"({"id":"1","serverGroups":[{"name":"no id"},{"id":7},"x"]})");
        QTest::newRow("nested unknowns") << QByteArray(R"({"id":"1","x":{"a":[1,2.5,-3e2,true,null,{"b":"c"}]},"y":[]})");
        QTest::newRow("numbers for strings") << QByteArray(R"({"id":"1","modifiedTime":1773369874,"bypassType":3.5,"microtenantId":0})");
        QTest::newRow("empty object") << QByteArray("{}");
    }
    void faithfulToQtParser()
    {
        QFETCH(QByteArray, json);
        QStringList problems;
        bool ok = false;
        const AppSegment s = AppSegment::fromJsonBytes(json, &problems, nullptr, &ok);
        QVERIFY(ok);
        QCOMPARE(s.toJson(), qtObject(json));
        QCOMPARE(AppSegment::fromJson(qtObject(json)).toJson(), qtObject(json));
    }

    void tolerantValues()
    {
        QStringList problems;
        AppSegment s = AppSegment::fromJsonBytes(R"({"id":216196257331404639,"enabled":"true","domainNames":"a.example.com",
            "tcpPortRanges":["80"],"name":"a-b\u00e9"})", &problems);
        QCOMPARE(s.id(), QStringLiteral("216196257331404639")); // exact: not through a double
        QVERIFY(s.enabled());
        QCOMPARE(s.domainNames(), QStringList{QStringLiteral("a.example.com")});
        QCOMPARE(s.tcpPorts(), (PortRangeList{{80, 80}}));
        QCOMPARE(s.name(), QStringLiteral("a-bé"));
        QVERIFY(problems.size() >= 4);
        QVERIFY(problems.join(QLatin1Char('|')).contains(QLatin1String("\"id\" is a number")));
        QVERIFY(problems.join(QLatin1Char('|')).contains(QLatin1String("odd number")));
        // A changed odd field is written in the proper form; the others stay as they came.
        s.setEnabled(false);
        const QJsonObject o = s.toJson();
        QCOMPARE(o.value(QLatin1String("enabled")), QJsonValue(false));
        QVERIFY(o.value(QLatin1String("id")).isDouble());
        QCOMPARE(o.value(QLatin1String("domainNames")).toString(), QStringLiteral("a.example.com"));

        problems.clear();
        bool ok = true;
        const AppSegment bad = AppSegment::fromJsonBytes("[1,2]", &problems, nullptr, &ok);
        QVERIFY(!ok);
        QVERIFY(bad.id().isEmpty());
        QCOMPARE(problems.size(), 1);
        const AppSegment cut = AppSegment::fromJsonBytes("{\"id\":\"1\",\"name\":\"ab", &problems, nullptr, &ok);
        QVERIFY(!ok);
        QVERIFY(cut.name().isEmpty());
        const AppSegment noId = AppSegment::fromJsonBytes(R"({"name":"x"})", &problems, nullptr, &ok);
        QVERIFY(ok);
        QVERIFY(noId.id().isEmpty());
        QVERIFY(problems.last().contains(QLatin1String("no id")));
    }

    void generatedSegmentsRoundTrip()
    {
        zctest::ZpaSegmentGenerator gen(7);
        ZpaInternPool pool;
        for (int i = 0; i < 300; ++i) {
            const QByteArray json = gen.segment(i);
            const AppSegment s = AppSegment::fromJsonBytes(json, nullptr, &pool);
            QCOMPARE(s.toJson(), qtObject(json));
            QCOMPARE(s.id(), QString::fromLatin1(zctest::ZpaSegmentGenerator::idFor(i)));
        }
        QVERIFY(pool.bytesCount() < 100); // the shared flags are pooled, not one per row
    }

    void pages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("rows");
        QTest::addColumn<qint64>("totalPages");
        QTest::addColumn<qint64>("totalCount");
        QTest::addColumn<int>("skipped");
        QTest::addColumn<QString>("mentions"); // in error or problems
        const QByteArray a = R"({"id":"1","name":"a"})";
        const QByteArray b = R"({"id":"2","name":"b"})";
        QTest::newRow("strings") << ("{\"totalPages\":\"2\",\"totalCount\":\"3\",\"list\":[" + a + "," + b + "]}") << true << 2 << 2LL << 3LL << 0 << QString();
        QTest::newRow("numbers") << ("{\"totalPages\":2,\"totalCount\":3,\"list\":[" + a + "]}") << true << 1 << 2LL << 3LL << 0 << QString();
        QTest::newRow("absurd pages") << ("{\"totalPages\":\"999999\",\"totalCount\":\"2\",\"list\":[" + a + "]}") << true << 1 << -1LL << 2LL << 0 << QStringLiteral("implausible");
        QTest::newRow("negative") << QByteArray(R"({"totalPages":"-1","totalCount":-5,"list":[]})") << true << 0 << -1LL << -1LL << 0 << QStringLiteral("negative");
        QTest::newRow("not a number") << QByteArray(R"({"totalPages":"many","totalCount":"1.5","list":[]})") << true << 0 << -1LL << -1LL << 0 << QStringLiteral("not a whole number");
        QTest::newRow("more rows than count") << ("{\"totalCount\":\"1\",\"list\":[" + a + "," + b + "]}") << true << 2 << -1LL << 1LL << 0 << QStringLiteral("only 1");
        QTest::newRow("no list") << QByteArray(R"({"totalPages":"0","totalCount":"0"})") << true << 0 << 0LL << 0LL << 0 << QString();
        QTest::newRow("no list but count") << QByteArray(R"({"totalPages":"1","totalCount":"4"})") << true << 0 << 1LL << 4LL << 0 << QStringLiteral("no \"list\"");
        QTest::newRow("list not an array") << QByteArray(R"({"totalPages":"1","list":"oops"})") << false << 0 << -1LL << -1LL << 0 << QStringLiteral("\"list\" is a string");
        QTest::newRow("rows of wrong type") << ("{\"list\":[1,\"x\",null,[]," + a + "]}") << true << 1 << -1LL << -1LL << 4 << QStringLiteral("not an object");
        QTest::newRow("row without id") << ("{\"list\":[{\"name\":\"orphan\"}," + b + "]}") << true << 1 << -1LL << -1LL << 1 << QStringLiteral("orphan");
        QTest::newRow("bare array") << ("[" + a + "," + b + "]") << true << 2 << -1LL << -1LL << 0 << QString();
        QTest::newRow("cut in a row") << ("{\"totalPages\":\"1\",\"list\":[" + a + ",{\"id\":\"2\",\"na") << false << 0 << -1LL << -1LL << 0 << QStringLiteral("not complete JSON");
        QTest::newRow("cut after list") << ("{\"list\":[" + a + "]") << false << 0 << -1LL << -1LL << 0 << QStringLiteral("not complete JSON");
        QTest::newRow("trailing garbage") << ("[" + a + "] x") << false << 0 << -1LL << -1LL << 0 << QStringLiteral("after the end");
        QTest::newRow("empty") << QByteArray("  ") << false << 0 << -1LL << -1LL << 0 << QStringLiteral("empty");
        QTest::newRow("error body") << QByteArray(R"({"id":"resource.not.found","reason":"Resource not found"})") << false << 0 << -1LL << -1LL << 0 << QStringLiteral("Resource not found");
        QTest::newRow("invalid UTF-8") << QByteArray("[{\"id\":\"1\",\"name\":\"\xff\"}]") << false << 0 << -1LL << -1LL << 0 << QStringLiteral("UTF-8");
        QTest::newRow("control char, as Qt") << QByteArray("[{\"id\":\"1\",\"name\":\"a\x01\"}]") << true << 1 << -1LL << -1LL << 0 << QString();
        QTest::newRow("deep nesting") << (QByteArray(100000, '[') + QByteArray(100000, ']')) << false << 0 << -1LL << -1LL << 0 << QStringLiteral("deeply");
        QTest::newRow("scalar") << QByteArray("42") << false << 0 << -1LL << -1LL << 0 << QStringLiteral("not a list page");
    }
    void pages()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, rows);
        QFETCH(qint64, totalPages);
        QFETCH(qint64, totalCount);
        QFETCH(int, skipped);
        QFETCH(QString, mentions);
        const AppSegmentPage p = AppSegmentPage::parse(body);
        QCOMPARE(p.ok, ok);
        QCOMPARE(p.rows.size(), rows);
        QCOMPARE(p.totalPages, totalPages);
        QCOMPARE(p.totalCount, totalCount);
        QCOMPARE(p.skippedRows, skipped);
        const QString said = p.error + QLatin1Char('|') + p.problems.join(QLatin1Char('|'));
        if (!mentions.isEmpty())
            QVERIFY2(said.contains(mentions), qPrintable(said));
        if (ok)
            QVERIFY(p.error.isEmpty());
        else
            QVERIFY(!p.error.isEmpty());
    }

    // The hand-written scanner against Qt's parser on damaged copies of a real page: every
    // truncation, and byte flips. It must never crash (run under ASan), never take a damaged
    // body as a page, and agree with QJsonDocument on what is valid JSON.
    void damagedPagesAgreeWithQt()
    {
        const QByteArray body = responseBody(m_rec, 4);
        for (qsizetype n = 0; n < body.size(); ++n) {
            const AppSegmentPage p = AppSegmentPage::parse(body.left(n));
            QVERIFY2(!p.ok, qPrintable(QString::number(n)));
            QVERIFY(p.rows.isEmpty());
        }
        quint32 state = 12345;
        auto next = [&state] { return state = state * 1664525u + 1013904223u; };
        const char alphabet[] = "{}[]\",:\\u0aZ \x80\xff\x01-e.";
        int agreed = 0;
        for (int i = 0; i < 3000; ++i) {
            QByteArray m = body;
            const int flips = 1 + int(next() % 3);
            for (int f = 0; f < flips; ++f)
                m[qsizetype(next() % quint32(m.size()))] = alphabet[next() % (sizeof(alphabet) - 1)];
            const AppSegmentPage p = AppSegmentPage::parse(m);
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(m, &err);
            const bool qtValid = err.error == QJsonParseError::NoError;
            const bool oursValid = p.ok || !p.error.contains(QLatin1String("not complete JSON"));
            QVERIFY2(qtValid == oursValid,
                     qPrintable(QStringLiteral("Qt: %1, ours: %2; in %3")
                                    .arg(err.errorString(), p.ok ? QStringLiteral("ok") : p.error,
                                         QString::fromLatin1(m.toPercentEncoding("{}[]\":,-_. ")))));
            agreed += qtValid ? 1 : 0;
            for (const AppSegment &s : p.rows)
                QVERIFY(!s.idUtf8().isEmpty());
        }
        QVERIFY(agreed > 10); // some mutations stay valid JSON
    }

    void plannedPages()
    {
        ZpaPage p;
        p.totalCount = 1001;
        p.totalPages = 3;
        QStringList problems;
        QCOMPARE(p.plannedPages(500, ZpaPage::DefaultMaxPages, &problems), 3);
        QVERIFY(problems.isEmpty());
        p.totalPages = 5;
        QCOMPARE(p.plannedPages(500, ZpaPage::DefaultMaxPages, &problems), 3);
        QCOMPARE(problems.size(), 1);
        p.totalCount = -1;
        QCOMPARE(p.plannedPages(500), 5);
        p.totalCount = 50000000;
        problems.clear();
        QCOMPARE(p.plannedPages(500, 1000, &problems), 1000);
        QVERIFY(problems.join(QLatin1Char(' ')).contains(QLatin1String("limit")));
    }

    void groupsAndMicrotenants()
    {
        const QJsonArray sg = interactions("TestSegmentGroup");
        const auto groups = parseSegmentGroups(responseBody(sg, 5));
        QVERIFY(groups.ok);
        QCOMPARE(groups.rows.size(), 2);
        QCOMPARE(groups.rows.at(0).name, QStringLiteral("Example100"));
        QVERIFY(groups.rows.at(0).applicationCount > 0);
        const QJsonArray srv = interactions("TestServerGroup");
        const ZpaServerGroup one = ZpaServerGroup::fromJson(qtObject(responseBody(srv, 2)));
        QCOMPARE(one.id, QStringLiteral("216196257331404708"));
        QCOMPARE(one.appConnectorGroups.size(), 1);
        QVERIFY(one.dynamicDiscovery);
        const QJsonArray mt = interactions("TestMicrotenants");
        const auto list = parseMicrotenants(responseBody(mt, 4));
        QCOMPARE(list.rows.size(), 2);
        QVERIFY(list.rows.at(1).isDefault());
        const auto summary = parseMicrotenants(responseBody(mt, 5)); // a bare array
        QCOMPARE(summary.rows.size(), 2);

        ZpaMicrotenantChoice c;
        QString error;
        QVERIFY(ZpaMicrotenantChoice::parse(QStringLiteral("all"), &c, &error));
        QVERIFY(c.queryValue().isEmpty());
        QVERIFY(ZpaMicrotenantChoice::parse(QStringLiteral("Default"), &c, &error));
        QCOMPARE(c.queryValue(), QStringLiteral("0"));
        QVERIFY(ZpaMicrotenantChoice::parse(QStringLiteral("216196257331404644"), &c, &error));
        QCOMPARE(c.kind, ZpaMicrotenantChoice::Id);
        QVERIFY(!ZpaMicrotenantChoice::parse(QStringLiteral("tenant-1"), &c, &error));
        QVERIFY(error.contains(QLatin1String("tenant-1")));
    }
};

QTEST_GUILESS_MAIN(TestAppSegment)
#include "tst_appsegment.moc"
