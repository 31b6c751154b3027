#include "sim/Knobs.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace zsim {

namespace {

const char *const kIntKnobs[] = {
    "tokenLifetimeSeconds", "zpaTokenLifetimeSeconds", "ziaOauthTokenLifetimeSeconds",
    "saasTokenLifetimeSeconds", "ziaSessionIdleSeconds", "activationSeconds", "latencyMs",
    "appTotalDailyQuota", "sandboxDailyQuota", "zidMaxPageSize", "zidSecretPropagationMs",
};

const char *const kBoolKnobs[] = {"readOnly", "zidTimesAsNumbers"};

const QStringList kSecretsShapes = {QStringLiteral("array"), QStringLiteral("envelope"), QStringLiteral("object")};

// rateLimits keys accepted as other names of a route class: "ziam.read" = "zid.read".
QString canonicalRateKey(const QString &key)
{
    if (key == QLatin1String("ziam.read"))
        return QStringLiteral("zid.read");
    if (key == QLatin1String("ziam.write"))
        return QStringLiteral("zid.write");
    return key;
}

const QStringList kFaultKinds = {
    QStringLiteral("429"), QStringLiteral("409"), QStringLiteral("5xx"), QStringLiteral("reset"),
    QStringLiteral("truncate"), QStringLiteral("latency"), QStringLiteral("readonly"),
    QStringLiteral("500"), QStringLiteral("502"), QStringLiteral("503"), QStringLiteral("504"),
};

bool isWholeNumber(const QJsonValue &v, double min)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return d >= min && d <= 2147483647.0 && std::floor(d) == d;
}

} // namespace

bool routeMatches(const QString &pattern, const QString &routeKey)
{
    if (pattern == QLatin1String("*") || routeKey.startsWith(pattern))
        return true;
    const qsizetype sp = routeKey.indexOf(QLatin1Char(' '));
    return sp > 0 && QStringView(routeKey).mid(sp + 1).startsWith(pattern);
}

Knobs::Knobs(quint64 seed) : m_seed(seed), m_values(defaults()) {}

QJsonObject Knobs::defaults()
{
    return QJsonObject{
        {QStringLiteral("tokenLifetimeSeconds"), 3600},
        {QStringLiteral("zpaTokenLifetimeSeconds"), 3600},
        {QStringLiteral("ziaOauthTokenLifetimeSeconds"), 3600},
        {QStringLiteral("saasTokenLifetimeSeconds"), 7199},
        {QStringLiteral("ziaSessionIdleSeconds"), 300},
        {QStringLiteral("activationSeconds"), 2},
        {QStringLiteral("readOnly"), false},
        {QStringLiteral("latencyMs"), 0},
        {QStringLiteral("rateLimits"), QJsonObject()},
        {QStringLiteral("faults"), QJsonArray()},
        {QStringLiteral("appTotalDailyQuota"), 25},
        {QStringLiteral("sandboxDailyQuota"), 100},
        {QStringLiteral("zidMaxPageSize"), 0},
        {QStringLiteral("zidSecretPropagationMs"), 0},
        {QStringLiteral("zidSecretsShape"), QStringLiteral("array")},
        {QStringLiteral("zidTimesAsNumbers"), false},
    };
}

