#include "sim/ZpaSegment.h"

#include <QJsonArray>

#include <algorithm>

namespace zsim {

const std::vector<SegmentEnumField> &segmentEnumFields()
{
    static const std::vector<SegmentEnumField> fields = {
        {"bypassType", {QStringLiteral("NEVER"), QStringLiteral("ALWAYS"), QStringLiteral("ON_NET")}, "NEVER"},
        {"healthCheckType", {QStringLiteral("DEFAULT"), QStringLiteral("NONE")}, "DEFAULT"},
        {"healthReporting", {QStringLiteral("NONE"), QStringLiteral("ON_ACCESS"), QStringLiteral("CONTINUOUS")}, "ON_ACCESS"},
        {"icmpAccessType", {QStringLiteral("NONE"), QStringLiteral("PING"), QStringLiteral("PING_TRACEROUTING")}, "NONE"},
        {"matchStyle", {QStringLiteral("EXCLUSIVE"), QStringLiteral("INCLUSIVE")}, "EXCLUSIVE"},
        {"tcpKeepAlive", {QStringLiteral("0"), QStringLiteral("1")}, "0"},
        {"policyStyle", {QStringLiteral("NONE"), QStringLiteral("DUAL_POLICY_EVAL")}, "NONE"},
        {"configSpace", {QStringLiteral("DEFAULT"), QStringLiteral("SIEM")}, "DEFAULT"},
    };
    return fields;
}

const std::vector<SegmentBoolField> &segmentBoolFields()
{
    static const std::vector<SegmentBoolField> fields = {
        {"passiveHealthEnabled", true, true},     {"doubleEncrypt", false, true},
        {"isCnameEnabled", true, true},           {"ipAnchored", false, true},
        {"bypassOnReauth", false, true},          {"inspectTrafficWithZia", false, true},
        {"useInDrMode", false, true},             {"selectConnectorCloseToApp", false, true},
        {"isIncompleteDRConfig", false, true},    {"adpEnabled", false, true},
        {"autoAppProtectEnabled", false, true},   {"apiProtectionEnabled", false, true},
        {"fqdnDnsCheck", false, true},            {"weightedLoadBalancing", false, true},
        {"extranetEnabled", false, true},         {"readOnly", false, false},
        {"zscalerManaged", false, false},
    };
    Q_ASSERT(fields.size() == kSegmentBoolCount);
    return fields;
}

void Segment::setDefaults()
{
    enabled = true;
    enums.clear();
    for (const auto &f : segmentEnumFields())
        enums.append(QLatin1String(f.defaultValue));
    const auto &bools = segmentBoolFields();
    for (size_t i = 0; i < bools.size(); ++i)
        flags[i] = bools[i].defaultValue;
}

QString Segment::enumValue(const char *name) const
{
    const auto &f = segmentEnumFields();
    for (size_t i = 0; i < f.size(); ++i) {
        if (qstrcmp(f[i].name, name) == 0)
            return enums.value(qsizetype(i));
    }
    return {};
}

bool Segment::flag(const char *name) const
{
    const auto &f = segmentBoolFields();
    for (size_t i = 0; i < f.size(); ++i) {
        if (qstrcmp(f[i].name, name) == 0)
            return flags[i];
    }
    return false;
}

bool parseId(const QString &text, qint64 *id)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0)
        return false;
    *id = v;
    return true;
}

