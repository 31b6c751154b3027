#include "api/ZpaSegmentEditor.h"

#include "core/ZpaSegmentInput.h"
#include "core/AuditSink.h"
#include "core/ZpaJson.h"

#include <QTimer>

namespace zc {

struct ZpaSegmentEditor::Job
{
    ZpaEditRequest request;
    ZpaEditResult result;
    QString tenantId;
    QString tenantName;
    QString clientName;
};

namespace {

ApiError usageError(const QString &message)
{
    return ApiError::make(ErrorKind::Usage, message);
}

QStringList fieldsOf(const QList<AppSegmentChange> &changes)
{
    QStringList f;
    for (const AppSegmentChange &c : changes)
        f << c.label;
    return f;
}

} // namespace

ZpaSegmentEditor::ZpaSegmentEditor(ZpaApi *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    qRegisterMetaType<zc::ZpaEditRequest>();
    qRegisterMetaType<zc::ZpaEditResult>();
}

bool ZpaSegmentEditor::needsConfirmation(const QString &clientId) const
{
    const AuthTarget *t = m_api->target(clientId);
    return t && t->tenant.isProtected;
}

void ZpaSegmentEditor::submit(const ZpaEditRequest &request)
{
    auto job = std::make_shared<Job>();
    job->request = request;
    ZpaEditResult &r = job->result;
    r.action = request.action;
    r.tag = request.tag;
    r.id = request.action == ZpaEditRequest::Action::Create ? QString() : request.id;
    QString why;
    if (!m_api->checkClient(request.clientId, &why))
        return fail(job, ZpaEditResult::Outcome::Failed, ApiError::make(ErrorKind::Config, why));
    const AuthTarget *t = m_api->target(request.clientId);
    job->tenantId = t->tenant.id;
    job->tenantName = t->tenant.name;
    job->clientName = t->client.name;
    if (t->tenant.isProtected && !request.confirmed)
        return fail(job, ZpaEditResult::Outcome::NotConfirmed,
                    usageError(tr("tenant \"%1\" is protected: a change needs its name typed to confirm")
                                   .arg(t->tenant.name)));
    if (request.action != ZpaEditRequest::Action::Create && request.id.trimmed().isEmpty())
        return fail(job, ZpaEditResult::Outcome::Invalid, usageError(tr("no segment id given")));
    switch (request.action) {
    case ZpaEditRequest::Action::Create: return create(job);
    case ZpaEditRequest::Action::Update: return update(job);
    case ZpaEditRequest::Action::Delete: return remove(job);
    }
}

void ZpaSegmentEditor::fail(const std::shared_ptr<Job> &job, ZpaEditResult::Outcome outcome, const ApiError &error)
{
    job->result.outcome = outcome;
    job->result.error = error;
    done(job);
}

void ZpaSegmentEditor::done(const std::shared_ptr<Job> &job)
{
    // Always from the event loop, like every other completion.
    QTimer::singleShot(0, this, [this, job] { emit finished(job->result); });
}

void ZpaSegmentEditor::audit(const std::shared_ptr<Job> &job, const QString &outcome)
{
    if (!m_audit)
        return;
    const ZpaEditResult &r = job->result;
    AuditRecord rec;
    rec.time = QDateTime::currentDateTimeUtc();
    rec.tenantId = job->tenantId;
    rec.tenantName = job->tenantName;
    rec.client = job->clientName;
    rec.action = ZpaEditResult::actionName(r.action);
    rec.objectType = QStringLiteral("zpa.applicationSegment");
    rec.objectId = r.id;
    rec.objectName = r.name;
    if (r.action != ZpaEditRequest::Action::Create)
        rec.before = r.before.toJson();
    if (r.action == ZpaEditRequest::Action::Update)
        rec.after = r.after.id().isEmpty() ? QJsonValue(r.sent) : QJsonValue(r.after.toJson());
    else if (r.action == ZpaEditRequest::Action::Create)
        rec.after = r.after.toJson();
    rec.result = outcome;
    QString error;
    job->result.audited = m_audit->append(rec, &error);
    if (!job->result.audited) {
        job->result.auditError = error;
        qCWarning(lcZpa).noquote() << "audit log:" << error;
    }
}

void ZpaSegmentEditor::create(const std::shared_ptr<Job> &job)
{
    ZpaEditResult &r = job->result;
    r.name = job->request.edited.name();
    r.issues = ZpaSegmentInput::validate(job->request.edited);
    if (!r.issues.isEmpty())
        return fail(job, ZpaEditResult::Outcome::Invalid,
                    usageError(tr("the segment is not valid: %1").arg(joinIssues(r.issues))));
    r.sent = ZpaSegmentInput::createBody(job->request.edited);
    r.changes = AppSegmentDiff::diff(QJsonObject(), r.sent);
    if (job->request.dryRun) {
        r.outcome = ZpaEditResult::Outcome::DryRun;
        return done(job);
    }
    m_api->createSegment(job->request.clientId, r.sent, this, [this, job](const ZpaReply<AppSegment> &rep) {
        ZpaEditResult &res = job->result;
        if (!rep.ok())
            return fail(job, ZpaEditResult::Outcome::Failed, rep.error);
        res.after = rep.value;
        res.id = rep.value.id();
        res.name = rep.value.name();
        res.outcome = ZpaEditResult::Outcome::Done;
        audit(job, QStringLiteral("ok"));
        done(job);
    });
}

void ZpaSegmentEditor::update(const std::shared_ptr<Job> &job)
{
    const ZpaEditRequest &q = job->request;
    ZpaEditResult &r = job->result;
    // Checks that need no server: the edited object (GUI) or the patch's fields (CLI).
    r.issues = q.patch.isEmpty() ? ZpaSegmentInput::validate(q.edited) : ZpaSegmentInput::checkPatch(q.patch);
    if (!r.issues.isEmpty())
        return fail(job, ZpaEditResult::Outcome::Invalid,
                    usageError(tr("the segment is not valid: %1").arg(joinIssues(r.issues))));
    m_api->segment(q.clientId, q.id, this, [this, job](const ZpaReply<AppSegment> &rep) {
        if (!rep.ok())
            return fail(job, ZpaEditResult::Outcome::Failed, rep.error);
        updateWith(job, rep.value);
    });
}

void ZpaSegmentEditor::updateWith(const std::shared_ptr<Job> &job, const AppSegment &current)
{
    const ZpaEditRequest &q = job->request;
    ZpaEditResult &r = job->result;
    r.before = current;
    r.name = current.name();
    ZpaEditConflict &c = r.conflict;
    c.serverModifiedTime = current.modifiedTime();
    c.serverModifiedBy = current.modifiedBy();

    AppSegmentMerge merge;
    bool conflict = false;
    if (q.patch.isEmpty()) {
        const bool haveBase = !q.base.id().isEmpty();
        merge = AppSegmentDiff::threeWay(haveBase ? q.base : current, current, q.edited);
        c.baseModifiedTime = haveBase ? q.base.modifiedTime() : current.modifiedTime();
        c.theirs = merge.theirs;
        c.fields = merge.conflicts;
        c.stale = !merge.theirs.isEmpty();
        conflict = q.policy == ZpaConflictPolicy::Refuse ? c.stale
                   : q.policy == ZpaConflictPolicy::MergeDisjoint ? merge.hasConflicts()
                                                                  : false;
    } else {
        const QJsonObject currentJson = current.toJson();
        const AppSegment mine = AppSegment::fromJson(ZpaSegmentInput::applyPatch(currentJson, q.patch));
        merge = AppSegmentDiff::threeWay(current, current, mine);
        c.baseModifiedTime = zpajson::toStr(q.patch.value(QLatin1String("modifiedTime")));
        c.stale = !c.baseModifiedTime.isEmpty() && c.baseModifiedTime != current.modifiedTime();
        // The file may hold an older version of fields someone changed since: every field it
        // would change is a possible clash.
        if (c.stale)
            for (const AppSegmentChange &ch : std::as_const(merge.mine))
                c.fields.append({ch.field, ch.label, QJsonValue(QJsonValue::Undefined), ch.before, ch.after,
                                 QString(), ch.beforeText, ch.afterText});
        conflict = c.stale && q.policy != ZpaConflictPolicy::Overwrite;
    }
    r.changes = AppSegmentDiff::diff(current.toJson(), merge.merged);
    r.sent = merge.merged;
    if (conflict) {
        return fail(job, ZpaEditResult::Outcome::Conflict,
                    ApiError::make(ErrorKind::Api,
                                   tr("segment %1 (\"%2\") was changed on the server since it was read (modified %3 "
                                      "by %4): nothing was sent")
                                       .arg(r.id, r.name, c.serverModifiedTime,
                                            c.serverModifiedBy.isEmpty() ? tr("someone") : c.serverModifiedBy)));
    }
    if (r.changes.isEmpty()) {
        r.outcome = ZpaEditResult::Outcome::NoChange;
        return done(job);
    }
    const AppSegment merged = AppSegment::fromJson(merge.merged);
    r.issues = ZpaSegmentInput::validate(merged);
    if (!r.issues.isEmpty())
        return fail(job, ZpaEditResult::Outcome::Invalid,
                    usageError(tr("the segment would not be valid: %1").arg(joinIssues(r.issues))));
    if (q.dryRun) {
        r.outcome = ZpaEditResult::Outcome::DryRun;
        return done(job);
    }
    put(job, merge.merged);
}

void ZpaSegmentEditor::put(const std::shared_ptr<Job> &job, const QJsonObject &body)
{
    const ZpaEditRequest &q = job->request;
    m_api->updateSegment(q.clientId, q.id, body, this, [this, job](const ZpaReply<bool> &rep) {
        if (!rep.ok())
            return fail(job, ZpaEditResult::Outcome::Failed, rep.error);
        // The PUT answered 204 without a body: read the object again to see what stuck.
        m_api->segment(job->request.clientId, job->request.id, this, [this, job](const ZpaReply<AppSegment> &again) {
            ZpaEditResult &res = job->result;
            if (!again.ok()) {
                res.outcome = ZpaEditResult::Outcome::Unconfirmed;
                res.error = again.error;
                res.error.message = tr("the change was sent (204) but reading it back failed: %1").arg(again.error.message);
                audit(job, QStringLiteral("sent; re-read failed"));
                return done(job);
            }
            res.after = again.value;
            res.name = again.value.name();
            res.mismatches = AppSegmentDiff::diff(res.sent, again.value.toJson());
            if (res.mismatches.isEmpty()) {
                res.outcome = ZpaEditResult::Outcome::Done;
                audit(job, QStringLiteral("ok"));
            } else {
                res.outcome = ZpaEditResult::Outcome::Unconfirmed;
                const QString fields = fieldsOf(res.mismatches).join(QStringLiteral(", "));
                res.error = ApiError::make(ErrorKind::Api, tr("the server accepted the change (204) but the segment "
                                                              "read back differs in: %1")
                                                               .arg(fields));
                audit(job, QStringLiteral("sent; re-read differs in: ") + fields);
            }
            done(job);
        });
    });
}

void ZpaSegmentEditor::remove(const std::shared_ptr<Job> &job)
{
    const ZpaEditRequest &q = job->request;
    m_api->segment(q.clientId, q.id, this, [this, job](const ZpaReply<AppSegment> &rep) {
        ZpaEditResult &r = job->result;
        if (!rep.ok())
            return fail(job, ZpaEditResult::Outcome::Failed, rep.error);
        r.before = rep.value;
        r.name = rep.value.name();
        if (job->request.dryRun) {
            r.outcome = ZpaEditResult::Outcome::DryRun;
            return done(job);
        }
        m_api->deleteSegment(job->request.clientId, job->request.id, this, [this, job](const ZpaReply<bool> &del) {
            if (!del.ok())
                return fail(job, ZpaEditResult::Outcome::Failed, del.error);
            m_api->segment(job->request.clientId, job->request.id, this, [this, job](const ZpaReply<AppSegment> &gone) {
                ZpaEditResult &res = job->result;
                if (!gone.ok() && gone.httpStatus == 404) {
                    res.outcome = ZpaEditResult::Outcome::Done;
                    audit(job, QStringLiteral("ok"));
                } else {
                    res.outcome = ZpaEditResult::Outcome::Unconfirmed;
                    res.error = gone.ok() ? ApiError::make(ErrorKind::Api, tr("the server accepted the delete (204) "
                                                                              "but the segment can still be read"))
                                          : gone.error;
                    audit(job, QStringLiteral("sent; not confirmed: ") + res.error.message);
                }
                done(job);
            });
        });
    });
}

} // namespace zc
