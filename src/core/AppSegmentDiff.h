#pragma once

#include "core/AppSegment.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace zc {

// One field that differs between two versions of a segment.
// `field` is the JSON key, except for ports, which are compared as ranges under the pseudo
// fields "tcpPorts" and "udpPorts" (the two encodings of each are one field to a person).
struct AppSegmentChange
{
    QString field;
    QString label;       // "TCP ports", "Server groups", or the key itself for other fields
    QJsonValue before;   // Undefined = the field was absent
    QJsonValue after;
    QString beforeText;  // one line, for a "what will change" list
    QString afterText;
};

// A field both sides changed to different values since the base was read.
struct AppSegmentConflict
{
    QString field;
    QString label;
    QJsonValue base;
    QJsonValue server;
    QJsonValue mine;
    QString baseText;
    QString serverText;
    QString mineText;
};

// Result of a three-way check before a PUT.
struct AppSegmentMerge
{
    QList<AppSegmentChange> mine;       // base → my edit
    QList<AppSegmentChange> theirs;     // base → the server now (metadata excluded)
    QList<AppSegmentConflict> conflicts;
    bool serverChanged = false;         // anything, including modifiedTime, moved on the server
    // The server's current object with my changes applied to the fields only I changed; for
    // conflicting fields it holds my value. Send it only when conflicts is empty or the user
    // chose to overwrite.
    QJsonObject merged;
    bool hasConflicts() const { return !conflicts.isEmpty(); }
};

// Field-level comparison of segments, on their full JSON (so unknown fields count too).
class AppSegmentDiff
{
public:
    // Fields that the server sets and a person does not edit.
    static const QStringList &metadataFields(); // modifiedTime, creationTime, modifiedBy, …

    // All differences from `before` to `after`; metadata fields too unless excluded.
    static QList<AppSegmentChange> diff(const AppSegment &before, const AppSegment &after,
                                        bool includeMetadata = false);
    static QList<AppSegmentChange> diff(const QJsonObject &before, const QJsonObject &after,
                                        bool includeMetadata = false);

    // base = the object when the editor opened it; server = a fresh GET; mine = the edit.
    static AppSegmentMerge threeWay(const AppSegment &base, const AppSegment &server, const AppSegment &mine);

    // "9001, 8000-8080"; names of server groups; plain text for other values.
    static QString displayText(const QString &field, const QJsonValue &v);
    static QString labelFor(const QString &field);
};

} // namespace zc
