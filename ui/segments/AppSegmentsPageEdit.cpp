// The App Segments page: New / Edit / Delete through the segment editor dialog, and the audit
// log. The page reads the current object (GET) before editing, forwards the dialog's requests
// to ZpaSegmentEditor (SegmentsService::submitEdit) and hands the answers back; rows
// are updated (or removed) when a write was done.
#include "AppSegmentsPage.h"

#include "services/AppServices.h"
#include "MessageBar.h"
#include "TableView.h"
#include "models/AppSegmentFilterProxy.h"
#include "models/AppSegmentTableModel.h"
#include "services/SegmentsService.h"
#include "store/TenantStore.h"

#include "segments/editor/AuditLogDialog.h"
#include "segments/editor/SegmentDeleteConfirm.h"
#include "segments/editor/SegmentEditorDialog.h"

namespace zc {

void AppSegmentsPage::onGroups(const QString &clientId, const QList<ZpaSegmentGroup> &segmentGroups,
                               const QList<ZpaServerGroup> &serverGroups, const ApiError &error)
{
    if (clientId != this->clientId())
        return;
    if (error.isError()) {
        showMessage(int(MessageBar::Type::Warning), tr("Segment and server groups could not be read: %1").arg(error.message));
        return;
    }
    m_groupsClient = clientId;
    m_segmentGroups = segmentGroups;
    m_serverGroups = serverGroups;
    m_groupsLoaded = true;
    for (auto *dlg : findChildren<SegmentEditorDialog *>(QString(), Qt::FindDirectChildrenOnly))
        dlg->setGroups(segmentGroups, serverGroups);
}

void AppSegmentsPage::newSegment()
{
    if (!canWrite())
        return;
    openEditor(AppSegment());
}

void AppSegmentsPage::editCurrent()
{
    const QString id = currentId();
    if (!canEdit() || id.isEmpty())
        return;
    // The editor opens on the server's current object, not on the (possibly old) row.
    m_fetchTag = m_services->zpa()->fetchSegment(clientId(), id);
    m_message->setType(MessageBar::Type::Info);
    m_message->setText(tr("Reading the current version of the segment…"));
    m_message->setBusy(true);
    m_message->show();
}

void AppSegmentsPage::onSegmentFetched(const QString &clientId, quint64 tag, const AppSegment &segment, const ApiError &error)
{
    if (tag != m_fetchTag || clientId != this->clientId())
        return;
    m_fetchTag = 0;
    m_message->setBusy(false);
    if (error.isError()) {
        if (error.httpStatus == 404) {
            m_model->removeById(segment.id().isEmpty() ? currentId() : segment.id());
            showMessage(int(MessageBar::Type::Warning), tr("The segment no longer exists on the server; its row was removed."));
        } else {
            showMessage(int(MessageBar::Type::Error), tr("The segment could not be read: %1").arg(errorText(error)));
        }
        return;
    }
    m_message->hide();
    m_model->upsert(segment); // the row shows what the editor opens
    openEditor(segment);
}

void AppSegmentsPage::openEditor(const AppSegment &base)
{
    const ApiClient *c = m_services->store()->client(clientId());
    const Tenant *t = c ? m_services->store()->tenant(c->tenantId) : nullptr;
    SegmentEditorContext ctx;
    ctx.clientId = clientId();
    ctx.tenantName = t ? t->name : QString();
    ctx.protectedTenant = t && t->isProtected;
    ctx.readOnly = !canWrite();
    ctx.base = base;
    if (m_groupsLoaded && m_groupsClient == ctx.clientId) {
        ctx.segmentGroups = m_segmentGroups;
        ctx.serverGroups = m_serverGroups;
    }
    auto *dlg = new SegmentEditorDialog(ctx, this);
    dlg->setObjectName(QStringLiteral("segmentEditor"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &SegmentEditorDialog::submitRequested, this, [this, dlg](const ZpaEditRequest &request) {
        m_editDialogs.insert(request.tag, dlg);
        m_services->zpa()->submitEdit(request);
    });
    connect(dlg, &QObject::destroyed, this, [this, dlg] {
        for (auto it = m_editDialogs.begin(); it != m_editDialogs.end();)
            it = (it.value().isNull() || it.value() == dlg) ? m_editDialogs.erase(it) : std::next(it);
    });
    if (!m_groupsLoaded || m_groupsClient != ctx.clientId)
        m_services->zpa()->loadGroups(ctx.clientId);
    dlg->open();
}

void AppSegmentsPage::deleteCurrent()
{
    const QString id = currentId();
    if (!canDelete() || id.isEmpty())
        return;
    const AppSegment *s = m_model->segmentById(id);
    if (!s)
        return;
    const ApiClient *c = m_services->store()->client(clientId());
    const Tenant *t = c ? m_services->store()->tenant(c->tenantId) : nullptr;
    const QString tenantName = t ? t->name : QString();
    const bool isProtected = t && t->isProtected;
    const QString client = clientId();
    askSegmentDelete(this, tenantName, isProtected, *s, this, [this, client, id, isProtected](bool yes) {
        if (!yes || client != clientId())
            return;
        ZpaEditRequest req;
        req.action = ZpaEditRequest::Action::Delete;
        req.clientId = client;
        req.id = id;
        req.confirmed = isProtected; // the tenant's name was typed
        req.tag = ++m_editTag;
        m_deletes.insert(req.tag, id);
        m_message->setType(MessageBar::Type::Info);
        m_message->setText(tr("Deleting the segment…"));
        m_message->setBusy(true);
        m_message->show();
        m_services->zpa()->submitEdit(req);
    });
}

void AppSegmentsPage::onEditFinished(const ZpaEditResult &result)
{
    if (m_deletes.contains(result.tag)) {
        const QString id = m_deletes.take(result.tag);
        m_message->setBusy(false);
        if (result.outcome == ZpaEditResult::Outcome::Done || result.outcome == ZpaEditResult::Outcome::Unconfirmed) {
            m_model->removeById(id);
            showMessage(int(result.outcome == ZpaEditResult::Outcome::Done ? MessageBar::Type::Success : MessageBar::Type::Warning),
                        result.outcome == ZpaEditResult::Outcome::Done
                            ? tr("Deleted the segment “%1” (id %2).").arg(result.name, id)
                            : tr("The segment “%1” was deleted, but it can still be read back; reload to check.").arg(result.name));
        } else {
            showMessage(int(MessageBar::Type::Error),
                        tr("The segment was not deleted (%1): %2")
                            .arg(ZpaEditResult::outcomeName(result.outcome), errorText(result.error)));
            noteReadOnlyMode(result.error);
        }
        emit editFinished(result);
        return;
    }
    auto it = m_editDialogs.find(result.tag);
    if (it == m_editDialogs.end())
        return;
    QPointer<QWidget> w = it.value();
    m_editDialogs.erase(it);
    if (result.written() && !result.after.id().isEmpty()) {
        m_model->upsert(result.after);
        selectId(result.after.id());
        emit statusMessage(result.action == ZpaEditRequest::Action::Create
                               ? tr("Created the segment “%1”.").arg(result.after.name())
                               : tr("Saved the segment “%1”.").arg(result.after.name()));
    }
    if (auto *dlg = qobject_cast<SegmentEditorDialog *>(w.data()))
        dlg->showResult(result);
    noteReadOnlyMode(result.error);
    emit editFinished(result);
}

void AppSegmentsPage::noteReadOnlyMode(const ApiError &error)
{
    if (error.httpStatus != 403 || error.code != QLatin1String("STATE_READONLY"))
        return;
    m_apiReadOnly = true;
    updateActions();
    const ApiClient *c = m_services->store()->client(clientId());
    const Tenant *t = c ? m_services->store()->tenant(c->tenantId) : nullptr;
    showMessage(int(MessageBar::Type::Warning),
                tr("The ZPA API of tenant “%1” is in read-only mode (a scheduled upgrade): changes are disabled. "
                   "Reading still works; Load again to retry changes once the mode has ended.")
                    .arg(t ? t->name : QString()));
}

void AppSegmentsPage::showAuditLog()
{
    auto *dlg = new AuditLogDialog(m_services->configDir(), tenantIdOfClient(), this);
    dlg->setObjectName(QStringLiteral("auditLogDialog"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->open();
}

} // namespace zc
