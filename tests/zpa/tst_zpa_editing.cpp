// Safe editing of ZPA application segments against the HTTPS simulator: create / update /
// delete round trips with their audit records (before / after) and read-back confirmation,
// validation errors with no request sent, protected tenants, server errors mapped from ZPA's
// {id, reason}; complete server-group lists for pickers. Conflicts: tst_zpa_conflict.cpp.
#include "ZpaEditFixture.h"

#include "api/ZpaSegmentEditor.h"
#include "store/AuditLog.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;
using zpatest::ZpaStack;
using O = ZpaEditResult::Outcome;

namespace {
const QString kPost = QStringLiteral("POST /mgmtconfig/v1/admin/customers/{customerId}/application");
const QString kPut = QStringLiteral("PUT /mgmtconfig/v1/admin/customers/{customerId}/application/{id}");
const QString kGet = QStringLiteral("GET /mgmtconfig/v1/admin/customers/{customerId}/application/{id}");
const QString kDelete = QStringLiteral("DELETE /mgmtconfig/v1/admin/customers/{customerId}/application/{id}");

QStringList fieldsOf(const QList<AppSegmentChange> &changes)
{
    QStringList f;
    for (const AppSegmentChange &c : changes)
        f << c.field;
    return f;
}

QStringList fieldsOf(const ValidationIssues &issues)
{
    QStringList f;
    for (const ValidationIssue &i : issues)
        f << i.field;
    return f;
}
} // namespace

class TestZpaEditing : public QObject
{
    Q_OBJECT
private:
    zpatest::ZpaEditFixture m_fx;
    QTemporaryDir m_dir;
    zsim::Simulator *sim() const { return m_fx.sim(); }
    ZpaEditResult run(ZpaSegmentEditor &editor, const ZpaEditRequest &q) { return zpatest::ZpaEditFixture::run(editor, q); }
    QJsonObject newSegmentJson(const QString &tag) { return m_fx.newSegmentJson(tag); }
    AppSegment create(ZpaSegmentEditor &editor, const QString &client, const QString &tag)
    {
        return m_fx.create(editor, client, tag);
    }
    static AppSegment read(ZpaStack &s, const QString &id, int *status = nullptr)
    {
        return zpatest::ZpaEditFixture::read(s, id, status);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
        QCOMPARE(m_fx.serverGroupCount(), 60); // the simulator's data set: every server group, no duplicates
    }

    void init()
    {
        sim()->resetKnobs();
        sim()->resetCounters();
    }

