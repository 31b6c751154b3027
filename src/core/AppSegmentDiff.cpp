#include "core/AppSegmentDiff.h"

#include "core/ZpaJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QObject>

#include <algorithm>

namespace zc {

namespace {

const QString kTcp = QStringLiteral("tcpPorts");
const QString kUdp = QStringLiteral("udpPorts");
const QString kServerGroups = QStringLiteral("serverGroups");
const QString kSegmentGroup = QStringLiteral("segmentGroup");
const QString kDomains = QStringLiteral("domainNames");

// The object as a person compares it: port encodings folded into one field per protocol,
// server groups and the segment group as {id,name} references.
QMap<QString, QJsonValue> normalize(const QJsonObject &o)
{
    QMap<QString, QJsonValue> m;
    static const QStringList folded = {
        QStringLiteral("tcpPortRanges"), QStringLiteral("tcpPortRange"),  QStringLiteral("udpPortRanges"),
        QStringLiteral("udpPortRange"),  QStringLiteral("serverGroups"),  QStringLiteral("segmentGroupId"),
        QStringLiteral("segmentGroupName")};
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        if (!folded.contains(it.key()))
            m.insert(it.key(), it.value());
    const PortRangeList tcp = ports::fromSegment(o, PortProtocol::Tcp);
    const PortRangeList udp = ports::fromSegment(o, PortProtocol::Udp);
    const bool anyTcp = o.contains(QLatin1StringView("tcpPortRanges")) || o.contains(QLatin1StringView("tcpPortRange"));
    const bool anyUdp = o.contains(QLatin1StringView("udpPortRanges")) || o.contains(QLatin1StringView("udpPortRange"));
    if (anyTcp || !tcp.isEmpty())
        m.insert(kTcp, ports::toStructured(tcp));
    if (anyUdp || !udp.isEmpty())
        m.insert(kUdp, ports::toStructured(udp));
    if (o.contains(kServerGroups)) {
        QList<ZpaRef> refs = zpaRefsFromJson(o.value(kServerGroups));
        std::sort(refs.begin(), refs.end(), [](const ZpaRef &a, const ZpaRef &b) { return a.id < b.id; });
        QJsonArray a;
        for (const ZpaRef &r : refs)
            a.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("name"), r.name}});
        m.insert(kServerGroups, a);
    }
    if (o.contains(QLatin1StringView("segmentGroupId")))
        m.insert(kSegmentGroup,
                 QJsonObject{{QStringLiteral("id"), zpajson::toStr(o.value(QLatin1StringView("segmentGroupId")))},
                             {QStringLiteral("name"), zpajson::toStr(o.value(QLatin1StringView("segmentGroupName")))}});
    return m;
}

QStringList idsOf(const QJsonValue &v)
{
    QStringList ids;
    for (const QJsonValue &e : v.toArray())
        ids.append(zpajson::toStr(e.toObject().value(QLatin1StringView("id"))));
    return ids;
}

bool sameValue(const QString &field, const QJsonValue &a, const QJsonValue &b)
{
    if (a.isUndefined() != b.isUndefined()) {
        // An absent list equals an empty one (the server omits empty port lists).
        const QJsonValue &present = a.isUndefined() ? b : a;
        return (field == kTcp || field == kUdp) && present.toArray().isEmpty();
    }
    if (field == kServerGroups)
        return idsOf(a) == idsOf(b);
    if (field == kSegmentGroup)
        return a.toObject().value(QLatin1StringView("id")) == b.toObject().value(QLatin1StringView("id"));
    if (field == kDomains && a.isArray() && b.isArray()) {
        QStringList x, y;
        for (const QJsonValue &e : a.toArray())
            x.append(zpajson::toStr(e).toLower());
        for (const QJsonValue &e : b.toArray())
            y.append(zpajson::toStr(e).toLower());
        x.sort();
        y.sort();
        return x == y;
    }
    return a == b;
}

// Writes `field` of `source` (a raw segment object) into `target`.
void applyField(QJsonObject &target, const QJsonObject &source, const QString &field)
{
    auto copyKey = [&](const QString &key) {
        if (source.contains(key))
            target.insert(key, source.value(key));
        else
            target.remove(key);
    };
    if (field == kTcp || field == kUdp) {
        const PortProtocol p = field == kTcp ? PortProtocol::Tcp : PortProtocol::Udp;
        ports::writeBoth(target, p, ports::fromSegment(source, p));
    } else if (field == kSegmentGroup) {
        copyKey(QStringLiteral("segmentGroupId"));
        copyKey(QStringLiteral("segmentGroupName"));
    } else {
        copyKey(field);
    }
}

} // namespace

const QStringList &AppSegmentDiff::metadataFields()
{
    static const QStringList f = {QStringLiteral("modifiedTime"), QStringLiteral("creationTime"),
                                  QStringLiteral("modifiedBy"), QStringLiteral("microtenantName")};
    return f;
}

QList<AppSegmentChange> AppSegmentDiff::diff(const AppSegment &before, const AppSegment &after, bool includeMetadata)
{
    return diff(before.toJson(), after.toJson(), includeMetadata);
}

