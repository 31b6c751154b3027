// gui_segments: edit, delete and create through the segment editor, read-only mode and the
// audit log viewer. See SegmentsTest.h.
#include "SegmentsTest.h"

void TestSegments::editSegmentEndToEnd()
{
    const AppSegment target = m_all.at(100);
    QVERIFY(m_page->selectId(target.id()));
    QVERIFY(m_page->editButton()->isEnabled());
    QSignalSpy edits(m_page, &AppSegmentsPage::editFinished);
    // Enter on the row opens the editor on the server's current version.
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Return);
    QPointer<SegmentEditorDialog> dlg = waitForWindow<SegmentEditorDialog>(20'000);
    QVERIFY(dlg);
    QCOMPARE(dlg->base().id(), target.id());
    const QString description = QStringLiteral("edited from the App Segments page");
    auto *desc = dlg->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"));
    QVERIFY(desc);
    desc->setPlainText(description);
    auto *save = dlg->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(save);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dlg && dlg->stage() == SegmentEditorDialog::Stage::Previewing && !dlg->isBusy(), 20'000);
    auto *confirm = dlg->findChild<QPushButton *>(QStringLiteral("confirmButton"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dlg.isNull() || !dlg->isVisible(), 20'000);
    QTRY_VERIFY(!edits.isEmpty());
    const ZpaEditResult r = edits.last().first().value<ZpaEditResult>();
    QCOMPARE(r.outcome, ZpaEditResult::Outcome::Done);
    const AppSegment *now = m_page->model()->segmentById(target.id());
    QVERIFY(now);
    QCOMPARE(now->description(), description);
    QCOMPARE(m_page->model()->rowCount(), kSegments);
    QCOMPARE(m_page->currentId(), target.id());
    QTRY_VERIFY(m_page->detail()->toPlainText().contains(description));
    // The change is in the audit log.
    const AuditLog::ReadResult log = AuditLog(m_env.services()->configDir()).read();
    QVERIFY(std::any_of(log.records.begin(), log.records.end(),
                        [&](const AuditRecord &a) { return a.action == QLatin1String("update") && a.objectId == target.id(); }));
}

void TestSegments::deleteWithConfirmation()
{
    const AppSegment target = m_all.at(200);
    QVERIFY(m_page->selectId(target.id()));
    QSignalSpy edits(m_page, &AppSegmentsPage::editFinished);
    // "No" first: nothing happens.
    Confirm::setNextAnswer(false);
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QTRY_VERIFY(!Confirm::hasPreset());
    QVERIFY2(Confirm::lastQuestion().contains(target.name()), qPrintable(Confirm::lastQuestion()));
    // The queued "no" is acted on (a yes would show "Deleting the segment…" at once), and
    // whatever it had sent to the worker has run there by the time the worker is drained.
    deliverPosted();
    QVERIFY(!m_page->messageBar()->isBusy());
    QVERIFY(drainWorker(m_env.services()->sessionWorker()));
    QVERIFY(edits.isEmpty());
    QVERIFY(m_page->model()->rowOf(target.id()) >= 0);
    // Then "yes".
    Confirm::setNextAnswer(true);
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QVERIFY(edits.wait(20'000));
    const ZpaEditResult r = edits.last().first().value<ZpaEditResult>();
    QCOMPARE(r.outcome, ZpaEditResult::Outcome::Done);
    QCOMPARE(r.action, ZpaEditRequest::Action::Delete);
    QCOMPARE(m_page->model()->rowOf(target.id()), -1);
    QCOMPARE(m_page->model()->rowCount(), kSegments - 1);
    QVERIFY(m_page->messageBar()->text().contains(QStringLiteral("Deleted")));
    m_deleted = target;
    const AuditLog::ReadResult log = AuditLog(m_env.services()->configDir()).read();
    QVERIFY(std::any_of(log.records.begin(), log.records.end(),
                        [&](const AuditRecord &a) { return a.action == QLatin1String("delete") && a.objectId == target.id(); }));
}

void TestSegments::readOnlyDisablesWrites()
{
    const ZpaListResult loaded = loadAndWait(); // the failed listing above left nothing
    QVERIFY2(loaded.complete(), qPrintable(loaded.error.toString()));
    QVERIFY(m_page->selectId(m_page->proxy()->index(0, 0).data(IdRole).toString()));
    QVERIFY(m_page->newButton()->isEnabled());
    QVERIFY(m_page->deleteButton()->isEnabled());
    m_page->setReadOnly(true);
    QVERIFY(!m_page->newButton()->isEnabled());
    QVERIFY(!m_page->editButton()->isEnabled());
    QVERIFY(!m_page->deleteButton()->isEnabled());
    QVERIFY(m_page->loadButton()->isEnabled()); // reading still works
    QVERIFY(m_page->editButton()->toolTip().contains(QStringLiteral("read-only")));
    Confirm::setNextAnswer(true);
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    deliverPosted();
    QVERIFY(Confirm::hasPreset()); // nothing asked
    Confirm::clearPreset();
    m_page->setReadOnly(false);
    QVERIFY(m_page->editButton()->isEnabled());

    // The ZPA API in read-only mode: a delete is refused (403 STATE_READONLY), writes are
    // disabled until the next Load.
    const QString id = m_page->currentId();
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), true}});
    QSignalSpy edits(m_page, &AppSegmentsPage::editFinished);
    Confirm::setNextAnswer(true);
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QVERIFY(edits.wait(20'000));
    QCOMPARE(edits.first().first().value<ZpaEditResult>().outcome, ZpaEditResult::Outcome::Failed);
    QVERIFY(m_page->isApiReadOnly());
    QVERIFY(m_page->model()->rowOf(id) >= 0);
    QVERIFY(!m_page->deleteButton()->isEnabled());
    QVERIFY(!m_page->newButton()->isEnabled());
    QVERIFY2(m_page->messageBar()->text().contains(QStringLiteral("read-only mode")), qPrintable(m_page->messageBar()->text()));
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), QJsonValue::Null}});
    const ZpaListResult r = loadAndWait();
    QVERIFY2(r.complete(), qPrintable(r.error.toString()));
    QVERIFY(!m_page->isApiReadOnly());
    QVERIFY(m_page->newButton()->isEnabled());
}

