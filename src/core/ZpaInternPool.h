#pragma once

#include "core/ZpaGroups.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>
#include <memory>
#include <vector>

namespace zc {

// Shares equal values between parsed rows so that 100,000 segments do not hold 100,000 copies
// of "Default", of the same segment-group name, of the same server-group list or of the same
// set of rarely-changed flags. Pooled values are ordinary implicitly shared Qt values.
//
// Not thread-safe: use one pool per thread (e.g. one per parsing task); sharing across pools
// is simply less sharing. Bounded: once `maxEntries` distinct values of a kind are held, new
// values pass through unpooled.
class ZpaInternPool
{
public:
    explicit ZpaInternPool(qsizetype maxEntries = 100000)
        : m_max(maxEntries)
    {
    }

    QString string(const QString &s);
    QString string(QByteArrayView utf8);   // by its UTF-8 bytes (no allocation on a hit)
    QByteArray bytes(QByteArrayView b);    // raw JSON fragments

    // Server-group lists by their JSON text: the pooled text and the references read from it.
    bool findRefs(QByteArrayView json, QByteArray *pooledJson, QList<ZpaRef> *refs) const;
    void addRefs(const QByteArray &json, const QList<ZpaRef> &refs);

    qsizetype stringCount() const { return m_utf8.size() + m_strings.size(); }
    qsizetype bytesCount() const { return m_bytes.size(); }
    qsizetype refsCount() const { return m_refs.size(); }

private:
    qsizetype m_max;
    QSet<QString> m_strings;
    QHash<QByteArray, QString> m_utf8;
    QSet<QByteArray> m_bytes;
    QHash<QByteArray, QList<ZpaRef>> m_refs;
    QByteArray m_lastBytes; // rows in a page usually share their flags: compare before hashing
};

// Lends pools to parsing tasks on any thread, one task per pool at a time, and keeps them for
// the next task, so that the pages of one listing share their values (a fresh pool per page
// would keep every page's own copies: about 30 MB more for 100,000 segments). Thread-safe; the
// pools go with the lender.
class ZpaInternPools
{
public:
    std::unique_ptr<ZpaInternPool> take();          // a free pool, or a new one
    void give(std::unique_ptr<ZpaInternPool> pool); // back, for the next task

private:
    QMutex m_mutex;
    std::vector<std::unique_ptr<ZpaInternPool>> m_free;
};

} // namespace zc
