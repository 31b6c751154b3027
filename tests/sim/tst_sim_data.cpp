// The generated data set and the stateful APIs: 10,000 segments paged, microtenant partitions,
// search, segment CRUD and port validation, ZIdentity clients and secrets, ZIA activation.
#include "tst_sim_data.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

void TestSimData::initTestCase()
{
    zsim::SimOptions o;   // the default 10,000 segments (start-up time: bench_sim_startup)
    m_sim = startSim(o);
    QVERIFY(m_sim);
    // Activation and secret expiry go by the simulator's clock; frozen, it moves only when a
    // test advances it.
    m_sim->sim()->freezeClock();
    m_client = std::make_unique<SimClient>(m_sim->sim());
}

QList<QJsonObject> TestSimData::allSegments(const QString &extraQuery)
{
    QList<QJsonObject> out;
    for (int page = 1; page < 100; ++page) {
        const HttpResult r = m_client->get(seg(QStringLiteral("?page=%1&pagesize=500%2").arg(page).arg(extraQuery)), auth());
        if (r.status != 200)
            return {};
        const QJsonArray list = r.object().value(QLatin1String("list")).toArray();
        for (const QJsonValue &v : list)
            out.append(v.toObject());
        if (page >= r.object().value(QLatin1String("totalPages")).toString().toInt())
            break;
    }
    return out;
}

void TestSimData::tenThousandSegmentsPaged()
{
    QSet<QString> ids;
    for (int page = 1; page <= 20; ++page) {
        const HttpResult r = m_client->get(seg(QStringLiteral("?page=%1&pagesize=500").arg(page)), auth());
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.object();
        QCOMPARE(o.value(QLatin1String("totalCount")).toString(), QStringLiteral("10000"));
        QCOMPARE(o.value(QLatin1String("totalPages")).toString(), QStringLiteral("20"));
        const QJsonArray list = o.value(QLatin1String("list")).toArray();
        QCOMPARE(list.size(), 500);
        for (const QJsonValue &v : list) {
            QVERIFY(v.toObject().value(QLatin1String("id")).isString());
            ids.insert(v.toObject().value(QLatin1String("id")).toString());
        }
    }
    QCOMPARE(ids.size(), 10000);
    HttpResult r = m_client->get(seg(QStringLiteral("?page=21&pagesize=500")), auth());
    QCOMPARE(r.object().value(QLatin1String("list")).toArray().size(), 0);
    r = m_client->get(seg(), auth());   // defaults: page 1, pagesize 20
    QCOMPARE(r.object().value(QLatin1String("totalPages")).toString(), QStringLiteral("500"));
    QCOMPARE(r.object().value(QLatin1String("list")).toArray().size(), 20);
    r = m_client->get(seg(QStringLiteral("?pagesize=1000")), auth());   // clamped to 500
    QCOMPARE(r.object().value(QLatin1String("list")).toArray().size(), 500);
    QCOMPARE(r.object().value(QLatin1String("totalPages")).toString(), QStringLiteral("20"));
}

void TestSimData::microtenantsPartition()
{
    const HttpResult mts = m_client->get(m_client->zpaBase(true) + QStringLiteral("/microtenants"), auth());
    QCOMPARE(mts.status, 200);
    const QJsonArray list = mts.object().value(QLatin1String("list")).toArray();
    QCOMPARE(list.size(), 4);
    QCOMPARE(list.last().toObject().value(QLatin1String("id")).toString(), QStringLiteral("0"));   // Default is listed last
    QSet<QString> seen;
    int total = 0;
    for (const QJsonValue &mt : list) {
        const QString id = mt.toObject().value(QLatin1String("id")).toString();
        const QList<QJsonObject> part = allSegments(QStringLiteral("&microtenantId=") + id);
        QVERIFY2(!part.isEmpty(), qPrintable(id));
        for (const QJsonObject &s : part) {
            QCOMPARE(s.value(QLatin1String("microtenantId")).toString(), id);
            QVERIFY(!seen.contains(s.value(QLatin1String("id")).toString()));
            seen.insert(s.value(QLatin1String("id")).toString());
        }
        total += int(part.size());
    }
    QCOMPARE(total, 10000);
    QCOMPARE(seen.size(), 10000);
    QCOMPARE(m_client->get(seg(QStringLiteral("?microtenantId=999")), auth()).status, 400);
}

