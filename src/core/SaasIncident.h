#pragma once

#include "core/ApiError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace zc {

// One SaaS Security (Data Security) incident, as GET /incident/api/incidents/delta lists it
// (zscaler-api-notes.md §5.3). `raw` keeps every field the server sent.
struct SaasIncident
{
    QString id;            // incident_id (a number in the reply; kept as text)
    QString state;         // "open" | "closed"
    QString status;        // "Open-New", "Closed-Business Justified", …
    QString severity;      // "Low" | "Medium" | "High" | "Critical"
    QString category;
    QString appId;
    QString appName;
    QString appType;
    QString assetName;
    QString assetOwner;    // name, else e-mail
    QString exposureLevel; // "internal" | "public" | …
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject raw;

    static SaasIncident fromJson(const QJsonObject &o);
};

// The first page of incidents (SaasSecurityApi::incidents).
struct SaasIncidentsReply
{
    QList<SaasIncident> incidents;
    QString nextPath;      // the server's continuation path (always present; a short page ends)
    ApiError error;
    bool ok() const { return !error.isError(); }
};

} // namespace zc

Q_DECLARE_METATYPE(zc::SaasIncidentsReply)
