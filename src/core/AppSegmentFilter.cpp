#include "core/AppSegmentFilter.h"

#include "core/AppSegment.h"

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace zc {

namespace {

bool parsePort(QStringView s, int *port)
{
    if (s.isEmpty() || s.size() > 5)
        return false;
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    const int p = s.toInt();
    if (p < 1 || p > 65535)
        return false;
    *port = p;
    return true;
}

// "0" (Default) also matches rows that carry no microtenant id, as Default rows do.
bool microtenantMatches(const AppSegment &s, const QString &key)
{
    const QString &id = s.microtenantId();
    return id.isEmpty() ? key == QLatin1String("0") : id == key;
}

// Substring search tuned for short haystacks (a row's search text is ~100 bytes) and frequent
// first bytes ('.', '-'): 16 positions at a time are tested for the needle's first and last
// byte together (SSE2), and only those candidates are compared in full. QByteArrayView::
// contains() costs several times more per call here.
bool containsBytes(QByteArrayView hay, QByteArrayView needle, qsizetype from = 0, qsizetype *at = nullptr)
{
    const qsizetype n = needle.size();
    const qsizetype hn = hay.size();
    if (n == 0) {
        if (at)
            *at = from;
        return true;
    }
    if (hn - from < n)
        return false;
    const char *h = hay.data();
    const char *nd = needle.data();
    auto found = [at](qsizetype i) {
        if (at)
            *at = i;
        return true;
    };
    if (n == 1) {
        const void *p = std::memchr(h + from, nd[0], size_t(hn - from));
        return p ? found(static_cast<const char *>(p) - h) : false;
    }
    qsizetype i = from;
#ifdef __SSE2__
    const __m128i first = _mm_set1_epi8(nd[0]);
    const __m128i last = _mm_set1_epi8(nd[n - 1]);
    for (; i + n - 1 + 16 <= hn; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h + i + n - 1));
        unsigned mask = unsigned(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
        while (mask) {
            const int bit = __builtin_ctz(mask);
            if (std::memcmp(h + i + bit + 1, nd + 1, size_t(n - 2)) == 0)
                return found(i + bit);
            mask &= mask - 1;
        }
    }
#endif
    for (; i + n <= hn; ++i)
        if (h[i] == nd[0] && h[i + n - 1] == nd[n - 1] && std::memcmp(h + i + 1, nd + 1, size_t(n - 2)) == 0)
            return found(i);
    return false;
}

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

} // namespace

void AppSegmentFilter::setText(const QString &text)
{
    m_text = text;
    m_terms.clear();
    for (const QString &raw : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString w = raw.trimmed().toCaseFolded();
        if (w.isEmpty())
            continue;
        Term t;
        t.text = w.toUtf8();
        const qsizetype colon = w.indexOf(QLatin1Char(':'));
        int port = 0;
        if (colon > 0 && parsePort(QStringView(w).mid(colon + 1), &port)) {
            const QStringView prefix = QStringView(w).left(colon);
            if (prefix == QLatin1String("tcp"))
                t.kind = Term::TcpPort;
            else if (prefix == QLatin1String("udp"))
                t.kind = Term::UdpPort;
            else if (prefix == QLatin1String("port"))
                t.kind = Term::AnyPort;
            t.port = port;
        } else if (parsePort(w, &port)) {
            t.kind = Term::AnyPortOrText;
            t.port = port;
        } else if (w.contains(QLatin1Char('*'))) {
            t.kind = Term::Glob;
            for (const QString &piece : w.split(QLatin1Char('*'), Qt::SkipEmptyParts))
                t.pieces.append(piece.toUtf8());
            if (t.pieces.isEmpty())
                continue; // "*" alone matches everything
        }
        t.matchesId = allDigits(w) && w.size() >= 6;
        m_terms.append(t);
    }
}

bool AppSegmentFilter::acceptsAll() const
{
    return m_terms.isEmpty() && m_enabled == EnabledState::Any && m_microtenant.isEmpty();
}

