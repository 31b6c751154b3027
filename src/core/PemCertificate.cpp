#include "core/PemCertificate.h"

#include <initializer_list>

namespace zc {

namespace {

// Reads the tag and length of one DER element at `p`; its content is [p, p + length).
// -1: not `tag`, or the length does not fit before `end`.
qsizetype derElement(const uchar *&p, const uchar *end, uchar tag)
{
    if (end - p < 2 || *p != tag)
        return -1;
    ++p;
    qsizetype length = *p++;
    if (length & 0x80) {
        const int bytes = int(length & 0x7f);
        if (bytes == 0 || bytes > 4 || end - p < bytes)
            return -1; // indefinite lengths are not DER
        length = 0;
        for (int i = 0; i < bytes; ++i)
            length = (length << 8) | *p++;
    }
    return length <= end - p ? length : -1;
}

bool isDerCertificate(const QByteArray &der)
{
    const uchar *p = reinterpret_cast<const uchar *>(der.constData());
    const qsizetype outer = derElement(p, p + der.size(), 0x30);
    if (outer < 0)
        return false;
    const uchar *end = p + outer; // bytes after the certificate are ignored, as OpenSSL does
    const uchar *tbs = p;
    if (derElement(tbs, end, 0x30) < 1 || (*tbs != 0xa0 && *tbs != 0x02))
        return false; // tbsCertificate starts with [0] version or the serial INTEGER
    for (const uchar tag : {uchar(0x30), uchar(0x30), uchar(0x03)}) {
        const qsizetype n = derElement(p, end, tag);
        if (n < 0)
            return false;
        p += n;
    }
    return p == end;
}

} // namespace

bool holdsPemCertificate(const QByteArray &pem)
{
    static const QByteArray begin = QByteArrayLiteral("-----BEGIN CERTIFICATE-----");
    static const QByteArray endMark = QByteArrayLiteral("-----END CERTIFICATE-----");
    qsizetype from = 0;
    while (true) {
        const qsizetype start = pem.indexOf(begin, from);
        if (start < 0)
            return false;
        const qsizetype bodyStart = start + begin.size();
        const qsizetype stop = pem.indexOf(endMark, bodyStart);
        if (stop < 0)
            return false;
        if (isDerCertificate(QByteArray::fromBase64(pem.mid(bodyStart, stop - bodyStart))))
            return true;
        from = stop + endMark.size();
    }
}

} // namespace zc
