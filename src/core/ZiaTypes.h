#pragma once

#include "core/ApiError.h"
#include "core/ZiaActivation.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace zc {

// The outcome of one ZiaApi call: the typed value, or the error. `readOnly` is set when the
// tenant's API was in read-only mode (403 STATE_READONLY, or the header
// `x-zscaler-mode: read-only`); the error then has code "STATE_READONLY".
template <typename T>
struct ZiaReply
{
    T value{};
    ApiError error;
    bool readOnly = false;
    int httpStatus = 0;
    QString requestId;
    int attempts = 0;     // requests sent for this call (retries included)

    bool ok() const { return !error.isError(); }
};

// A URL category (GET /urlCategories, /urlCategories/{id}). Only custom categories
// (customCategory == true) take URL edits.
struct ZiaUrlCategory
{
    QString id;              // "CUSTOM_01" or a predefined id like "OTHER_ADULT_MATERIAL"
    QString configuredName;  // custom categories only
    QString description;
    QString superCategory;
    QString type;            // "URL_CATEGORY", …
    bool customCategory = false;
    QStringList urls;
    QStringList dbCategorizedUrls;
    QStringList keywords;
    int customUrlsCount = 0;
    QJsonObject raw;         // everything the server sent

    QString displayName() const { return configuredName.isEmpty() ? id : configuredName; }
    static ZiaUrlCategory fromJson(const QJsonObject &o);
};

// What an add/remove of URLs did. `changed` were added (or removed); `unchanged` were already
// present (or absent) and were not sent. `sent` is false when nothing needed a request (then
// the tenant got no pending change from this call).
struct ZiaUrlEdit
{
    ZiaUrlCategory category; // as the server answered after the change (or as read before)
    QStringList changed;
    QStringList unchanged;
    bool sent = false;
};

// GET /authenticatedSession (legacy sessions): a live session has an authType.
struct ZiaSessionInfo
{
    bool live = false;
    QString authType;            // "ADMIN_LOGIN", …
    qint64 passwordExpiryTime = 0;
    int passwordExpiryDays = 0;
};

} // namespace zc

Q_DECLARE_METATYPE(zc::ZiaUrlCategory)
