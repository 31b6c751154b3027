// ZIA cloud service API (legacy /api/v1 and gateway /zia/api/v1): activation, URL categories,
// /urlLookup, EUSA status and the AppTotal catalogue through the gateway.
#include "sim/Responses.h"
#include "sim/Routes.h"
#include "sim/SimCore.h"

#include <QUrl>

namespace zsim {

namespace {

// Sessions that went idle activate pending changes; look at them before answering.
void expireIdleSessions(SimContext &ctx)
{
    ctx.core.zia.expireSessions(ctx.nowMs, ctx.core.knobs.intValue("ziaSessionIdleSeconds"));
}

SimResponse getStatus(SimContext &ctx)
{
    expireIdleSessions(ctx);
    return SimResponse::json(200, QJsonObject{{QStringLiteral("status"), ctx.core.zia.status(ctx.nowMs)}});
}

SimResponse activate(SimContext &ctx)
{
    expireIdleSessions(ctx);
    const QString s = ctx.core.zia.activate(ctx.nowMs, ctx.core.knobs.intValue("activationSeconds"));
    return SimResponse::json(200, QJsonObject{{QStringLiteral("status"), s}});
}

SimResponse eusa(SimContext &)
{
    return SimResponse::json(200, QJsonObject{
        {QStringLiteral("id"), 3183},
        {QStringLiteral("version"), QJsonObject{{QStringLiteral("id"), 7}, {QStringLiteral("name"), QStringLiteral("'SLA-11-01-16'")}}},
        {QStringLiteral("acceptedStatus"), true}});
}

void recount(QJsonObject &c)
{
    c.insert(QStringLiteral("customUrlsCount"), c.value(QLatin1String("urls")).toArray().size());
    c.insert(QStringLiteral("customIpRangesCount"), c.value(QLatin1String("ipRanges")).toArray().size());
    c.insert(QStringLiteral("urlsRetainingParentCategoryCount"), c.value(QLatin1String("dbCategorizedUrls")).toArray().size());
    c.insert(QStringLiteral("ipRangesRetainingParentCategoryCount"),
             c.value(QLatin1String("ipRangesRetainingParentCategory")).toArray().size());
}

QString checkUrls(const QJsonValue &v)
{
    if (v.isUndefined())
        return {};
    if (!v.isArray())
        return QStringLiteral("urls must be an array of strings.");
    for (const QJsonValue &u : v.toArray()) {
        const QString s = u.toString();
        if (!u.isString() || s.trimmed().isEmpty() || s.size() > 1024 || s.contains(QLatin1Char(' ')))
            return QStringLiteral("Invalid URL '%1'.").arg(s.left(80));
    }
    return {};
}

SimResponse listCategories(SimContext &ctx)
{
    const bool customOnly = ctx.req.queryValue(QStringLiteral("customOnly")).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    QJsonArray out;
    for (const QJsonObject &c : ctx.core.zia.categories) {
        if (!customOnly || c.value(QLatin1String("customCategory")).toBool())
            out.append(c);
    }
    return SimResponse::json(200, out);
}

SimResponse urlQuota(SimContext &ctx)
{
    const int used = ctx.core.zia.customUrlCount();
    return SimResponse::json(200, QJsonObject{{QStringLiteral("uniqueUrlsProvisioned"), used},
                                              {QStringLiteral("remainingUrlsQuota"), 25000 - used}});
}

SimResponse getCategory(SimContext &ctx)
{
    const int i = ctx.core.zia.findCategory(ctx.param("id"));
    return i < 0 ? reply::ziaNotFound(QStringLiteral("URL category ") + ctx.param("id"))
                 : SimResponse::json(200, ctx.core.zia.categories.at(i));
}

const QStringList kEditable = {
    QStringLiteral("configuredName"), QStringLiteral("description"), QStringLiteral("urls"),
    QStringLiteral("keywords"), QStringLiteral("keywordsRetainingParentCategory"), QStringLiteral("ipRanges"),
    QStringLiteral("ipRangesRetainingParentCategory"), QStringLiteral("dbCategorizedUrls"), QStringLiteral("urlType"),
};

SimResponse createCategory(SimContext &ctx)
{
    QJsonObject body;
    if (!parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Zia);
    ZiaState &zia = ctx.core.zia;
    const QString name = body.value(QLatin1String("configuredName")).toString().trimmed();
    if (name.isEmpty())
        return reply::ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), QStringLiteral("configuredName is required."));
    if (const QString e = checkUrls(body.value(QLatin1String("urls"))); !e.isEmpty())
        return reply::ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), e);
    for (const QJsonObject &c : zia.categories) {
        if (c.value(QLatin1String("configuredName")).toString().compare(name, Qt::CaseInsensitive) == 0)
            return reply::ziaError(409, QStringLiteral("DUPLICATE_ITEM"), QStringLiteral("A category named '%1' already exists.").arg(name));
    }
    QJsonObject c = zia.categories.last();   // a custom one: full field set
    for (const QString &k : {QStringLiteral("keywords"), QStringLiteral("keywordsRetainingParentCategory"), QStringLiteral("urls"),
                             QStringLiteral("dbCategorizedUrls"), QStringLiteral("ipRanges"), QStringLiteral("ipRangesRetainingParentCategory")})
        c.insert(k, QJsonArray());
    c.insert(QStringLiteral("description"), QString());
    for (const QString &k : kEditable) {
        if (body.contains(k) && !body.value(k).isNull())
            c.insert(k, body.value(k));
    }
    c.insert(QStringLiteral("id"), QStringLiteral("CUSTOM_%1").arg(zia.nextCustom++, 2, 10, QLatin1Char('0')));
    c.insert(QStringLiteral("val"), zia.nextVal++);
    c.insert(QStringLiteral("superCategory"), body.value(QLatin1String("superCategory")).toString(QStringLiteral("USER_DEFINED")));
    c.insert(QStringLiteral("customCategory"), true);
    c.insert(QStringLiteral("type"), QStringLiteral("URL_CATEGORY"));
    recount(c);
    zia.categories.append(c);
    zia.markChanged(ctx.nowMs);
    return SimResponse::json(200, c);
}

