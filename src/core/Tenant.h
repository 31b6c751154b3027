#pragma once

#include "core/Validation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace zc {

// An organisation on a Zscaler cloud (or a SaaS Security tenant). Holds nothing secret.
struct Tenant
{
    QString id;            // stable ASCII id, e.g. "t-0123abcd…"
    QString name;          // unique, non-empty display name
    QString cloud;         // a known cloud id (Clouds::known()) or "custom"
    QString customHost;    // with cloud == "custom": the ZIA API host to use
    QString vanity;        // ZIdentity vanity domain ("acme" of acme.zslogin.net)
    QString zpaCustomerId; // digits only
    QString ziaOrgId;      // digits only
    QString notes;
    QString color;         // "#rrggbb" banner colour; empty = default
    bool isProtected = false; // production tenant: writes ask for the name to be typed
    // ZIdentity admin API (the tenant's API clients): the profile that calls it (name or id of
    // an oneapi-secret/oneapi-jwt client of this tenant), and the route: "gateway" (default,
    // {base}/ziam/admin/api/v1) or "direct" (https://{vanity}-admin.zslogin.net/admin/api/v1,
    // or zidDirectUrl's scheme+host when set).
    QString zidAdminClient;
    QString zidRoute;
    QString zidDirectUrl;
    QDateTime created;
    QDateTime modified;

    // Field-level checks of this tenant alone (uniqueness is the store's job).
    ValidationIssues validate() const;

    QJsonObject toJson() const;
    static Tenant fromJson(const QJsonObject &o);

    // "acme.zslogin.net", "https://acme.zsloginbeta.net/" -> "acme"
    static QString normalizeVanity(const QString &input);
    // Accepts a cloud id or a host (then cloud = "custom", customHost = host).
    void setCloudFromInput(const QString &input);
    QString cloudDisplay() const;

    bool operator==(const Tenant &) const = default;
};

} // namespace zc
