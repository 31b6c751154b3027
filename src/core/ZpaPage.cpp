#include "core/ZpaPage.h"

#include "core/ZpaJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QObject>

namespace zc {

qint64 ZpaPage::readTotal(const QString &key, const QJsonValue &v, qint64 bound, QStringList *problems)
{
    if (v.isUndefined())
        return -1;
    qint64 n = -1;
    if (!zpajson::toInt64(v, &n)) {
        problems->append(QObject::tr("%1 is %2 (%3), not a whole number; ignored")
                             .arg(key, zpajson::typeName(v), zpajson::toStr(v).left(30)));
        return -1;
    }
    if (n < 0) {
        problems->append(QObject::tr("%1 is negative (%2); ignored").arg(key).arg(n));
        return -1;
    }
    if (n > bound) {
        problems->append(QObject::tr("%1 = %2 is implausible (more than %3); ignored").arg(key).arg(n).arg(bound));
        return -1;
    }
    return n;
}

ZpaPage ZpaPage::parse(const QByteArray &body, qint64 maxPages)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError) {
        ZpaPage p;
        p.error = body.trimmed().isEmpty()
                      ? QObject::tr("the reply is empty")
                      : QObject::tr("the reply is not complete JSON (%1 at byte %2 of %3)")
                            .arg(err.errorString())
                            .arg(err.offset)
                            .arg(body.size());
        return p;
    }
    return fromDocumentRoot(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), maxPages);
}

ZpaPage ZpaPage::fromDocumentRoot(const QJsonValue &root, qint64 maxPages)
{
    ZpaPage p;
    if (root.isArray()) {
        p.ok = true;
        p.bareArray = true;
        p.list = root.toArray();
        return p;
    }
    if (!root.isObject()) {
        p.error = QObject::tr("the reply is %1, not a list page").arg(zpajson::typeName(root));
        return p;
    }
    const QJsonObject o = root.toObject();
    const QJsonValue list = o.value(QLatin1String("list"));
    if (list.isUndefined() && o.contains(QLatin1String("id")) && o.contains(QLatin1String("reason"))) {
        p.error = QObject::tr("the server answered an error instead of a page: %1 (%2)")
                      .arg(zpajson::toStr(o.value(QLatin1String("reason"))).left(200),
                           zpajson::toStr(o.value(QLatin1String("id"))).left(80));
        return p;
    }
    if (!list.isUndefined() && !list.isArray() && !list.isNull()) {
        p.error = QObject::tr("\"list\" is %1, not an array").arg(zpajson::typeName(list));
        return p;
    }
    p.ok = true;
    p.list = list.toArray();
    p.totalPages = readTotal(QStringLiteral("totalPages"), o.value(QLatin1StringView("totalPages")), maxPages, &p.problems);
    p.totalCount = readTotal(QStringLiteral("totalCount"), o.value(QLatin1StringView("totalCount")), MaxPlausibleCount,
                             &p.problems);
    if (list.isUndefined() && p.totalCount > 0)
        p.problems.append(QObject::tr("the page has no \"list\" although totalCount is %1").arg(p.totalCount));
    if (p.totalCount >= 0 && p.list.size() > p.totalCount)
        p.problems.append(QObject::tr("the page holds %1 rows but totalCount is only %2")
                              .arg(p.list.size())
                              .arg(p.totalCount));
    return p;
}

qint64 ZpaPage::plannedPages(int pageSize, qint64 maxPages, QStringList *problems) const
{
    qint64 byCount = -1;
    if (totalCount >= 0 && pageSize > 0)
        byCount = (totalCount + pageSize - 1) / pageSize;
    if (byCount >= 0 && totalPages >= 0 && byCount != totalPages && problems)
        problems->append(QObject::tr("totalPages (%1) does not match totalCount %2 at %3 per page (%4 pages)")
                             .arg(totalPages)
                             .arg(totalCount)
                             .arg(pageSize)
                             .arg(byCount));
    qint64 n = byCount >= 0 ? byCount : totalPages;
    if (n > maxPages) {
        if (problems)
            problems->append(QObject::tr("%1 pages are more than the limit of %2; reading %2").arg(n).arg(maxPages));
        n = maxPages;
    }
    return n;
}

} // namespace zc
