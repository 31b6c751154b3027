#include "core/ZpaSegmentInput.h"

#include "core/AppSegmentValidation.h"
#include "core/PortRange.h"
#include "core/ZpaJson.h"

#include <QJsonArray>
#include <QObject>

namespace zc {

const QStringList &ZpaSegmentInput::serverFields()
{
    static const QStringList f = {QStringLiteral("id"), QStringLiteral("creationTime"), QStringLiteral("modifiedTime"),
                                  QStringLiteral("modifiedBy")};
    return f;
}

ValidationIssues ZpaSegmentInput::validate(const AppSegment &segment)
{
    ValidationIssues out = validateAppSegment(segment);
    out.append(checkPortEncodings(segment.toJson(AppSegment::PortEncoding::Preserve)));
    return out;
}

ValidationIssues ZpaSegmentInput::checkPortEncodings(const QJsonObject &segment)
{
    ValidationIssues out;
    for (PortProtocol p : {PortProtocol::Tcp, PortProtocol::Udp}) {
        const QString flatKey = ports::flatKey(p);
        const QString structKey = ports::structuredKey(p);
        QStringList problems;
        PortRangeList flat, structured;
        if (segment.contains(flatKey) && !segment.value(flatKey).isNull())
            flat = ports::fromFlat(segment.value(flatKey), &problems);
        if (segment.contains(structKey) && !segment.value(structKey).isNull())
            structured = ports::fromStructured(segment.value(structKey), &problems);
        for (const QString &m : std::as_const(problems))
            out.append({flatKey, m});
        if (!flat.isEmpty() && !structured.isEmpty() && flat != structured)
            out.append({flatKey, QObject::tr("%1 (%2) and %3 (%4) describe different ports: give one of them, or the "
                                             "same ranges in both")
                                     .arg(flatKey, ports::toText(flat), structKey, ports::toText(structured))});
    }
    return out;
}

ValidationIssues ZpaSegmentInput::checkPatch(const QJsonObject &patch)
{
    ValidationIssues out = checkPortEncodings(patch);
    const AppSegment s = AppSegment::fromJson(patch);
    const ValidationIssues all = validateAppSegment(s);
    // Only the fields the patch sets; the rest comes from the server's object.
    for (const ValidationIssue &i : all) {
        const bool set = patch.contains(i.field)
                         || (i.field == QLatin1String("tcpPortRanges") && patch.contains(QLatin1String("tcpPortRange")))
                         || (i.field == QLatin1String("udpPortRanges") && patch.contains(QLatin1String("udpPortRange")));
        if (set)
            out.append(i);
    }
    return out;
}

QJsonObject ZpaSegmentInput::applyPatch(const QJsonObject &current, const QJsonObject &patch)
{
    QJsonObject out = current;
    bool tcp = false, udp = false;
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        const QString &k = it.key();
        if (serverFields().contains(k))
            continue;
        if (k == QLatin1String("tcpPortRanges") || k == QLatin1String("tcpPortRange")) {
            tcp = true;
            continue;
        }
        if (k == QLatin1String("udpPortRanges") || k == QLatin1String("udpPortRange")) {
            udp = true;
            continue;
        }
        out.insert(k, it.value());
    }
    if (tcp)
        ports::writeBoth(out, PortProtocol::Tcp, ports::fromSegment(patch, PortProtocol::Tcp));
    if (udp)
        ports::writeBoth(out, PortProtocol::Udp, ports::fromSegment(patch, PortProtocol::Udp));
    return out;
}

QJsonObject ZpaSegmentInput::createBody(const AppSegment &segment)
{
    QJsonObject o = segment.toJson(AppSegment::PortEncoding::Both);
    for (const QString &k : serverFields())
        o.remove(k);
    return o;
}

} // namespace zc
