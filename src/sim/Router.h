// Route table: "<METHOD> <pattern>" with {placeholders}; the pattern string is the route key used
// by the counters, the rate limits and the fault rules.
#pragma once

#include "sim/Http.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace zsim {

// Which API a route belongs to: decides authentication, error formats and gateway headers.
enum class Api {
    OneApiToken, ZpaAuth, ZpaLegacy, ZpaGateway, ZiaLegacy, ZiaSession, ZiaGateway, ZiaIdpToken,
    Zid, SaasToken, Saas, AppTotal, Sandbox, Control,
};

enum class ErrorStyle { Zpa, Zia, Other };
ErrorStyle errorStyle(Api api);
bool isGateway(Api api);

class SimCore;
struct Route;

struct SimContext {
    SimCore &core;
    const SimRequest &req;
    const Route &route;
    QHash<QString, QString> params;
    qint64 nowMs = 0;
    QString clientId;    // who authenticated (token client, ZIA admin)
    QString param(const char *name) const { return params.value(QLatin1String(name)); }
};

using Handler = std::function<SimResponse(SimContext &)>;

struct Route {
    QByteArray method;
    QStringList segments;
    QString key;          // "<METHOD> <pattern>"
    Api api;
    QString routeClass;   // e.g. "zpa.read"
    Handler handler;
    int literals = 0;
};

struct RouteMatch {
    const Route *route = nullptr;
    QHash<QString, QString> params;
    bool pathKnown = false;  // some route has this path with another method
};

class Router
{
public:
    void add(const char *method, const QString &pattern, Api api, const QString &routeClass, Handler handler);
    RouteMatch match(const QByteArray &method, const QString &path) const;
    QStringList keys() const;
    int size() const { return int(m_routes.size()); }

private:
    std::vector<Route> m_routes;
};

} // namespace zsim
