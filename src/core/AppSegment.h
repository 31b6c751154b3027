#pragma once

#include "core/PortRange.h"
#include "core/Validation.h"
#include "core/ZpaGroups.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace zc {

class ZpaInternPool;

// A ZPA application segment, faithful to the server's JSON and small enough to hold 100,000.
//
// The accessors are what the UI shows and edits. Everything else the server sent is kept, so
// that toJson() of an edited segment sends back every field the user did not change (updates
// are full PUTs). Fields that vary per segment are lifted out of the original object when they
// can be rebuilt exactly (strings that were strings, booleans that were booleans, ports in
// their canonical string form) and packed into one UTF-8 block; the remaining JSON text is
// kept verbatim and pooled between rows (most segments share their flags). A field that came
// in an odd form (a number for a string, "true" for true) is left exactly as it came unless it
// is set to a different value.
//
// Ids are 64-bit integers sent as strings and are kept as strings end to end. Times are epoch
// seconds as strings ("1773369877"), kept as sent; modifiedAt()/createdAt() parse them.
class AppSegment
{
public:
    // How toJson() writes ports.
    enum class PortEncoding {
        Preserve, // unchanged ports exactly as received; changed ports in both encodings
        Both,     // always both encodings, consistent (flat pairs and {from,to} objects)
        Flat,     // flat pairs, structured as [] (the form of the recorded PUT)
    };

    // Never fails on an object: wrong types are converted, unknown fields kept, oddities told
    // in `problems` (one line each). An object without an id gives a segment with an empty id;
    // page parsing reports and skips such rows. `pool` (optional) shares repeated values.
    static AppSegment fromJson(const QJsonObject &o, QStringList *problems = nullptr, ZpaInternPool *pool = nullptr);
    // The same from JSON text (what a page holds). `ok` is false when the text is not one
    // valid JSON object; the segment is then empty and `problems` says why.
    static AppSegment fromJsonBytes(QByteArrayView json, QStringList *problems = nullptr,
                                    ZpaInternPool *pool = nullptr, bool *ok = nullptr);

    // The object to send: the original with the current values applied. For an unchanged
    // segment and PortEncoding::Preserve this equals the original object.
    QJsonObject toJson(PortEncoding ports = PortEncoding::Preserve) const;
    QByteArray toJsonBytes(PortEncoding ports = PortEncoding::Preserve) const;

    QString id() const;
    QString name() const;
    QString description() const;
    bool enabled() const { return m_enabled; }
    QStringList domainNames() const;
    PortRangeList tcpPorts() const { return ports(PortProtocol::Tcp); }
    PortRangeList udpPorts() const { return ports(PortProtocol::Udp); }
    PortRangeList ports(PortProtocol p) const;
    const QString &segmentGroupId() const { return m_segmentGroupId; }
    const QString &segmentGroupName() const { return m_segmentGroupName; }
    const QList<ZpaRef> &serverGroups() const { return m_serverGroups; }
    const QString &microtenantId() const { return m_microtenantId; } // absent on Default rows
    const QString &microtenantName() const { return m_microtenantName; }
    QString modifiedTime() const;
    QString creationTime() const;
    const QString &modifiedBy() const { return m_modifiedBy; }
    const QString &bypassType() const { return m_bypassType; }           // NEVER | ALWAYS | ON_NET
    const QString &healthReporting() const { return m_healthReporting; } // NONE | ON_ACCESS | CONTINUOUS
    QDateTime modifiedAt() const; // UTC; invalid when modifiedTime is not epoch seconds
    QDateTime createdAt() const;
    qint64 modifiedSecs() const { return m_modifiedSecs; } // -1 when unknown

    // Setters change the value only when it differs; a changed field is written by toJson().
    void setId(const QString &v);
    void setName(const QString &v);
    void setDescription(const QString &v);
    void setEnabled(bool v);
    void setDomainNames(const QStringList &v);
    void setTcpPorts(const PortRangeList &v) { setPorts(PortProtocol::Tcp, v); }
    void setUdpPorts(const PortRangeList &v) { setPorts(PortProtocol::Udp, v); }
    void setPorts(PortProtocol p, const PortRangeList &v);
    void setSegmentGroup(const QString &id, const QString &name);
    void setServerGroups(const QList<ZpaRef> &v);
    void setMicrotenant(const QString &id, const QString &name);
    void setModifiedTime(const QString &v);
    void setCreationTime(const QString &v);
    void setModifiedBy(const QString &v);
    void setBypassType(const QString &v);
    void setHealthReporting(const QString &v);
    bool isModified() const { return m_dirty != 0; }

    // Field checks of an edit (name, domains, ports, segment group, server groups).
    ValidationIssues validate() const;

    QString microtenantKey() const;     // "0" for the Default microtenant, otherwise the id
    QString microtenantDisplay() const; // name, or "Default"
    QString domainsText() const;        // "a.example.com, *.corp.example.com"
    QString serverGroupsText() const;   // names (ids where a name is missing)
    QStringList serverGroupIds() const;

    // Non-allocating reads for filtering and sorting many rows.
    QByteArrayView idUtf8() const;
    QByteArrayView nameUtf8() const;
    QByteArrayView firstDomainUtf8() const;
    QList<QByteArrayView> domainsUtf8() const; // views into this segment
    int domainCount() const;
    bool hasPort(PortProtocol p, int port) const;
    int comparePorts(PortProtocol p, const AppSegment &other) const; // <0, 0, >0; no ports last

private:
    friend class AppSegmentReader;
    enum Bit : quint32 {
        BId = 1u << 0, BName = 1u << 1, BDescription = 1u << 2, BEnabled = 1u << 3, BDomains = 1u << 4,
        BSegGroupId = 1u << 5, BSegGroupName = 1u << 6, BServerGroups = 1u << 7, BMicroId = 1u << 8,
        BMicroName = 1u << 9, BModTime = 1u << 10, BCreTime = 1u << 11, BModBy = 1u << 12,
        BBypass = 1u << 13, BHealth = 1u << 14, BTcpFlat = 1u << 15, BTcpStruct = 1u << 16,
        BUdpFlat = 1u << 17, BUdpStruct = 1u << 18, BTcp = 1u << 19, BUdp = 1u << 20,
    };
    struct Unpacked;
    Unpacked unpack() const;
    void pack(const Unpacked &u);
    QByteArrayView blobString(int field) const;
    void setBlobString(int field, quint32 bit, const QString &v);
    void setPooled(QString &member, quint32 bit, const QString &v);
    void writeServerGroups(QJsonObject &o) const;
    void writePorts(QJsonObject &o, PortProtocol p, PortEncoding enc) const;
    void refreshModifiedSecs();

    QByteArray m_blob;              // id, name, description, times, domains, ports (AppSegmentBlob.h)
    QString m_segmentGroupId;       // pooled strings
    QString m_segmentGroupName;
    QString m_microtenantId;
    QString m_microtenantName;
    QString m_modifiedBy;
    QString m_bypassType;
    QString m_healthReporting;
    QList<ZpaRef> m_serverGroups;   // pooled
    QByteArray m_serverGroupsJson;  // serverGroups as received (pooled)
    QByteArray m_rest;              // the other members as received, compact JSON text (pooled)
    qint64 m_modifiedSecs = -1;
    quint32 m_lifted = 0;           // fields rebuilt from the typed values (Bit)
    quint32 m_dirty = 0;            // fields set to a new value (Bit)
    bool m_enabled = false;
};

} // namespace zc

Q_DECLARE_TYPEINFO(zc::AppSegment, Q_RELOCATABLE_TYPE);
