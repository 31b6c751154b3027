#include "core/ZiaTypes.h"

#include <QJsonArray>

namespace zc {

namespace {
QStringList strings(const QJsonValue &v)
{
    QStringList l;
    for (const QJsonValue &e : v.toArray())
        if (e.isString())
            l.append(e.toString());
    return l;
}
} // namespace

ZiaUrlCategory ZiaUrlCategory::fromJson(const QJsonObject &o)
{
    ZiaUrlCategory c;
    c.id = o.value(QLatin1String("id")).toString();
    c.configuredName = o.value(QLatin1String("configuredName")).toString();
    c.description = o.value(QLatin1String("description")).toString();
    c.superCategory = o.value(QLatin1String("superCategory")).toString();
    c.type = o.value(QLatin1String("type")).toString();
    c.customCategory = o.value(QLatin1String("customCategory")).toBool();
    c.urls = strings(o.value(QLatin1String("urls")));
    c.dbCategorizedUrls = strings(o.value(QLatin1String("dbCategorizedUrls")));
    c.keywords = strings(o.value(QLatin1String("keywords")));
    c.customUrlsCount = o.value(QLatin1String("customUrlsCount")).toInt(int(c.urls.size()));
    c.raw = o;
    return c;
}

} // namespace zc
