#include "core/ZpaJsonScanner.h"

#include <QObject>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace zc {

namespace {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

// 0: a byte that may appear in a string as it is (ASCII other than '"' and '\\'; like Qt, raw
// control characters are accepted).
struct StringClass
{
    unsigned char c[256];
    constexpr StringClass()
        : c()
    {
        for (int i = 0; i < 256; ++i)
            c[i] = (i == '"' || i == '\\' || i >= 0x80) ? 1 : 0;
    }
};
constexpr StringClass kString;

// Index of the first byte at or after i that is not plain string content ('"', '\\', a control
// character or a non-ASCII byte), or n.
inline qsizetype skipPlain(const unsigned char *p, qsizetype i, qsizetype n)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (i + 16 <= n) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        // Signed compare: bytes >= 0x80 are negative, so "< 0x20" also finds them.
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)),
                                             _mm_cmplt_epi8(chunk, space));
        const int mask = _mm_movemask_epi8(special);
        if (mask)
            return i + __builtin_ctz(unsigned(mask));
        i += 16;
    }
#endif
    while (i < n && kString.c[p[i]] == 0)
        ++i;
    return i;
}

// Length of the valid UTF-8 sequence starting at p (lead byte >= 0x80), 0 if invalid.
int utf8Sequence(const unsigned char *p, qsizetype avail)
{
    const unsigned char b = p[0];
    int n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        if (b == 0xE0)
            lo = 0xA0;
        else if (b == 0xED)
            hi = 0x9F; // no UTF-16 surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        if (b == 0xF0)
            lo = 0x90;
        else if (b == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (avail < n || p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i < n; ++i)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return n;
}

} // namespace

bool ZpaJsonScanner::fail(qsizetype at, const QString &why)
{
    if (m_errorAt < 0) {
        m_errorAt = at;
        m_error = why;
    }
    return false;
}

int ZpaJsonScanner::hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

ZpaJsonScanner::Value ZpaJsonScanner::document()
{
    qsizetype pos = 0;
    if (m_text.startsWith("\xEF\xBB\xBF"))
        pos = 3; // a UTF-8 byte order mark
    const Value v = value(pos);
    if (!v.isValid())
        return {};
    pos = skipWs(pos);
    if (pos != m_text.size()) {
        fail(pos, QObject::tr("text after the end of the JSON value"));
        return {};
    }
    return v;
}

ZpaJsonScanner::Value ZpaJsonScanner::scanString(qsizetype &pos)
{
    Value v;
    v.type = Type::String;
    v.begin = pos;
    const auto *p = reinterpret_cast<const unsigned char *>(m_text.data());
    const qsizetype n = m_text.size();
    qsizetype i = pos + 1;
    while (i < n) {
        i = skipPlain(p, i, n);
        if (i >= n)
            break;
        const unsigned char c = p[i];
        if (c == '"') {
            v.end = i + 1;
            pos = i + 1;
            return v;
        }
        if (c == '\\') {
            v.escaped = true;
            if (i + 1 >= n)
                break;
            const char e = char(p[i + 1]);
            if (e == 'u') {
                if (i + 5 >= n || hexDigit(char(p[i + 2])) < 0 || hexDigit(char(p[i + 3])) < 0
                    || hexDigit(char(p[i + 4])) < 0 || hexDigit(char(p[i + 5])) < 0) {
                    fail(i, QObject::tr("invalid \\u escape"));
                    return {};
                }
                i += 6;
                continue;
            }
            // Like Qt, any other escaped byte stands for itself ("\\h" is "h").
            i += 2;
            continue;
        }
        if (c >= 0x80) {
            const int len = utf8Sequence(p + i, n - i);
            if (len == 0) {
                fail(i, QObject::tr("invalid UTF-8 in a string"));
                return {};
            }
            i += len;
            continue;
        }
        ++i;
    }
    fail(n, QObject::tr("unterminated string"));
    return {};
}

ZpaJsonScanner::Value ZpaJsonScanner::scanNumber(qsizetype &pos)
{
    // Qt 6.4's grammar (a little wider than RFC 8259): -? (0 | [1-9][0-9]*) (. [0-9]*)? exp?
    // or -? . [0-9]+ exp?   ("1." and ".5" are numbers; "+1", "1e" and "-" are not).
    Value v;
    v.type = Type::Number;
    v.begin = pos;
    qsizetype i = pos;
    const qsizetype n = m_text.size();
    auto digits = [&] {
        const qsizetype start = i;
        while (i < n && isDigit(m_text.at(i)))
            ++i;
        return i - start;
    };
    if (i < n && m_text.at(i) == '-')
        ++i;
    if (i < n && m_text.at(i) == '0') {
        ++i;
        if (i < n && m_text.at(i) == '.') {
            ++i;
            digits();
        }
    } else if (i < n && isDigit(m_text.at(i))) {
        digits();
        if (i < n && m_text.at(i) == '.') {
            ++i;
            digits();
        }
    } else if (i < n && m_text.at(i) == '.') {
        ++i;
        if (digits() == 0) {
            fail(i, QObject::tr("invalid number"));
            return {};
        }
    } else {
        fail(i, QObject::tr("invalid number"));
        return {};
    }
    if (i < n && (m_text.at(i) == 'e' || m_text.at(i) == 'E')) {
        ++i;
        if (i < n && (m_text.at(i) == '+' || m_text.at(i) == '-'))
            ++i;
        if (digits() == 0) {
            fail(i, QObject::tr("invalid number"));
            return {};
        }
    }
    v.end = pos = i;
    return v;
}

