#include "sim/Router.h"

namespace zsim {

ErrorStyle errorStyle(Api api)
{
    switch (api) {
    case Api::ZpaAuth:
    case Api::ZpaLegacy:
    case Api::ZpaGateway:
        return ErrorStyle::Zpa;
    case Api::ZiaLegacy:
    case Api::ZiaSession:
    case Api::ZiaGateway:
        return ErrorStyle::Zia;
    default:
        return ErrorStyle::Other;
    }
}

bool isGateway(Api api)
{
    return api == Api::ZpaGateway || api == Api::ZiaGateway || api == Api::Zid;
}

void Router::add(const char *method, const QString &pattern, Api api, const QString &routeClass,
                 Handler handler)
{
    Route r;
    r.method = method;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.key = QLatin1String(method) + QLatin1Char(' ') + pattern;
    r.api = api;
    r.routeClass = routeClass;
    r.handler = std::move(handler);
    for (const QString &s : std::as_const(r.segments)) {
        if (!s.startsWith(QLatin1Char('{')))
            ++r.literals;
    }
    m_routes.push_back(std::move(r));
}

RouteMatch Router::match(const QByteArray &method, const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    RouteMatch best;
    int bestLiterals = -1;
    for (const Route &r : m_routes) {
        if (r.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString &seg = r.segments.at(i);
            if (seg.startsWith(QLatin1Char('{')))
                params.insert(seg.mid(1, seg.size() - 2), parts.at(i));
            else
                ok = seg == parts.at(i);
        }
        if (!ok)
            continue;
        if (r.method != method) {
            best.pathKnown = true;
            continue;
        }
        if (r.literals > bestLiterals) {
            best.route = &r;
            best.params = std::move(params);
            bestLiterals = r.literals;
        }
    }
    return best;
}

QStringList Router::keys() const
{
    QStringList out;
    for (const Route &r : m_routes)
        out.append(r.key);
    return out;
}

} // namespace zsim
