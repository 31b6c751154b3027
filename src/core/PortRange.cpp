#include "core/PortRange.h"

#include "core/ZpaJson.h"

#include <QObject>
#include <QRegularExpression>

#include <algorithm>

namespace zc {

QString PortRange::toString() const
{
    return from == to ? QString::number(from) : QString::number(from) + QLatin1Char('-') + QString::number(to);
}

namespace ports {

namespace {

// A port number from JSON: "80", 80. False for anything that is not an integer or does not
// fit an int (out-of-range integers that do fit are kept for validate() to report).
bool portValue(const QJsonValue &v, int *out, bool *canonical)
{
    qint64 n = 0;
    if (!zpajson::toInt64(v, &n) || n < -9'999'999 || n > 9'999'999)
        return false;
    *out = int(n);
    if (canonical && (!v.isString() || v.toString() != QString::number(n)))
        *canonical = false;
    return true;
}

void add(QStringList *problems, const QString &message)
{
    if (problems)
        problems->append(message);
}

QString shortJson(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString().left(40) + QLatin1Char('"');
    return zpajson::typeName(v);
}

} // namespace

QString flatKey(PortProtocol p)
{
    return p == PortProtocol::Tcp ? QStringLiteral("tcpPortRanges") : QStringLiteral("udpPortRanges");
}

QString structuredKey(PortProtocol p)
{
    return p == PortProtocol::Tcp ? QStringLiteral("tcpPortRange") : QStringLiteral("udpPortRange");
}

PortRangeList fromFlat(const QJsonValue &v, QStringList *problems, bool *canonical)
{
    bool canon = true;
    PortRangeList out;
    if (v.isUndefined() || v.isNull()) {
        if (canonical)
            *canonical = false;
        return out;
    }
    if (!v.isArray()) {
        add(problems, QObject::tr("port list is %1, not an array").arg(zpajson::typeName(v)));
        if (canonical)
            *canonical = false;
        return out;
    }
    const QJsonArray a = v.toArray();
    if (a.size() % 2 != 0) {
        add(problems, QObject::tr("port list has an odd number of entries (%1); the last is read as one port")
                          .arg(a.size()));
        canon = false;
    }
    out.reserve(a.size() / 2 + 1);
    for (qsizetype i = 0; i < a.size(); i += 2) {
        PortRange r;
        const bool okFrom = portValue(a.at(i), &r.from, &canon);
        const bool okTo = i + 1 < a.size() ? portValue(a.at(i + 1), &r.to, &canon) : (r.to = r.from, okFrom);
        if (!okFrom || !okTo) {
            add(problems, QObject::tr("port entry %1 is not a port number")
                              .arg(shortJson(okFrom ? a.at(i + 1) : a.at(i))));
            canon = false;
            continue;
        }
        out.append(r);
    }
    if (canonical)
        *canonical = canon;
    return out;
}

PortRangeList fromStructured(const QJsonValue &v, QStringList *problems, bool *canonical)
{
    bool canon = true;
    PortRangeList out;
    if (v.isUndefined() || v.isNull()) {
        if (canonical)
            *canonical = false;
        return out;
    }
    if (!v.isArray()) {
        add(problems, QObject::tr("port range list is %1, not an array").arg(zpajson::typeName(v)));
        if (canonical)
            *canonical = false;
        return out;
    }
    const QJsonArray a = v.toArray();
    out.reserve(a.size());
    for (const QJsonValue &e : a) {
        const QJsonObject o = e.toObject();
        PortRange r;
        const QJsonValue f = o.value(QLatin1String("from"));
        const QJsonValue t = o.value(QLatin1String("to"));
        const bool okFrom = portValue(f, &r.from, &canon);
        const bool okTo = t.isUndefined() ? (r.to = r.from, okFrom) : portValue(t, &r.to, &canon);
        if (!e.isObject() || !okFrom || !okTo) {
            add(problems, QObject::tr("port range entry is not {\"from\":…,\"to\":…}"));
            canon = false;
            continue;
        }
        if (o.size() != 2 || t.isUndefined())
            canon = false;
        out.append(r);
    }
    if (canonical)
        *canonical = canon;
    return out;
}

PortRangeList fromSegment(const QJsonObject &segment, PortProtocol p, QStringList *problems,
                          bool *flatExact, bool *structuredExact)
{
    bool flatCanon = false;
    bool structCanon = false;
    const PortRangeList flat = fromFlat(segment.value(flatKey(p)), problems, &flatCanon);
    const PortRangeList structured = fromStructured(segment.value(structuredKey(p)), problems, &structCanon);
    PortRangeList result = flat;
    if (flat.isEmpty()) {
        result = structured;
    } else if (!structured.isEmpty() && flat != structured) {
        add(problems, QObject::tr("%1 (%2) and %3 (%4) disagree; using %1")
                          .arg(flatKey(p), toText(flat), structuredKey(p), toText(structured)));
    }
    if (flatExact)
        *flatExact = flatCanon && flat == result;
    if (structuredExact)
        *structuredExact = structCanon && structured == result;
    return result;
}

QJsonArray toFlat(const PortRangeList &ranges)
{
    QJsonArray a;
    for (const PortRange &r : ranges) {
        a.append(QString::number(r.from));
        a.append(QString::number(r.to));
    }
    return a;
}

QJsonArray toStructured(const PortRangeList &ranges)
{
    QJsonArray a;
    for (const PortRange &r : ranges)
        a.append(QJsonObject{{QStringLiteral("from"), QString::number(r.from)},
                             {QStringLiteral("to"), QString::number(r.to)}});
    return a;
}

void writeBoth(QJsonObject &segment, PortProtocol p, const PortRangeList &ranges)
{
    segment.insert(flatKey(p), toFlat(ranges));
    segment.insert(structuredKey(p), toStructured(ranges));
}

ValidationIssues validate(const PortRangeList &ranges, const QString &field)
{
    ValidationIssues out;
    for (const PortRange &r : ranges) {
        for (int v : {r.from, r.to})
            if (v < 1 || v > 65535) {
                out.append({field, QObject::tr("port %1 is out of range 1–65535").arg(v)});
                if (r.from == r.to)
                    break;
            }
        if (r.from > r.to)
            out.append({field, QObject::tr("range %1-%2 has from > to").arg(r.from).arg(r.to)});
    }
    // Overlaps: sort by start; a range overlaps an earlier one when it starts before the
    // furthest end seen so far.
    PortRangeList sorted = ranges;
    std::sort(sorted.begin(), sorted.end(), [](const PortRange &a, const PortRange &b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    int reported = 0;
    const PortRange *furthest = nullptr; // the range reaching furthest so far
    for (const PortRange &cur : sorted) {
        if (cur.from > cur.to)
            continue;
        if (furthest && cur.from <= furthest->to && reported < 20) {
            out.append({field, QObject::tr("ranges %1 and %2 overlap").arg(furthest->toString(), cur.toString())});
            ++reported;
        }
        if (!furthest || cur.to > furthest->to)
            furthest = &cur;
    }
    return out;
}

bool parseText(const QString &text, PortRangeList *out, QStringList *errors)
{
    static const QRegularExpression sep(QStringLiteral("[,;\\s]+"));
    static const QRegularExpression entry(QStringLiteral("^(\\d{1,9})(?:\\s*[-–]\\s*(\\d{1,9}))?$"));
    // Allow spaces around a dash ("8000 - 8080") by gluing them before splitting.
    QString t = text;
    static const QRegularExpression spacedDash(QStringLiteral("\\s*([-–])\\s*"));
    t.replace(spacedDash, QStringLiteral("\\1"));
    bool ok = true;
    PortRangeList result;
    for (const QString &part : t.split(sep, Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = entry.match(part);
        if (!m.hasMatch()) {
            if (errors)
                errors->append(QObject::tr("\"%1\" is not a port or a range like 8000-8080").arg(part.left(40)));
            ok = false;
            continue;
        }
        PortRange r;
        r.from = m.captured(1).toInt();
        r.to = m.capturedLength(2) > 0 ? m.captured(2).toInt() : r.from;
        bool good = true;
        for (int v : {r.from, r.to}) {
            if (v < 1 || v > 65535) {
                if (errors)
                    errors->append(QObject::tr("port %1 is out of range 1–65535").arg(v));
                good = false;
                if (r.from == r.to)
                    break;
            }
        }
        if (r.from > r.to) {
            if (errors)
                errors->append(QObject::tr("range %1-%2 has from > to").arg(r.from).arg(r.to));
            good = false;
        }
        if (good)
            result.append(r);
        ok = ok && good;
    }
    if (out)
        *out = result;
    return ok;
}

QString toText(const PortRangeList &ranges)
{
    QString s;
    for (const PortRange &r : ranges) {
        if (!s.isEmpty())
            s += QStringLiteral(", ");
        s += r.toString();
    }
    return s;
}

bool containsPort(const PortRangeList &ranges, int port)
{
    return std::any_of(ranges.begin(), ranges.end(), [port](const PortRange &r) { return r.contains(port); });
}

} // namespace ports
} // namespace zc
