#pragma once

#include "core/AppSegment.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace zc {

class ZpaInternPool;

// One page of GET /application parsed into segments: the rows, the envelope's totals and
// everything odd that was found. Rows without an id are not invented: they are skipped and
// reported (skippedRows, problems). Safe to call on any thread (give each thread its own pool).
struct AppSegmentPage
{
    bool ok = false;          // false: the body is not a page at all (see error)
    QString error;
    QList<AppSegment> rows;
    qint64 totalPages = -1;   // -1 = absent or unusable (see problems)
    qint64 totalCount = -1;
    bool bareArray = false;
    int skippedRows = 0;      // rows without an id or not objects
    QStringList problems;     // at most MaxProblems lines, then a summary line

    static constexpr int MaxProblems = 50;

    // The body of GET /application: {"totalPages":…,"totalCount":…,"list":[…]} or a bare
    // array. The whole body is validated first: a cut or damaged reply is never half-taken.
    static AppSegmentPage parse(QByteArrayView body, ZpaInternPool *pool = nullptr,
                                qint64 maxPages = 20000);
};

} // namespace zc