void TestSimData::generatedDataIsAwkward()
{
    const HttpResult r = m_client->get(seg(QStringLiteral("?page=1&pagesize=500")), auth());
    QStringList names;
    QStringList domains;
    qint64 minTime = LLONG_MAX, maxTime = 0;
    bool udp = false, both = true;
    for (const QJsonValue &v : r.object().value(QLatin1String("list")).toArray()) {
        const QJsonObject s = v.toObject();
        names.append(s.value(QLatin1String("name")).toString());
        for (const QJsonValue &d : s.value(QLatin1String("domainNames")).toArray())
            domains.append(d.toString());
        const qint64 t = s.value(QLatin1String("modifiedTime")).toString().toLongLong();
        minTime = qMin(minTime, t);
        maxTime = qMax(maxTime, t);
        udp = udp || !s.value(QLatin1String("udpPortRanges")).toArray().isEmpty();
        both = both && s.value(QLatin1String("tcpPortRanges")).toArray().size() == 2 * s.value(QLatin1String("tcpPortRange")).toArray().size();
    }
    const QString all = names.join(QLatin1Char('\n'));
    QVERIFY(all.contains(QStringLiteral("Zürich Größe — 東京 ✓")));
    QVERIFY(all.contains(QStringLiteral("تطبيق")));
    QVERIFY(all.contains(QStringLiteral("<b>bold</b> & \"quotes\"")));
    QVERIFY(all.contains(QStringLiteral("=cmd|' /C calc'!A0")));
    QVERIFY(domains.join(QLatin1Char(' ')).contains(QStringLiteral("*.")));
    QVERIFY(!domains.filter(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+\\.\\d+$"))).isEmpty());
    QVERIFY(udp);
    QVERIFY(both);
    QVERIFY2(maxTime - minTime > 300LL * 86400, "modified times should spread over about two years");
    const HttpResult groups = m_client->get(m_client->zpaBase(true) + QStringLiteral("/segmentGroup?pagesize=1"), auth());
    QCOMPARE(groups.object().value(QLatin1String("totalCount")).toString(), QStringLiteral("40"));
    const HttpResult servers = m_client->get(m_client->zpaBase(true) + QStringLiteral("/serverGroup?pagesize=1"), auth());
    QCOMPARE(servers.object().value(QLatin1String("totalCount")).toString(), QStringLiteral("60"));
}

void TestSimData::searchEqAndContains()
{
    const QString name = QStringLiteral("Zürich Größe — 東京 ✓ #2");
    const QByteArray enc = QUrl::toPercentEncoding(name);
    HttpResult r = m_client->get(seg(QStringLiteral("?search=name%2BEQ%2B") + QString::fromLatin1(enc)), auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("totalCount")).toString(), QStringLiteral("1"));
    QCOMPARE(r.object().value(QLatin1String("list")).toArray().first().toObject().value(QLatin1String("name")).toString(), name);
    r = m_client->get(seg(QStringLiteral("?search=name+EQ+") + QString::fromLatin1(enc)), auth());
    QCOMPARE(r.object().value(QLatin1String("totalCount")).toString(), QStringLiteral("1"));

    // CONTAINS agrees with a client-side count over the full listing.
    const QList<QJsonObject> all = allSegments();
    QCOMPARE(all.size(), 10000);
    int expected = 0;
    for (const QJsonObject &s : all)
        expected += s.value(QLatin1String("name")).toString().contains(QStringLiteral("<b>bold</b>"), Qt::CaseInsensitive) ? 1 : 0;
    QVERIFY(expected > 100);
    r = m_client->get(seg(QStringLiteral("?pagesize=1&search=name%2BCONTAINS%2B") + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("<b>bold</b>")))), auth());
    QCOMPARE(r.object().value(QLatin1String("totalCount")).toString().toInt(), expected);
    QCOMPARE(m_client->get(seg(QStringLiteral("?search=name%2BLIKE%2Bx")), auth()).status, 400);
    r = m_client->get(seg(QStringLiteral("?search=name%2BEQ%2Bno-such-segment")), auth());
    QCOMPARE(r.object().value(QLatin1String("totalCount")).toString(), QStringLiteral("0"));
}

QJsonObject TestSimData::newSegmentBody(const QString &name, const QString &domain)
{
    const HttpResult groups = m_client->get(m_client->zpaBase(true) + QStringLiteral("/segmentGroup?pagesize=1&microtenantId=0"), auth());
    const HttpResult servers = m_client->get(m_client->zpaBase(true) + QStringLiteral("/serverGroup?pagesize=1&microtenantId=0"), auth());
    return QJsonObject{
        {QStringLiteral("name"), name}, {QStringLiteral("description"), QStringLiteral("created by sim_data")},
        {QStringLiteral("enabled"), true}, {QStringLiteral("domainNames"), QJsonArray{domain}},
        {QStringLiteral("segmentGroupId"), groups.object().value(QLatin1String("list")).toArray().first().toObject().value(QLatin1String("id"))},
        {QStringLiteral("serverGroups"), QJsonArray{QJsonObject{{QStringLiteral("id"), servers.object().value(QLatin1String("list")).toArray().first().toObject().value(QLatin1String("id"))}}}},
        {QStringLiteral("tcpPortRanges"), QJsonArray{QStringLiteral("9001"), QStringLiteral("9001")}}};
}

