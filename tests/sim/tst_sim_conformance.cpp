// Replays the recorded real exchanges (tests/fixtures/recorded-json) against the simulator and
// checks status codes, key headers and JSON shapes: every field of the recorded body must exist
// in the simulator's body with the same JSON type, at every object level (arrays: first element).
#include "SimTestUtil.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Plan {
    bool replay = true;
    QString skipReason;
    QString path;            // replacement path (and query) for exchanges replayed elsewhere
    QJsonArray faults;       // knobs.faults to provoke the recorded error status
    bool badToken = false;
};

QJsonObject fault(const QString &route, const QString &kind)
{
    return QJsonObject{{QStringLiteral("route"), route}, {QStringLiteral("kind"), kind}, {QStringLiteral("count"), 1}};
}

Plan skip(const QString &why)
{
    Plan p;
    p.replay = false;
    p.skipReason = why;
    return p;
}

// Which exchanges are covered, and how. Everything not listed here is replayed as recorded.
Plan planFor(const QString &file, int index)
{
    const QString cid = QStringLiteral("216196257331281920");
    if (file == QLatin1String("zpa/TestAccessPolicyReorderRule.json")) {
        if (index != 18)
            return skip(QStringLiteral("policySet / access rules are not simulated"));
        Plan p;  // the recorded ZPA 429, provoked on a simulated ZPA route
        p.path = QStringLiteral("/zpa/mgmtconfig/v1/admin/customers/%1/application").arg(cid);
        p.faults = {fault(QStringLiteral("GET /zpa/mgmtconfig/v1/admin/customers/{customerId}/application"), QStringLiteral("429"))};
        return p;
    }
    if (file == QLatin1String("zia/TestAdminRoles.json")) {
        if (index != 2)
            return skip(QStringLiteral("adminRoles and passwordExpiry are not simulated"));
        Plan p;  // the recorded ZIA 429 "Rate Limit (2/SECOND)"
        p.path = QStringLiteral("/zia/api/v1/status");
        p.faults = {fault(QStringLiteral("GET /zia/api/v1/status"), QStringLiteral("429"))};
        return p;
    }
    if (file == QLatin1String("zia/TestRemoteAssistance.json")) {
        if (index != 1)
            return skip(QStringLiteral("remoteAssistance is not simulated"));
        Plan p;  // the recorded 409 EDIT_LOCK_NOT_AVAILABLE, on a simulated ZIA write
        p.path = QStringLiteral("/zia/api/v1/urlCategories/CUSTOM_01");
        p.faults = {fault(QStringLiteral("PUT /zia/api/v1/urlCategories/{id}"), QStringLiteral("409"))};
        return p;
    }
    if (file == QLatin1String("zia/TestTrafficGRETunnel.json")) {
        if (index == 0 || index == 13)
            return {};
        if (index != 12)
            return skip(QStringLiteral("staticIP, vips and greTunnels are not simulated"));
        Plan p;  // the recorded gateway 401
        p.path = QStringLiteral("/zia/api/v1/status");
        p.badToken = true;
        return p;
    }
    if (file == QLatin1String("zia/TestURLCategories.json") && (index == 9 || index == 10))
        return skip(QStringLiteral("urlCategories/review/domains is not simulated"));
    if (file == QLatin1String("zid/TestGroups.json") && index != 0)
        return skip(QStringLiteral("ZIdentity groups are not simulated"));
    return {};
}

QString idText(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString();
}

void compareShape(const QJsonValue &rec, const QJsonValue &sim, const QString &path, QStringList *errors)
{
    if (rec.isNull() || rec.isUndefined())
        return;
    if (rec.type() != sim.type()) {
        errors->append(QStringLiteral("%1: recorded type %2, simulator type %3").arg(path).arg(int(rec.type())).arg(int(sim.type())));
        return;
    }
    if (rec.isObject()) {
        const QJsonObject r = rec.toObject(), s = sim.toObject();
        for (auto it = r.begin(); it != r.end(); ++it) {
            if (!s.contains(it.key()))
                errors->append(QStringLiteral("%1.%2: missing in the simulator").arg(path, it.key()));
            else
                compareShape(it.value(), s.value(it.key()), path + QLatin1Char('.') + it.key(), errors);
        }
    } else if (rec.isArray() && !rec.toArray().isEmpty()) {
        if (sim.toArray().isEmpty())
            errors->append(QStringLiteral("%1[]: recorded non-empty, simulator empty").arg(path));
        else
            compareShape(rec.toArray().first(), sim.toArray().first(), path + QStringLiteral("[0]"), errors);
    }
}

