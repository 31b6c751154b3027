#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace zc {

// A reference to another ZPA object as embedded in a segment: {"id":"…","name":"…",…}.
// Ids are 64-bit integers sent as strings and stay strings.
struct ZpaRef
{
    QString id;
    QString name;
    bool operator==(const ZpaRef &) const = default;
};

// Segment group (/segmentGroup), as the editor's picker needs it. `raw` keeps the object.
struct ZpaSegmentGroup
{
    QString id;
    QString name;
    QString description;
    bool enabled = false;
    QString microtenantId;
    QString microtenantName;
    int applicationCount = 0; // length of the embedded "applications" list
    QJsonObject raw;

    static ZpaSegmentGroup fromJson(const QJsonObject &o);
};

// Server group (/serverGroup).
struct ZpaServerGroup
{
    QString id;
    QString name;
    QString description;
    bool enabled = false;
    bool dynamicDiscovery = false;
    QList<ZpaRef> appConnectorGroups;
    QString microtenantId;
    QString microtenantName;
    QJsonObject raw;

    static ZpaServerGroup fromJson(const QJsonObject &o);
};

// Microtenant (/microtenants, /microtenants/summary). Id "0" is the Default microtenant.
struct ZpaMicrotenant
{
    QString id;
    QString name;
    QString description;
    bool enabled = false;
    QString criteriaAttribute;
    QJsonObject raw;

    bool isDefault() const { return id == QLatin1String("0"); }
    static ZpaMicrotenant fromJson(const QJsonObject &o);
};

// The choice of microtenant for a listing: all (no parameter), Default ("0") or one id.
struct ZpaMicrotenantChoice
{
    enum Kind { All, Default, Id };
    Kind kind = All;
    QString id;

    // "all", "default", "0" or digits; anything else → false and `error` set.
    static bool parse(const QString &text, ZpaMicrotenantChoice *out, QString *error);
    // The microtenantId query value; empty = leave the parameter out.
    QString queryValue() const;
};

// Lists of groups from a page body ({"list":[…]} or a bare array). Rows without an id are
// skipped and counted in `problems`.
template<typename T>
struct ZpaList
{
    QList<T> rows;
    QStringList problems;
    bool ok = true;
    QString error;
};
ZpaList<ZpaSegmentGroup> parseSegmentGroups(const QByteArray &body);
ZpaList<ZpaServerGroup> parseServerGroups(const QByteArray &body);
ZpaList<ZpaMicrotenant> parseMicrotenants(const QByteArray &body);

// [{id,name},…] from a JSON array of objects; entries without an id are skipped.
QList<ZpaRef> zpaRefsFromJson(const QJsonValue &v, int *skipped = nullptr);

} // namespace zc
