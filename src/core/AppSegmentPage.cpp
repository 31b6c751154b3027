#include "core/AppSegmentPage.h"

#include "core/ZpaInternPool.h"
#include "core/ZpaJson.h"
#include "core/ZpaPage.h"

#include <QObject>

namespace zc {

AppSegmentPage AppSegmentPage::parse(const QByteArray &body, ZpaInternPool *pool)
{
    AppSegmentPage out;
    ZpaPage page = ZpaPage::parse(body);
    out.ok = page.ok;
    out.error = page.error;
    out.totalPages = page.totalPages;
    out.totalCount = page.totalCount;
    out.bareArray = page.bareArray;
    out.problems = page.problems;
    if (!page.ok)
        return out;

    ZpaInternPool localPool;
    ZpaInternPool *p = pool ? pool : &localPool;
    int extraProblems = 0;
    auto note = [&](const QString &m) {
        if (out.problems.size() < MaxProblems)
            out.problems.append(m);
        else
            ++extraProblems;
    };

    const qsizetype n = page.list.size();
    out.rows.reserve(n);
    QStringList rowProblems;
    for (qsizetype i = 0; i < n; ++i) {
        const QJsonValue v = page.list.at(i);
        if (!v.isObject()) {
            ++out.skippedRows;
            note(QObject::tr("row %1 is %2, not an object; skipped").arg(i + 1).arg(zpajson::typeName(v)));
            continue;
        }
        rowProblems.clear();
        AppSegment s = AppSegment::fromJson(v.toObject(), &rowProblems, p);
        if (s.id.isEmpty()) {
            ++out.skippedRows;
            note(QObject::tr("row %1 (\"%2\") has no id; skipped").arg(i + 1).arg(s.name.left(80)));
            continue;
        }
        for (const QString &m : std::as_const(rowProblems))
            note(QObject::tr("segment %1: %2").arg(s.id, m));
        out.rows.append(std::move(s));
    }
    // Release the page's JSON before returning: the rows keep only what they need.
    page.list = QJsonArray();
    if (extraProblems > 0)
        out.problems.append(QObject::tr("… and %n more problem(s)", nullptr, extraProblems));
    return out;
}

} // namespace zc