SimResponse updateCategory(SimContext &ctx)
{
    ZiaState &zia = ctx.core.zia;
    const int i = zia.findCategory(ctx.param("id"));
    if (i < 0)
        return reply::ziaNotFound(QStringLiteral("URL category ") + ctx.param("id"));
    QJsonObject body;
    if (!parseJsonObject(ctx.req.body, &body))
        return reply::badJson(ErrorStyle::Zia);
    if (const QString e = checkUrls(body.value(QLatin1String("urls"))); !e.isEmpty())
        return reply::ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), e);
    QJsonObject c = zia.categories.at(i);
    const QString action = ctx.req.queryValue(QStringLiteral("action"));
    if (action == QLatin1String("ADD_TO_LIST") || action == QLatin1String("REMOVE_FROM_LIST")) {
        QJsonArray urls = c.value(QLatin1String("urls")).toArray();
        for (const QJsonValue &u : body.value(QLatin1String("urls")).toArray()) {
            if (action == QLatin1String("ADD_TO_LIST") && !urls.contains(u))
                urls.append(u);
            for (qsizetype k = urls.size() - 1; action == QLatin1String("REMOVE_FROM_LIST") && k >= 0; --k) {
                if (urls.at(k) == u)
                    urls.removeAt(k);
            }
        }
        c.insert(QStringLiteral("urls"), urls);
    } else if (!action.isEmpty()) {
        return reply::ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), QStringLiteral("Unknown action %1.").arg(action));
    } else {
        if (c.value(QLatin1String("customCategory")).toBool()
            && body.value(QLatin1String("configuredName")).toString().trimmed().isEmpty())
            return reply::ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), QStringLiteral("configuredName is required."));
        // A full update: list fields that are not sent become empty; scalar fields are kept.
        for (const QString &k : kEditable) {
            if (k == QLatin1String("configuredName") && !c.value(QLatin1String("customCategory")).toBool())
                continue;
            if (body.contains(k) && !body.value(k).isNull())
                c.insert(k, body.value(k));
            else if (c.value(k).isArray())
                c.insert(k, QJsonArray());
        }
    }
    recount(c);
    zia.categories[i] = c;
    zia.markChanged(ctx.nowMs);
    return SimResponse::json(200, c);
}

