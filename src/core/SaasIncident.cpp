#include "core/SaasIncident.h"

#include "core/JsonText.h"

namespace zc {

SaasIncident SaasIncident::fromJson(const QJsonObject &o)
{
    SaasIncident i;
    i.id = jsonText(o, {"incident_id"});
    i.state = jsonText(o, {"state"});
    i.status = jsonText(o, {"status"});
    i.severity = jsonText(o, {"severity"});
    i.category = jsonText(o, {"category"});
    i.appId = jsonText(o, {"app_id"});
    i.appName = jsonText(o, {"app_name"});
    i.appType = jsonText(o, {"app_type"});
    i.assetName = jsonText(o, {"asset_name"});
    i.assetOwner = jsonText(o, {"asset_owner_name"});
    if (i.assetOwner.isEmpty())
        i.assetOwner = jsonText(o, {"asset_owner_email"});
    i.exposureLevel = jsonText(o, {"exposure_level"});
    i.createdAt = QDateTime::fromString(jsonText(o, {"created_at"}), Qt::ISODateWithMs);
    i.updatedAt = QDateTime::fromString(jsonText(o, {"updated_at"}), Qt::ISODateWithMs);
    i.raw = o;
    return i;
}

} // namespace zc