QList<AppSegmentChange> AppSegmentDiff::diff(const QJsonObject &before, const QJsonObject &after, bool includeMetadata)
{
    const QMap<QString, QJsonValue> a = normalize(before);
    const QMap<QString, QJsonValue> b = normalize(after);
    QStringList keys = a.keys();
    for (const QString &k : b.keys())
        if (!a.contains(k))
            keys.append(k);
    // People read the fields they edit first, in the editor's order, then the rest by name.
    static const QStringList order = {QStringLiteral("name"),  QStringLiteral("description"), QStringLiteral("enabled"),
                                      kDomains,                kTcp,                           kUdp,
                                      kSegmentGroup,           kServerGroups,                  QStringLiteral("microtenantId")};
    std::sort(keys.begin(), keys.end(), [](const QString &x, const QString &y) {
        const qsizetype ix = order.contains(x) ? order.indexOf(x) : order.size();
        const qsizetype iy = order.contains(y) ? order.indexOf(y) : order.size();
        return ix != iy ? ix < iy : x < y;
    });
    QList<AppSegmentChange> out;
    for (const QString &k : std::as_const(keys)) {
        if (!includeMetadata && metadataFields().contains(k))
            continue;
        const QJsonValue va = a.value(k, QJsonValue(QJsonValue::Undefined));
        const QJsonValue vb = b.value(k, QJsonValue(QJsonValue::Undefined));
        if (sameValue(k, va, vb))
            continue;
        out.append({k, labelFor(k), va, vb, displayText(k, va), displayText(k, vb)});
    }
    return out;
}

AppSegmentMerge AppSegmentDiff::threeWay(const AppSegment &base, const AppSegment &server, const AppSegment &mine)
{
    AppSegmentMerge m;
    const QJsonObject baseJ = base.toJson();
    const QJsonObject serverJ = server.toJson();
    const QJsonObject mineJ = mine.toJson();
    m.mine = diff(baseJ, mineJ);
    m.theirs = diff(baseJ, serverJ);
    m.serverChanged = !m.theirs.isEmpty() || !diff(baseJ, serverJ, true).isEmpty();
    const QMap<QString, QJsonValue> serverN = normalize(serverJ);
    const QMap<QString, QJsonValue> mineN = normalize(mineJ);
    m.merged = serverJ;
    for (const AppSegmentChange &c : std::as_const(m.mine)) {
        applyField(m.merged, mineJ, c.field);
        const auto theirs = std::find_if(m.theirs.cbegin(), m.theirs.cend(),
                                         [&](const AppSegmentChange &t) { return t.field == c.field; });
        if (theirs == m.theirs.cend())
            continue;
        const QJsonValue sv = serverN.value(c.field, QJsonValue(QJsonValue::Undefined));
        const QJsonValue mv = mineN.value(c.field, QJsonValue(QJsonValue::Undefined));
        if (sameValue(c.field, sv, mv))
            continue; // both made the same change
        m.conflicts.append({c.field, c.label, c.before, sv, mv, c.beforeText, displayText(c.field, sv),
                            displayText(c.field, mv)});
    }
    return m;
}

QString AppSegmentDiff::labelFor(const QString &field)
{
    static const QMap<QString, const char *> labels = {
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("QObject", "Name")},
        {QStringLiteral("description"), QT_TRANSLATE_NOOP("QObject", "Description")},
        {QStringLiteral("enabled"), QT_TRANSLATE_NOOP("QObject", "Enabled")},
        {kDomains, QT_TRANSLATE_NOOP("QObject", "Domains")},
        {kTcp, QT_TRANSLATE_NOOP("QObject", "TCP ports")},
        {kUdp, QT_TRANSLATE_NOOP("QObject", "UDP ports")},
        {kSegmentGroup, QT_TRANSLATE_NOOP("QObject", "Segment group")},
        {kServerGroups, QT_TRANSLATE_NOOP("QObject", "Server groups")},
        {QStringLiteral("microtenantId"), QT_TRANSLATE_NOOP("QObject", "Microtenant")},
        {QStringLiteral("bypassType"), QT_TRANSLATE_NOOP("QObject", "Bypass")},
        {QStringLiteral("healthReporting"), QT_TRANSLATE_NOOP("QObject", "Health reporting")},
        {QStringLiteral("modifiedTime"), QT_TRANSLATE_NOOP("QObject", "Modified")},
    };
    const auto it = labels.constFind(field);
    return it == labels.cend() ? field : QObject::tr(it.value());
}

QString AppSegmentDiff::displayText(const QString &field, const QJsonValue &v)
{
    if (v.isUndefined())
        return QObject::tr("(not set)");
    if (field == kTcp || field == kUdp)
        return ports::toText(ports::fromStructured(v));
    if (field == kServerGroups || field == kSegmentGroup) {
        QStringList names;
        const QJsonArray refs = v.isArray() ? v.toArray() : QJsonArray{v};
        for (const QJsonValue &e : refs) {
            const QJsonObject o = e.toObject();
            const QString name = zpajson::toStr(o.value(QLatin1StringView("name")));
            names.append(name.isEmpty() ? zpajson::toStr(o.value(QLatin1StringView("id"))) : name);
        }
        return names.join(QStringLiteral(", "));
    }
    if (v.isArray()) {
        QStringList parts;
        bool simple = true;
        for (const QJsonValue &e : v.toArray()) {
            simple = simple && !e.isObject() && !e.isArray();
            parts.append(zpajson::toStr(e));
        }
        if (simple)
            return parts.join(QStringLiteral(", "));
    }
    if (v.isObject() || v.isArray()) {
        const QByteArray j = v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                          : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(j.left(300));
    }
    if (v.isNull())
        return QStringLiteral("null");
    const QString s = zpajson::toStr(v);
    return s.size() > 300 ? s.left(300) + QStringLiteral("…") : s;
}

} // namespace zc
