#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace zc {

// One change made through zconsole. `before`/`after` are the object's JSON (absent for a
// create's before or a delete's after); the sink strips secrets on the way in.
struct AuditRecord
{
    QDateTime time;      // UTC
    QString tenantId;
    QString tenantName;
    QString client;      // API client profile (name or id) that made the change
    QString action;      // create | update | delete | activate | …
    QString objectType;  // e.g. "zpa.applicationSegment"
    QString objectId;
    QString objectName;
    QJsonValue before;   // Undefined = not recorded
    QJsonValue after;
    QString result;      // "ok", or the error a failed change met (optional)
};

// Where the writers of src/api (and services) hand their audit records: store/AuditLog in the
// product, anything that records them in a test. append() is called from the writer's thread.
class AuditSink
{
public:
    virtual ~AuditSink() = default;
    // False (and `error`) when the record could not be written completely.
    virtual bool append(const AuditRecord &record, QString *error = nullptr) = 0;

protected:
    AuditSink() = default;
    AuditSink(const AuditSink &) = default;
    AuditSink &operator=(const AuditSink &) = default;
};

} // namespace zc