void TestSimData::segmentCrudRoundTrip()
{
    QJsonObject body = newSegmentBody(QStringLiteral("crud — ✓ test"), QStringLiteral("crud.sim-data.example"));
    HttpResult r = m_client->postJson(seg(), body, auth());
    QCOMPARE(r.status, 201);
    const QJsonObject created = r.object();
    const QString id = created.value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.value(QLatin1String("tcpPortRange")).toArray(), QJsonArray({QJsonObject{{QStringLiteral("from"), QStringLiteral("9001")}, {QStringLiteral("to"), QStringLiteral("9001")}}}));
    QVERIFY(created.value(QLatin1String("modifiedTime")).isString());
    QCOMPARE(m_client->get(seg(QLatin1Char('/') + id), auth()).object(), created);

    body.insert(QStringLiteral("description"), QStringLiteral("updated"));
    body.insert(QStringLiteral("tcpPortRanges"), QJsonArray());
    body.insert(QStringLiteral("tcpPortRange"), QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("8000")}, {QStringLiteral("to"), QStringLiteral("8100")}}});
    r = m_client->putJson(seg(QLatin1Char('/') + id), body, auth());
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    // The legacy host sees the same store.
    const QJsonObject updated = m_client->get(m_client->zpaBase(false) + QStringLiteral("/application/") + id, SimClient::bearer(m_client->zpaToken())).object();
    QCOMPARE(updated.value(QLatin1String("description")).toString(), QStringLiteral("updated"));
    QCOMPARE(updated.value(QLatin1String("tcpPortRanges")).toArray(), QJsonArray({QStringLiteral("8000"), QStringLiteral("8100")}));
    QVERIFY(updated.value(QLatin1String("modifiedTime")).toString().toLongLong() >= created.value(QLatin1String("modifiedTime")).toString().toLongLong());
    QCOMPARE(updated.value(QLatin1String("creationTime")), created.value(QLatin1String("creationTime")));

    QCOMPARE(m_client->del(seg(QLatin1Char('/') + id + QStringLiteral("?forceDelete=true")), auth()).status, 204);
    r = m_client->get(seg(QLatin1Char('/') + id), auth());
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value(QLatin1String("id")).toString(), QStringLiteral("resource.not.found"));
    QCOMPARE(m_client->putJson(seg(QLatin1Char('/') + id), body, auth()).status, 404);
    QCOMPARE(m_client->del(seg(QLatin1Char('/') + id), auth()).status, 404);
    QCOMPARE(m_client->send("POST", seg(), "{not json", auth()).status, 400);
}

