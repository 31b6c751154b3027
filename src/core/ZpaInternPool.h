#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace zc {

// Shares equal values between parsed rows so that 100,000 segments do not hold 100,000 copies
// of "Default", of the same segment-group name, of the same server-group list or of the same
// set of rarely-changed flags. Values stay implicitly shared Qt containers; a pooled value is
// indistinguishable from the original.
//
// Not thread-safe: use one pool per thread (e.g. one per parsing task); sharing across pools
// is simply less sharing. Bounded: once `maxEntries` distinct strings (a quarter of that for
// objects and arrays) are held, new values pass through unpooled.
class ZpaInternPool
{
public:
    explicit ZpaInternPool(qsizetype maxEntries = 200000)
        : m_max(maxEntries)
    {
    }

    QString string(const QString &s);
    // Objects and arrays (hashed by value; a segment's flags, a server-group list).
    QJsonObject object(const QJsonObject &o);
    QJsonArray array(const QJsonArray &a);

    qsizetype stringCount() const { return m_strings.size(); }

private:
    qsizetype m_max;
    QSet<QString> m_strings;
    QSet<QJsonObject> m_objects;
    QSet<QJsonArray> m_arrays;
};

} // namespace zc
