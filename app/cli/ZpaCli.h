#pragma once

#include "AuthRuntime.h"

#include "core/AppSegment.h"
#include "core/ZpaResults.h"

#include <QJsonArray>
#include <QJsonObject>
#include <memory>

namespace zc {
class SegmentsService;
}

namespace zc::cli {

extern const QString kNeedsZpa; // "a zpa-legacy or oneapi-* client"

// The client (registered with the runtime's broker) if it speaks ZPA and its tenant has a ZPA
// customer id; null with *rc set and the error printed otherwise.
const ApiClient *addZpaClient(CliContext &ctx, AuthRuntime &rt, const QString &name, int *rc);

// What one zpa command works with: the run's network, the client (checked as by addZpaClient
// and registered) and the segments service on it (which writes the audit log of the config).
struct ZpaRun
{
    explicit ZpaRun(CliContext &ctx);
    ~ZpaRun();
    AuthRuntime rt;
    const ApiClient *client = nullptr;
    std::unique_ptr<SegmentsService> segments;
};
// Null with *rc set and the error printed when the client cannot list ZPA segments.
std::unique_ptr<ZpaRun> openZpa(CliContext &ctx, const QString &clientName, int *rc);

// Reads one JSON object from a file ("-" = standard input). False with `error` set.
bool readJsonObjectFile(const QString &path, QJsonObject *out, QString *error);

// "Name: …" lines of a segment.
void printSegment(CliContext &ctx, const AppSegment &s);
// "  TCP ports: 80 → 80, 443" lines; nothing for an empty list.
void printChanges(QTextStream &out, const QList<AppSegmentChange> &changes, const QString &indent = QStringLiteral("  "));
QJsonArray changesJson(const QList<AppSegmentChange> &changes);

// Prints a finished edit (text or JSON on stdout, problems on stderr) and returns the exit code:
// 0 done / no change / dry run; 2 invalid or not confirmed; 5 conflict or not confirmed by the
// re-read; else by the error's kind.
int reportEdit(CliContext &ctx, const ZpaEditResult &r);

// isatty(STDERR_FILENO)
bool stderrIsTerminal();

} // namespace zc::cli
