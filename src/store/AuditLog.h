#pragma once

#include "core/AuditSink.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace zc {

// The AuditSink of the product: an append-only JSON Lines file (`audit.jsonl`, mode 0600) in the
// config folder.
//
// - append() writes one record as one line with a single write() on a file opened O_APPEND,
//   then flushes it to disk (fsync). A crash mid-append can leave at most one truncated last
//   line; the next append starts on a fresh line, and read() skips and counts damaged lines.
// - No secret reaches the file: redact() drops every field whose name looks like a secret
//   (secret, password, apiKey, token, privateKey, …) at any depth, and replaces values that look
//   like a JWT or a PEM private key.
// - Several processes (GUI and CLI) may append to the same file.
class AuditLog : public AuditSink
{
public:
    static constexpr const char *FileName = "audit.jsonl";

    explicit AuditLog(const QString &configDir);
    QString path() const { return m_path; }

    // False (and `error`) when the record could not be written completely.
    bool append(const AuditRecord &record, QString *error = nullptr) override;

    struct Filter
    {
        QString tenantId;   // empty = any (matches tenantId or tenantName)
        QString objectType; // empty = any
        QString objectId;   // empty = any
        QString action;     // empty = any
        int limit = 0;      // 0 = all
    };
    struct ReadResult
    {
        QList<AuditRecord> records; // newest first
        int damagedLines = 0;       // lines that are not a complete record (skipped)
        int totalLines = 0;         // non-empty lines read
        bool ok = true;             // false: the file exists but cannot be read
        QString error;
    };
    // Reads the whole file. A missing file is an empty, ok log.
    ReadResult read(const Filter &filter) const;
    ReadResult read() const { return read(Filter()); }

    static QJsonValue redact(const QJsonValue &v);
    static bool isSecretKey(const QString &key);

    // One line of the file (secrets redacted), and back (false: not a complete record).
    static QJsonObject toJson(const AuditRecord &record);
    static bool fromJson(const QJsonObject &o, AuditRecord *out);

private:
    QString m_path;
};

} // namespace zc
