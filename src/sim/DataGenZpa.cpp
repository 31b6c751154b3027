// Deterministic ZPA data set: microtenants, app connector groups, server groups, segment groups
// and application segments with awkward names (non-ASCII, right-to-left, markup, formula-like).
#include "sim/DataGen.h"

#include <QJsonArray>

namespace zsim {

namespace {

constexpr qint64 kTimeBase = 1704067200;       // 2024-01-01T00:00:00Z
constexpr qint64 kTimeSpan = 2 * 365 * 86400;  // two years

const QStringList kWords = {
    QStringLiteral("payroll"), QStringLiteral("crm"), QStringLiteral("wiki"), QStringLiteral("git"),
    QStringLiteral("jira"), QStringLiteral("erp"), QStringLiteral("hr"), QStringLiteral("billing"),
    QStringLiteral("grafana"), QStringLiteral("vault"), QStringLiteral("ldap"), QStringLiteral("sftp"),
    QStringLiteral("intranet"), QStringLiteral("kibana"), QStringLiteral("jenkins"), QStringLiteral("sap"),
};
const QStringList kDepts = {
    QStringLiteral("finance"), QStringLiteral("engineering"), QStringLiteral("sales"), QStringLiteral("legal"),
    QStringLiteral("support"), QStringLiteral("research"), QStringLiteral("ops"), QStringLiteral("marketing"),
};

QString oddName(int i, Prng &r)
{
    const QString w = r.pick(kWords);
    switch (i % 12) {
    case 0: return QStringLiteral("app-%1-%2").arg(w).arg(i, 5, 10, QLatin1Char('0'));
    case 1: return QStringLiteral("%1 Portal %2").arg(w.toUpper()).arg(i);
    case 2: return QStringLiteral("Zürich Größe — 東京 ✓ #%1").arg(i);
    case 3: return QStringLiteral("تطبيق المالية %1").arg(i);
    case 4: return QStringLiteral("<b>bold</b> & \"quotes\" %1").arg(i);
    case 5: return QStringLiteral("=cmd|' /C calc'!A0 %1").arg(i);
    case 6: return QStringLiteral("שרת קבצים %1").arg(i);
    case 7: return QStringLiteral("svc_%1_%2").arg(w).arg(i);
    case 8: return QStringLiteral("🚀 Launch pad %1").arg(i);
    default: return QStringLiteral("%1-%2-%3").arg(w, r.pick(kDepts)).arg(i);
    }
}

QJsonObject stamped(qint64 id, Prng &r, qint64 adminId)
{
    const qint64 created = kTimeBase + qint64(r.below(kTimeSpan));
    const qint64 modified = created + qint64(r.below(quint64(kTimeBase + kTimeSpan - created + 1)));
    return QJsonObject{{QStringLiteral("id"), idString(id)},
                       {QStringLiteral("creationTime"), QString::number(created)},
                       {QStringLiteral("modifiedTime"), QString::number(modified)},
                       {QStringLiteral("modifiedBy"), idString(adminId)}};
}

QJsonObject withDefaults(ZpaKind kind, QJsonObject o)
{
    const QJsonObject d = ZpaStore::entityDefaults(kind);
    for (auto it = d.begin(); it != d.end(); ++it) {
        if (!o.contains(it.key()))
            o.insert(it.key(), it.value());
    }
    return o;
}

QList<PortRange> tcpPreset(Prng &r)
{
    static const QList<QList<PortRange>> presets = {
        {{443, 443}}, {{80, 80}, {443, 443}}, {{8080, 8090}}, {{22, 22}}, {{3389, 3389}},
        {{5432, 5432}}, {{1521, 1521}}, {{9000, 9100}}, {{1024, 65535}}, {{389, 389}, {636, 636}},
    };
    return r.pick(presets);
}

} // namespace

void generateZpa(ZpaStore &zpa, int segmentCount, quint64 seed)
{
    Prng r(seed * 0x2545F4914F6CDD1DULL + 0x51);
    zpa.customerId = SimCore::kCustomerId;
    zpa.nextId = 216196257331290001LL;
    zpa.adminId = 216196257331281921LL;
    const qint64 admin = zpa.adminId;

    // Microtenants: Default (id 0, listed last) and three more.
    const QStringList mtNames = {QStringLiteral("EMEA Operations"), QStringLiteral("APAC — 東京 Lab"),
                                 QStringLiteral("Partners & <Contractors>")};
    QList<qint64> mtIds{0};
    for (qsizetype i = 0; i < mtNames.size(); ++i) {
        const qint64 id = zpa.allocateId();
        QJsonObject o = stamped(id, r, admin);
        o.insert(QStringLiteral("name"), mtNames.at(i));
        o.insert(QStringLiteral("description"), QStringLiteral("Microtenant for %1").arg(mtNames.at(i)));
        o.insert(QStringLiteral("criteriaAttributeValues"), QJsonArray{QStringLiteral("demo.example")});
        o.insert(QStringLiteral("privilegedApprovalsEnabled"), r.chance(0.5));
        o.insert(QStringLiteral("scopeOrder"), QString::number(i + 1));
        zpa.microtenants[id] = withDefaults(ZpaKind::Microtenant, o);
        mtIds.append(id);
    }
    zpa.microtenants[0] = QJsonObject{
        {QStringLiteral("id"), QStringLiteral("0")}, {QStringLiteral("name"), QStringLiteral("Default")},
        {QStringLiteral("description"), QStringLiteral("This is the default Microtenant for users not associated to any Microtenant")},
        {QStringLiteral("enabled"), true}, {QStringLiteral("operator"), QStringLiteral("OR")},
        {QStringLiteral("privilegedApprovalsEnabled"), true},
        {QStringLiteral("scopeOrder"), QString::number(mtNames.size() + 1)}};

    // App connector groups (Default microtenant).
    struct City { const char *name, *country, *lat, *lon; };
    static const City cities[] = {
        {"Frankfurt, DE", "DE", "50.1109", "8.6821"}, {"San Jose, US", "US", "37.33874", "-121.8852525"},
        {"Tokyo, JP", "JP", "35.6762", "139.6503"}, {"São Paulo, BR", "BR", "-23.5505", "-46.6333"},
        {"Zürich, CH", "CH", "47.3769", "8.5417"}, {"Tel Aviv, IL", "IL", "32.0853", "34.7818"},
    };
    QList<qint64> connectorIds;
    for (int i = 0; i < 12; ++i) {
        const City &c = cities[i % 6];
        const qint64 id = zpa.allocateId();
        QJsonObject o = stamped(id, r, admin);
        o.insert(QStringLiteral("name"), QStringLiteral("Connectors %1 %2").arg(QString::fromUtf8(c.name)).arg(i / 6 + 1));
        o.insert(QStringLiteral("description"), QStringLiteral("App connectors in %1").arg(QString::fromUtf8(c.name)));
        o.insert(QStringLiteral("location"), QString::fromUtf8(c.name));
        o.insert(QStringLiteral("cityCountry"), QString::fromUtf8(c.name));
        o.insert(QStringLiteral("countryCode"), QLatin1String(c.country));
        o.insert(QStringLiteral("latitude"), QLatin1String(c.lat));
        o.insert(QStringLiteral("longitude"), QLatin1String(c.lon));
        o.insert(QStringLiteral("microtenantId"), QStringLiteral("0"));
        zpa.connectorGroups[id] = withDefaults(ZpaKind::ConnectorGroup, o);
        connectorIds.append(id);
    }

    // Server groups (60) and segment groups (40); 3/4 in Default, the rest spread.
    QHash<qint64, QList<qint64>> serverGroupsByMt, segmentGroupsByMt;
    const auto mtFor = [&](int i, int n) { return i < n * 3 / 4 ? qint64(0) : mtIds.at(1 + (i % 3)); };
    for (int i = 0; i < 60; ++i) {
        const qint64 id = zpa.allocateId();
        const qint64 mt = mtFor(i, 60);
        QJsonObject o = stamped(id, r, admin);
        o.insert(QStringLiteral("name"), i % 7 == 3 ? QStringLiteral("Servers Zürich Größe %1").arg(i)
                                                    : QStringLiteral("Servers %1 %2").arg(r.pick(kDepts)).arg(i));
        o.insert(QStringLiteral("description"), QStringLiteral("Server group %1").arg(i));
        o.insert(QStringLiteral("dynamicDiscovery"), r.chance(0.8));
        QJsonArray cg{idString(connectorIds.at(i % connectorIds.size()))};
        if (r.chance(0.3))
            cg.append(idString(connectorIds.at((i + 5) % connectorIds.size())));
        o.insert(QStringLiteral("appConnectorGroupIds"), cg);
        o.insert(QStringLiteral("microtenantId"), idString(mt));
        zpa.serverGroups[id] = withDefaults(ZpaKind::ServerGroup, o);
        serverGroupsByMt[mt].append(id);
    }
    for (int i = 0; i < 40; ++i) {
        const qint64 id = zpa.allocateId();
        const qint64 mt = mtFor(i, 40);
        QJsonObject o = stamped(id, r, admin);
        o.insert(QStringLiteral("name"), i % 9 == 4 ? QStringLiteral("Segment group — %1 ✓").arg(i)
                                                    : QStringLiteral("SG %1 %2").arg(r.pick(kDepts)).arg(i));
        o.insert(QStringLiteral("description"), QStringLiteral("Applications of %1").arg(r.pick(kDepts)));
        o.insert(QStringLiteral("microtenantId"), idString(mt));
        zpa.segmentGroups[id] = withDefaults(ZpaKind::SegmentGroup, o);
        segmentGroupsByMt[mt].append(id);
    }

    // Application segments.
    const auto &enumFields = segmentEnumFields();
    const auto &boolFields = segmentBoolFields();
    for (int i = 0; i < segmentCount; ++i) {
        Segment s;
        s.setDefaults();
        s.id = zpa.allocateId();
        s.microtenantId = i % 10 < 7 ? 0 : mtIds.at(1 + (i % 10 - 7));
        s.name = oddName(i, r);
        s.description = i % 4 == 0 ? QString() : QStringLiteral("Generated segment %1 for %2").arg(i).arg(r.pick(kDepts));
        s.enabled = !r.chance(0.1);
        const QString w = r.pick(kWords);
        switch (i % 5) {
        case 0: s.domainNames = {QStringLiteral("%1%2.corp.demo.example").arg(w).arg(i)}; break;
        case 1: s.domainNames = {QStringLiteral("*.%1%2.x.example").arg(w).arg(i)}; break;
        case 2: s.domainNames = {QStringLiteral("10.%1.%2.%3").arg((i >> 16) & 255).arg((i >> 8) & 255).arg(i & 255)}; break;
        case 3: s.domainNames = {QStringLiteral("%1%2.demo.example").arg(w).arg(i), QStringLiteral("%1%2-alt.demo.example").arg(w).arg(i)}; break;
        default: s.domainNames = {QStringLiteral("%1%2.internal.example").arg(w).arg(i),
                                  QStringLiteral("172.16.%1.%2").arg((i >> 8) & 255).arg(i & 255)};
        }
        s.tcp = tcpPreset(r);
        if (r.chance(0.2))
            s.udp = r.chance(0.5) ? QList<PortRange>{{53, 53}} : QList<PortRange>{{500, 500}, {4500, 4500}};
        const QList<qint64> &sgs = segmentGroupsByMt.value(s.microtenantId);
        const QList<qint64> &srvs = serverGroupsByMt.value(s.microtenantId);
        s.segmentGroupId = sgs.at(qsizetype(r.below(quint64(sgs.size()))));
        s.serverGroupIds = {srvs.at(qsizetype(r.below(quint64(srvs.size()))))};
        if (r.chance(0.25)) {
            const qint64 second = srvs.at(qsizetype(r.below(quint64(srvs.size()))));
            if (second != s.serverGroupIds.first())
                s.serverGroupIds.append(second);
        }
        for (size_t e = 0; e < enumFields.size(); ++e) {
            if (qstrcmp(enumFields[e].name, "configSpace") != 0 && r.chance(0.3))
                s.enums[qsizetype(e)] = r.pick(enumFields[e].allowed);
        }
        for (size_t b = 0; b < boolFields.size(); ++b) {
            if (boolFields[b].editable && r.chance(0.15))
                s.flags[b] = !boolFields[b].defaultValue;
        }
        s.creationTime = kTimeBase + qint64(r.below(kTimeSpan));
        s.modifiedTime = s.creationTime + qint64(r.below(quint64(kTimeBase + kTimeSpan - s.creationTime + 1)));
        s.modifiedBy = admin + qint64(r.below(3));
        zpa.addSegment(s);
    }
}

} // namespace zsim
