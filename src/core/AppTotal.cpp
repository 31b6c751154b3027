#include "core/AppTotal.h"

#include "core/JsonText.h"

#include <QJsonArray>

namespace zc {

AppTotalApp AppTotalApp::fromJson(const QJsonObject &o)
{
    AppTotalApp a;
    a.id = jsonText(o, {"id", "appId", "app_id"});
    a.name = jsonText(o, {"name", "appName"});
    a.publisher = jsonText(o, {"publisher", "publisherName"});
    a.platform = jsonText(o, {"platform"});
    a.risk = jsonText(o, {"risk", "riskLevel"});
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
            perm.name = jsonText(po, {"name", "permission", "scope"});
            perm.description = jsonText(po, {"description"});
            perm.risk = jsonText(po, {"risk", "riskLevel"});
        }
        if (!perm.name.isEmpty())
            a.permissions.append(perm);
    }
    a.raw = o;
    return a;
}

} // namespace zc
