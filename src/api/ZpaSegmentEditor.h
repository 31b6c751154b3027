#pragma once

#include "api/ZpaApi.h"
#include "core/ZpaResults.h"

#include <QObject>
#include <memory>

namespace zc {

class AuditSink;

// Safe writes of ZPA application segments: create, update, delete.
//
//  - Protected tenant: refused (NotConfirmed) unless request.confirmed — the GUI and the CLI ask
//    for the tenant's name to be typed first. Nothing is sent.
//  - Validation before sending (ZpaSegmentInput: domains, ports 1–65535 with from ≤ to, the two
//    port encodings consistent, segment group and server groups): Invalid, nothing sent.
//  - Update = GET the current object; three-way check against the version the user opened
//    (AppSegmentDiff::threeWay): if the server's object changed since, the result is a Conflict
//    with the field differences and nothing is sent (policy Refuse; see ZpaConflictPolicy);
//    otherwise PUT (204, no body) the server's object with the user's changes applied (both port
//    encodings consistent), then GET again: fields that did not stick make it Unconfirmed.
//    Nothing to change: NoChange, no PUT.
//  - Create: POST (201) of the segment without id and server-set times.
//  - Delete: GET (for the audit record), DELETE ?forceDelete=true (204), GET again (404 expected).
//  - Every write that reached the server is appended to the AuditSink (time, tenant, client,
//    action, id, name, before, after; store/AuditLog strips anything secret-looking).
//
// submit() may be called again while earlier requests run; each emits finished() once, with
// the request's tag. Lives in the thread of its ZpaApi.
class ZpaSegmentEditor : public QObject
{
    Q_OBJECT
public:
    explicit ZpaSegmentEditor(ZpaApi *api, QObject *parent = nullptr);

    // Not owned; must outlive the editor. Null = no audit records.
    void setAuditLog(AuditSink *log) { m_audit = log; }
    // Whether writes through this client need request.confirmed (its tenant is protected).
    bool needsConfirmation(const QString &clientId) const;

public slots:
    void submit(const zc::ZpaEditRequest &request);

signals:
    void finished(const zc::ZpaEditResult &result);

private:
    struct Job;
    void create(const std::shared_ptr<Job> &job);
    void update(const std::shared_ptr<Job> &job);
    void updateWith(const std::shared_ptr<Job> &job, const AppSegment &current);
    void put(const std::shared_ptr<Job> &job, const QJsonObject &body);
    void remove(const std::shared_ptr<Job> &job);
    void done(const std::shared_ptr<Job> &job);
    void fail(const std::shared_ptr<Job> &job, ZpaEditResult::Outcome outcome, const ApiError &error);
    void audit(const std::shared_ptr<Job> &job, const QString &outcome);

    ZpaApi *m_api;
    AuditSink *m_audit = nullptr;
};

} // namespace zc
