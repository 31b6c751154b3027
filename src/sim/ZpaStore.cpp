#include "sim/ZpaStore.h"

#include "sim/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace zsim {

QString idString(qint64 id)
{
    return QString::number(id);
}

std::map<qint64, QJsonObject> &ZpaStore::entities(ZpaKind kind)
{
    switch (kind) {
    case ZpaKind::SegmentGroup: return segmentGroups;
    case ZpaKind::ServerGroup: return serverGroups;
    case ZpaKind::ConnectorGroup: return connectorGroups;
    case ZpaKind::Microtenant: return microtenants;
    }
    return segmentGroups;
}

const char *ZpaStore::entityLabel(ZpaKind kind)
{
    switch (kind) {
    case ZpaKind::SegmentGroup: return "Segment group";
    case ZpaKind::ServerGroup: return "Server group";
    case ZpaKind::ConnectorGroup: return "App connector group";
    case ZpaKind::Microtenant: return "Microtenant";
    }
    return "Object";
}

QJsonObject ZpaStore::entityDefaults(ZpaKind kind)
{
    const auto s = [](const char *v) { return QJsonValue(QLatin1String(v)); };
    switch (kind) {
    case ZpaKind::SegmentGroup:
        return {{QStringLiteral("description"), s("")}, {QStringLiteral("enabled"), true},
                {QStringLiteral("policyMigrated"), true}, {QStringLiteral("configSpace"), s("DEFAULT")},
                {QStringLiteral("tcpKeepAliveEnabled"), s("0")}, {QStringLiteral("readOnly"), false},
                {QStringLiteral("zscalerManaged"), false}};
    case ZpaKind::ServerGroup:
        return {{QStringLiteral("description"), s("")}, {QStringLiteral("enabled"), true},
                {QStringLiteral("ipAnchored"), false}, {QStringLiteral("configSpace"), s("DEFAULT")},
                {QStringLiteral("extranetEnabled"), false}, {QStringLiteral("readOnly"), false},
                {QStringLiteral("zscalerManaged"), false}, {QStringLiteral("dynamicDiscovery"), true},
                {QStringLiteral("servers"), QJsonArray()}};
    case ZpaKind::ConnectorGroup:
        return {{QStringLiteral("description"), s("")}, {QStringLiteral("enabled"), true},
                {QStringLiteral("versionProfileId"), s("0")}, {QStringLiteral("overrideVersionProfile"), false},
                {QStringLiteral("versionProfileName"), s("Default")}, {QStringLiteral("upgradeTimeInSecs"), s("66600")},
                {QStringLiteral("upgradeDay"), s("SUNDAY")}, {QStringLiteral("location"), s("San Jose, CA, USA")},
                {QStringLiteral("latitude"), s("37.33874")}, {QStringLiteral("longitude"), s("-121.8852525")},
                {QStringLiteral("dnsQueryType"), s("IPV4_IPV6")}, {QStringLiteral("cityCountry"), s("San Jose, US")},
                {QStringLiteral("countryCode"), s("US")}, {QStringLiteral("tcpQuickAckApp"), false},
                {QStringLiteral("tcpQuickAckAssistant"), false}, {QStringLiteral("tcpQuickAckReadAssistant"), false},
                {QStringLiteral("praEnabled"), false}, {QStringLiteral("useInDrMode"), false},
                {QStringLiteral("connectorGroupType"), s("APP")}, {QStringLiteral("wafDisabled"), false},
                {QStringLiteral("readOnly"), false}, {QStringLiteral("zscalerManaged"), false},
                {QStringLiteral("lssAppConnectorGroup"), false}};
    case ZpaKind::Microtenant:
        return {{QStringLiteral("description"), s("")}, {QStringLiteral("enabled"), true},
                {QStringLiteral("operator"), s("OR")}, {QStringLiteral("criteriaAttribute"), s("AuthDomain")},
                {QStringLiteral("criteriaAttributeValues"), QJsonArray()},
                {QStringLiteral("privilegedApprovalsEnabled"), false}, {QStringLiteral("scopeOrder"), s("1")}};
    }
    return {};
}

QString ZpaStore::microtenantName(qint64 id) const
{
    const auto it = microtenants.find(id);
    return it == microtenants.end() ? QStringLiteral("Default")
                                    : it->second.value(QLatin1String("name")).toString();
}