SimResponse deleteCategory(SimContext &ctx)
{
    ZiaState &zia = ctx.core.zia;
    const int i = zia.findCategory(ctx.param("id"));
    if (i < 0)
        return reply::ziaNotFound(QStringLiteral("URL category ") + ctx.param("id"));
    if (!zia.categories.at(i).value(QLatin1String("customCategory")).toBool())
        return reply::ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), QStringLiteral("Predefined categories cannot be deleted."));
    zia.categories.removeAt(i);
    zia.markChanged(ctx.nowMs);
    return SimResponse::empty(204);
}

QJsonObject classify(const QString &url)
{
    QString host = url.trimmed().toLower();
    if (const qsizetype s = host.indexOf(QLatin1String("://")); s >= 0)
        host = host.mid(s + 3);
    host = host.section(QLatin1Char('/'), 0, 0).section(QLatin1Char(':'), 0, 0);
    if (host.startsWith(QLatin1String("www.")))
        host = host.mid(4);
    static const QHash<QString, QString> known = {
        {QStringLiteral("google.com"), QStringLiteral("WEB_SEARCH")}, {QStringLiteral("bing.com"), QStringLiteral("WEB_SEARCH")},
        {QStringLiteral("facebook.com"), QStringLiteral("SOCIAL_NETWORKING")}, {QStringLiteral("linkedin.com"), QStringLiteral("SOCIAL_NETWORKING")},
        {QStringLiteral("cnn.com"), QStringLiteral("NEWS_AND_MEDIA")}, {QStringLiteral("bbc.co.uk"), QStringLiteral("NEWS_AND_MEDIA")},
        {QStringLiteral("github.com"), QStringLiteral("DEVELOPER_TOOLS")}, {QStringLiteral("youtube.com"), QStringLiteral("STREAMING_MEDIA")},
        {QStringLiteral("amazon.com"), QStringLiteral("ONLINE_SHOPPING")}, {QStringLiteral("outlook.com"), QStringLiteral("WEB_MAIL")},
    };
    static const QStringList benign = {
        QStringLiteral("PROFESSIONAL_SERVICES"), QStringLiteral("CORPORATE_MARKETING"), QStringLiteral("FINANCE"),
        QStringLiteral("EDUCATION"), QStringLiteral("TRAVEL"), QStringLiteral("HEALTH"), QStringLiteral("NEWS_AND_MEDIA"),
        QStringLiteral("MISCELLANEOUS_OR_UNKNOWN"),
    };
    const quint64 h = stableHash(host.toUtf8());
    QJsonArray classes, alerts;
    if (known.contains(host)) {
        classes.append(known.value(host));
    } else if (host.contains(QLatin1String("malware"))) {
        classes.append(QStringLiteral("MISCELLANEOUS_OR_UNKNOWN"));
        alerts.append(QStringLiteral("MALWARE_SITE"));
    } else if (host.contains(QLatin1String("phish"))) {
        classes.append(QStringLiteral("MISCELLANEOUS_OR_UNKNOWN"));
        alerts.append(QStringLiteral("PHISHING"));
    } else {
        classes.append(benign.at(qsizetype(h % quint64(benign.size()))));
        if (h % 17 == 0)
            alerts.append(QStringLiteral("SPYWARE_OR_ADWARE"));
    }
    return QJsonObject{{QStringLiteral("url"), url},
                       {QStringLiteral("urlClassifications"), classes},
                       {QStringLiteral("urlClassificationsWithSecurityAlert"), alerts}};
}

