#pragma once

#include "FieldErrors.h"
#include "core/AppSegment.h"
#include "core/ZpaGroups.h"
#include "core/ZpaResults.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <memory>

namespace Ui {
class SegmentEditorDialog;
}

namespace zc {

class MessageBar;

// What the editor needs to know about where the segment lives.
struct SegmentEditorContext
{
    QString clientId;
    QString tenantName;
    bool protectedTenant = false;       // every write asks for the tenant's name to be typed
    bool readOnly = false;              // e.g. no write possible: fields disabled, Save hidden
    AppSegment base;                    // the segment as opened (GET); empty (no id) = create
    QList<ZpaSegmentGroup> segmentGroups;
    QList<ZpaServerGroup> serverGroups;
};

// Creates or edits one ZPA application segment. The dialog does no I/O: it emits
// submitRequested() and the page forwards the request to ZpaSegmentEditor and hands the answer
// back through showResult().
//
// Save = a dry run first (the editor GETs the current object and compares it with the version
// opened): the changes are shown as a before → after table; confirming (typing the tenant's
// name on a protected tenant) sends the real request. A conflict (the object changed on the
// server since it was opened) shows the differences and offers to reload their version, to apply
// my changes on top of theirs (only when no field was changed on both sides) or to overwrite
// (after a second confirmation). Any failure keeps the dialog open with the input and the error.
class SegmentEditorDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Stage { Editing, Previewing, Conflict };

    explicit SegmentEditorDialog(const SegmentEditorContext &context, QWidget *parent = nullptr);
    ~SegmentEditorDialog() override;

    bool isCreate() const;
    AppSegment editedSegment() const;     // what the form holds now
    // The lists may arrive after opening; the current choice is kept.
    void setGroups(const QList<ZpaSegmentGroup> &segmentGroups, const QList<ZpaServerGroup> &serverGroups);

    // For the page and for tests.
    Stage stage() const { return m_stage; }
    bool isBusy() const { return m_busy; }
    const AppSegment &base() const { return m_ctx.base; }  // re-based by "Reload their version"
    ValidationIssues currentIssues() const;
    QString errorText(const QString &field) const { return m_errors.shownText(field); }
    QString messageText() const;          // the message strip, empty while hidden
    const ZpaEditResult &lastResult() const { return m_last; }

public slots:
    void showResult(const zc::ZpaEditResult &result); // the answer to the last submitRequested
    void reject() override;                           // while a request runs: only on a second try

signals:
    void submitRequested(const zc::ZpaEditRequest &request); // the page forwards it to ZpaSegmentEditor
    void saved(const zc::ZpaEditResult &result);             // emitted on Done/Unconfirmed, before accept()

private:
    enum class Tone { Info, Warning, Error };
    void fillForm(const AppSegment &s);
    void fillGroups(const QString &segmentGroupId, const QStringList &checkedServerGroups);
    QString chosenSegmentGroup() const;
    QStringList checkedServerGroups() const;
    void fieldEdited(const QString &field);
    void revalidate();
    void updateButtons();
    void setStage(Stage stage);
    void setBusy(bool busy, const QString &text = QString());
    void showMessage(Tone tone, const QString &text);
    void clearMessage();

    void save();
    void confirmPreview();
    void submit(bool dryRun, bool confirmed);
    void showPreview(const ZpaEditResult &r);
    void showConflict(const ZpaEditResult &r);
    void reloadTheirs();
    void applyOnTop(ZpaConflictPolicy policy);
    void backToEditing();

    std::unique_ptr<Ui::SegmentEditorDialog> m_ui;
    SegmentEditorContext m_ctx;
    MessageBar *m_bar = nullptr;
    FieldErrors m_errors;
    Stage m_stage = Stage::Editing;
    bool m_busy = false;
    bool m_asking = false;       // a confirmation is open
    bool m_filling = false;      // the form is being filled by code
    bool m_closeWhileBusy = false; // the person tried to close while busy: the next try closes
    quint64 m_pendingTag = 0;
    ZpaConflictPolicy m_policy = ZpaConflictPolicy::Refuse;
    ZpaEditResult m_last;
    AppSegment m_theirs;         // the server's version from the last conflict
};

} // namespace zc
