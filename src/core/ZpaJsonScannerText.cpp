// ZpaJsonScanner: reading string values (unescaping to UTF-8).
#include "core/ZpaJsonScanner.h"

namespace zc {

namespace {

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

} // namespace

QByteArrayView ZpaJsonScanner::utf8(const Value &v, QByteArray *scratch) const
{
    if (!v.isString())
        return {};
    const QByteArrayView raw = m_text.sliced(v.begin + 1, v.end - v.begin - 2);
    if (!v.escaped)
        return raw;
    scratch->clear();
    scratch->reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c != '\\') {
            scratch->append(c);
            continue;
        }
        const char e = raw.at(++i);
        switch (e) {
        case 'b': scratch->append('\b'); break;
        case 'f': scratch->append('\f'); break;
        case 'n': scratch->append('\n'); break;
        case 'r': scratch->append('\r'); break;
        case 't': scratch->append('\t'); break;
        case 'u': {
            auto hex4 = [&](qsizetype at) {
                return char32_t((hexDigit(raw.at(at)) << 12) | (hexDigit(raw.at(at + 1)) << 8)
                                | (hexDigit(raw.at(at + 2)) << 4) | hexDigit(raw.at(at + 3)));
            };
            char32_t cp = hex4(i + 1);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < raw.size() && raw.at(i + 1) == '\\'
                && raw.at(i + 2) == 'u') {
                const char32_t lo = hex4(i + 3);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD; // a lone surrogate
            appendUtf8(*scratch, cp);
            break;
        }
        default: // \" \\ \/, and like Qt any other byte as the character with that code
            appendUtf8(*scratch, char32_t(uchar(e)));
            break;
        }
    }
    return *scratch;
}

QString ZpaJsonScanner::string(const Value &v) const
{
    QByteArray scratch;
    return QString::fromUtf8(utf8(v, &scratch));
}

} // namespace zc