ZpaJsonScanner::Value ZpaJsonScanner::value(qsizetype &pos, int depth)
{
    pos = skipWs(pos);
    if (pos >= m_text.size()) {
        fail(pos, QObject::tr("unexpected end of the text"));
        return {};
    }
    if (depth > MaxDepth) {
        fail(pos, QObject::tr("nested too deeply"));
        return {};
    }
    const char c = m_text.at(pos);
    auto literal = [&](QByteArrayView word, Type t) -> Value {
        if (m_text.sliced(pos).startsWith(word)) {
            Value v{t, false, pos, pos + word.size()};
            pos += word.size();
            return v;
        }
        fail(pos, QObject::tr("invalid literal"));
        return {};
    };
    switch (c) {
    case '"': return scanString(pos);
    case 't': return literal("true", Type::True);
    case 'f': return literal("false", Type::False);
    case 'n': return literal("null", Type::Null);
    case '{':
    case '[': {
        const bool object = c == '{';
        const char close = object ? '}' : ']';
        Value v{object ? Type::Object : Type::Array, false, pos, 0};
        ++pos;
        pos = skipWs(pos);
        if (pos < m_text.size() && m_text.at(pos) == close) {
            v.end = ++pos;
            return v;
        }
        while (true) {
            if (object) {
                pos = skipWs(pos);
                if (pos >= m_text.size() || m_text.at(pos) != '"') {
                    fail(pos, QObject::tr("expected a member name"));
                    return {};
                }
                if (!scanString(pos).isValid())
                    return {};
                pos = skipWs(pos);
                if (pos >= m_text.size() || m_text.at(pos) != ':') {
                    fail(pos, QObject::tr("expected ':'"));
                    return {};
                }
                ++pos;
            }
            if (!value(pos, depth + 1).isValid())
                return {};
            pos = skipWs(pos);
            if (pos >= m_text.size()) {
                fail(pos, QObject::tr("unexpected end of the text"));
                return {};
            }
            const char next = m_text.at(pos++);
            if (next == close) {
                v.end = pos;
                return v;
            }
            if (next != ',') {
                fail(pos - 1, QObject::tr("expected ',' or '%1'").arg(QLatin1Char(close)));
                return {};
            }
        }
    }
    default:
        if (c == '-' || c == '.' || isDigit(c))
            return scanNumber(pos);
        fail(pos, QObject::tr("unexpected character"));
        return {};
    }
}

ZpaJsonScanner::Value ZpaJsonScanner::quick(qsizetype &pos) const
{
    pos = skipWs(pos);
    Value v;
    v.begin = pos;
    const char *p = m_text.data();
    const qsizetype n = m_text.size();
    switch (p[pos]) {
    case '"': {
        v.type = Type::String;
        const auto *u = reinterpret_cast<const unsigned char *>(p);
        qsizetype i = pos + 1;
        while (i < n) {
            i = skipPlain(u, i, n);
            if (i >= n)
                break;
            const unsigned char c = u[i];
            if (c >= 0x80 || c < 0x20) {
                ++i;
            } else if (c == '"') {
                break;
            } else { // a backslash: skip the escaped character
                v.escaped = true;
                i += 2;
            }
        }
        pos = i + 1;
        break;
    }
    case '{':
    case '[': {
        v.type = p[pos] == '{' ? Type::Object : Type::Array;
        int depth = 0;
        qsizetype i = pos;
        for (; i < n; ++i) {
            const char c = p[i];
            if (c == '"') {
                const auto *u = reinterpret_cast<const unsigned char *>(p);
                for (++i; i < n; ++i) {
                    i = skipPlain(u, i, n);
                    if (i >= n || p[i] == '"')
                        break;
                    if (p[i] == '\\')
                        ++i; // and the escaped byte by the loop
                }
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                break;
            }
        }
        pos = i + 1;
        break;
    }
    case 't': v.type = Type::True; pos += 4; break;
    case 'f': v.type = Type::False; pos += 5; break;
    case 'n': v.type = Type::Null; pos += 4; break;
    default:
        v.type = Type::Number;
        while (pos < n && (isDigit(p[pos]) || p[pos] == '-' || p[pos] == '+' || p[pos] == '.' || p[pos] == 'e'
                           || p[pos] == 'E'))
            ++pos;
        break;
    }
    v.end = pos;
    return v;
}

} // namespace zc