void TestSegments::createSegmentFromPage()
{
    // Groups of one Default-microtenant segment (they belong together).
    const auto tpl = std::find_if(m_all.begin(), m_all.end(), [](const AppSegment &a) {
        return a.microtenantKey() == QLatin1String("0") && !a.serverGroups().isEmpty();
    });
    QVERIFY(tpl != m_all.end());
    const int before = m_page->model()->rowCount();
    QSignalSpy edits(m_page, &AppSegmentsPage::editFinished);
    QVERIFY(m_page->newButton()->isEnabled());
    QTest::mouseClick(m_page->newButton(), Qt::LeftButton);
    QPointer<SegmentEditorDialog> dlg = waitForWindow<SegmentEditorDialog>();
    QVERIFY(dlg);
    QVERIFY(dlg->isCreate());
    auto *group = dlg->findChild<QComboBox *>(QStringLiteral("segmentGroupCombo"));
    auto *servers = dlg->findChild<QListWidget *>(QStringLiteral("serverGroupsList"));
    QVERIFY(group && servers);
    QTRY_VERIFY_WITH_TIMEOUT(group->findData(tpl->segmentGroupId()) >= 0, 20'000); // groups read by the page
    dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Created from the page"));
    dlg->findChild<QPlainTextEdit *>(QStringLiteral("domainsEdit"))->setPlainText(QStringLiteral("created-from-page.gui.example"));
    dlg->findChild<QLineEdit *>(QStringLiteral("tcpEdit"))->setText(QStringLiteral("8443"));
    group->setCurrentIndex(group->findData(tpl->segmentGroupId()));
    bool checked = false;
    for (int i = 0; i < servers->count(); ++i)
        if (servers->item(i)->data(Qt::UserRole).toString() == tpl->serverGroups().first().id) {
            servers->item(i)->setCheckState(Qt::Checked);
            checked = true;
        }
    QVERIFY(checked);
    auto *save = dlg->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dlg && dlg->stage() == SegmentEditorDialog::Stage::Previewing && !dlg->isBusy(), 20'000);
    QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dlg.isNull() || !dlg->isVisible(), 20'000);
    QTRY_VERIFY(!edits.isEmpty());
    const ZpaEditResult r = edits.last().first().value<ZpaEditResult>();
    QCOMPARE(r.outcome, ZpaEditResult::Outcome::Done);
    QCOMPARE(r.action, ZpaEditRequest::Action::Create);
    QVERIFY(!r.after.id().isEmpty());
    QCOMPARE(m_page->model()->rowCount(), before + 1);
    QVERIFY(m_page->model()->rowOf(r.after.id()) >= 0);
    QCOMPARE(m_page->currentId(), r.after.id());
    QVERIFY(m_page->detail()->toPlainText().contains(QStringLiteral("created-from-page.gui.example")));
}

void TestSegments::auditLogShowsPageChanges()
{
    QVERIFY(m_page->auditButton()->isEnabled());
    QTest::mouseClick(m_page->auditButton(), Qt::LeftButton);
    QPointer<AuditLogDialog> dlg = waitForWindow<AuditLogDialog>();
    QVERIFY(dlg);
    // The update and the delete made through the page above.
    QTRY_VERIFY2(dlg->model()->rowCount() >= 2, qPrintable(dlg->statusText()));
    dlg->close();
    QTRY_VERIFY(dlg.isNull() || !dlg->isVisible());
}