void ZpaStore::writeServerGroupRef(JsonWriter &w, qint64 id) const
{
    const auto it = serverGroups.find(id);
    const QJsonObject g = it == serverGroups.end() ? QJsonObject() : it->second;
    w.beginObject();
    w.key("id").numStr(id);
    w.key("modifiedTime").str(g.value(QLatin1String("modifiedTime")).toString());
    w.key("creationTime").str(g.value(QLatin1String("creationTime")).toString());
    w.key("modifiedBy").str(g.value(QLatin1String("modifiedBy")).toString());
    w.key("name").str(g.value(QLatin1String("name")).toString());
    w.key("enabled").boolean(g.value(QLatin1String("enabled")).toBool());
    w.key("description").str(g.value(QLatin1String("description")).toString());
    w.key("configSpace").str(u"DEFAULT");
    w.key("weight").str(u"0");
    w.key("passive").boolean(false);
    w.key("extranetEnabled").boolean(g.value(QLatin1String("extranetEnabled")).toBool());
    w.key("dynamicDiscovery").boolean(g.value(QLatin1String("dynamicDiscovery")).toBool());
    w.endObject();
}

static void writePorts(JsonWriter &w, const char *flatKey, const char *structKey, const QList<PortRange> &ports)
{
    w.key(flatKey).beginArray();
    for (const PortRange &p : ports)
        w.numStr(p.from).numStr(p.to);
    w.endArray();
    w.key(structKey).beginArray();
    for (const PortRange &p : ports)
        w.beginObject().key("from").numStr(p.from).key("to").numStr(p.to).endObject();
    w.endArray();
}

QByteArray ZpaStore::segmentJson(const Segment &s) const
{
    if (s.cacheGen == m_refGen && !s.cacheFull.isEmpty())
        return s.cacheFull;
    if (s.cacheGen != m_refGen)
        s.cacheEmbedded.clear();
    QByteArray out;
    out.reserve(2048);
    JsonWriter w(out);
    w.beginObject();
    w.key("modifiedTime").numStr(s.modifiedTime).key("creationTime").numStr(s.creationTime);
    w.key("modifiedBy").numStr(s.modifiedBy).key("id").numStr(s.id);
    w.key("domainNames").beginArray();
    for (const QString &d : s.domainNames)
        w.str(d);
    w.endArray();
    w.key("name").str(s.name).key("description").str(s.description);
    w.key("serverGroups").beginArray();
    for (qint64 g : s.serverGroupIds)
        writeServerGroupRef(w, g);
    w.endArray();
    w.key("enabled").boolean(s.enabled);
    writePorts(w, "tcpPortRanges", "tcpPortRange", s.tcp);
    writePorts(w, "udpPortRanges", "udpPortRange", s.udp);
    const auto &enums = segmentEnumFields();
    for (size_t i = 0; i < enums.size(); ++i)
        w.key(enums[i].name).str(s.enums.value(qsizetype(i)));
    const auto &bools = segmentBoolFields();
    for (size_t i = 0; i < bools.size(); ++i)
        w.key(bools[i].name).boolean(s.flags[i]);
    w.key("microtenantId").numStr(s.microtenantId);
    w.key("microtenantName").str(microtenantName(s.microtenantId));
    w.key("segmentGroupId").numStr(s.segmentGroupId);
    const auto sg = segmentGroups.find(s.segmentGroupId);
    w.key("segmentGroupName").str(sg == segmentGroups.end() ? QString() : sg->second.value(QLatin1String("name")).toString());
    w.endObject();
    s.cacheFull = out;
    s.cacheGen = m_refGen;
    return out;
}

QByteArray ZpaStore::segmentEmbeddedJson(const Segment &s) const
{
    if (s.cacheGen == m_refGen && !s.cacheEmbedded.isEmpty())
        return s.cacheEmbedded;
    QByteArray out;
    out.reserve(1500);
    JsonWriter w(out);
    w.beginObject();
    w.key("id").numStr(s.id).key("modifiedTime").numStr(s.modifiedTime);
    w.key("creationTime").numStr(s.creationTime).key("modifiedBy").numStr(s.modifiedBy);
    w.key("name").str(s.name).key("domainName").str(s.domainNames.value(0));
    w.key("domainNames").beginArray();
    for (const QString &d : s.domainNames)
        w.str(d);
    w.endArray();
    w.key("description").str(s.description).key("enabled").boolean(s.enabled);
    const auto &enums = segmentEnumFields();
    for (size_t i = 0; i < enums.size(); ++i)
        w.key(enums[i].name).str(s.enums.value(qsizetype(i)));
    const auto &bools = segmentBoolFields();
    for (size_t i = 0; i < bools.size(); ++i)
        w.key(bools[i].name).boolean(s.flags[i]);
    writePorts(w, "tcpPortRanges", "tcpPortRange", s.tcp);
    writePorts(w, "udpPortRanges", "udpPortRange", s.udp);
    w.endObject();
    if (s.cacheGen != m_refGen) {
        s.cacheFull.clear();
        s.cacheGen = m_refGen;
    }
    s.cacheEmbedded = out;
    return out;
}