bool AppSegmentFilter::globMatch(const Term &t, QByteArrayView hay)
{
    // The pieces in order inside one '\n'-separated field. Most rows do not hold the first
    // piece at all, so look for it in the whole text first.
    qsizetype from = 0;
    qsizetype at = -1;
    while (containsBytes(hay, t.pieces.front(), from, &at)) {
        qsizetype fieldEnd = at;
        while (fieldEnd < hay.size() && hay.at(fieldEnd) != '\n')
            ++fieldEnd;
        const QByteArrayView field = hay.first(fieldEnd);
        qsizetype pos = at + t.pieces.front().size();
        bool all = true;
        for (qsizetype i = 1; i < t.pieces.size() && all; ++i) {
            qsizetype next = -1;
            all = containsBytes(field, t.pieces.at(i), pos, &next);
            if (all)
                pos = next + t.pieces.at(i).size();
        }
        if (all)
            return true;
        from = at + 1;
    }
    return false;
}

bool AppSegmentFilter::matches(const AppSegment &s, QByteArrayView hay) const
{
    // Words that only need the search text go first: most rows fail there, without touching
    // the segment itself (a cache miss per row on 100,000 rows).
    for (const Term &t : m_terms) {
        if (t.kind == Term::Text && !containsBytes(hay, t.text) && !(t.matchesId && s.idUtf8().contains(t.text)))
            return false;
        if (t.kind == Term::Glob && !globMatch(t, hay))
            return false;
    }
    if (m_enabled != EnabledState::Any && s.enabled() != (m_enabled == EnabledState::Enabled))
        return false;
    if (!m_microtenant.isEmpty() && !microtenantMatches(s, m_microtenant))
        return false;
    for (const Term &t : m_terms) {
        bool ok = true;
        switch (t.kind) {
        case Term::Text:
        case Term::Glob: break;
        case Term::AnyPortOrText:
            ok = containsBytes(hay, t.text) || s.hasPort(PortProtocol::Tcp, t.port) || s.hasPort(PortProtocol::Udp, t.port);
            break;
        case Term::TcpPort: ok = s.hasPort(PortProtocol::Tcp, t.port); break;
        case Term::UdpPort: ok = s.hasPort(PortProtocol::Udp, t.port); break;
        case Term::AnyPort: ok = s.hasPort(PortProtocol::Tcp, t.port) || s.hasPort(PortProtocol::Udp, t.port); break;
        }
        if (!ok && t.matchesId)
            ok = s.idUtf8().contains(t.text);
        if (!ok)
            return false;
    }
    return true;
}

bool AppSegmentFilter::matches(const AppSegment &s) const
{
    return matches(s, searchText(s));
}

QByteArray AppSegmentFilter::searchText(const AppSegment &s)
{
    QByteArray out;
    out.reserve(256);
    appendSearchText(s, out);
    return QByteArray(out.constData(), out.size()); // exact size
}

void AppSegmentFilter::appendSearchText(const AppSegment &s, QByteArray &out)
{
    // Lower-case UTF-8, built without a QString for ASCII text (the common case); other text is
    // case-folded like the filter words. '\n' separates fields (a glob stays inside one); a
    // '\n' inside a value becomes a space.
    auto plain = [&out](const char *p, qsizetype n) {
        const qsizetype at = out.size();
        out.resize(at + n);
        char *d = out.data() + at;
        for (qsizetype i = 0; i < n; ++i) {
            char c = p[i];
            if (c >= 'A' && c <= 'Z')
                c = char(c + 32);
            else if (c == '\n')
                c = ' ';
            d[i] = c;
        }
    };
    auto folded = [&plain](const QString &v) {
        const QByteArray f = v.toCaseFolded().toUtf8();
        plain(f.constData(), f.size());
    };
    auto utf8 = [&](QByteArrayView v) {
        for (char c : v)
            if (uchar(c) >= 0x80)
                return folded(QString::fromUtf8(v));
        plain(v.data(), v.size());
    };
    auto text = [&](const QString &v) {
        for (QChar c : v)
            if (c.unicode() >= 0x80)
                return folded(v);
        const qsizetype at = out.size();
        out.resize(at + v.size());
        char *d = out.data() + at;
        for (QChar c : v) {
            char b = char(c.unicode());
            if (b >= 'A' && b <= 'Z')
                b = char(b + 32);
            *d++ = b == '\n' ? ' ' : b;
        }
    };
    utf8(s.nameUtf8());
    for (const QByteArrayView &d : s.domainsUtf8()) {
        out.append('\n');
        utf8(d);
    }
    out.append('\n');
    text(s.segmentGroupName());
    for (const ZpaRef &g : s.serverGroups()) {
        out.append('\n');
        text(g.name);
    }
    out.append('\n');
    text(s.microtenantName());
}

} // namespace zc
