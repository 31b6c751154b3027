// The segment editor when the segment changed on the server since it was opened: the conflict
// is shown and nothing is overwritten; "apply mine on top of theirs" only for disjoint changes;
// overwriting theirs is previewed and confirmed twice. Real simulator, editor and audit log.
#include "EditorFixture.h"

using namespace zc;
using namespace zc::edtest;

class TestSegmentConflict : public QObject, protected EditorFixture
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(start(&error), qPrintable(error));
    }

    void cleanup() { reset(); }


    // Changed on the server behind the dialog's back: the differences are shown and nothing is
    // overwritten; "Reload their version" re-bases the form, and the next save goes through.
    void conflictShownNothingOverwritten()
    {
        Rig r(sim(), dir(QStringLiteral("conflict")));
        const AppSegment seg = m_fx.create(r.editor, r.s.legacy(), QStringLiteral("conf"));
        QVERIFY(!seg.id().isEmpty());
        SegmentEditorDialog dlg(context(r, seg));
        wire(dlg, r.editor);
        QSignalSpy saved(&dlg, &SegmentEditorDialog::saved);
        QSignalSpy submits(&dlg, &SegmentEditorDialog::submitRequested);
        dlg.show();

        QVERIFY(updateBehindTheBack(r.s, seg, QStringLiteral("their change")));
        const qint64 puts = sim()->count(kPut);

        child<QPlainTextEdit>(&dlg, "descriptionEdit")->setPlainText(QStringLiteral("my change"));
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Conflict);
        auto *both = child<QTableWidget>(&dlg, "bothTable");
        const int row = rowOf(both, QStringLiteral("description"));
        QVERIFY2(row >= 0, qPrintable(column(both, 0, Qt::UserRole).join(QLatin1Char(','))));
        QCOMPARE(both->item(row, 1)->text(), QStringLiteral("my change"));
        QCOMPARE(both->item(row, 2)->text(), QStringLiteral("their change"));
        QVERIFY(rowOf(child<QTableWidget>(&dlg, "theirsTable"), QStringLiteral("description")) >= 0);
        QVERIFY(child<QLabel>(&dlg, "conflictLabel")->text().contains(QStringLiteral("changed on the server")));
        QVERIFY(dlg.messageText().contains(QStringLiteral("description"), Qt::CaseInsensitive));
        QVERIFY(!child<QPushButton>(&dlg, "mergeButton")->isEnabled()); // both changed the same field
        QVERIFY(child<QPushButton>(&dlg, "overwriteButton")->isEnabled());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(sim()->count(kPut), puts);
        QCOMPARE(zpatest::ZpaEditFixture::read(r.s, seg.id()).description(), QStringLiteral("their change"));

        // Back keeps my input; the same save gives the same answer.
        child<QPushButton>(&dlg, "backButton")->click();
        QCOMPARE(dlg.stage(), Stage::Editing);
        QCOMPARE(child<QPlainTextEdit>(&dlg, "descriptionEdit")->toPlainText(), QStringLiteral("my change"));
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Conflict);
        for (const QVariantList &args : std::as_const(submits))
            QCOMPARE(args.first().value<ZpaEditRequest>().policy, ZpaConflictPolicy::Refuse);

        child<QPushButton>(&dlg, "reloadButton")->click();
        QCOMPARE(dlg.stage(), Stage::Editing);
        QCOMPARE(dlg.base().description(), QStringLiteral("their change"));
        QCOMPARE(child<QPlainTextEdit>(&dlg, "descriptionEdit")->toPlainText(), QStringLiteral("their change"));
        auto *name = child<QLineEdit>(&dlg, "nameEdit");
        name->setText(name->text() + QStringLiteral(" (mine)"));
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Previewing);
        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 60'000));
        const AppSegment now = zpatest::ZpaEditFixture::read(r.s, seg.id());
        QCOMPARE(now.description(), QStringLiteral("their change"));
        QCOMPARE(now.name(), seg.name() + QStringLiteral(" (mine)"));
    }

    // Fields changed on different sides: "Apply my changes on top of theirs" (MergeDisjoint),
    // previewed and confirmed, keeps theirs and adds mine.
    void conflictMergeDisjoint()
    {
        Rig r(sim(), dir(QStringLiteral("merge")));
        const AppSegment seg = m_fx.create(r.editor, r.s.legacy(), QStringLiteral("merge"));
        QVERIFY(!seg.id().isEmpty());
        SegmentEditorDialog dlg(context(r, seg));
        wire(dlg, r.editor);
        QSignalSpy saved(&dlg, &SegmentEditorDialog::saved);
        QSignalSpy submits(&dlg, &SegmentEditorDialog::submitRequested);
        dlg.show();
        QVERIFY(updateBehindTheBack(r.s, seg, QStringLiteral("their merge change")));

        child<QLineEdit>(&dlg, "udpEdit")->setText(QStringLiteral("5000-5010"));
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Conflict);
        QVERIFY(!child<QTableWidget>(&dlg, "bothTable")->isVisibleTo(&dlg));
        QVERIFY(child<QPushButton>(&dlg, "mergeButton")->isEnabled());
        child<QPushButton>(&dlg, "mergeButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Previewing);
        QCOMPARE(submits.last().first().value<ZpaEditRequest>().policy, ZpaConflictPolicy::MergeDisjoint);
        QVERIFY(submits.last().first().value<ZpaEditRequest>().dryRun);
        auto *preview = child<QTableWidget>(&dlg, "previewTable");
        QVERIFY(rowOf(preview, QStringLiteral("udpPorts")) >= 0);
        QCOMPARE(rowOf(preview, QStringLiteral("description")), -1); // theirs is kept, not a change
        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 60'000));
        QCOMPARE(submits.last().first().value<ZpaEditRequest>().policy, ZpaConflictPolicy::MergeDisjoint);
        const AppSegment now = zpatest::ZpaEditFixture::read(r.s, seg.id());
        QCOMPARE(now.description(), QStringLiteral("their merge change"));
        QCOMPARE(now.udpPorts(), (PortRangeList{{5000, 5010}}));
    }

    // Fields changed on both sides: overwriting theirs is previewed and then asked once more.
    void conflictOverwriteNeedsSecondConfirmation()
    {
        Rig r(sim(), dir(QStringLiteral("overwrite")));
        const AppSegment seg = m_fx.create(r.editor, r.s.legacy(), QStringLiteral("over"));
        QVERIFY(!seg.id().isEmpty());
        SegmentEditorDialog dlg(context(r, seg));
        wire(dlg, r.editor);
        QSignalSpy saved(&dlg, &SegmentEditorDialog::saved);
        dlg.show();
        QVERIFY(updateBehindTheBack(r.s, seg, QStringLiteral("their overwrite change")));
        child<QPlainTextEdit>(&dlg, "descriptionEdit")->setPlainText(QStringLiteral("mine wins"));
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Conflict);
        child<QPushButton>(&dlg, "overwriteButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Previewing);
        QVERIFY(child<QLabel>(&dlg, "previewLabel")->text().contains(QStringLiteral("overwrite theirs")));
        const qint64 puts = sim()->count(kPut);

        Confirm::setNextAnswer(false);
        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return dlg.messageText().contains(QStringLiteral("not confirmed")); }, 5000));
        QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("Overwrite")));
        QCOMPARE(sim()->count(kPut), puts);
        QCOMPARE(saved.count(), 0);

        Confirm::setNextAnswer(true);
        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 60'000));
        QCOMPARE(zpatest::ZpaEditFixture::read(r.s, seg.id()).description(), QStringLiteral("mine wins"));
    }
};

QTEST_MAIN(TestSegmentConflict)
#include "tst_segment_conflict.moc"
