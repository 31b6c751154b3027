#pragma once

#include <QByteArray>
#include <QString>

namespace zc {

// The ZIA legacy API-key obfuscation (zscaler-api-notes.md §4.2, identical in the Go and Python
// SDKs): ts = epoch ms as text; high = its last 6 digits; low = int(high) >> 1, zero-padded to 6
// digits; key = apiKey[d] for each digit d of high, then apiKey[d + 2] for each digit d of low.
// The 12-character result is sent with the same ts as "timestamp".
class ZiaApiKey
{
public:
    // Empty (with `error`) if the key is shorter than 12 characters.
    static QByteArray obfuscate(const QByteArray &apiKey, qint64 timestampMs, QString *error = nullptr);
};

} // namespace zc
