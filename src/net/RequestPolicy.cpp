#include "net/RequestPolicy.h"

#include "core/ZiaActivation.h"

namespace zc {

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Hour = 3'600'000;

// zscaler-api-notes.md §3.7 (ZPA: per tenant, 20 GET and 10 writes per 10 s) and §4.6 (ZIA:
// GET 2/s and 1000/h, writes 1/s and 400/h; POST /status/activate 10/min and 40/h; POST
// /urlLookup 1/s and 400/h, paced at 1.1 s, a margin against jitter); ZIdentity 500/s and
// 20,000/min (§1.6, as recorded in x-ratelimit-limit; a reply's header replaces them).
const QList<ApiRules> &table()
{
    static const ZiaActivationBudget activation; // 10 per minute, 40 per hour
    static const QList<ApiRules> t{
        {"zpa", {{"read", {{20, 10 * Second}}}, {"write", {{10, 10 * Second}}}}, true},
        {"zia",
         {{"read", {{2, Second}, {1000, Hour}}},
          {"write", {{1, Second}, {400, Hour}}},
          {"activate", {{activation.perMinute, activation.minuteMs}, {activation.perHour, activation.hourMs}}},
          {"urlLookup", {{1, ziaLimits::UrlLookupIntervalMs}, {ziaLimits::UrlLookupPerHour, Hour}}}},
         false},
        {"ziam", {{"read", {{500, Second}, {20000, 60 * Second}}}, {"write", {{500, Second}, {20000, 60 * Second}}}}, false},
        {"saas", {}, false},
        {"apptotal", {}, false},
        {"sandbox", {}, false},
        {"oneapi", {}, false},
    };
    return t;
}

QString serviceOf(const QString &key, QString *rateClass)
{
    const QStringList parts = key.split(QLatin1Char('/'));
    if (parts.size() != 3)
        return {};
    *rateClass = parts[2];
    return parts[1];
}

} // namespace

RequestPolicy::RequestPolicy(RateLimiter *limiter)
    : m_limiter(limiter)
{
}

const ApiRules &RequestPolicy::rules(const QString &service)
{
    static const ApiRules none;
    for (const ApiRules &r : table())
        if (service == QLatin1String(r.service))
            return r;
    return none;
}

QString RequestPolicy::rateKey(const QString &tenantId, const QString &service, const QString &rateClass)
{
    return tenantId + QLatin1Char('/') + service + QLatin1Char('/') + rateClass;
}

qint64 RequestPolicy::arrivalMarginMs(qint64 windowMs)
{
    return std::max<qint64>(50, windowMs / 100);
}

QList<RateBudget> RequestPolicy::withMargin(const QList<RateBudget> &budgets)
{
    QList<RateBudget> out;
    for (const RateBudget &b : budgets)
        out.append({b.count, b.windowMs + arrivalMarginMs(b.windowMs)});
    return out;
}

QList<RateBudget> RequestPolicy::budgetsFor(const QString &service, const QString &rateClass)
{
    const ApiRules &r = rules(service);
    for (const RateClassRule &c : r.classes)
        if (rateClass == QLatin1String(c.name))
            return r.arrivalMargin ? withMargin(c.budgets) : c.budgets;
    return {};
}

void RequestPolicy::ensure(const QString &key)
{
    if (!m_limiter || key.isEmpty() || m_limiter->isConfigured(key))
        return;
    QString rateClass;
    const QString service = serviceOf(key, &rateClass);
    m_limiter->setBudgets(key, budgetsFor(service, rateClass));
}

void RequestPolicy::setBudget(const QString &key, int count, qint64 windowMs)
{
    QString rateClass;
    const bool margin = rules(serviceOf(key, &rateClass)).arrivalMargin;
    const QList<RateBudget> b{{count, windowMs}};
    setBudgets(key, count <= 0 ? QList<RateBudget>{} : margin ? withMargin(b) : b);
}

void RequestPolicy::setBudgets(const QString &key, const QList<RateBudget> &budgets)
{
    if (m_limiter && !key.isEmpty())
        m_limiter->setBudgets(key, budgets);
}

QList<RateBudget> RequestPolicy::budgets(const QString &key) const
{
    return m_limiter ? m_limiter->budgets(key) : QList<RateBudget>{};
}

QList<RateBudget> RequestPolicy::budgetsFromHeader(const QByteArray &value)
{
    QList<RateBudget> out;
    for (const QByteArray &item : value.split(',')) {
        const QList<QByteArray> parts = item.trimmed().split(';');
        bool ok = false;
        const int count = parts.first().trimmed().toInt(&ok);
        if (!ok || count <= 0)
            continue;
        for (int i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts.at(i).trimmed();
            if (!p.startsWith("w="))
                continue;
            bool wok = false;
            const qint64 w = p.mid(2).toLongLong(&wok);
            if (wok && w > 0 && w <= 86400)
                out.append({count, w * Second});
        }
    }
    return out;
}

bool RequestPolicy::adoptHeader(const QString &key, const QByteArray &value)
{
    if (value.isEmpty())
        return false;
    const QList<RateBudget> stated = budgetsFromHeader(value);
    if (stated.isEmpty())
        return false;
    const QList<RateBudget> now = budgets(key);
    bool same = now.size() == stated.size();
    for (qsizetype i = 0; same && i < now.size(); ++i)
        same = now.at(i).count == stated.at(i).count && now.at(i).windowMs == stated.at(i).windowMs;
    if (same)
        return false;
    setBudgets(key, stated);
    return true;
}

int RequestPolicy::grantsWithin(const QString &key, qint64 windowMs) const
{
    return m_limiter ? m_limiter->grantsInWindow(key, windowMs) : 0;
}

qint64 RequestPolicy::waitMs(const QString &key) const
{
    return m_limiter ? m_limiter->waitEstimateMs(key) : 0;
}

} // namespace zc