SimResponse urlLookup(SimContext &ctx)
{
    QJsonArray urls;
    if (!parseJsonArray(ctx.req.body, &urls))
        return reply::ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), QStringLiteral("The body must be a JSON array of URLs."));
    if (urls.isEmpty() || urls.size() > 100)
        return reply::ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), QStringLiteral("Between 1 and 100 URLs are allowed per request."));
    QJsonArray out;
    for (const QJsonValue &u : urls) {
        if (!u.isString() || u.toString().isEmpty() || u.toString().size() > 1024)
            return reply::ziaError(400, QStringLiteral("INVALID_INPUT_ARGUMENT"), QStringLiteral("Each URL must be a string of at most 1024 characters."));
        out.append(classify(u.toString()));
    }
    return SimResponse::json(200, out);
}

const QJsonObject *findApp(const SimCore &core, const QString &id)
{
    for (const QJsonObject &a : core.apps) {
        if (a.value(QLatin1String("id")).toString() == id && !id.isEmpty())
            return &a;
    }
    return nullptr;
}

SimResponse gatewayApp(SimContext &ctx)
{
    QString id = ctx.req.queryValue(QStringLiteral("appId"));
    if (ctx.req.method == "POST") {
        QJsonObject body;
        parseJsonObject(ctx.req.body, &body);
        const QJsonValue v = body.value(QLatin1String("appId"));
        id = v.isDouble() ? QString::number(v.toInteger()) : v.toString();
    }
    const QJsonObject *a = findApp(ctx.core, id);
    return a ? SimResponse::json(200, *a) : SimResponse::empty(404);
}

SimResponse searchApps(SimContext &ctx)
{
    const QString name = ctx.req.queryValue(QStringLiteral("appName"));
    QJsonArray out;
    for (const QJsonObject &a : ctx.core.apps) {
        if (!name.isEmpty() && a.value(QLatin1String("name")).toString().contains(name, Qt::CaseInsensitive))
            out.append(a);
    }
    return out.isEmpty() ? SimResponse::empty(404) : SimResponse::json(200, out);
}

} // namespace

void registerZiaRoutes(SimCore &core)
{
    Router &r = core.router;
    for (const auto &[prefix, api] : {std::pair{QStringLiteral("/api/v1"), Api::ZiaLegacy},
                                      std::pair{QStringLiteral("/zia/api/v1"), Api::ZiaGateway}}) {
        const QString read = QStringLiteral("zia.read"), write = QStringLiteral("zia.write");
        r.add("GET", prefix + QStringLiteral("/status"), api, read, getStatus);
        r.add("POST", prefix + QStringLiteral("/status/activate"), api, QStringLiteral("zia.activate"), activate);
        r.add("GET", prefix + QStringLiteral("/eusaStatus/latest"), api, read, eusa);
        r.add("GET", prefix + QStringLiteral("/urlCategories"), api, read, listCategories);
        r.add("POST", prefix + QStringLiteral("/urlCategories"), api, write, createCategory);
        r.add("GET", prefix + QStringLiteral("/urlCategories/urlQuota"), api, read, urlQuota);
        r.add("GET", prefix + QStringLiteral("/urlCategories/{id}"), api, read, getCategory);
        r.add("PUT", prefix + QStringLiteral("/urlCategories/{id}"), api, write, updateCategory);
        r.add("DELETE", prefix + QStringLiteral("/urlCategories/{id}"), api, write, deleteCategory);
        r.add("POST", prefix + QStringLiteral("/urlLookup"), api, QStringLiteral("zia.urlLookup"), urlLookup);
        r.add("GET", prefix + QStringLiteral("/apps/app"), api, read, gatewayApp);
        r.add("POST", prefix + QStringLiteral("/apps/app"), api, write, gatewayApp);
        r.add("GET", prefix + QStringLiteral("/apps/search"), api, read, searchApps);
        r.add("GET", prefix + QStringLiteral("/app_views/list"), api, read, [](SimContext &) { return SimResponse::json(200, QJsonArray()); });
        r.add("GET", prefix + QStringLiteral("/app_views/{id}/apps"), api, read, [](SimContext &) { return SimResponse::empty(404); });
    }
}

} // namespace zsim
