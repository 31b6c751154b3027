#pragma once

#include "core/AppSegment.h"
#include "core/ZpaJsonScanner.h"

#include <QByteArray>
#include <QStringList>
#include <QVarLengthArray>

namespace zc {

class ZpaInternPool;

// Builds AppSegments from validated JSON text (ZpaJsonScanner spans) without a QJsonDocument:
// the varying fields go into the segment's packed block, the rest of the object is kept as
// its original text and pooled. One reader per thread; it reuses its buffers between rows.
class AppSegmentReader
{
public:
    explicit AppSegmentReader(ZpaInternPool *pool);
    ~AppSegmentReader();
    AppSegmentReader(const AppSegmentReader &) = delete;
    AppSegmentReader &operator=(const AppSegmentReader &) = delete;

    struct Member
    {
        ZpaJsonScanner::Value key;
        ZpaJsonScanner::Value value;
    };

    // `object` must be a validated object value of `scanner`.
    AppSegment read(const ZpaJsonScanner &scanner, const ZpaJsonScanner::Value &object, QStringList *problems);
    // The same from members collected while validating (the page reader does this so that each
    // row is walked once): fill members() in order, then call readMembers().
    QVarLengthArray<Member, 64> &members() { return m_members; }
    AppSegment readMembers(const ZpaJsonScanner &scanner, QStringList *problems);

private:
    struct Span
    {
        qsizetype begin;
        qsizetype end;
        int key; // known key index, or -1
    };
    QString tolerantString(const ZpaJsonScanner &sc, const ZpaJsonScanner::Value &v);
    PortRangeList readFlat(const ZpaJsonScanner &sc, const ZpaJsonScanner::Value &v, QStringList *problems,
                           bool *canonical);
    PortRangeList readStructured(const ZpaJsonScanner &sc, const ZpaJsonScanner::Value &v, QStringList *problems,
                                 bool *canonical);
    QList<ZpaRef> readRefs(const ZpaJsonScanner &sc, const ZpaJsonScanner::Value &v, int *skipped);

    ZpaInternPool *m_pool;
    ZpaInternPool *m_ownPool = nullptr;
    QByteArray m_scratch;
    QByteArray m_blob;
    QByteArray m_rest;
    QList<Span> m_spans;
    QVarLengthArray<Member, 64> m_members;
    struct LastString
    {
        QByteArray bytes;
        QString value;
    };
    LastString m_last[7]; // the previous row's pooled strings, per field
    QList<QByteArray> m_decoded; // escaped domain names of the current row
};

} // namespace zc