QByteArray ZpaStore::entityJson(ZpaKind kind, const QJsonObject &stored) const
{
    QJsonObject o = stored;
    qint64 id = 0;
    parseId(o.value(QLatin1String("id")).toString(), &id);
    if (kind != ZpaKind::Microtenant)
        o.insert(QStringLiteral("microtenantName"), microtenantName(o.value(QLatin1String("microtenantId")).toString().toLongLong()));
    if (kind == ZpaKind::ServerGroup) {
        QJsonArray apps, groups;
        for (const auto &[sid, s] : segments) {
            if (s.serverGroupIds.contains(id))
                apps.append(QJsonObject{{QStringLiteral("id"), idString(sid)}, {QStringLiteral("name"), s.name},
                                        {QStringLiteral("enabled"), s.enabled}});
        }
        for (const QJsonValue &cg : o.value(QLatin1String("appConnectorGroupIds")).toArray()) {
            const auto it = connectorGroups.find(cg.toString().toLongLong());
            if (it != connectorGroups.end())
                groups.append(it->second);
        }
        o.remove(QStringLiteral("appConnectorGroupIds"));
        o.insert(QStringLiteral("applications"), apps);
        o.insert(QStringLiteral("appConnectorGroups"), groups);
    }
    QByteArray out = QJsonDocument(o).toJson(QJsonDocument::Compact);
    if (kind == ZpaKind::SegmentGroup) {
        QByteArray apps = "\"applications\":[";
        bool first = true;
        for (const auto &[sid, s] : segments) {
            if (s.segmentGroupId != id)
                continue;
            if (!first)
                apps += ',';
            first = false;
            apps += segmentEmbeddedJson(s);
        }
        apps += ']';
        out.chop(1);
        out += (out.size() > 1 ? "," : "") + apps + '}';
    }
    return out;
}

void ZpaStore::addSegment(const Segment &s)
{
    segments[s.id] = s;
    for (const QString &d : s.domainNames)
        m_domainIndex[d.toLower()].append(s.id);
}

void ZpaStore::removeSegment(qint64 id)
{
    const auto it = segments.find(id);
    if (it == segments.end())
        return;
    for (const QString &d : it->second.domainNames) {
        auto idx = m_domainIndex.find(d.toLower());
        if (idx != m_domainIndex.end()) {
            idx->removeAll(id);
            if (idx->isEmpty())
                m_domainIndex.erase(idx);
        }
    }
    segments.erase(it);
}

QString ZpaStore::overlapError(const Segment &s, qint64 ignoreId) const
{
    const auto overlaps = [](const QList<PortRange> &a, const QList<PortRange> &b) {
        for (const PortRange &x : a) {
            for (const PortRange &y : b) {
                if (x.from <= y.to && y.from <= x.to)
                    return true;
            }
        }
        return false;
    };
    for (const QString &d : s.domainNames) {
        for (qint64 other : m_domainIndex.value(d.toLower())) {
            if (other == ignoreId)
                continue;
            const Segment &o = segments.at(other);
            if (overlaps(s.tcp, o.tcp) || overlaps(s.udp, o.udp))
                return QStringLiteral("Domain %1 with overlapping ports is already configured in application segment %2.")
                    .arg(d, idString(other));
        }
    }
    return {};
}

int ZpaStore::segmentsInGroup(qint64 segmentGroupId) const
{
    int n = 0;
    for (const auto &[id, s] : segments)
        n += s.segmentGroupId == segmentGroupId ? 1 : 0;
    return n;
}

int ZpaStore::segmentsUsingServerGroup(qint64 serverGroupId) const
{
    int n = 0;
    for (const auto &[id, s] : segments)
        n += s.serverGroupIds.contains(serverGroupId) ? 1 : 0;
    return n;
}

} // namespace zsim