void learnIds(const QJsonValue &rec, const QJsonValue &sim, QHash<QString, QString> *ids)
{
    if (!rec.isObject() || !sim.isObject())
        return;
    const QJsonObject r = rec.toObject(), s = sim.toObject();
    if (r.contains(QLatin1String("id")) && s.contains(QLatin1String("id"))) {
        const QString from = idText(r.value(QLatin1String("id"))), to = idText(s.value(QLatin1String("id")));
        if (!from.isEmpty() && from != to && !ids->contains(from))
            ids->insert(from, to);
    }
    for (const char *list : {"list", "records"}) {
        const QJsonArray a = r.value(QLatin1String(list)).toArray(), b = s.value(QLatin1String(list)).toArray();
        if (!a.isEmpty() && !b.isEmpty())
            learnIds(a.first(), b.first(), ids);
    }
}

} // namespace

class TestSimConformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void replay_data();
    void replay();
    void coverage();
    void cleanupTestCase();

private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    std::unique_ptr<SimClient> m_client;
    QHash<QString, QHash<QString, QString>> m_ids;   // per fixture: recorded id -> simulator id
    int m_replayed = 0;
    int m_skipped = 0;
    int m_passed = 0;
};

void TestSimConformance::initTestCase()
{
    zsim::SimOptions o;
    o.segments = 2000;
    o.seed = 7;
    m_sim = startSim(o);
    QVERIFY(m_sim);
    m_client = std::make_unique<SimClient>(m_sim->sim());
    QVERIFY(!m_client->oneApiToken().isEmpty());
}

void TestSimConformance::replay_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    const QDir root(QStringLiteral(ZC_FIXTURES_DIR "/recorded-json"));
    for (const QString &area : {QStringLiteral("zia"), QStringLiteral("zid"), QStringLiteral("zpa")}) {
        for (const QString &name : QDir(root.filePath(area)).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QString file = area + QLatin1Char('/') + name;
            QFile f(root.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const int n = int(QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("interactions")).toArray().size());
            for (int i = 0; i < n; ++i) {
                const Plan plan = planFor(file, i);
                if (!plan.replay) {
                    // Out of scope (an API the simulator does not model): no row, so no skip;
                    // counted and named, and every one needs its reason.
                    QVERIFY2(!plan.skipReason.isEmpty(), qPrintable(file));
                    ++m_skipped;
                    qInfo("not replayed: %s#%d: %s", qPrintable(file), i, qPrintable(plan.skipReason));
                    continue;
                }
                QTest::newRow(qPrintable(QStringLiteral("%1#%2").arg(file).arg(i))) << file << i;
                ++m_replayed;
            }
        }
    }
}