QString Knobs::validate(const QString &key, const QJsonValue &value)
{
    if (value.isNull())
        return {};
    for (const char *k : kIntKnobs) {
        if (key == QLatin1String(k)) {
            const double min = key.endsWith(QLatin1String("LifetimeSeconds"))
                    || key == QLatin1String("ziaSessionIdleSeconds") ? 1 : 0;
            return isWholeNumber(value, min) ? QString()
                                             : QStringLiteral("%1 must be a whole number >= %2").arg(key).arg(min);
        }
    }
    for (const char *k : kBoolKnobs) {
        if (key == QLatin1String(k))
            return value.isBool() ? QString() : QStringLiteral("%1 must be true or false").arg(key);
    }
    if (key == QLatin1String("zidSecretsShape"))
        return kSecretsShapes.contains(value.toString()) ? QString()
                                                         : QStringLiteral("zidSecretsShape must be one of ") + kSecretsShapes.join(QLatin1String(", "));
    if (key == QLatin1String("rateLimits")) {
        if (!value.isObject())
            return QStringLiteral("rateLimits must be an object");
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonObject r = it.value().toObject();
            if (!it.value().isObject() || !isWholeNumber(r.value(QLatin1String("limit")), 0)
                || !isWholeNumber(r.value(QLatin1String("windowSeconds")), 1))
                return QStringLiteral("rateLimits.%1 needs {\"limit\": n >= 0, \"windowSeconds\": s >= 1}").arg(it.key());
        }
        return {};
    }
    if (key == QLatin1String("faults")) {
        if (!value.isArray())
            return QStringLiteral("faults must be an array");
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject f = a.at(i).toObject();
            const QString where = QStringLiteral("faults[%1]").arg(i);
            if (!a.at(i).isObject() || !f.value(QLatin1String("route")).isString())
                return where + QStringLiteral(" needs a \"route\" string");
            if (!kFaultKinds.contains(f.value(QLatin1String("kind")).toString()))
                return where + QStringLiteral(".kind must be one of ") + kFaultKinds.join(QLatin1Char(','));
            if (f.contains(QLatin1String("probability"))) {
                const double p = f.value(QLatin1String("probability")).toDouble(-1);
                if (p < 0 || p > 1)
                    return where + QStringLiteral(".probability must be in [0, 1]");
            }
            if (f.contains(QLatin1String("nth"))) {
                if (!f.value(QLatin1String("nth")).isArray())
                    return where + QStringLiteral(".nth must be an array of indexes >= 1");
                for (const QJsonValue &n : f.value(QLatin1String("nth")).toArray()) {
                    if (!isWholeNumber(n, 1))
                        return where + QStringLiteral(".nth must be an array of indexes >= 1");
                }
            }
            if (f.contains(QLatin1String("query"))) {
                const QJsonValue q = f.value(QLatin1String("query"));
                bool ok = q.isObject();
                for (const QJsonValue &v : q.toObject())
                    ok = ok && (v.isString() || v.isDouble());
                if (!ok)
                    return where + QStringLiteral(".query must be an object of query items (strings or numbers)");
            }
            for (const char *k : {"count", "retryAfter", "ms", "status"}) {
                if (f.contains(QLatin1String(k)) && !isWholeNumber(f.value(QLatin1String(k)), 0))
                    return where + QStringLiteral(".%1 must be a whole number").arg(QLatin1String(k));
            }
        }
        return {};
    }
    return QStringLiteral("unknown knob \"%1\"").arg(key);
}

bool Knobs::merge(const QJsonObject &update, QString *error)
{
    for (auto it = update.begin(); it != update.end(); ++it) {
        const QString e = validate(it.key(), it.value());
        if (!e.isEmpty()) {
            if (error)
                *error = e;
            return false;
        }
    }
    const QJsonObject defs = defaults();
    for (auto it = update.begin(); it != update.end(); ++it)
        m_values.insert(it.key(), it.value().isNull() ? defs.value(it.key()) : it.value());
    if (update.contains(QLatin1String("faults")))
        rebuildFaults();
    if (update.contains(QLatin1String("rateLimits")))
        rebuildRateLimits();
    return true;
}

void Knobs::reset()
{
    m_values = defaults();
    QString ignored;
    if (!merge(m_startup, &ignored))
        m_values = defaults();
    rebuildFaults();
    rebuildRateLimits();
}

int Knobs::intValue(const char *name) const
{
    return m_values.value(QLatin1String(name)).toInt();
}

void Knobs::rebuildFaults()
{
    m_faults.clear();
    const QJsonArray a = m_values.value(QLatin1String("faults")).toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QJsonObject f = a.at(i).toObject();
        FaultRule r;
        r.route = f.value(QLatin1String("route")).toString();
        r.kind = f.value(QLatin1String("kind")).toString();
        if (r.kind.size() == 3 && r.kind.startsWith(QLatin1Char('5')) && r.kind != QLatin1String("5xx")) {
            r.status = r.kind.toInt();
            r.kind = QStringLiteral("5xx");
        }
        r.probability = f.contains(QLatin1String("probability")) ? f.value(QLatin1String("probability")).toDouble() : -1;
        for (const QJsonValue &n : f.value(QLatin1String("nth")).toArray())
            r.nth.append(qint64(n.toDouble()));
        const QJsonObject q = f.value(QLatin1String("query")).toObject();
        for (auto it = q.begin(); it != q.end(); ++it)
            r.query.append({it.key(), it.value().isDouble() ? QString::number(it.value().toDouble(), 'g', 17) : it.value().toString()});
        r.count = f.contains(QLatin1String("count")) ? f.value(QLatin1String("count")).toInt() : -1;
        r.status = f.value(QLatin1String("status")).toInt(r.status);
        r.retryAfter = f.value(QLatin1String("retryAfter")).toInt(1);
        r.ms = f.value(QLatin1String("ms")).toInt(1000);
        r.prng = Prng(m_seed ^ (0x5DEECE66DULL * quint64(i + 1)) ^ stableHash(r.route.toUtf8() + '|' + r.kind.toUtf8()));
        m_faults.push_back(std::move(r));
    }
}