namespace {

bool portNumber(const QJsonValue &v, int *out)
{
    bool ok = false;
    int n = 0;
    if (v.isString()) {
        n = v.toString().trimmed().toInt(&ok);
    } else if (v.isDouble()) {
        const qint64 i = v.toInteger(-1);   // -1 for fractions and out-of-range values
        ok = i >= 0 && i <= 1000000;
        n = ok ? int(i) : 0;
    }
    *out = n;
    return ok;
}

QString checkRange(const PortRange &r, const char *key)
{
    if (r.from < 1 || r.from > 65535 || r.to < 1 || r.to > 65535 || r.from > r.to)
        return QStringLiteral("Invalid port range %1-%2 in %3: ports must be within 1-65535 and from <= to.")
            .arg(r.from).arg(r.to).arg(QLatin1String(key));
    return {};
}

QList<PortRange> sorted(QList<PortRange> l)
{
    std::sort(l.begin(), l.end(), [](const PortRange &a, const PortRange &b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    return l;
}

} // namespace

QString readPorts(const QJsonObject &body, const char *flatKey, const char *structKey,
                  QList<PortRange> *out)
{
    QList<PortRange> flat, structured;
    const QJsonValue fv = body.value(QLatin1String(flatKey));
    if (!fv.isUndefined() && !fv.isNull()) {
        const QJsonArray a = fv.toArray();
        if (!fv.isArray() || a.size() % 2 != 0)
            return QStringLiteral("One or more input fields %1 are not valid: expected pairs of from/to port strings.")
                .arg(QLatin1String(flatKey));
        for (qsizetype i = 0; i < a.size(); i += 2) {
            PortRange r;
            if (!portNumber(a.at(i), &r.from) || !portNumber(a.at(i + 1), &r.to))
                return QStringLiteral("One or more input fields %1 are not valid: ports must be numbers.")
                    .arg(QLatin1String(flatKey));
            if (const QString e = checkRange(r, flatKey); !e.isEmpty())
                return e;
            flat.append(r);
        }
    }
    const QJsonValue sv = body.value(QLatin1String(structKey));
    if (!sv.isUndefined() && !sv.isNull()) {
        if (!sv.isArray())
            return QStringLiteral("%1 must be an array of {\"from\",\"to\"} objects.").arg(QLatin1String(structKey));
        for (const QJsonValue &v : sv.toArray()) {
            const QJsonObject o = v.toObject();
            PortRange r;
            if (!v.isObject() || !portNumber(o.value(QLatin1String("from")), &r.from)
                || !portNumber(o.value(QLatin1String("to")), &r.to))
                return QStringLiteral("One or more input fields %1 are not valid: expected {\"from\",\"to\"} port strings.")
                    .arg(QLatin1String(structKey));
            if (const QString e = checkRange(r, structKey); !e.isEmpty())
                return e;
            structured.append(r);
        }
    }
    if (!flat.isEmpty() && !structured.isEmpty() && sorted(flat) != sorted(structured))
        return QStringLiteral("%1 and %2 describe different ports; send one encoding or keep both equal.")
            .arg(QLatin1String(flatKey), QLatin1String(structKey));
    *out = structured.isEmpty() ? flat : structured;
    return {};
}

QString readSegmentBody(const QJsonObject &body, Segment *seg)
{
    seg->setDefaults();
    const QJsonValue name = body.value(QLatin1String("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return QStringLiteral("name is required.");
    seg->name = name.toString();
    seg->description = body.value(QLatin1String("description")).toString();
    if (body.contains(QLatin1String("enabled")))
        seg->enabled = body.value(QLatin1String("enabled")).toBool(true);

    seg->domainNames.clear();
    const QJsonValue domains = body.value(QLatin1String("domainNames"));
    for (const QJsonValue &d : domains.toArray()) {
        const QString s = d.toString().trimmed();
        if (!d.isString() || s.isEmpty() || s.size() > 255 || s.contains(QLatin1Char(' ')))
            return QStringLiteral("One or more input fields domainNames are not valid.");
        seg->domainNames.append(s);
    }
    if (seg->domainNames.isEmpty())
        return QStringLiteral("domainNames must list at least one domain.");

    if (const QString e = readPorts(body, "tcpPortRanges", "tcpPortRange", &seg->tcp); !e.isEmpty())
        return e;
    if (const QString e = readPorts(body, "udpPortRanges", "udpPortRange", &seg->udp); !e.isEmpty())
        return e;
    if (seg->tcp.isEmpty() && seg->udp.isEmpty())
        return QStringLiteral("At least one TCP or UDP port range is required.");

    if (!parseId(body.value(QLatin1String("segmentGroupId")).toString(), &seg->segmentGroupId))
        return QStringLiteral("segmentGroupId is required.");
    seg->serverGroupIds.clear();
    for (const QJsonValue &g : body.value(QLatin1String("serverGroups")).toArray()) {
        qint64 id = 0;
        if (!parseId(g.toObject().value(QLatin1String("id")).toString(), &id))
            return QStringLiteral("serverGroups entries need an \"id\".");
        if (!seg->serverGroupIds.contains(id))
            seg->serverGroupIds.append(id);
    }

    const auto &enumFields = segmentEnumFields();
    for (size_t i = 0; i < enumFields.size(); ++i) {
        const QJsonValue v = body.value(QLatin1String(enumFields[i].name));
        if (v.isUndefined() || v.isNull())
            continue;
        const QString s = v.isString() ? v.toString() : QString::number(v.toInt());
        if (!enumFields[i].allowed.contains(s))
            return QStringLiteral("%1 must be one of %2.")
                .arg(QLatin1String(enumFields[i].name), enumFields[i].allowed.join(QLatin1String(", ")));
        seg->enums[qsizetype(i)] = s;
    }
    const auto &boolFields = segmentBoolFields();
    for (size_t i = 0; i < boolFields.size(); ++i) {
        const QJsonValue v = body.value(QLatin1String(boolFields[i].name));
        if (!boolFields[i].editable || v.isUndefined() || v.isNull())
            continue;
        if (!v.isBool())
            return QStringLiteral("%1 must be true or false.").arg(QLatin1String(boolFields[i].name));
        seg->flags[i] = v.toBool();
    }
    return {};
}

} // namespace zsim
