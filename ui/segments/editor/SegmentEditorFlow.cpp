// SegmentEditorDialog, second half: save → dry run → preview → confirm → write, and the answers.
#include "SegmentEditorDialog.h"

#include "ui_SegmentEditorDialog.h"

#include "Confirm.h"
#include "MessageBar.h"
#include "SegmentChangeTables.h"

#include <QPushButton>

namespace zc {

namespace {
quint64 nextEditorTag()
{
    static quint64 serial = 0x5E6D000000000000ull; // clear of the small serials other callers use
    return ++serial;
}

QStringList labelsOf(const QList<AppSegmentConflict> &fields)
{
    QStringList out;
    for (const AppSegmentConflict &c : fields)
        out << (c.label.isEmpty() ? c.field : c.label);
    return out;
}
} // namespace

void SegmentEditorDialog::save()
{
    if (m_busy || m_asking || m_ctx.readOnly)
        return;
    m_errors.showAll();
    revalidate();
    if (!currentIssues().isEmpty())
        return;
    m_policy = ZpaConflictPolicy::Refuse;
    submit(true, false);
}

void SegmentEditorDialog::submit(bool dryRun, bool confirmed)
{
    ZpaEditRequest q;
    q.action = isCreate() ? ZpaEditRequest::Action::Create : ZpaEditRequest::Action::Update;
    q.clientId = m_ctx.clientId;
    q.id = m_ctx.base.id();
    q.base = m_ctx.base;
    q.edited = editedSegment();
    q.policy = m_policy;
    q.dryRun = dryRun;
    // A dry run writes nothing (the editor only reads and compares), so it needs no typed name;
    // the real write carries the person's answer.
    q.confirmed = dryRun || confirmed;
    q.tag = nextEditorTag();
    m_pendingTag = q.tag;
    clearMessage();
    setBusy(true, dryRun ? (isCreate() ? tr("Checking the new segment…")
                                       : tr("Reading the segment on the server to compare…"))
                         : (isCreate() ? tr("Creating the segment…") : tr("Saving and reading it back…")));
    emit submitRequested(q);
}

void SegmentEditorDialog::confirmPreview()
{
    if (m_busy || m_asking || m_stage != Stage::Previewing)
        return;
    const bool overwrite = m_policy == ZpaConflictPolicy::Overwrite;
    if (!m_ctx.protectedTenant && !overwrite) {
        submit(false, false);
        return;
    }
    const QString name = editedSegment().name();
    Confirm::Request req;
    if (overwrite) {
        req.title = tr("Overwrite their changes");
        req.text = tr("Overwrite the changes made on the server to “%1” on tenant “%2”?").arg(name, m_ctx.tenantName);
        const QStringList both = labelsOf(m_last.conflict.fields);
        req.details = both.isEmpty() ? tr("Your values replace theirs.")
                                     : tr("Your values replace theirs in: %1.").arg(both.join(QStringLiteral(", ")));
        req.acceptLabel = tr("Overwrite");
    } else {
        req.title = isCreate() ? tr("Create segment") : tr("Save segment");
        req.text = isCreate() ? tr("Create “%1” on tenant “%2”?").arg(name, m_ctx.tenantName)
                              : tr("Save the changes to “%1” on tenant “%2”?").arg(name, m_ctx.tenantName);
        req.acceptLabel = isCreate() ? tr("Create") : tr("Save");
    }
    if (m_ctx.protectedTenant)
        req.typedName = m_ctx.tenantName;
    m_asking = true;
    updateButtons();
    Confirm::ask(this, req, this, [this](bool yes) {
        m_asking = false;
        updateButtons();
        if (yes)
            submit(false, true);
        else
            showMessage(Tone::Warning, m_ctx.protectedTenant
                                           ? tr("Not saved: the tenant's name was not typed to confirm.")
                                           : tr("Not saved: the overwrite was not confirmed."));
    });
}

void SegmentEditorDialog::showResult(const ZpaEditResult &result)
{
    if (!m_busy || result.tag != m_pendingTag)
        return; // not the answer to this dialog's last request
    setBusy(false);
    m_last = result;
    using O = ZpaEditResult::Outcome;
    switch (result.outcome) {
    case O::DryRun:
        showPreview(result);
        return;
    case O::NoChange:
        setStage(Stage::Editing);
        showMessage(Tone::Info, tr("Nothing to save: the segment on the server already has these values."));
        return;
    case O::Done:
        clearMessage();
        emit saved(result);
        accept();
        return;
    case O::Unconfirmed:
        // It was written: the page must know. Stay open to say what did not stick.
        emit saved(result);
        if (!result.after.id().isEmpty())
            m_ctx.base = result.after;
        setStage(Stage::Editing);
        showMessage(Tone::Warning, tr("Saved, but not confirmed: %1").arg(result.error.message));
        return;
    case O::Conflict:
        showConflict(result);
        return;
    case O::Invalid: {
        setStage(Stage::Editing);
        m_errors.showAll();
        const ValidationIssues rest = m_errors.show(currentIssues() + result.issues);
        showMessage(Tone::Error, tr("Not saved: %1")
                                     .arg(result.issues.isEmpty() ? result.error.message : joinIssues(result.issues)));
        FieldErrors::showHint(m_ui->hintLabel, rest);
        updateButtons();
        return;
    }
    case O::NotConfirmed:
        showMessage(Tone::Error, tr("Not saved: %1").arg(result.error.message));
        return;
    case O::Failed:
        setStage(Stage::Editing);
        showMessage(Tone::Error, tr("Not saved: %1").arg(result.error.message.isEmpty() ? result.error.toString()
                                                                                         : result.error.message));
        return;
    }
}

void SegmentEditorDialog::showPreview(const ZpaEditResult &r)
{
    const QString name = editedSegment().name();
    QString text = isCreate() ? tr("“%1” will be created on tenant “%2” with these values:").arg(name, m_ctx.tenantName)
                              : tr("These changes will be saved to “%1” on tenant “%2” (compared with the version on "
                                   "the server now):")
                                    .arg(name, m_ctx.tenantName);
    if (m_policy == ZpaConflictPolicy::MergeDisjoint)
        text += QLatin1Char(' ') + tr("Their changes are kept; yours are applied on top.");
    else if (m_policy == ZpaConflictPolicy::Overwrite && !r.conflict.fields.isEmpty())
        text += QLatin1Char(' ')
                + tr("Your values overwrite theirs in: %1.").arg(labelsOf(r.conflict.fields).join(QStringLiteral(", ")));
    if (m_ctx.protectedTenant)
        text += QLatin1Char(' ') + tr("This is a protected tenant: confirming asks for its name.");
    m_ui->previewLabel->setText(text);
    segmenttables::fillChanges(m_ui->previewTable, r.changes, isCreate() ? tr("Before") : tr("On the server now"),
                               isCreate() ? tr("New value") : tr("After saving"));
    m_ui->confirmButton->setText(isCreate() ? tr("&Create segment")
                                 : m_policy == ZpaConflictPolicy::Overwrite ? tr("&Overwrite…")
                                                                            : tr("Save &changes"));
    setStage(Stage::Previewing);
    m_ui->confirmButton->setFocus();
}

void SegmentEditorDialog::showConflict(const ZpaEditResult &r)
{
    const ZpaEditConflict &c = r.conflict;
    m_theirs = r.before;
    const QString who = c.serverModifiedBy.isEmpty() ? tr("someone") : c.serverModifiedBy;
    m_ui->conflictLabel->setText(
        tr("“%1” was changed on the server since you opened it (modified %2 by %3). Nothing was saved; your input is "
           "kept.")
            .arg(r.name.isEmpty() ? m_ctx.base.name() : r.name, segmenttables::localTimeText(c.serverModifiedTime), who));
    segmenttables::fillConflicts(m_ui->bothTable, c.fields);
    m_ui->bothLabel->setVisible(!c.fields.isEmpty());
    m_ui->bothTable->setVisible(!c.fields.isEmpty());
    segmenttables::fillChanges(m_ui->theirsTable, c.theirs, tr("When you opened it"), tr("On the server now"));
    m_ui->theirsLabel->setVisible(!c.theirs.isEmpty());
    m_ui->theirsTable->setVisible(!c.theirs.isEmpty());
    showMessage(Tone::Warning, c.fields.isEmpty()
                                   ? tr("The segment changed on the server. No field was changed on both sides.")
                                   : tr("The segment changed on the server; these fields were changed on both sides: %1.")
                                         .arg(labelsOf(c.fields).join(QStringLiteral(", "))));
    setStage(Stage::Conflict);
    m_ui->backButton->setFocus();
}

void SegmentEditorDialog::reloadTheirs()
{
    if (m_busy || m_asking || m_theirs.id().isEmpty())
        return;
    m_ctx.base = m_theirs;
    m_policy = ZpaConflictPolicy::Refuse;
    m_last = ZpaEditResult();
    fillForm(m_ctx.base);
    setStage(Stage::Editing);
    revalidate();
    showMessage(Tone::Info, tr("Loaded the version on the server (modified %1 by %2). Your changes were set aside; "
                               "make them again if they are still needed.")
                                .arg(segmenttables::localTimeText(m_ctx.base.modifiedTime()),
                                     m_ctx.base.modifiedBy().isEmpty() ? tr("someone") : m_ctx.base.modifiedBy()));
}

void SegmentEditorDialog::applyOnTop(ZpaConflictPolicy policy)
{
    if (m_busy || m_asking)
        return;
    if (policy == ZpaConflictPolicy::MergeDisjoint && !m_last.conflict.fields.isEmpty())
        return;
    m_policy = policy;
    submit(true, false); // show what would be sent first; the write needs another confirmation
}

void SegmentEditorDialog::backToEditing()
{
    if (m_busy || m_asking)
        return;
    m_policy = ZpaConflictPolicy::Refuse;
    clearMessage();
    setStage(Stage::Editing);
    revalidate();
    m_ui->nameEdit->setFocus();
}

} // namespace zc