void TestSimData::portValidation()
{
    const auto tryPorts = [&](const QString &key, const QJsonArray &ports, const QString &domain) {
        QJsonObject b = newSegmentBody(QStringLiteral("ports ") + domain, domain);
        b.remove(QStringLiteral("tcpPortRanges"));
        b.insert(key, ports);
        return m_client->postJson(seg(), b, auth());
    };
    const auto badRequest = [](const HttpResult &r) {
        return r.status == 400 && r.object().value(QLatin1String("id")).toString() == QLatin1String("bad.request")
            && !r.object().value(QLatin1String("reason")).toString().isEmpty();
    };
    const auto range = [](const QJsonValue &from, const QJsonValue &to) { return QJsonObject{{QStringLiteral("from"), from}, {QStringLiteral("to"), to}}; };
    QVERIFY(badRequest(tryPorts(QStringLiteral("tcpPortRanges"), {QStringLiteral("90"), QStringLiteral("80")}, QStringLiteral("p1.example"))));
    QVERIFY(badRequest(tryPorts(QStringLiteral("tcpPortRanges"), {QStringLiteral("0"), QStringLiteral("80")}, QStringLiteral("p2.example"))));
    QVERIFY(badRequest(tryPorts(QStringLiteral("tcpPortRanges"), {QStringLiteral("80"), QStringLiteral("65536")}, QStringLiteral("p3.example"))));
    QVERIFY(badRequest(tryPorts(QStringLiteral("tcpPortRanges"), {QStringLiteral("80")}, QStringLiteral("p4.example"))));
    QVERIFY(badRequest(tryPorts(QStringLiteral("tcpPortRanges"), {QStringLiteral("eighty"), QStringLiteral("80")}, QStringLiteral("p5.example"))));
    QVERIFY(badRequest(tryPorts(QStringLiteral("tcpPortRange"), {range(QStringLiteral("443"), QStringLiteral("80"))}, QStringLiteral("p6.example"))));
    QVERIFY(badRequest(tryPorts(QStringLiteral("udpPortRange"), {range(QStringLiteral("x"), QStringLiteral("80"))}, QStringLiteral("p7.example"))));
    QJsonObject both = newSegmentBody(QStringLiteral("ports both"), QStringLiteral("p8.example"));
    both.insert(QStringLiteral("tcpPortRange"), QJsonArray{range(QStringLiteral("81"), QStringLiteral("81"))});
    QVERIFY(badRequest(m_client->postJson(seg(), both, auth())));   // the encodings disagree
    QJsonObject none = newSegmentBody(QStringLiteral("ports none"), QStringLiteral("p9.example"));
    none.remove(QStringLiteral("tcpPortRanges"));
    QVERIFY(badRequest(m_client->postJson(seg(), none, auth())));

    // Numbers are accepted and echoed as strings in both encodings.
    HttpResult ok = tryPorts(QStringLiteral("udpPortRange"), {range(5000, 5010)}, QStringLiteral("p10.example"));
    QCOMPARE(ok.status, 201);
    QCOMPARE(ok.object().value(QLatin1String("udpPortRanges")).toArray(), QJsonArray({QStringLiteral("5000"), QStringLiteral("5010")}));
    // Same domain, overlapping ports: refused; disjoint ports: fine.
    HttpResult overlap = tryPorts(QStringLiteral("udpPortRanges"), {QStringLiteral("5005"), QStringLiteral("5006")}, QStringLiteral("p10.example"));
    QCOMPARE(overlap.status, 400);
    QCOMPARE(overlap.object().value(QLatin1String("id")).toString(), QStringLiteral("app.segment.port.overlap"));
    QCOMPARE(tryPorts(QStringLiteral("udpPortRanges"), {QStringLiteral("6000"), QStringLiteral("6001")}, QStringLiteral("p10.example")).status, 201);
}

void TestSimData::deterministicForSeed()
{
    zsim::SimOptions a;
    a.segments = 300;
    a.seed = 99;
    auto one = startSim(a);
    auto two = startSim(a);
    a.seed = 100;
    auto three = startSim(a);
    QVERIFY(one && two && three);
    SimClient c1(one->sim()), c2(two->sim()), c3(three->sim());
    const QString page = c1.zpaBase(true) + QStringLiteral("/application?pagesize=50&page=3");
    const QByteArray b1 = c1.get(page, SimClient::bearer(c1.oneApiToken())).body;
    QVERIFY(b1.size() > 1000);
    QCOMPARE(c2.get(page, SimClient::bearer(c2.oneApiToken())).body, b1);
    QVERIFY(c3.get(page, SimClient::bearer(c3.oneApiToken())).body != b1);
    const QJsonObject p1 = one->sim()->demoProfile(), p2 = two->sim()->demoProfile();
    QCOMPARE(p1.value(QLatin1String("clients")).toArray().at(0).toObject().value(QLatin1String("secret")),
             p2.value(QLatin1String("clients")).toArray().at(0).toObject().value(QLatin1String("secret")));
    QCOMPARE(p1.value(QLatin1String("clients")).toArray().at(3).toObject().value(QLatin1String("apiKey")),
             p2.value(QLatin1String("clients")).toArray().at(3).toObject().value(QLatin1String("apiKey")));
}

void TestSimData::stateDirReuse()
{
    QTemporaryDir dir;
    zsim::SimOptions o;
    o.segments = 10;
    o.stateDir = dir.path();
    QByteArray ca;
    {
        zsim::Simulator sim(o);
        QVERIFY(sim.start());
        ca = sim.caCertificatePem();
        QCOMPARE(sim.caCertificatePath(), dir.path() + QStringLiteral("/ca.pem"));
        QFile key(dir.path() + QStringLiteral("/server-key.pem"));
        QCOMPARE(int(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
    }
    {
        zsim::Simulator sim(o);
        QVERIFY(sim.start());
        QCOMPARE(sim.caCertificatePem(), ca);   // reused
    }
    QFile broken(dir.path() + QStringLiteral("/server.pem"));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("garbage");
    broken.close();
    zsim::Simulator sim(o);
    QVERIFY(sim.start());
    QCOMPARE(sim.caCertificatePem(), ca);   // a new server certificate under the same CA
    SimClient client(&sim);
    QCOMPARE(client.get(QStringLiteral("/zia/api/v1/status"), SimClient::bearer(client.oneApiToken())).status, 200);
}

void TestSimData::cleanupTestCase()
{
    m_client.reset();
    m_sim.reset();
}

QTEST_GUILESS_MAIN(TestSimData)
