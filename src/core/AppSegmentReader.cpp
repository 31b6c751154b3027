#include "core/AppSegmentReader.h"

#include "core/AppSegmentBlob.h"
#include "core/ZpaInternPool.h"

#include <QObject>
#include <QVarLengthArray>

#include <array>
#include <cstring>

namespace zc {

using Sc = ZpaJsonScanner;

namespace {

enum Key {
    KId, KName, KDescription, KModTime, KCreTime, // packed block, in blob::Field order
    KSegGroupId, KSegGroupName, KMicroId, KMicroName, KModBy, KBypass, KHealth, // pooled strings
    KEnabled, KDomains, KServerGroups, KTcpFlat, KTcpStruct, KUdpFlat, KUdpStruct, KeyCount
};

const char *const kKeyNames[KeyCount] = {
    "id", "name", "description", "modifiedTime", "creationTime", "segmentGroupId", "segmentGroupName",
    "microtenantId", "microtenantName", "modifiedBy", "bypassType", "healthReporting", "enabled",
    "domainNames", "serverGroups", "tcpPortRanges", "tcpPortRange", "udpPortRanges", "udpPortRange"};

constexpr quint32 kKeyBit[KeyCount] = {
    1u << 0, 1u << 1, 1u << 2, 1u << 10, 1u << 11, 1u << 5, 1u << 6, 1u << 8, 1u << 9, 1u << 12, 1u << 13,
    1u << 14, 1u << 3, 1u << 4, 1u << 7, 1u << 15, 1u << 16, 1u << 17, 1u << 18};

int keyIndex(const Sc &sc, const Sc::Value &key, QByteArray *scratch)
{
    // A segment has ~45 members: find the known ones by length, then bytes (no hashing).
    static const auto byLength = [] {
        std::array<QList<int>, 17> t;
        for (int i = 0; i < KeyCount; ++i)
            t[std::strlen(kKeyNames[i])].append(i);
        return t;
    }();
    const QByteArrayView k = sc.utf8(key, scratch); // "n\u0061me" is "name", as for Qt
    if (k.size() >= qsizetype(byLength.size()))
        return -1;
    for (int i : byLength[size_t(k.size())])
        if (std::memcmp(k.data(), kKeyNames[i], size_t(k.size())) == 0)
            return i;
    return -1;
}

QString typeName(const Sc::Value &v)
{
    switch (v.type) {
    case Sc::Type::Null: return QObject::tr("null");
    case Sc::Type::True:
    case Sc::Type::False: return QObject::tr("a boolean");
    case Sc::Type::Number: return QObject::tr("a number");
    case Sc::Type::String: return QObject::tr("a string");
    case Sc::Type::Array: return QObject::tr("an array");
    case Sc::Type::Object: return QObject::tr("an object");
    default: return QObject::tr("missing");
    }
}

bool isIntegerLiteral(QByteArrayView t)
{
    if (t.startsWith('-'))
        t = t.sliced(1);
    if (t.isEmpty() || t.size() > 19)
        return false;
    for (char c : t)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// A port from "80" or 80 (false for anything else, or a value beyond ±9,999,999). Canonical:
// a string holding exactly the decimal form.
bool portOf(const Sc &sc, const Sc::Value &v, QByteArray *scratch, int *out, bool *canonical)
{
    QByteArrayView t;
    if (v.isString())
        t = sc.utf8(v, scratch);
    else if (v.isNumber())
        t = sc.text(v);
    else
        return false;
    const qsizetype rawSize = t.size();
    t = t.trimmed();
    const bool negative = t.startsWith('-');
    const QByteArrayView digits = negative ? t.sliced(1) : t;
    if (digits.isEmpty() || digits.size() > 7)
        return false;
    int n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *out = negative ? -n : n;
    const bool exact = v.isString() && !v.escaped && t.size() == rawSize
                       && (digits.size() == 1 || digits.front() != '0') && !(negative && n == 0);
    if (!exact)
        *canonical = false;
    return true;
}

} // namespace

AppSegmentReader::AppSegmentReader(ZpaInternPool *pool)
    : m_pool(pool)
{
    if (!m_pool)
        m_pool = m_ownPool = new ZpaInternPool;
}

AppSegmentReader::~AppSegmentReader()
{
    delete m_ownPool;
}

QString AppSegmentReader::tolerantString(const Sc &sc, const Sc::Value &v)
{
    switch (v.type) {
    case Sc::Type::String: return m_pool->string(sc.utf8(v, &m_scratch));
    case Sc::Type::True: return QStringLiteral("true");
    case Sc::Type::False: return QStringLiteral("false");
    case Sc::Type::Number: {
        const QByteArrayView t = sc.text(v);
        if (isIntegerLiteral(t))
            return QString::fromLatin1(t);
        const double d = QByteArray(t.data(), t.size()).toDouble();
        return d == double(qint64(d)) && qAbs(d) < 9e18 ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    default: return QString();
    }
}

PortRangeList AppSegmentReader::readFlat(const Sc &sc, const Sc::Value &v, QStringList *problems, bool *canonical)
{
    PortRangeList out;
    *canonical = v.isArray();
    if (!v.isArray()) {
        if (problems && !v.isNull())
            problems->append(QObject::tr("port list is %1, not an array").arg(typeName(v)));
        return out;
    }
    QVarLengthArray<Sc::Value, 16> items;
    sc.elements(v, [&](const Sc::Value &e) {
        items.append(e);
        return true;
    });
    if (items.size() % 2 != 0) {
        *canonical = false;
        if (problems)
            problems->append(QObject::tr("port list has an odd number of entries (%1); the last is read as one port")
                                 .arg(items.size()));
    }
    for (qsizetype i = 0; i < items.size(); i += 2) {
        PortRange r;
        const bool okFrom = portOf(sc, items.at(i), &m_scratch, &r.from, canonical);
        const bool okTo = i + 1 < items.size() ? portOf(sc, items.at(i + 1), &m_scratch, &r.to, canonical)
                                               : (r.to = r.from, okFrom);
        if (!okFrom || !okTo) {
            *canonical = false;
            const QByteArrayView bad = sc.text(items.at(okFrom ? i + 1 : i));
            if (problems)
                problems->append(QObject::tr("port entry %1 is not a port number")
                                     .arg(QString::fromUtf8(bad.first(std::min<qsizetype>(40, bad.size())))));
            continue;
        }
        out.append(r);
    }
    return out;
}

PortRangeList AppSegmentReader::readStructured(const Sc &sc, const Sc::Value &v, QStringList *problems, bool *canonical)
{
    PortRangeList out;
    *canonical = v.isArray();
    if (!v.isArray()) {
        if (problems && !v.isNull())
            problems->append(QObject::tr("port range list is %1, not an array").arg(typeName(v)));
        return out;
    }
    sc.elements(v, [&](const Sc::Value &e) {
        PortRange r;
        bool haveFrom = false, haveTo = false, ok = e.isObject();
        int members = 0;
        if (ok)
            sc.members(e, [&](const Sc::Value &k, const Sc::Value &val) {
                ++members;
                if (sc.stringEquals(k, "from"))
                    haveFrom = ok = portOf(sc, val, &m_scratch, &r.from, canonical) && ok;
                else if (sc.stringEquals(k, "to"))
                    haveTo = ok = portOf(sc, val, &m_scratch, &r.to, canonical) && ok;
                return true;
            });
        if (!haveTo)
            r.to = r.from;
        if (!ok || !haveFrom) {
            *canonical = false;
            if (problems)
                problems->append(QObject::tr("port range entry is not {\"from\":…,\"to\":…}"));
            return true;
        }
        if (members != 2 || !haveTo)
            *canonical = false;
        out.append(r);
        return true;
    });
    return out;
}

QList<ZpaRef> AppSegmentReader::readRefs(const Sc &sc, const Sc::Value &v, int *skipped)
{
    QList<ZpaRef> out;
    sc.elements(v, [&](const Sc::Value &e) {
        ZpaRef r;
        if (e.isObject())
            sc.members(e, [&](const Sc::Value &k, const Sc::Value &val) {
                if (sc.stringEquals(k, "id"))
                    r.id = tolerantString(sc, val);
                else if (sc.stringEquals(k, "name"))
                    r.name = tolerantString(sc, val);
                return true;
            });
        if (r.id.isEmpty())
            ++*skipped;
        else
            out.append(r);
        return true;
    });
    return out;
}

AppSegment AppSegmentReader::read(const Sc &sc, const Sc::Value &object, QStringList *problems)
{
    m_members.clear();
    sc.members(object, [this](const Sc::Value &key, const Sc::Value &val) {
        m_members.append({key, val});
        return true;
    });
    return readMembers(sc, problems);
}

AppSegment AppSegmentReader::readMembers(const Sc &sc, QStringList *problems)
{
    static_assert(kKeyBit[KId] == AppSegment::BId && kKeyBit[KModTime] == AppSegment::BModTime
                  && kKeyBit[KSegGroupId] == AppSegment::BSegGroupId && kKeyBit[KHealth] == AppSegment::BHealth
                  && kKeyBit[KEnabled] == AppSegment::BEnabled && kKeyBit[KServerGroups] == AppSegment::BServerGroups
                  && kKeyBit[KTcpFlat] == AppSegment::BTcpFlat && kKeyBit[KUdpStruct] == AppSegment::BUdpStruct,
                  "key bits must match AppSegment::Bit");
    AppSegment s;
    Sc::Value found[KeyCount];
    m_spans.clear();
    for (const Member &m : std::as_const(m_members)) {
        const int k = keyIndex(sc, m.key, &m_scratch);
        if (k >= 0 && found[k].isValid())
            for (Span &sp : m_spans) // a repeated key: the last one counts, as in QJsonDocument
                if (sp.key == k)
                    sp.key = -2;
        if (k >= 0)
            found[k] = m.value;
        m_spans.append({m.key.begin, m.value.end, k});
    }

    quint32 lifted = 0;
    auto note = [problems](const QString &m) {
        if (problems)
            problems->append(m);
    };
    // Strings: lifted when they were JSON strings, otherwise converted and left as they came.
    QByteArrayView packed[blob::StringFieldCount];
    QByteArray packedScratch[blob::StringFieldCount];
    QString *pooled[] = {&s.m_segmentGroupId, &s.m_segmentGroupName, &s.m_microtenantId, &s.m_microtenantName,
                         &s.m_modifiedBy,     &s.m_bypassType,       &s.m_healthReporting};
    for (int k = KId; k <= KHealth; ++k) {
        const Sc::Value &v = found[k];
        if (!v.isValid())
            continue;
        if (v.isString())
            lifted |= kKeyBit[k];
        else if (!v.isNull())
            note(QObject::tr("\"%1\" is %2, expected a string").arg(QLatin1String(kKeyNames[k]), typeName(v)));
        if (k < KSegGroupId) {
            if (v.isString()) {
                packed[k] = sc.utf8(v, &packedScratch[k]);
            } else {
                packedScratch[k] = tolerantString(sc, v).toUtf8();
                packed[k] = packedScratch[k];
            }
        } else if (v.isString() && !v.escaped) {
            // Most rows repeat the previous row's value here ("Default", "NEVER"): compare
            // with it before hashing.
            const QByteArrayView bytes = sc.utf8(v, &m_scratch);
            LastString &last = m_last[k - KSegGroupId];
            if (last.bytes != bytes) {
                last.bytes = bytes.toByteArray();
                last.value = m_pool->string(bytes);
            }
            *pooled[k - KSegGroupId] = last.value;
        } else {
            *pooled[k - KSegGroupId] = tolerantString(sc, v);
        }
    }

    const Sc::Value &en = found[KEnabled];
    if (en.isBool()) {
        s.m_enabled = en.type == Sc::Type::True;
        lifted |= kKeyBit[KEnabled];
    } else if (en.isValid()) {
        const QString t = tolerantString(sc, en).trimmed();
        s.m_enabled = t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
                      || (en.isNumber() ? t.toDouble() != 0 : t == QLatin1String("1"));
        if (!en.isNull())
            note(QObject::tr("\"enabled\" is %1, expected a boolean").arg(typeName(en)));
    }

    QVarLengthArray<QByteArrayView, 16> domains;
    m_decoded.clear();
    const Sc::Value &dv = found[KDomains];
    if (dv.isArray()) {
        bool exact = true; // all strings, none empty: rebuilt exactly from the list
        sc.elements(dv, [&](const Sc::Value &e) {
            QByteArrayView d;
            if (e.isString() && !e.escaped) {
                d = sc.utf8(e, &m_scratch); // a view into the text
            } else {
                m_decoded.append(e.isString() ? sc.utf8(e, &m_scratch).toByteArray() : tolerantString(sc, e).toUtf8());
                d = m_decoded.last();
            }
            exact = exact && e.isString() && !d.isEmpty();
            if (!d.isEmpty())
                domains.append(d);
            return true;
        });
        if (exact)
            lifted |= kKeyBit[KDomains];
        else
            note(QObject::tr("\"domainNames\" holds entries that are not names"));
    } else if (dv.isValid() && !dv.isNull()) {
        m_decoded.append(tolerantString(sc, dv).toUtf8());
        domains.append(m_decoded.last());
        note(QObject::tr("\"domainNames\" is %1, expected an array").arg(typeName(dv)));
    }

    const Sc::Value &gv = found[KServerGroups];
    if (gv.isArray()) {
        const QByteArrayView text = sc.text(gv);
        if (!m_pool->findRefs(text, &s.m_serverGroupsJson, &s.m_serverGroups)) {
            int skipped = 0;
            s.m_serverGroups = readRefs(sc, gv, &skipped);
            s.m_serverGroupsJson = text.toByteArray();
            m_pool->addRefs(s.m_serverGroupsJson, s.m_serverGroups);
            if (skipped)
                note(QObject::tr("%n server group(s) without an id", nullptr, skipped));
        }
        lifted |= kKeyBit[KServerGroups];
    } else if (gv.isValid() && !gv.isNull()) {
        note(QObject::tr("\"serverGroups\" is %1, expected an array").arg(typeName(gv)));
    }

    PortRangeList ranges[2];
    for (int p = 0; p < 2; ++p) {
        const int fk = p == 0 ? KTcpFlat : KUdpFlat;
        const int sk = fk + 1;
        bool flatCanon = false, structCanon = false;
        const PortRangeList flat = found[fk].isValid() ? readFlat(sc, found[fk], problems, &flatCanon) : PortRangeList();
        const PortRangeList structured =
            found[sk].isValid() ? readStructured(sc, found[sk], problems, &structCanon) : PortRangeList();
        ranges[p] = flat.isEmpty() ? structured : flat;
        if (!flat.isEmpty() && !structured.isEmpty() && flat != structured)
            note(QObject::tr("%1 (%2) and %3 (%4) disagree; using %1")
                     .arg(QLatin1String(kKeyNames[fk]), ports::toText(flat), QLatin1String(kKeyNames[sk]),
                          ports::toText(structured)));
        if (found[fk].isValid() && flatCanon && flat == ranges[p])
            lifted |= kKeyBit[fk];
        if (found[sk].isValid() && structCanon && structured == ranges[p])
            lifted |= kKeyBit[sk];
    }

    // The packed block, built in a reused buffer and copied at its exact size.
    m_blob.clear();
    for (const QByteArrayView &f : packed)
        blob::putString(m_blob, f);
    blob::putVarint(m_blob, quint64(domains.size()));
    for (const QByteArrayView &d : std::as_const(domains))
        blob::putString(m_blob, d);
    blob::putPorts(m_blob, ranges[0]);
    blob::putPorts(m_blob, ranges[1]);
    s.m_blob = QByteArray(m_blob.constData(), m_blob.size());

    // The rest: every member that was not lifted, verbatim and in order.
    m_rest.clear();
    for (const Span &sp : std::as_const(m_spans)) {
        if (sp.key == -2 || (sp.key >= 0 && (lifted & kKeyBit[sp.key])))
            continue;
        m_rest.append(m_rest.isEmpty() ? '{' : ',');
        m_rest.append(sc.text().sliced(sp.begin, sp.end - sp.begin));
    }
    if (!m_rest.isEmpty()) {
        m_rest.append('}');
        s.m_rest = m_pool->bytes(m_rest);
    }
    s.m_lifted = lifted;
    s.refreshModifiedSecs();
    if (packed[KId].isEmpty())
        note(QObject::tr("the segment has no id"));
    return s;
}

} // namespace zc
