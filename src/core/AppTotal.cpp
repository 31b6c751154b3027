#include "core/AppTotal.h"

#include <QJsonArray>

namespace zc {

namespace {
QString firstString(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(qint64(v.toDouble()));
    }
    return {};
}
} // namespace

AppTotalApp AppTotalApp::fromJson(const QJsonObject &o)
{
    AppTotalApp a;
    a.id = firstString(o, {"id", "appId", "app_id"});
    a.name = firstString(o, {"name", "appName"});
    a.publisher = firstString(o, {"publisher", "publisherName"});
    a.platform = firstString(o, {"platform"});
    a.risk = firstString(o, {"risk", "riskLevel"});
    for (const char *k : {"score", "riskScore"}) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isDouble()) {
            a.score = v.toInt();
            break;
        }
        if (v.isString() && !v.toString().isEmpty()) {
            bool ok = false;
            const int s = v.toString().toInt(&ok);
            if (ok) {
                a.score = s;
                break;
            }
        }
    }
    a.verified = o.value(QLatin1String("verified")).toBool();
    a.consentedUsers = o.value(QLatin1String("consentedUsers")).toInt(-1);
    for (const QJsonValue &c : o.value(QLatin1String("categories")).toArray())
        if (c.isString())
            a.categories.append(c.toString());
    for (const QJsonValue &p : o.value(QLatin1String("permissions")).toArray()) {
        AppTotalPermission perm;
        if (p.isString()) {
            perm.name = p.toString();
        } else {
            const QJsonObject po = p.toObject();
            perm.name = firstString(po, {"name", "permission", "scope"});
            perm.description = firstString(po, {"description"});
            perm.risk = firstString(po, {"risk", "riskLevel"});
        }
        if (!perm.name.isEmpty())
            a.permissions.append(perm);
    }
    a.raw = o;
    return a;
}

} // namespace zc
