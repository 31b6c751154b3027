#include "auth/ZiaApiKey.h"

#include <QObject>

namespace zc {

QByteArray ZiaApiKey::obfuscate(const QByteArray &apiKey, qint64 timestampMs, QString *error)
{
    if (apiKey.size() < 12) {
        if (error)
            *error = QObject::tr("the ZIA API key must be at least 12 characters long");
        return {};
    }
    const QByteArray ts = QByteArray::number(timestampMs);
    const QByteArray high = ts.right(6).rightJustified(6, '0');
    const QByteArray low = QByteArray::number(high.toLongLong() >> 1).rightJustified(6, '0');
    QByteArray out;
    out.reserve(12);
    for (char d : high)
        out += apiKey.at(d - '0');
    for (char d : low)
        out += apiKey.at(d - '0' + 2);
    return out;
}

} // namespace zc
