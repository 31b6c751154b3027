// Plain request/response values used by the route handlers; the server turns them into bytes.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace zsim {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct SimRequest {
    QByteArray method;                        // "GET", "POST", ...
    QString path;                             // decoded, without a trailing slash
    QList<QPair<QString, QString>> query;     // decoded items, in order
    HeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;   // case-insensitive, empty if absent
    bool hasQuery(const QString &key) const;
    QString queryValue(const QString &key) const;       // first value, empty if absent
    QByteArray cookie(const QByteArray &name) const;
    QByteArray bearerToken() const;                     // from "Authorization: Bearer x"
    // "Authorization: Basic" credentials; false if absent or malformed.
    bool basicCredentials(QString *user, QString *password) const;
};

struct SimResponse {
    int status = 200;
    HeaderList headers;
    QByteArray body;
    QByteArray contentType = "application/json";

    static SimResponse json(int status, const QJsonObject &o);
    static SimResponse json(int status, const QJsonArray &a);
    static SimResponse bytes(int status, const QByteArray &body, const QByteArray &contentType = "application/json");
    static SimResponse empty(int status);                // no body (204, or 404 with an empty body)
    SimResponse &header(const QByteArray &name, const QByteArray &value);
    QByteArray headerValue(const QByteArray &name) const;
};

// application/x-www-form-urlencoded ("+" is a space).
QHash<QString, QString> parseForm(const QByteArray &body);
// Parses a JSON body; returns false when it is not valid JSON of the wanted kind.
bool parseJsonObject(const QByteArray &body, QJsonObject *out);
bool parseJsonArray(const QByteArray &body, QJsonArray *out);

QByteArray reasonPhrase(int status);

} // namespace zsim
