#include "core/SaasIncident.h"

#include <QJsonValue>

namespace zc {

namespace {
QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return {};
}
} // namespace

SaasIncident SaasIncident::fromJson(const QJsonObject &o)
{
    SaasIncident i;
    i.id = text(o, "incident_id");
    i.state = text(o, "state");
    i.status = text(o, "status");
    i.severity = text(o, "severity");
    i.category = text(o, "category");
    i.appId = text(o, "app_id");
    i.appName = text(o, "app_name");
    i.appType = text(o, "app_type");
    i.assetName = text(o, "asset_name");
    i.assetOwner = text(o, "asset_owner_name");
    if (i.assetOwner.isEmpty())
        i.assetOwner = text(o, "asset_owner_email");
    i.exposureLevel = text(o, "exposure_level");
    i.createdAt = QDateTime::fromString(text(o, "created_at"), Qt::ISODateWithMs);
    i.updatedAt = QDateTime::fromString(text(o, "updated_at"), Qt::ISODateWithMs);
    i.raw = o;
    return i;
}

} // namespace zc