void Knobs::rebuildRateLimits()
{
    m_windows.clear();
    const QJsonObject o = m_values.value(QLatin1String("rateLimits")).toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = canonicalRateKey(it.key());
        if (key != it.key() && o.contains(key))
            continue;   // the canonical name wins over its alias
        Window w;
        w.limit = it.value().toObject().value(QLatin1String("limit")).toInt();
        w.windowSeconds = qMax(1, it.value().toObject().value(QLatin1String("windowSeconds")).toInt());
        m_windows.insert(key, w);
    }
}

QList<Knobs::Window *> Knobs::windowsFor(const QString &routeClass, const QString &routeKey)
{
    QList<Window *> out;
    if (m_windows.isEmpty())
        return out;
    for (const QString *k : {&routeClass, &routeKey}) {
        auto it = m_windows.find(*k);
        if (it != m_windows.end() && !k->isEmpty())
            out.append(&it.value());
    }
    return out;
}

QList<RateWindowStatus> Knobs::rateStatus(const QString &routeClass, const QString &routeKey, qint64 nowMs)
{
    QList<RateWindowStatus> out;
    for (Window *w : windowsFor(routeClass, routeKey)) {
        const qint64 span = qint64(w->windowSeconds) * 1000;
        while (!w->hits.empty() && w->hits.front() <= nowMs - span)
            w->hits.pop_front();
        RateWindowStatus s;
        s.limit = w->limit;
        s.windowSeconds = w->windowSeconds;
        s.used = int(w->hits.size());
        s.resetSeconds = w->hits.empty() ? w->windowSeconds : qMax(1, int((w->hits.front() + span - nowMs + 999) / 1000));
        out.append(s);
    }
    return out;
}

RateVerdict Knobs::checkRate(const QString &routeClass, const QString &routeKey, qint64 nowMs)
{
    RateVerdict v;
    const QList<Window *> applicable = windowsFor(routeClass, routeKey);
    const qsizetype n = applicable.size();
    for (qsizetype i = 0; i < n; ++i) {
        Window *w = applicable[i];
        const qint64 span = qint64(w->windowSeconds) * 1000;
        while (!w->hits.empty() && w->hits.front() <= nowMs - span)
            w->hits.pop_front();
        if (qsizetype(w->hits.size()) >= w->limit) {
            const qint64 waitMs = w->hits.empty() ? span : w->hits.front() + span - nowMs;
            const int retry = qMax(1, int((waitMs + 999) / 1000));
            if (!v.limited || retry > v.retryAfter) {
                v.limited = true;
                v.retryAfter = retry;
                v.limit = w->limit;
                v.windowSeconds = w->windowSeconds;
            }
        }
    }
    if (!v.limited) {
        for (Window *w : applicable)
            w->hits.push_back(nowMs);
    }
    return v;
}

std::optional<FaultHit> Knobs::pickFault(const QString &routeKey, const QList<QPair<QString, QString>> &query)
{
    std::optional<FaultHit> hit;
    for (FaultRule &r : m_faults) {
        if (!routeMatches(r.route, routeKey))
            continue;
        if (!std::all_of(r.query.cbegin(), r.query.cend(), [&](const QPair<QString, QString> &item) { return query.contains(item); }))
            continue;
        ++r.matched;
        bool fires = r.nth.isEmpty() || r.nth.contains(r.matched);
        if (r.probability >= 0)
            fires = r.prng.chance(r.probability) && fires;  // always draw: keeps the sequence stable
        if (r.count >= 0 && r.count == 0)
            fires = false;
        if (!fires || hit)
            continue;
        if (r.count > 0)
            --r.count;
        hit = FaultHit{r.kind, r.status, r.retryAfter, r.kind == QLatin1String("latency") ? r.ms : 0};
    }
    return hit;
}

} // namespace zsim
