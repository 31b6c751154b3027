// A ZPA application segment as the simulator stores it, and the validation of write bodies.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <bitset>
#include <vector>

namespace zsim {

struct PortRange {
    int from = 0;
    int to = 0;
    bool operator==(const PortRange &o) const { return from == o.from && to == o.to; }
};

struct SegmentEnumField {
    const char *name;
    QStringList allowed;
    const char *defaultValue;
};
struct SegmentBoolField {
    const char *name;
    bool defaultValue;
    bool editable;
};

const std::vector<SegmentEnumField> &segmentEnumFields();
const std::vector<SegmentBoolField> &segmentBoolFields();
constexpr int kSegmentBoolCount = 17;

struct Segment {
    qint64 id = 0;
    QString name;
    QString description;
    bool enabled = true;
    QStringList domainNames;
    QList<PortRange> tcp;
    QList<PortRange> udp;
    qint64 segmentGroupId = 0;
    QList<qint64> serverGroupIds;
    qint64 microtenantId = 0;
    QStringList enums;                       // parallel to segmentEnumFields()
    std::bitset<kSegmentBoolCount> flags;    // parallel to segmentBoolFields()
    qint64 creationTime = 0;
    qint64 modifiedTime = 0;
    qint64 modifiedBy = 0;

    mutable QByteArray cacheFull;
    mutable QByteArray cacheEmbedded;
    mutable quint64 cacheGen = 0;

    void setDefaults();
    QString enumValue(const char *name) const;
    bool flag(const char *name) const;
    void invalidate() const { cacheGen = 0; }
};

// Reads the editable fields of a POST/PUT body into seg (starting from defaults: a PUT replaces
// every editable field). Ports may come as flat string pairs (tcpPortRanges) or as from/to
// objects (tcpPortRange); when both are non-empty they must agree. Returns an error text for a
// 400 reply, or an empty string.
QString readSegmentBody(const QJsonObject &body, Segment *seg);

// Reads one port encoding; exposed for tests.
QString readPorts(const QJsonObject &body, const char *flatKey, const char *structKey,
                  QList<PortRange> *out);

// ZPA ids are 64-bit integers carried as strings; false when text is not one.
bool parseId(const QString &text, qint64 *id);

} // namespace zsim
