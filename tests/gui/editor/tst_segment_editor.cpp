// The segment editor dialog, the delete confirmation and the audit log viewer against the HTTPS
// simulator: the dialog's submitRequested goes to a real ZpaSegmentEditor whose answers come
// back through showResult, and writes land in a real AuditLog in a temporary config folder.
// Conflicts (the segment changed on the server meanwhile) are in tst_segment_conflict.cpp.
#include "EditorFixture.h"

using namespace zc;
using namespace zc::edtest;

class TestSegmentEditor : public QObject, protected EditorFixture
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(start(&error), qPrintable(error));
    }

    void cleanup() { reset(); }

    void inlineValidation()
    {
        Rig r(sim(), dir(QStringLiteral("validation")));
        const AppSegment seg = m_fx.create(r.editor, r.s.legacy(), QStringLiteral("val"));
        QVERIFY(!seg.id().isEmpty());
        SegmentEditorDialog dlg(context(r, seg));
        wire(dlg, r.editor);
        QSignalSpy submits(&dlg, &SegmentEditorDialog::submitRequested);
        dlg.show();
        auto *save = child<QPushButton>(&dlg, "saveButton");
        auto *tcp = child<QLineEdit>(&dlg, "tcpEdit");
        auto *domains = child<QPlainTextEdit>(&dlg, "domainsEdit");
        QVERIFY(save && tcp && domains);
        QVERIFY(save->isEnabled());
        QVERIFY(save->isDefault());
        QCOMPARE(tcp->text(), QStringLiteral("8443"));

        tcp->clear();
        QTest::keyClicks(tcp, QStringLiteral("0"));
        QVERIFY2(dlg.errorText(QStringLiteral("tcpPortRanges")).contains(QStringLiteral("TCP ports")),
                 qPrintable(dlg.errorText(QStringLiteral("tcpPortRanges"))));
        QVERIFY(dlg.errorText(QStringLiteral("tcpPortRanges")).contains(QStringLiteral("port 0 ")));
        QVERIFY(!save->isEnabled());
        QTest::keyClick(tcp, Qt::Key_Return); // the default button is disabled: nothing happens
        QCOMPARE(submits.count(), 0);

        tcp->setText(QStringLiteral("443, 70000"));
        QVERIFY(dlg.errorText(QStringLiteral("tcpPortRanges")).contains(QStringLiteral("70000")));
        QVERIFY(!save->isEnabled());
        tcp->setText(QStringLiteral("9000-8000"));
        QVERIFY2(dlg.errorText(QStringLiteral("tcpPortRanges")).contains(QStringLiteral("9000-8000")),
                 qPrintable(dlg.errorText(QStringLiteral("tcpPortRanges"))));
        QVERIFY(!save->isEnabled());
        tcp->setText(QStringLiteral("443, 8000-8080"));
        QVERIFY(dlg.errorText(QStringLiteral("tcpPortRanges")).isEmpty());
        QVERIFY(save->isEnabled());
        QCOMPARE(dlg.editedSegment().tcpPorts(), (PortRangeList{{443, 443}, {8000, 8080}}));

        child<QLineEdit>(&dlg, "udpEdit")->setText(QStringLiteral("53x"));
        QVERIFY(dlg.errorText(QStringLiteral("udpPortRanges")).contains(QStringLiteral("UDP ports")));
        QVERIFY(!save->isEnabled());
        child<QLineEdit>(&dlg, "udpEdit")->clear();

        domains->setPlainText(QStringLiteral("good.example.com\nexa mple..com"));
        const QString domainError = dlg.errorText(QStringLiteral("domainNames"));
        QVERIFY2(domainError.contains(QStringLiteral("exa mple..com")) && domainError.contains(QStringLiteral("Domains")),
                 qPrintable(domainError));
        QVERIFY(!save->isEnabled());
        domains->setPlainText(QStringLiteral("*.corp.example.com\n10.0.0.0/8\napp.example.com"));
        QVERIFY(dlg.errorText(QStringLiteral("domainNames")).isEmpty());
        QVERIFY(save->isEnabled());

        child<QLineEdit>(&dlg, "nameEdit")->clear();
        QVERIFY(!dlg.errorText(QStringLiteral("name")).isEmpty());
        QVERIFY(!save->isEnabled());
        QCOMPARE(submits.count(), 0);

        // A new segment starts without red but with Save disabled and a "still needed" hint.
        SegmentEditorDialog fresh(context(r, AppSegment()));
        fresh.show();
        QVERIFY(fresh.isCreate());
        QVERIFY(fresh.errorText(QStringLiteral("name")).isEmpty());
        QVERIFY(!child<QPushButton>(&fresh, "saveButton")->isEnabled());
        QVERIFY(child<QLabel>(&fresh, "hintLabel")->text().contains(QStringLiteral("Still needed")));
    }

    // Edit → dry run → "what will change" → confirm → PUT + re-read → saved; audit record shown.
    void editRoundTrip()
    {
        const QString configDir = dir(QStringLiteral("edit"));
        Rig r(sim(), configDir);
        const AppSegment seg = m_fx.create(r.editor, r.s.legacy(), QStringLiteral("edit"));
        QVERIFY(!seg.id().isEmpty());
        SegmentEditorDialog dlg(context(r, seg));
        wire(dlg, r.editor);
        QSignalSpy saved(&dlg, &SegmentEditorDialog::saved);
        dlg.show();
        const qint64 puts = sim()->count(kPut);

        child<QPlainTextEdit>(&dlg, "descriptionEdit")->setPlainText(QStringLiteral("changed by the editor"));
        child<QLineEdit>(&dlg, "tcpEdit")->setText(QStringLiteral("8443, 9000-9010"));
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(dlg.isBusy());
        QTest::keyClick(&dlg, Qt::Key_Escape); // Esc does not close while a request runs…
        QVERIFY(dlg.isVisible());
        QVERIFY(dlg.messageText().contains(QStringLiteral("Esc again")));
        QVERIFY(!child<QPushButton>(&dlg, "cancelButton")->isEnabled());
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Previewing);
        QCOMPARE(sim()->count(kPut), puts); // a dry run sends nothing

        auto *preview = child<QTableWidget>(&dlg, "previewTable");
        const int descRow = rowOf(preview, QStringLiteral("description"));
        QVERIFY2(descRow >= 0, qPrintable(column(preview, 0, Qt::UserRole).join(QLatin1Char(','))));
        QCOMPARE(preview->item(descRow, 1)->text(), QStringLiteral("created by test"));
        QCOMPARE(preview->item(descRow, 2)->text(), QStringLiteral("changed by the editor"));
        const int tcpRow = rowOf(preview, QStringLiteral("tcpPorts"));
        QVERIFY(tcpRow >= 0);
        QVERIFY(preview->item(tcpRow, 2)->text().contains(QStringLiteral("9000-9010")));
        QCOMPARE(preview->rowCount(), 2);

        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 60'000));
        QCOMPARE(saved.first().first().value<ZpaEditResult>().outcome, ZpaEditResult::Outcome::Done);
        QCOMPARE(dlg.result(), int(QDialog::Accepted));
        QVERIFY(!dlg.isVisible());
        QCOMPARE(sim()->count(kPut), puts + 1);

        const AppSegment now = zpatest::ZpaEditFixture::read(r.s, seg.id());
        QCOMPARE(now.description(), QStringLiteral("changed by the editor"));
        QCOMPARE(now.tcpPorts(), (PortRangeList{{8443, 8443}, {9000, 9010}}));

        const AuditLog::ReadResult log = r.audit.read();
        QVERIFY(!log.records.isEmpty());
        QCOMPARE(log.records.first().objectId, seg.id());
        QCOMPARE(log.records.first().action, QStringLiteral("update"));
        QCOMPARE(log.records.first().result, QStringLiteral("ok"));

        AuditLogDialog audit(configDir, QString());
        audit.show();
        QAbstractItemModel *model = audit.model();
        QCOMPARE(model->rowCount(), 2); // the create of the fixture and the update
        QCOMPARE(model->index(0, AuditLogDialog::ActionColumn).data().toString(), QStringLiteral("update"));
        QCOMPARE(model->index(0, AuditLogDialog::ObjectColumn).data().toString(), seg.id());
        QCOMPARE(model->index(0, AuditLogDialog::TenantColumn).data().toString(), r.s.tenant.name);
        QCOMPARE(model->index(1, AuditLogDialog::ActionColumn).data().toString(), QStringLiteral("create"));
        auto *view = child<QTableView>(&audit, "auditTable");
        view->setCurrentIndex(model->index(0, 0));
        QVERIFY2(audit.detailText().contains(QStringLiteral("created by test → changed by the editor")),
                 qPrintable(audit.detailText()));
        QVERIFY(audit.detailText().contains(QStringLiteral("\"description\": \"changed by the editor\"")));
        audit.setFilterText(QStringLiteral("update"));
        QCOMPARE(model->rowCount(), 1);
        audit.setFilterText(QStringLiteral("no such thing"));
        QCOMPARE(model->rowCount(), 0);
        audit.setFilterText(QString());
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(audit.statusText().contains(QStringLiteral("2 change")));

        AuditLogDialog otherTenant(configDir, QStringLiteral("no-such-tenant"));
        QCOMPARE(otherTenant.model()->rowCount(), 0);
    }

    // Create: the form filled from the lists read from the tenant, a summary, then POST.
    void createRoundTrip()
    {
        const QString configDir = dir(QStringLiteral("create"));
        Rig r(sim(), configDir);
        SegmentEditorContext c = context(r, AppSegment());
        c.segmentGroups.clear();
        c.serverGroups.clear();
        SegmentEditorDialog dlg(c);
        wire(dlg, r.editor);
        QSignalSpy saved(&dlg, &SegmentEditorDialog::saved);
        dlg.show();
        dlg.setGroups(m_segmentGroups, m_serverGroups); // the lists arrive after opening

        const QString name = QStringLiteral("zc gui create %1").arg(QDateTime::currentMSecsSinceEpoch());
        QTest::keyClicks(child<QLineEdit>(&dlg, "nameEdit"), name);
        child<QPlainTextEdit>(&dlg, "domainsEdit")->setPlainText(QStringLiteral("gui-create.edit.example"));
        child<QLineEdit>(&dlg, "tcpEdit")->setText(QStringLiteral("8443"));
        QVERIFY(!child<QPushButton>(&dlg, "saveButton")->isEnabled()); // no groups chosen yet
        auto *combo = child<QComboBox>(&dlg, "segmentGroupCombo");
        combo->setCurrentIndex(combo->findData(m_fx.segmentGroup()));
        QVERIFY(combo->currentIndex() >= 0);
        auto *servers = child<QListWidget>(&dlg, "serverGroupsList");
        QCOMPARE(servers->count(), int(m_serverGroups.size()));
        for (int i = 0; i < servers->count(); ++i)
            if (servers->item(i)->data(Qt::UserRole).toString() == m_fx.serverGroup())
                servers->item(i)->setCheckState(Qt::Checked);
        QVERIFY2(dlg.currentIssues().isEmpty(), qPrintable(joinIssues(dlg.currentIssues())));
        QVERIFY(child<QPushButton>(&dlg, "saveButton")->isEnabled());

        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Previewing);
        auto *preview = child<QTableWidget>(&dlg, "previewTable");
        const int nameRow = rowOf(preview, QStringLiteral("name"));
        QVERIFY(nameRow >= 0);
        QCOMPARE(preview->item(nameRow, 2)->text(), name);
        QCOMPARE(child<QPushButton>(&dlg, "confirmButton")->text(), QStringLiteral("&Create segment"));

        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 60'000));
        const ZpaEditResult res = saved.first().first().value<ZpaEditResult>();
        QCOMPARE(res.outcome, ZpaEditResult::Outcome::Done);
        QVERIFY(!res.after.id().isEmpty());
        int status = 0;
        const AppSegment onServer = zpatest::ZpaEditFixture::read(r.s, res.after.id(), &status);
        QCOMPARE(status, 200);
        QCOMPARE(onServer.name(), name);
        QCOMPARE(onServer.segmentGroupId(), m_fx.segmentGroup());
        QCOMPARE(onServer.serverGroupIds(), QStringList{m_fx.serverGroup()});
        QCOMPARE(r.audit.read().records.first().action, QStringLiteral("create"));
    }


    // The PUT fails (the API is in read-only mode): the dialog stays open with the input and
    // the error; the server is unchanged.
    void failedSaveKeepsInput()
    {
        Rig r(sim(), dir(QStringLiteral("failed")));
        const AppSegment seg = m_fx.create(r.editor, r.s.legacy(), QStringLiteral("fail"));
        QVERIFY(!seg.id().isEmpty());
        SegmentEditorDialog dlg(context(r, seg));
        wire(dlg, r.editor);
        QSignalSpy saved(&dlg, &SegmentEditorDialog::saved);
        dlg.show();
        child<QPlainTextEdit>(&dlg, "descriptionEdit")->setPlainText(QStringLiteral("will not stick"));
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Previewing);

        sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), true}});
        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.lastResult().outcome, ZpaEditResult::Outcome::Failed);
        QCOMPARE(saved.count(), 0);
        QVERIFY(dlg.isVisible());
        QCOMPARE(dlg.stage(), Stage::Editing);
        QCOMPARE(child<QPlainTextEdit>(&dlg, "descriptionEdit")->toPlainText(), QStringLiteral("will not stick"));
        QVERIFY2(dlg.messageText().startsWith(QStringLiteral("Not saved: ")) && dlg.messageText().size() > 20,
                 qPrintable(dlg.messageText()));
        QVERIFY2(dlg.messageText().contains(QStringLiteral("read-only"), Qt::CaseInsensitive),
                 qPrintable(dlg.messageText()));
        QVERIFY(child<QPushButton>(&dlg, "saveButton")->isEnabled());
        QCOMPARE(zpatest::ZpaEditFixture::read(r.s, seg.id()).description(), QStringLiteral("created by test"));

        // Once the server takes writes again, the same input saves.
        sim()->resetKnobs();
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(waitIdle(dlg));
        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 60'000));
        QCOMPARE(zpatest::ZpaEditFixture::read(r.s, seg.id()).description(), QStringLiteral("will not stick"));
    }

    // Protected tenant: the write is sent only after the tenant's name is typed exactly.
    void protectedTenantNeedsTypedName()
    {
        Rig plain(sim(), dir(QStringLiteral("protected")));
        const AppSegment seg = m_fx.create(plain.editor, plain.s.legacy(), QStringLiteral("prot"));
        QVERIFY(!seg.id().isEmpty());
        Rig r(sim(), dir(QStringLiteral("protected")), true);
        QVERIFY(r.s.tenant.isProtected);
        SegmentEditorDialog dlg(context(r, seg));
        wire(dlg, r.editor);
        QSignalSpy saved(&dlg, &SegmentEditorDialog::saved);
        dlg.show();
        const qint64 puts = sim()->count(kPut);

        child<QPlainTextEdit>(&dlg, "descriptionEdit")->setPlainText(QStringLiteral("protected change"));
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(waitIdle(dlg));
        QCOMPARE(dlg.stage(), Stage::Previewing);
        QVERIFY(child<QLabel>(&dlg, "previewLabel")->text().contains(QStringLiteral("protected tenant")));

        Confirm::setNextTypedName(r.s.tenant.name.toUpper() + QStringLiteral("x"));
        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return dlg.messageText().contains(QStringLiteral("not typed")); }, 5000));
        QVERIFY(Confirm::lastQuestion().contains(r.s.tenant.name));
        QVERIFY(Confirm::lastQuestion().contains(seg.name()));
        QCOMPARE(dlg.stage(), Stage::Previewing);
        QCOMPARE(saved.count(), 0);
        QCOMPARE(sim()->count(kPut), puts);

        Confirm::setNextAnswer(true); // a plain "yes" never passes a typed-name confirmation
        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return !Confirm::hasPreset() && child<QPushButton>(&dlg, "confirmButton")->isEnabled(); }, 5000));
        QCOMPARE(sim()->count(kPut), puts);

        Confirm::setNextTypedName(r.s.tenant.name);
        child<QPushButton>(&dlg, "confirmButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 60'000));
        QCOMPARE(sim()->count(kPut), puts + 1);
        QCOMPARE(zpatest::ZpaEditFixture::read(r.s, seg.id()).description(), QStringLiteral("protected change"));
    }

    // A lost answer never traps the person: the second Esc while busy closes the dialog.
    void secondEscClosesWhileBusy()
    {
        Rig r(sim(), dir(QStringLiteral("esc")));
        AppSegment seg = AppSegment::fromJson(m_fx.newSegmentJson(QStringLiteral("esc")));
        seg.setId(QStringLiteral("4242"));
        SegmentEditorDialog dlg(context(r, seg)); // not wired: the answer never comes
        dlg.show();
        child<QPlainTextEdit>(&dlg, "descriptionEdit")->setPlainText(QStringLiteral("x"));
        child<QPushButton>(&dlg, "saveButton")->click();
        QVERIFY(dlg.isBusy());
        QTest::keyClick(&dlg, Qt::Key_Escape);
        QVERIFY(dlg.isVisible());
        QTest::keyClick(&dlg, Qt::Key_Escape);
        QVERIFY(!dlg.isVisible());
        QCOMPARE(dlg.result(), int(QDialog::Rejected));
    }

    void readOnlyContext()
    {
        Rig r(sim(), dir(QStringLiteral("readonly")));
        AppSegment seg = AppSegment::fromJson(m_fx.newSegmentJson(QStringLiteral("ro")));
        seg.setId(QStringLiteral("123"));
        SegmentEditorContext c = context(r, seg);
        c.readOnly = true;
        SegmentEditorDialog dlg(c);
        dlg.show();
        QVERIFY(!child<QPushButton>(&dlg, "saveButton")->isVisible());
        QVERIFY(child<QLineEdit>(&dlg, "nameEdit")->isReadOnly());
        QVERIFY(!child<QComboBox>(&dlg, "segmentGroupCombo")->isEnabled());
        QVERIFY(dlg.messageText().contains(QStringLiteral("Read-only")));
    }

    // The delete question names the segment and the tenant; protected tenants need the name.
    void deleteConfirmation()
    {
        AppSegment seg = AppSegment::fromJson(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("216196257331299999")},
            {QStringLiteral("name"), QStringLiteral("Payroll app")},
            {QStringLiteral("domainNames"), QJsonArray{QStringLiteral("payroll.example.com")}},
        });
        Confirm::setNextAnswer(true);
        QVERIFY(confirmSegmentDelete(nullptr, QStringLiteral("Acme prod"), false, seg));
        const QString q = Confirm::lastQuestion();
        QVERIFY2(q.contains(QStringLiteral("“Payroll app”")) && q.contains(QStringLiteral("“Acme prod”"))
                     && q.contains(QStringLiteral("216196257331299999")) && q.contains(QStringLiteral("forceDelete")),
                 qPrintable(q));
        Confirm::setNextAnswer(false);
        QVERIFY(!confirmSegmentDelete(nullptr, QStringLiteral("Acme prod"), false, seg));

        QCOMPARE(segmentDeleteRequest(QStringLiteral("Acme prod"), true, seg).typedName, QStringLiteral("Acme prod"));
        Confirm::setNextAnswer(true);
        QVERIFY(!confirmSegmentDelete(nullptr, QStringLiteral("Acme prod"), true, seg));
        Confirm::setNextTypedName(QStringLiteral("acme prod"));
        QVERIFY(!confirmSegmentDelete(nullptr, QStringLiteral("Acme prod"), true, seg));
        Confirm::setNextTypedName(QStringLiteral("Acme prod"));
        QVERIFY(confirmSegmentDelete(nullptr, QStringLiteral("Acme prod"), true, seg));
    }

    void auditLogEmpty()
    {
        AuditLogDialog dlg(dir(QStringLiteral("nothing-here")), QString());
        dlg.show();
        QCOMPARE(dlg.model()->rowCount(), 0);
        QCOMPARE(dlg.model()->columnCount(), int(AuditLogDialog::ColumnCount));
        QVERIFY(dlg.statusText().contains(QStringLiteral("No changes recorded yet")));
        child<QPushButton>(&dlg, "refreshButton")->click();
        QCOMPARE(dlg.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestSegmentEditor)
#include "tst_segment_editor.moc"
