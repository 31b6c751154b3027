#include "core/AppSegment.h"

#include "core/AppSegmentValidation.h"
#include "core/ZpaInternPool.h"
#include "core/ZpaJson.h"

#include <QJsonDocument>
#include <QObject>

namespace zc {

using zpajson::toStr;

namespace {

QDateTime epochSeconds(const QString &s)
{
    bool ok = false;
    const qint64 secs = s.toLongLong(&ok);
    if (!ok || secs < 0 || secs > 253402300799LL) // year 9999
        return {};
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

QString pool(ZpaInternPool *p, const QString &s) { return p ? p->string(s) : s; }

} // namespace

// The string fields, in one table for reading and writing.
struct AppSegment::StringField
{
    QLatin1StringView key;
    QString AppSegment::*member;
    quint32 bit;
    bool pooled; // values repeat across rows
};

AppSegment AppSegment::fromJson(const QJsonObject &o, QStringList *problems, ZpaInternPool *p)
{
    AppSegment s;
    QJsonObject rest = o;
    quint32 lifted = 0;

    qsizetype nFields = 0;
    const StringField *fields = stringFields(&nFields);
    for (qsizetype i = 0; i < nFields; ++i) {
        const StringField &f = fields[i];
        const QJsonValue v = o.value(f.key);
        if (v.isUndefined())
            continue;
        bool exact = false;
        const QString str = toStr(v, &exact);
        s.*f.member = f.pooled ? pool(p, str) : str;
        if (exact) {
            lifted |= f.bit;
            rest.remove(f.key);
        } else if (problems && !v.isNull()) {
            problems->append(QObject::tr("\"%1\" is %2, expected a string").arg(f.key, zpajson::typeName(v)));
        }
    }

    const QJsonValue enabled = o.value(QLatin1StringView("enabled"));
    bool exactBool = false;
    s.enabled = zpajson::toBool(enabled, false, &exactBool);
    if (exactBool) {
        lifted |= LEnabled;
        rest.remove(QLatin1StringView("enabled"));
    } else if (!enabled.isUndefined() && problems) {
        problems->append(QObject::tr("\"enabled\" is %1, expected a boolean").arg(zpajson::typeName(enabled)));
    }

    const QJsonValue domains = o.value(QLatin1StringView("domainNames"));
    if (domains.isArray()) {
        const QJsonArray a = domains.toArray();
        bool allStrings = true;
        s.domainNames.reserve(a.size());
        for (const QJsonValue &d : a) {
            allStrings = allStrings && d.isString();
            const QString t = toStr(d);
            if (!t.isEmpty())
                s.domainNames.append(t);
        }
        if (allStrings && s.domainNames.size() == a.size()) {
            lifted |= LDomains;
            rest.remove(QLatin1StringView("domainNames"));
        } else if (problems) {
            problems->append(QObject::tr("\"domainNames\" holds entries that are not names"));
        }
    } else if (!domains.isUndefined() && !domains.isNull()) {
        s.domainNames.append(toStr(domains)); // a single name where a list belongs
        if (problems)
            problems->append(QObject::tr("\"domainNames\" is %1, expected an array").arg(zpajson::typeName(domains)));
    }

    const QJsonValue groups = o.value(QLatin1StringView("serverGroups"));
    if (groups.isArray()) {
        s.m_origServerGroups = p ? p->array(groups.toArray()) : groups.toArray();
        int skipped = 0;
        s.serverGroups = zpaRefsFromJson(s.m_origServerGroups, &skipped);
        for (ZpaRef &r : s.serverGroups) {
            r.id = pool(p, r.id);
            r.name = pool(p, r.name);
        }
        lifted |= LServerGroups;
        rest.remove(QLatin1StringView("serverGroups"));
        if (skipped && problems)
            problems->append(QObject::tr("%n server group(s) without an id", nullptr, skipped));
    } else if (!groups.isUndefined() && !groups.isNull() && problems) {
        problems->append(QObject::tr("\"serverGroups\" is %1, expected an array").arg(zpajson::typeName(groups)));
    }

    for (const PortProtocol proto : {PortProtocol::Tcp, PortProtocol::Udp}) {
        const bool tcp = proto == PortProtocol::Tcp;
        bool flatExact = false;
        bool structExact = false;
        const PortRangeList ranges = ports::fromSegment(o, proto, problems, &flatExact, &structExact);
        if (flatExact) {
            lifted |= tcp ? LTcpFlat : LUdpFlat;
            rest.remove(ports::flatKey(proto));
        }
        if (structExact) {
            lifted |= tcp ? LTcpStruct : LUdpStruct;
            rest.remove(ports::structuredKey(proto));
        }
        (tcp ? s.tcpPorts : s.udpPorts) = ranges;
        (tcp ? s.m_origTcp : s.m_origUdp) = ranges;
    }

    if (s.id.isEmpty() && problems)
        problems->append(QObject::tr("the segment has no id"));
    s.refreshTimes();
    s.m_rest = p ? p->object(rest) : rest;
    s.m_lifted = lifted;
    return s;
}

QJsonObject AppSegment::toJson(PortEncoding enc) const
{
    QJsonObject o = m_rest;
    qsizetype nFields = 0;
    const StringField *fields = stringFields(&nFields);
    for (qsizetype i = 0; i < nFields; ++i) {
        const StringField &f = fields[i];
        const QString &v = this->*f.member;
        if (m_lifted & f.bit) {
            o.insert(f.key, v);
            continue;
        }
        const auto it = o.constFind(f.key);
        if (it != o.constEnd() ? toStr(it.value()) != v : !v.isEmpty())
            o.insert(f.key, v); // the user changed a field that came in an odd form, or set it
    }

    const QLatin1StringView enabledKey("enabled");
    if ((m_lifted & LEnabled) || zpajson::toBool(o.value(enabledKey)) != enabled)
        o.insert(enabledKey, enabled);

    const QLatin1StringView domainsKey("domainNames");
    if (m_lifted & LDomains) {
        o.insert(domainsKey, QJsonArray::fromStringList(domainNames));
    } else {
        const QJsonValue was = o.value(domainsKey);
        QStringList before;
        for (const QJsonValue &d : was.toArray())
            if (!toStr(d).isEmpty())
                before.append(toStr(d));
        if (!was.isArray() && !was.isUndefined() && !was.isNull())
            before.append(toStr(was));
        if (before != domainNames)
            o.insert(domainsKey, QJsonArray::fromStringList(domainNames));
    }

    writeServerGroups(o);
    writePorts(o, PortProtocol::Tcp, enc);
    writePorts(o, PortProtocol::Udp, enc);
    return o;
}

QByteArray AppSegment::toJsonBytes(PortEncoding ports) const
{
    return QJsonDocument(toJson(ports)).toJson(QJsonDocument::Compact);
}

void AppSegment::writeServerGroups(QJsonObject &o) const
{
    const QLatin1StringView key("serverGroups");
    if (m_lifted & LServerGroups) {
        if (zpaRefsFromJson(m_origServerGroups) == serverGroups) {
            o.insert(key, m_origServerGroups);
            return;
        }
    } else if (zpaRefsFromJson(o.value(key)) == serverGroups) {
        return; // unchanged (absent or in an odd form): leave as it came
    }
    // Changed: keep the received object of every group that is still chosen, {"id"} for new.
    QJsonArray out;
    for (const ZpaRef &r : serverGroups) {
        QJsonObject entry{{QStringLiteral("id"), r.id}};
        for (const QJsonValue &v : m_origServerGroups)
            if (toStr(v.toObject().value(QLatin1StringView("id"))) == r.id) {
                entry = v.toObject();
                break;
            }
        out.append(entry);
    }
    o.insert(key, out);
}

void AppSegment::writePorts(QJsonObject &o, PortProtocol p, PortEncoding enc) const
{
    const bool tcp = p == PortProtocol::Tcp;
    const PortRangeList &now = tcp ? tcpPorts : udpPorts;
    const PortRangeList &orig = tcp ? m_origTcp : m_origUdp;
    switch (enc) {
    case PortEncoding::Both:
        ports::writeBoth(o, p, now);
        return;
    case PortEncoding::Flat:
        o.insert(ports::flatKey(p), ports::toFlat(now));
        o.insert(ports::structuredKey(p), QJsonArray());
        return;
    case PortEncoding::Preserve:
        if (now != orig) {
            ports::writeBoth(o, p, now);
            return;
        }
        if (m_lifted & (tcp ? LTcpFlat : LUdpFlat))
            o.insert(ports::flatKey(p), ports::toFlat(now));
        if (m_lifted & (tcp ? LTcpStruct : LUdpStruct))
            o.insert(ports::structuredKey(p), ports::toStructured(now));
        return;
    }
}

ValidationIssues AppSegment::validate() const
{
    return validateAppSegment(*this);
}

void AppSegment::refreshTimes()
{
    modifiedAt = epochSeconds(modifiedTime);
    createdAt = epochSeconds(creationTime);
}

QString AppSegment::microtenantKey() const
{
    return microtenantId.isEmpty() ? QStringLiteral("0") : microtenantId;
}

QString AppSegment::microtenantDisplay() const
{
    if (!microtenantName.isEmpty())
        return microtenantName;
    if (microtenantId.isEmpty() || microtenantId == QLatin1String("0"))
        return QObject::tr("Default");
    return microtenantId;
}

QString AppSegment::domainsText() const
{
    return domainNames.join(QStringLiteral(", "));
}

QString AppSegment::serverGroupsText() const
{
    QString s;
    for (const ZpaRef &r : serverGroups) {
        if (!s.isEmpty())
            s += QStringLiteral(", ");
        s += r.name.isEmpty() ? r.id : r.name;
    }
    return s;
}

QStringList AppSegment::serverGroupIds() const
{
    QStringList ids;
    ids.reserve(serverGroups.size());
    for (const ZpaRef &r : serverGroups)
        ids.append(r.id);
    return ids;
}

const AppSegment::StringField *AppSegment::stringFields(qsizetype *count)
{
    static const StringField fields[] = {
        {QLatin1StringView("id"), &AppSegment::id, LId, false},
        {QLatin1StringView("name"), &AppSegment::name, LName, false},
        {QLatin1StringView("description"), &AppSegment::description, LDescription, false},
        {QLatin1StringView("segmentGroupId"), &AppSegment::segmentGroupId, LSegGroupId, true},
        {QLatin1StringView("segmentGroupName"), &AppSegment::segmentGroupName, LSegGroupName, true},
        {QLatin1StringView("microtenantId"), &AppSegment::microtenantId, LMicroId, true},
        {QLatin1StringView("microtenantName"), &AppSegment::microtenantName, LMicroName, true},
        {QLatin1StringView("modifiedTime"), &AppSegment::modifiedTime, LModTime, false},
        {QLatin1StringView("creationTime"), &AppSegment::creationTime, LCreTime, true},
        {QLatin1StringView("modifiedBy"), &AppSegment::modifiedBy, LModBy, true},
        {QLatin1StringView("bypassType"), &AppSegment::bypassType, LBypass, true},
        {QLatin1StringView("healthReporting"), &AppSegment::healthReporting, LHealth, true},
    };
    *count = qsizetype(std::size(fields));
    return fields;
}

} // namespace zc
