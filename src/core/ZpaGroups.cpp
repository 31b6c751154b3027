#include "core/ZpaGroups.h"

#include "core/ZpaJson.h"
#include "core/ZpaPage.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>

namespace zc {

using zpajson::toBool;
using zpajson::toStr;

namespace {

template<typename T>
ZpaList<T> parseList(const QByteArray &body, const char *what)
{
    ZpaList<T> out;
    const ZpaPage page = ZpaPage::parse(body);
    out.ok = page.ok;
    out.error = page.error;
    out.problems = page.problems;
    out.rows.reserve(page.list.size());
    for (qsizetype i = 0; i < page.list.size(); ++i) {
        const QJsonValue v = page.list.at(i);
        T row = T::fromJson(v.toObject());
        if (!v.isObject() || row.id.isEmpty()) {
            out.problems.append(QObject::tr("%1 %2 of the page has no id; skipped").arg(QLatin1String(what)).arg(i + 1));
            continue;
        }
        out.rows.append(row);
    }
    return out;
}

} // namespace

QList<ZpaRef> zpaRefsFromJson(const QJsonValue &v, int *skipped)
{
    QList<ZpaRef> out;
    int bad = 0;
    const QJsonArray a = v.toArray();
    out.reserve(a.size());
    for (const QJsonValue &e : a) {
        const QJsonObject o = e.toObject();
        ZpaRef r{toStr(o.value(QLatin1String("id"))), toStr(o.value(QLatin1String("name")))};
        if (r.id.isEmpty()) {
            ++bad;
            continue;
        }
        out.append(r);
    }
    if (skipped)
        *skipped = bad;
    return out;
}

ZpaSegmentGroup ZpaSegmentGroup::fromJson(const QJsonObject &o)
{
    ZpaSegmentGroup g;
    g.id = toStr(o.value(QLatin1String("id")));
    g.name = toStr(o.value(QLatin1String("name")));
    g.description = toStr(o.value(QLatin1String("description")));
    g.enabled = toBool(o.value(QLatin1String("enabled")));
    g.microtenantId = toStr(o.value(QLatin1String("microtenantId")));
    g.microtenantName = toStr(o.value(QLatin1String("microtenantName")));
    g.applicationCount = int(o.value(QLatin1String("applications")).toArray().size());
    g.raw = o;
    return g;
}

ZpaServerGroup ZpaServerGroup::fromJson(const QJsonObject &o)
{
    ZpaServerGroup g;
    g.id = toStr(o.value(QLatin1String("id")));
    g.name = toStr(o.value(QLatin1String("name")));
    g.description = toStr(o.value(QLatin1String("description")));
    g.enabled = toBool(o.value(QLatin1String("enabled")));
    g.dynamicDiscovery = toBool(o.value(QLatin1String("dynamicDiscovery")));
    g.appConnectorGroups = zpaRefsFromJson(o.value(QLatin1String("appConnectorGroups")));
    g.microtenantId = toStr(o.value(QLatin1String("microtenantId")));
    g.microtenantName = toStr(o.value(QLatin1String("microtenantName")));
    g.raw = o;
    return g;
}

ZpaMicrotenant ZpaMicrotenant::fromJson(const QJsonObject &o)
{
    ZpaMicrotenant m;
    m.id = toStr(o.value(QLatin1String("id")));
    m.name = toStr(o.value(QLatin1String("name")));
    m.description = toStr(o.value(QLatin1String("description")));
    m.enabled = toBool(o.value(QLatin1String("enabled")));
    m.criteriaAttribute = toStr(o.value(QLatin1String("criteriaAttribute")));
    m.raw = o;
    return m;
}

bool ZpaMicrotenantChoice::parse(const QString &text, ZpaMicrotenantChoice *out, QString *error)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,20}$"));
    const QString t = text.trimmed();
    ZpaMicrotenantChoice c;
    if (t.isEmpty() || t.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
        c.kind = All;
    } else if (t.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0 || t == QLatin1String("0")) {
        c.kind = Default;
        c.id = QStringLiteral("0");
    } else if (digits.match(t).hasMatch()) {
        c.kind = Id;
        c.id = t;
    } else {
        if (error)
            *error = QObject::tr("microtenant must be \"all\", \"default\" or a numeric id, not \"%1\"").arg(t.left(40));
        return false;
    }
    if (out)
        *out = c;
    return true;
}

QString ZpaMicrotenantChoice::queryValue() const
{
    return kind == All ? QString() : id;
}

ZpaList<ZpaSegmentGroup> parseSegmentGroups(const QByteArray &body)
{
    return parseList<ZpaSegmentGroup>(body, "segment group");
}

ZpaList<ZpaServerGroup> parseServerGroups(const QByteArray &body)
{
    return parseList<ZpaServerGroup>(body, "server group");
}

ZpaList<ZpaMicrotenant> parseMicrotenants(const QByteArray &body)
{
    return parseList<ZpaMicrotenant>(body, "microtenant");
}

} // namespace zc
