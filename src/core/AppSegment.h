#pragma once

#include "core/PortRange.h"
#include "core/Validation.h"
#include "core/ZpaGroups.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace zc {

class ZpaInternPool;

// A ZPA application segment, faithful to the server's JSON.
//
// The public fields are what the UI shows and edits. Everything else the server sent is kept,
// so that toJson() of an edited segment sends back every field the user did not change (the
// update is a full PUT). Internally the fields that vary from segment to segment are lifted out
// of the original object only when they can be rebuilt exactly (strings as strings, booleans
// as booleans, ports in their canonical string form); what is left is pooled between rows,
// which keeps 100,000 segments small. A field that arrived in an odd form (a number for a
// string, "true" for true) stays as it came unless the user changes it.
//
// Ids are 64-bit integers sent as strings and are kept as strings end to end.
class AppSegment
{
public:
    // How toJson() writes ports.
    enum class PortEncoding {
        Preserve, // unchanged ports exactly as received; changed ports in both encodings
        Both,     // always both encodings, consistent (flat pairs and {from,to} objects)
        Flat,     // flat pairs, structured as [] (the form of the recorded PUT)
    };

    QString id;
    QString name;
    QString description;
    bool enabled = false;
    QStringList domainNames;
    PortRangeList tcpPorts;
    PortRangeList udpPorts;
    QString segmentGroupId;
    QString segmentGroupName;
    QList<ZpaRef> serverGroups;
    QString microtenantId;   // absent on rows of the Default microtenant (see microtenantKey())
    QString microtenantName;
    QString modifiedTime;    // epoch seconds as sent, e.g. "1773369877"
    QString creationTime;
    QString modifiedBy;      // admin id
    QString bypassType;      // NEVER | ALWAYS | ON_NET
    QString healthReporting; // NONE | ON_ACCESS | CONTINUOUS
    // Parsed from modifiedTime / creationTime when those are epoch seconds (UTC); invalid
    // otherwise. Set by fromJson(); call refreshTimes() after changing the strings.
    QDateTime modifiedAt;
    QDateTime createdAt;

    // Never fails: wrong types are converted, unknown fields kept. `problems` receives one
    // line per oddity worth telling (an id sent as a number, a port entry that is not a port).
    // An object without an id gives a segment with an empty id; the caller decides (page
    // parsing reports and skips such rows). `pool` (optional) shares repeated values.
    static AppSegment fromJson(const QJsonObject &o, QStringList *problems = nullptr,
                               ZpaInternPool *pool = nullptr);

    // The object to send: the original with the current field values applied.
    // For an unchanged segment with PortEncoding::Preserve this equals the original object.
    QJsonObject toJson(PortEncoding ports = PortEncoding::Preserve) const;
    QByteArray toJsonBytes(PortEncoding ports = PortEncoding::Preserve) const;

    // Field checks of an edit (name, domains, ports, segment group, server groups).
    ValidationIssues validate() const;

    void refreshTimes();
    // "0" for the Default microtenant (rows of Default carry no id), otherwise the id.
    QString microtenantKey() const;
    QString microtenantDisplay() const; // name, or "Default"
    QString domainsText() const;        // "a.example.com, *.corp.example.com"
    QString serverGroupsText() const;   // names (ids where a name is missing)
    QStringList serverGroupIds() const;

private:
    enum Lifted : quint32 {
        LId = 1u << 0, LName = 1u << 1, LDescription = 1u << 2, LEnabled = 1u << 3,
        LDomains = 1u << 4, LSegGroupId = 1u << 5, LSegGroupName = 1u << 6, LServerGroups = 1u << 7,
        LMicroId = 1u << 8, LMicroName = 1u << 9, LModTime = 1u << 10, LCreTime = 1u << 11,
        LModBy = 1u << 12, LBypass = 1u << 13, LHealth = 1u << 14,
        LTcpFlat = 1u << 15, LTcpStruct = 1u << 16, LUdpFlat = 1u << 17, LUdpStruct = 1u << 18,
    };
    struct StringField;
    static const StringField *stringFields(qsizetype *count);
    void writePorts(QJsonObject &o, PortProtocol p, PortEncoding enc) const;
    void writeServerGroups(QJsonObject &o) const;

    QJsonObject m_rest;               // the original object minus the lifted keys (pooled)
    QJsonArray m_origServerGroups;    // serverGroups as received (pooled)
    PortRangeList m_origTcp;          // ports as received (shared with tcpPorts until edited)
    PortRangeList m_origUdp;
    quint32 m_lifted = 0;
};

} // namespace zc
