// AppSegment's JSON mapping: reading (through AppSegmentReader) and writing back.
#include "core/AppSegment.h"
#include "core/AppSegmentBlob.h"
#include "core/AppSegmentReader.h"
#include "core/ZpaJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>

namespace zc {

AppSegment AppSegment::fromJsonBytes(QByteArrayView json, QStringList *problems, ZpaInternPool *pool, bool *ok)
{
    ZpaJsonScanner sc(json);
    const ZpaJsonScanner::Value v = sc.document();
    if (ok)
        *ok = v.isObject();
    if (!v.isObject()) {
        if (problems)
            problems->append(v.isValid() ? QObject::tr("the segment is not a JSON object")
                                         : QObject::tr("the segment is not valid JSON (%1 at byte %2)")
                                               .arg(sc.errorString())
                                               .arg(sc.errorOffset()));
        return AppSegment();
    }
    AppSegmentReader reader(pool);
    return reader.read(sc, v, problems);
}

AppSegment AppSegment::fromJson(const QJsonObject &o, QStringList *problems, ZpaInternPool *pool)
{
    return fromJsonBytes(QJsonDocument(o).toJson(QJsonDocument::Compact), problems, pool);
}

QJsonObject AppSegment::toJson(PortEncoding enc) const
{
    QJsonObject o = m_rest.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(m_rest).object();
    const quint32 write = m_lifted | m_dirty;
    static const char *const blobKeys[blob::StringFieldCount] = {"id", "name", "description", "modifiedTime",
                                                                 "creationTime"};
    static const quint32 blobBits[blob::StringFieldCount] = {BId, BName, BDescription, BModTime, BCreTime};
    for (int f = 0; f < blob::StringFieldCount; ++f)
        if (write & blobBits[f])
            o.insert(QLatin1StringView(blobKeys[f]), QString::fromUtf8(blobString(f)));
    const struct
    {
        const char *key;
        quint32 bit;
        const QString &value;
    } pooled[] = {{"segmentGroupId", BSegGroupId, m_segmentGroupId},
                  {"segmentGroupName", BSegGroupName, m_segmentGroupName},
                  {"microtenantId", BMicroId, m_microtenantId},
                  {"microtenantName", BMicroName, m_microtenantName},
                  {"modifiedBy", BModBy, m_modifiedBy},
                  {"bypassType", BBypass, m_bypassType},
                  {"healthReporting", BHealth, m_healthReporting}};
    for (const auto &p : pooled)
        if (write & p.bit)
            o.insert(QLatin1StringView(p.key), p.value);
    if (write & BEnabled)
        o.insert(QLatin1StringView("enabled"), m_enabled);
    if (write & BDomains)
        o.insert(QLatin1StringView("domainNames"), QJsonArray::fromStringList(domainNames()));
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
    const QJsonArray received = (m_lifted & BServerGroups) ? QJsonDocument::fromJson(m_serverGroupsJson).array()
                                                           : o.value(key).toArray();
    if (!(m_dirty & BServerGroups)) {
        if (m_lifted & BServerGroups)
            o.insert(key, received);
        return;
    }
    // Changed: the received object of every group still chosen, {"id","name"} for a new one.
    QJsonArray out;
    for (const ZpaRef &r : m_serverGroups) {
        QJsonObject entry{{QStringLiteral("id"), r.id}};
        if (!r.name.isEmpty())
            entry.insert(QStringLiteral("name"), r.name);
        for (const QJsonValue &v : received)
            if (zpajson::toStr(v.toObject().value(QLatin1StringView("id"))) == r.id) {
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
    const PortRangeList now = ports(p);
    switch (enc) {
    case PortEncoding::Both:
        ports::writeBoth(o, p, now);
        return;
    case PortEncoding::Flat:
        o.insert(ports::flatKey(p), ports::toFlat(now));
        o.insert(ports::structuredKey(p), QJsonArray());
        return;
    case PortEncoding::Preserve:
        if (m_dirty & (tcp ? BTcp : BUdp)) {
            ports::writeBoth(o, p, now);
            return;
        }
        if (m_lifted & (tcp ? BTcpFlat : BUdpFlat))
            o.insert(ports::flatKey(p), ports::toFlat(now));
        if (m_lifted & (tcp ? BTcpStruct : BUdpStruct))
            o.insert(ports::structuredKey(p), ports::toStructured(now));
        return;
    }
}

} // namespace zc
