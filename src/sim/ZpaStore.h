// ZPA data of the simulated tenant: application segments (typed, with cached JSON) and the
// smaller entities (segment groups, server groups, app connector groups, microtenants) kept as
// JSON objects.
#pragma once

#include "sim/ZpaSegment.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <map>

namespace zsim {

enum class ZpaKind { SegmentGroup, ServerGroup, ConnectorGroup, Microtenant };

class ZpaStore
{
public:
    QString customerId;
    qint64 nextId = 0;
    qint64 adminId = 0;   // "modifiedBy" of writes made through the API
    std::map<qint64, Segment> segments;
    std::map<qint64, QJsonObject> segmentGroups;
    std::map<qint64, QJsonObject> serverGroups;
    std::map<qint64, QJsonObject> connectorGroups;
    std::map<qint64, QJsonObject> microtenants;   // id 0 = Default

    qint64 allocateId() { return nextId++; }
    std::map<qint64, QJsonObject> &entities(ZpaKind kind);
    static QJsonObject entityDefaults(ZpaKind kind);
    static const char *entityLabel(ZpaKind kind);

    // Cached JSON of a segment: the GET shape, and the shape embedded in segment groups.
    QByteArray segmentJson(const Segment &s) const;
    QByteArray segmentEmbeddedJson(const Segment &s) const;
    // Reply JSON of an entity, with its computed fields (microtenantName, applications, ...).
    QByteArray entityJson(ZpaKind kind, const QJsonObject &stored) const;
    QString microtenantName(qint64 id) const;

    // Segment bookkeeping. References (group names) changed: drop every cached segment JSON.
    void addSegment(const Segment &s);
    void removeSegment(qint64 id);
    void referencesChanged() { ++m_refGen; }
    // "" when s's ports do not overlap another segment with a shared domain (ignoring ignoreId).
    QString overlapError(const Segment &s, qint64 ignoreId) const;
    // How many segments use a segment group / a server group.
    int segmentsInGroup(qint64 segmentGroupId) const;
    int segmentsUsingServerGroup(qint64 serverGroupId) const;

private:
    void writeServerGroupRef(class JsonWriter &w, qint64 id) const;

    QHash<QString, QList<qint64>> m_domainIndex;
    quint64 m_refGen = 1;
};

QString idString(qint64 id);

} // namespace zsim
