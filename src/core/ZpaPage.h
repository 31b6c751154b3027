#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace zc {

// The envelope of one ZPA list page: {"totalPages":"N","totalCount":"M","list":[…]}.
// Totals arrive as strings (recorded traffic) or numbers; some endpoints answer a bare array.
// Parsing never fails hard: `ok` is false only when the body is not JSON or has no list at all;
// everything odd but usable is described in `problems`.
struct ZpaPage
{
    static constexpr qint64 DefaultMaxPages = 20000; // 10 million rows at pagesize 500

    bool ok = false;
    QString error;            // why !ok, in plain words
    QJsonArray list;          // the rows (possibly empty)
    bool bareArray = false;   // the body was a JSON array
    qint64 totalPages = -1;   // -1 = absent or unusable (see problems)
    qint64 totalCount = -1;
    QStringList problems;

    // `maxPages` bounds totalPages: a larger value is reported and treated as unusable (-1).
    static ZpaPage parse(const QByteArray &body, qint64 maxPages = DefaultMaxPages);
    static ZpaPage fromDocumentRoot(const QJsonValue &root, qint64 maxPages = DefaultMaxPages);

    // How many pages a complete listing needs, from the totals of page 1 and the page size
    // that was asked for: ceil(totalCount / pageSize) when totalCount is known, otherwise
    // totalPages; bounded by maxPages. A disagreement between the two totals is appended to
    // `problems` (the caller should then also read until a short page). -1 = unknown.
    qint64 plannedPages(int pageSize, qint64 maxPages = DefaultMaxPages, QStringList *problems = nullptr) const;

    // One total ("12" or 12): -1 and a problem when absent-but-odd, negative or above `bound`.
    static qint64 readTotal(const QString &key, const QJsonValue &v, qint64 bound, QStringList *problems);
    static constexpr qint64 MaxPlausibleCount = 100'000'000;
};

} // namespace zc