    void createUpdateDeleteWithAudit()
    {
        ZpaStack s(sim());
        AuditLog audit(m_dir.filePath(QStringLiteral("roundtrip")));
        ZpaSegmentEditor editor(s.api.get());
        editor.setAuditLog(&audit);

        ZpaEditRequest q;
        q.action = ZpaEditRequest::Action::Create;
        q.clientId = s.legacy();
        q.edited = AppSegment::fromJson(newSegmentJson(QStringLiteral("rt")));
        q.tag = 1;
        ZpaEditResult r = run(editor, q);
        QVERIFY2(r.outcome == O::Done, qPrintable(r.error.toString() + joinIssues(r.issues)));
        QVERIFY(!r.id.isEmpty());
        QVERIFY(r.audited);
        QCOMPARE(r.after.tcpPorts(), (PortRangeList{{8443, 8443}}));
        // Both port encodings went out, consistent.
        QCOMPARE(r.sent.value(QStringLiteral("tcpPortRange")).toArray().size(), 1);
        QVERIFY(!r.sent.contains(QStringLiteral("id")));
        QCOMPARE(sim()->count(kPost), qint64(1));
        const AppSegment created = r.after;

        // Update as the GUI does: the opened version and the edited one.
        AppSegment edited = created;
        edited.setDescription(QStringLiteral("updated"));
        edited.setTcpPorts({{8443, 8443}, {9443, 9444}});
        q = ZpaEditRequest();
        q.action = ZpaEditRequest::Action::Update;
        q.clientId = s.legacy();
        q.id = created.id();
        q.base = created;
        q.edited = edited;
        q.tag = 2;
        r = run(editor, q);
        QVERIFY2(r.outcome == O::Done, qPrintable(r.error.toString() + joinIssues(r.issues)));
        QCOMPARE(fieldsOf(r.changes), (QStringList{QStringLiteral("description"), QStringLiteral("tcpPorts")}));
        QVERIFY(r.mismatches.isEmpty());
        QCOMPARE(r.after.description(), QStringLiteral("updated"));
        QCOMPARE(r.after.tcpPorts(), (PortRangeList{{8443, 8443}, {9443, 9444}}));
        QCOMPARE(read(s, created.id()).description(), QStringLiteral("updated"));
        QCOMPARE(sim()->count(kPut), qint64(1));
        QCOMPARE(sim()->count(kGet), qint64(3)); // before, read back, and the check above

        // The same edit again: nothing to change, no PUT.
        q.base = r.after;
        q.edited = r.after;
        q.edited.setDescription(QStringLiteral("updated"));
        q.tag = 3;
        r = run(editor, q);
        QCOMPARE(r.outcome, O::NoChange);
        QCOMPARE(sim()->count(kPut), qint64(1));

        q = ZpaEditRequest();
        q.action = ZpaEditRequest::Action::Delete;
        q.clientId = s.legacy();
        q.id = created.id();
        q.tag = 4;
        r = run(editor, q);
        QVERIFY2(r.outcome == O::Done, qPrintable(r.error.toString()));
        QCOMPARE(sim()->count(kDelete), qint64(1));
        int status = 0;
        read(s, created.id(), &status);
        QCOMPARE(status, 404);

        const AuditLog::ReadResult log = audit.read();
        QVERIFY(log.ok);
        QCOMPARE(log.records.size(), 3);
        const AuditRecord &del = log.records.at(0), &upd = log.records.at(1), &cre = log.records.at(2);
        QCOMPARE(cre.action, QStringLiteral("create"));
        QCOMPARE(upd.action, QStringLiteral("update"));
        QCOMPARE(del.action, QStringLiteral("delete"));
        for (const AuditRecord &rec : log.records) {
            QCOMPARE(rec.objectType, QStringLiteral("zpa.applicationSegment"));
            QCOMPARE(rec.objectId, created.id());
            QCOMPARE(rec.tenantName, s.tenant.name);
            QCOMPARE(rec.client, QStringLiteral("sim zpa-legacy"));
            QCOMPARE(rec.result, QStringLiteral("ok"));
            QVERIFY(rec.time.isValid());
        }
        QCOMPARE(cre.objectName, created.name());
        QVERIFY(cre.before.isUndefined() || cre.before.isNull());
        QCOMPARE(cre.after.toObject().value(QStringLiteral("id")).toString(), created.id());
        QCOMPARE(upd.before.toObject().value(QStringLiteral("description")).toString(), QStringLiteral("created by test"));
        QCOMPARE(upd.after.toObject().value(QStringLiteral("description")).toString(), QStringLiteral("updated"));
        QCOMPARE(del.before.toObject().value(QStringLiteral("description")).toString(), QStringLiteral("updated"));
        QVERIFY(del.after.isUndefined() || del.after.isNull());
        // Nothing secret in the file.
        QFile f(audit.path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        int secrets = 0;
        for (const QJsonValue &c : sim()->demoProfile().value(QStringLiteral("clients")).toArray()) {
            const QByteArray secret = c.toObject().value(QStringLiteral("secret")).toString().toUtf8();
            if (secret.isEmpty())
                continue;
            ++secrets;
            QVERIFY(!text.contains(secret));
        }
        QVERIFY(secrets >= 2);
    }

    void validationErrorsSendNothing()
    {
        ZpaStack s(sim());
        ZpaSegmentEditor editor(s.api.get());
        const QJsonObject before = sim()->counters();
        auto expectInvalid = [&](ZpaEditRequest q, const QStringList &fields, const QString &text) {
            q.clientId = s.legacy();
            q.tag = m_fx.nextTag();
            const ZpaEditResult r = run(editor, q);
            QCOMPARE(r.outcome, O::Invalid);
            QCOMPARE(r.error.kind, ErrorKind::Usage);
            for (const QString &f : fields)
                QVERIFY2(fieldsOf(r.issues).contains(f), qPrintable(joinIssues(r.issues)));
            QVERIFY2(joinIssues(r.issues).contains(text), qPrintable(joinIssues(r.issues)));
        };
        ZpaEditRequest c;
        c.action = ZpaEditRequest::Action::Create;
        QJsonObject o = newSegmentJson(QStringLiteral("bad"));
        o.insert(QStringLiteral("tcpPortRanges"), QJsonArray{QStringLiteral("9000"), QStringLiteral("8000"),
                                                             QStringLiteral("0"), QStringLiteral("70000")});
        c.edited = AppSegment::fromJson(o);
        expectInvalid(c, {QStringLiteral("tcpPortRanges")}, QStringLiteral("9000"));
        o = newSegmentJson(QStringLiteral("bad"));
        o.insert(QStringLiteral("domainNames"),
                 QJsonArray{QStringLiteral("bad domain"), QStringLiteral("*.com"), QStringLiteral("host.example.com:443")});
        c.edited = AppSegment::fromJson(o);
        expectInvalid(c, {QStringLiteral("domainNames")}, QStringLiteral("port"));
        o = newSegmentJson(QStringLiteral("bad"));
        o.insert(QStringLiteral("tcpPortRange"), QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("81")},
                                                                        {QStringLiteral("to"), QStringLiteral("81")}}});
        c.edited = AppSegment::fromJson(o);
        expectInvalid(c, {QStringLiteral("tcpPortRanges")}, QStringLiteral("describe different ports"));
        o = newSegmentJson(QStringLiteral("bad"));
        o.remove(QStringLiteral("segmentGroupId"));
        o.remove(QStringLiteral("serverGroups"));
        c.edited = AppSegment::fromJson(o);
        expectInvalid(c, {QStringLiteral("segmentGroupId"), QStringLiteral("serverGroups")}, QStringLiteral("server group"));
        // Updates are checked before the segment is even read.
        ZpaEditRequest u;
        u.action = ZpaEditRequest::Action::Update;
        u.id = QStringLiteral("216196257331300001");
        AppSegment e = AppSegment::fromJson(newSegmentJson(QStringLiteral("bad")));
        e.setUdpPorts({{53, 52}});
        u.edited = e;
        expectInvalid(u, {QStringLiteral("udpPortRanges")}, QStringLiteral("53"));
        u.edited = AppSegment();
        u.patch = QJsonObject{{QStringLiteral("tcpPortRanges"), QJsonArray{QStringLiteral("1"), QStringLiteral("65536")}}};
        expectInvalid(u, {QStringLiteral("tcpPortRanges")}, QStringLiteral("65536"));
        u.patch = QJsonObject{{QStringLiteral("domainNames"), QJsonArray{QStringLiteral("a..b")}}};
        expectInvalid(u, {QStringLiteral("domainNames")}, QStringLiteral("a..b"));
        QCOMPARE(sim()->counters(), before); // not one request, not even for a token
    }

    void protectedTenantNeedsConfirmation()
    {
        ZpaStack s(sim(), true);
        ZpaSegmentEditor editor(s.api.get());
        QVERIFY(editor.needsConfirmation(s.legacy()));
        const QJsonObject before = sim()->counters();
        ZpaEditRequest q;
        q.action = ZpaEditRequest::Action::Create;
        q.clientId = s.legacy();
        q.edited = AppSegment::fromJson(newSegmentJson(QStringLiteral("prot")));
        q.tag = 20;
        ZpaEditResult r = run(editor, q);
        QCOMPARE(r.outcome, O::NotConfirmed);
        QVERIFY(r.error.message.contains(s.tenant.name));
        QCOMPARE(sim()->counters(), before);
        q.confirmed = true;
        q.tag = 21;
        r = run(editor, q);
        QVERIFY2(r.outcome == O::Done, qPrintable(r.error.toString()));
        ZpaEditRequest d;
        d.action = ZpaEditRequest::Action::Delete;
        d.clientId = s.legacy();
        d.id = r.id;
        d.tag = 22;
        QCOMPARE(run(editor, d).outcome, O::NotConfirmed);
        d.confirmed = true;
        d.tag = 23;
        QCOMPARE(run(editor, d).outcome, O::Done);
    }

    void serverErrorsThroughTheGateway()
    {
        ZpaStack s(sim());
        ZpaSegmentEditor editor(s.api.get());
        const AppSegment first = create(editor, s.oneApi(), QStringLiteral("gw"));
        QVERIFY(!first.id().isEmpty());
        // The same domain and port again: ZPA's 400 app.segment.port.overlap, quoted.
        QJsonObject o = newSegmentJson(QStringLiteral("gw2"));
        o.insert(QStringLiteral("domainNames"), QJsonArray{first.domainNames().first()});
        ZpaEditRequest q;
        q.action = ZpaEditRequest::Action::Create;
        q.clientId = s.oneApi();
        q.edited = AppSegment::fromJson(o);
        q.tag = 30;
        ZpaEditResult r = run(editor, q);
        QCOMPARE(r.outcome, O::Failed);
        QCOMPARE(r.error.httpStatus, 400);
        QCOMPARE(r.error.code, QStringLiteral("app.segment.port.overlap"));
        // An unknown id: 404 resource.not.found.
        ZpaEditRequest d;
        d.action = ZpaEditRequest::Action::Delete;
        d.clientId = s.oneApi();
        d.id = QStringLiteral("1");
        d.tag = 31;
        r = run(editor, d);
        QCOMPARE(r.outcome, O::Failed);
        QCOMPARE(r.error.httpStatus, 404);
        QCOMPARE(r.error.code, QStringLiteral("resource.not.found"));
        QCOMPARE(sim()->count(QStringLiteral("DELETE /zpa/mgmtconfig/v1/admin/customers/{customerId}/application/{id}")), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestZpaEditing)
#include "tst_zpa_editing.moc"
