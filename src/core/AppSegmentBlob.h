#pragma once
// Internal to AppSegment: the packed form of a segment's unique strings and ports.
//
// Layout: id, name, description, modifiedTime, creationTime as (varint length, UTF-8 bytes);
// then the domain count and each domain likewise; then for TCP and for UDP the range count and
// each range as two zig-zag varints. One allocation per segment instead of a dozen QStrings.

#include "core/PortRange.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace zc::blob {

enum Field { Id, Name, Description, ModifiedTime, CreationTime, StringFieldCount };

inline void putVarint(QByteArray &b, quint64 v)
{
    while (v >= 0x80) {
        b.append(char(0x80 | (v & 0x7F)));
        v >>= 7;
    }
    b.append(char(v));
}

inline void putString(QByteArray &b, QByteArrayView s)
{
    putVarint(b, quint64(s.size()));
    b.append(s);
}

inline void putPorts(QByteArray &b, const PortRangeList &r)
{
    putVarint(b, quint64(r.size()));
    for (const PortRange &p : r) {
        putVarint(b, (quint64(qint64(p.from)) << 1) ^ quint64(qint64(p.from) >> 63));
        putVarint(b, (quint64(qint64(p.to)) << 1) ^ quint64(qint64(p.to) >> 63));
    }
}

class Reader
{
public:
    explicit Reader(QByteArrayView b)
        : m_p(b.data())
        , m_end(b.data() + b.size())
    {
    }
    quint64 varint()
    {
        quint64 v = 0;
        int shift = 0;
        while (m_p < m_end) {
            const auto c = quint8(*m_p++);
            v |= quint64(c & 0x7F) << shift;
            if (!(c & 0x80))
                break;
            shift += 7;
        }
        return v;
    }
    int zigzag()
    {
        const quint64 v = varint();
        return int(qint64(v >> 1) ^ -qint64(v & 1));
    }
    QByteArrayView string()
    {
        const auto n = qsizetype(varint());
        const QByteArrayView s(m_p, std::min<qsizetype>(n, m_end - m_p));
        m_p += s.size();
        return s;
    }
    void skipStrings(int n)
    {
        for (int i = 0; i < n; ++i)
            string();
    }
    PortRangeList ports()
    {
        const auto n = qsizetype(varint());
        PortRangeList out;
        out.reserve(n);
        for (qsizetype i = 0; i < n; ++i) {
            PortRange r;
            r.from = zigzag();
            r.to = zigzag();
            out.append(r);
        }
        return out;
    }
    // Skips to the TCP (udp = false) or UDP port section.
    void seekPorts(bool udp)
    {
        skipStrings(StringFieldCount);
        skipStrings(int(varint()));
        if (udp) {
            const auto n = qsizetype(varint());
            for (qsizetype i = 0; i < 2 * n; ++i)
                varint();
        }
    }

private:
    const char *m_p;
    const char *m_end;
};

} // namespace zc::blob
