// The segment changed on the server between "open" and "save": the conflict is reported with the
// field differences and nothing is overwritten (policy Refuse); MergeDisjoint applies my change
// on top of theirs unless both changed the same field; a CLI-style file based on an old
// modifiedTime is a conflict unless forced (Overwrite). Against the HTTPS simulator.
#include "ZpaEditFixture.h"

#include "store/AuditLog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace zc;
using zpatest::ZpaStack;
using O = ZpaEditResult::Outcome;

namespace {
const QString kPut = QStringLiteral("PUT /mgmtconfig/v1/admin/customers/{customerId}/application/{id}");

QStringList fieldsOf(const QList<AppSegmentChange> &changes)
{
    QStringList f;
    for (const AppSegmentChange &c : changes)
        f << c.field;
    return f;
}
} // namespace

class TestZpaConflict : public QObject
{
    Q_OBJECT
private:
    zpatest::ZpaEditFixture m_fx;
    QTemporaryDir m_dir;
    zsim::Simulator *sim() const { return m_fx.sim(); }
    ZpaEditResult run(ZpaSegmentEditor &editor, const ZpaEditRequest &q) { return zpatest::ZpaEditFixture::run(editor, q); }
    AppSegment create(ZpaSegmentEditor &editor, const QString &client, const QString &tag)
    {
        return m_fx.create(editor, client, tag);
    }
    static AppSegment read(ZpaStack &s, const QString &id) { return zpatest::ZpaEditFixture::read(s, id); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void conflictNothingOverwritten()
    {
        ZpaStack s(sim());
        AuditLog audit(m_dir.filePath(QStringLiteral("conflict")));
        ZpaSegmentEditor editor(s.api.get());
        editor.setAuditLog(&audit);
        const AppSegment opened = create(editor, s.legacy(), QStringLiteral("cf"));
        QVERIFY(!opened.id().isEmpty());

        // Someone else changes the description meanwhile.
        QJsonObject theirs = opened.toJson();
        theirs.insert(QStringLiteral("description"), QStringLiteral("their change"));
        bool done = false;
        s.api->updateSegment(s.legacy(), opened.id(), theirs, nullptr, [&](const ZpaReply<bool> &r) {
            QVERIFY(r.ok());
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30'000));
        const qint64 puts = sim()->count(kPut);

        // My edit of the version I opened: refused, with the difference, nothing sent.
        AppSegment mine = opened;
        mine.setName(opened.name() + QStringLiteral(" (mine)"));
        ZpaEditRequest q;
        q.action = ZpaEditRequest::Action::Update;
        q.clientId = s.legacy();
        q.id = opened.id();
        q.base = opened;
        q.edited = mine;
        q.tag = 10;
        ZpaEditResult r = run(editor, q);
        QCOMPARE(r.outcome, O::Conflict);
        QVERIFY(r.conflict.stale);
        QCOMPARE(fieldsOf(r.conflict.theirs), QStringList{QStringLiteral("description")});
        QCOMPARE(r.conflict.theirs.first().afterText, QStringLiteral("their change"));
        QVERIFY(r.conflict.fields.isEmpty());
        QCOMPARE(sim()->count(kPut), puts);
        AppSegment now = read(s, opened.id());
        QCOMPARE(now.description(), QStringLiteral("their change"));
        QCOMPARE(now.name(), opened.name());

        // Both changed the description: a field conflict even for MergeDisjoint.
        AppSegment both = opened;
        both.setDescription(QStringLiteral("my change"));
        q.edited = both;
        q.policy = ZpaConflictPolicy::MergeDisjoint;
        q.tag = 11;
        r = run(editor, q);
        QCOMPARE(r.outcome, O::Conflict);
        QCOMPARE(r.conflict.fields.size(), 1);
        QCOMPARE(r.conflict.fields.first().serverText, QStringLiteral("their change"));
        QCOMPARE(r.conflict.fields.first().mineText, QStringLiteral("my change"));
        QCOMPARE(sim()->count(kPut), puts);

        // Only the name: merged on top of their change.
        q.edited = mine;
        q.tag = 12;
        r = run(editor, q);
        QVERIFY2(r.outcome == O::Done, qPrintable(r.error.toString()));
        now = read(s, opened.id());
        QCOMPARE(now.name(), mine.name());
        QCOMPARE(now.description(), QStringLiteral("their change"));

        // A file based on an old version (CLI): stale modifiedTime → conflict; --force applies it.
        QJsonObject patch{{QStringLiteral("description"), QStringLiteral("from an old file")},
                          {QStringLiteral("modifiedTime"), QStringLiteral("1")}};
        ZpaEditRequest p;
        p.action = ZpaEditRequest::Action::Update;
        p.clientId = s.legacy();
        p.id = opened.id();
        p.patch = patch;
        p.tag = 13;
        r = run(editor, p);
        QCOMPARE(r.outcome, O::Conflict);
        QVERIFY(r.conflict.stale);
        QCOMPARE(r.conflict.baseModifiedTime, QStringLiteral("1"));
        QCOMPARE(fieldsOf(r.changes), QStringList{QStringLiteral("description")});
        QCOMPARE(read(s, opened.id()).description(), QStringLiteral("their change"));
        p.policy = ZpaConflictPolicy::Overwrite;
        p.tag = 14;
        r = run(editor, p);
        QVERIFY2(r.outcome == O::Done, qPrintable(r.error.toString()));
        QCOMPARE(read(s, opened.id()).description(), QStringLiteral("from an old file"));
        QCOMPARE(read(s, opened.id()).name(), mine.name());
        // Three writes of this test reached the server and the log: create and two updates.
        QCOMPARE(audit.read().records.size(), 3);
    }

};

QTEST_GUILESS_MAIN(TestZpaConflict)
#include "tst_zpa_conflict.moc"
