#pragma once

#include "core/ApiError.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace zc {

struct AppTotalPermission
{
    QString name;
    QString description;
    QString risk;
};

// An app of the AppTotal (3rd-party app governance) catalogue. Field names follow what the
// service answers (name/appName, risk/riskLevel, score/riskScore are both read); `raw` keeps
// everything.
struct AppTotalApp
{
    QString id;
    QString name;
    QString publisher;
    QString platform;
    QString risk;          // "LOW" | "MEDIUM" | "HIGH" | "CRITICAL" | …
    int score = -1;        // -1 = not given
    bool verified = false;
    int consentedUsers = -1;
    QStringList categories;
    QList<AppTotalPermission> permissions;
    QJsonObject raw;

    static AppTotalApp fromJson(const QJsonObject &o);
};

struct AppTotalReply
{
    AppTotalApp app;
    ApiError error;
    int remaining = -1;    // X-Rate-Limit-Remaining of this reply (or the known value); -1 unknown
    bool sent = false;     // false: refused locally (quota known to be spent), no request
    bool notFound = false; // 404: the catalogue has no such app
    bool ok() const { return !error.isError(); }
};

} // namespace zc

Q_DECLARE_METATYPE(zc::AppTotalReply)