void TestSimConformance::replay()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    const Plan plan = planFor(file, index);
    QVERIFY(plan.replay);

    QFile f(QStringLiteral(ZC_FIXTURES_DIR "/recorded-json/") + file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject it = QJsonDocument::fromJson(f.readAll()).object()
                               .value(QLatin1String("interactions")).toArray().at(index).toObject();
    const QJsonObject rq = it.value(QLatin1String("request")).toObject();
    const QJsonObject rs = it.value(QLatin1String("response")).toObject();
    QHash<QString, QString> &ids = m_ids[file];
    const auto substitute = [&ids](QString s) {
        for (auto i = ids.cbegin(); i != ids.cend(); ++i)
            s.replace(i.key(), i.value());
        return s;
    };

    const QString method = rq.value(QLatin1String("method")).toString();
    const QString uri = rq.value(QLatin1String("uri")).toString();
    const QString path = plan.path.isEmpty() ? substitute(uri.mid(uri.indexOf(QLatin1Char('/'), 8))) : plan.path;
    const QString recordedBody = rq.value(QLatin1String("body")).toString();
    QByteArray body;
    HeaderPairs headers;
    if (path.startsWith(QLatin1String("/oauth2/v1/token"))) {
        const QJsonObject c = m_client->demoClient(QStringLiteral("oneapi-secret"));
        QVERIFY(recordedBody.contains(QLatin1String("grant_type=client_credentials")));
        body = formEncode({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                           {QStringLiteral("client_id"), c.value(QLatin1String("clientId")).toString()},
                           {QStringLiteral("client_secret"), c.value(QLatin1String("secret")).toString()},
                           {QStringLiteral("audience"), QStringLiteral("https://api.zscaler.com")}});
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    } else {
        headers = SimClient::bearer(plan.badToken ? QByteArray("eyJhbGciOiJIUzI1NiJ9.e30.invalid") : m_client->oneApiToken());
        if (method != QLatin1String("GET") && method != QLatin1String("DELETE") && !recordedBody.isEmpty()) {
            body = substitute(recordedBody).toUtf8();
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        }
    }
    if (!plan.faults.isEmpty())
        m_sim->sim()->setKnobs({{QStringLiteral("faults"), plan.faults}});
    const HttpResult r = m_client->send(method.toLatin1(), path, body, headers);
    if (!plan.faults.isEmpty())
        m_sim->sim()->resetKnobs();

    const int recordedStatus = rs.value(QLatin1String("status")).toInt();
    QVERIFY2(r.status == recordedStatus,
             qPrintable(QStringLiteral("%1 %2: expected %3, got %4").arg(method, path).arg(recordedStatus).arg(r.describe())));

    // Headers the clients rely on: present whenever the recording has them, in the same format.
    const QJsonObject rh = rs.value(QLatin1String("headers")).toObject();
    for (const char *h : {"retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset",
                          "x-oneapi-request-id", "x-transaction-id", "x-zscaler-mode", "x-oneapi-api-category"}) {
        if (rh.contains(QLatin1String(h)))
            QVERIFY2(!r.header(h).isEmpty(), qPrintable(QStringLiteral("header %1 missing").arg(QLatin1String(h))));
    }
    if (rh.contains(QLatin1String("retry-after"))) {
        const bool zpaFormat = rh.value(QLatin1String("retry-after")).toString().endsWith(QLatin1Char('s'));
        const QRegularExpression re(zpaFormat ? QStringLiteral("^\\d+s$") : QStringLiteral("^\\d+$"));
        QVERIFY2(re.match(QString::fromLatin1(r.header("retry-after"))).hasMatch(), r.header("retry-after").constData());
    }

    const QString recorded = rs.value(QLatin1String("body")).toString();
    QJsonParseError pe{};
    const QJsonDocument recDoc = QJsonDocument::fromJson(recorded.toUtf8(), &pe);
    if (recorded.trimmed().isEmpty()) {
        QVERIFY2(r.body.isEmpty(), qPrintable(QStringLiteral("expected an empty body, got ") + r.describe()));
    } else if (pe.error == QJsonParseError::NoError) {
        QJsonParseError se{};
        const QJsonDocument simDoc = QJsonDocument::fromJson(r.body, &se);
        QVERIFY2(se.error == QJsonParseError::NoError, qPrintable(r.describe()));
        const QJsonValue recValue = recDoc.isArray() ? QJsonValue(recDoc.array()) : QJsonValue(recDoc.object());
        const QJsonValue simValue = simDoc.isArray() ? QJsonValue(simDoc.array()) : QJsonValue(simDoc.object());
        QStringList errors;
        compareShape(recValue, simValue, QStringLiteral("$"), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QStringLiteral("\n"))));
        learnIds(recValue, simValue, &ids);
    }
    ++m_passed;
}

void TestSimConformance::coverage()
{
    qInfo("conformance: %d exchanges replayed (%d passed), %d not replayed (out of scope, each with its reason)", m_replayed, m_passed, m_skipped);
    QCOMPARE(m_passed, m_replayed);
    QVERIFY(m_replayed >= 60);
}

void TestSimConformance::cleanupTestCase()
{
    m_client.reset();
    m_sim.reset();
}

QTEST_GUILESS_MAIN(TestSimConformance)
#include "tst_sim_conformance.moc"
