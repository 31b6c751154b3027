#include "ActivationLedger.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <algorithm>

namespace zc {

namespace {

constexpr int LedgerVersion = 1;
constexpr qint64 MaxFileBytes = 1 << 20; // a ledger is a few KB; anything bigger is not ours

QJsonObject readRoot(const QString &path, bool *ok)
{
    *ok = true;
    QFile f(path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly) || f.size() > MaxFileBytes) {
        *ok = false;
        return {};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject() || doc.object().value(QLatin1String("version")).toInt() != LedgerVersion)
        return {}; // damaged or foreign: an empty ledger, replaced on the next write
    return doc.object();
}

QList<qint64> timesOf(const QJsonObject &root, const QString &tenantId, qint64 now, qint64 keepMs)
{
    QList<qint64> out;
    const QJsonArray a = root.value(QLatin1String("tenants")).toObject().value(tenantId).toArray();
    for (const QJsonValue &v : a) {
        if (!v.isDouble())
            continue;
        const qint64 t = std::min(qint64(v.toDouble()), now); // the clock went back: count as now
        if (t > now - keepMs)
            out.append(t);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

ActivationLedger::ActivationLedger(const QString &configDir, Clock *clock)
    : m_path(QDir(configDir).filePath(QString::fromLatin1(FileName)))
    , m_clock(clock)
{
}

QList<qint64> ActivationLedger::load(const QString &tenantId, bool *ok) const
{
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    return timesOf(readRoot(m_path, ok), tenantId, now, 24 * 3'600'000LL);
}

qint64 ActivationLedger::waitFor(const QList<qint64> &times, const ZiaActivationBudget &budget, qint64 now) const
{
    qint64 wait = 0;
    const auto check = [&](int count, qint64 windowMs) {
        if (count <= 0 || windowMs <= 0)
            return;
        QList<qint64> inWindow;
        for (qint64 t : times)
            if (t > now - windowMs)
                inWindow.append(t);
        if (inWindow.size() >= count) // the oldest of the last `count` must leave the window
            wait = std::max(wait, inWindow.at(inWindow.size() - count) + windowMs - now);
    };
    check(budget.perMinute, budget.minuteMs);
    check(budget.perHour, budget.hourMs);
    return std::max<qint64>(0, wait);
}

qint64 ActivationLedger::waitMs(const QString &tenantId, const ZiaActivationBudget &budget) const
{
    bool ok = true;
    const QList<qint64> times = load(tenantId, &ok);
    return waitFor(times, budget, m_clock->nowUtc().toMSecsSinceEpoch());
}

int ActivationLedger::countWithin(const QString &tenantId, qint64 windowMs) const
{
    bool ok = true;
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    const QList<qint64> times = load(tenantId, &ok);
    return int(std::count_if(times.begin(), times.end(), [&](qint64 t) { return t > now - windowMs; }));
}

bool ActivationLedger::reserve(const QString &tenantId, const ZiaActivationBudget &budget, qint64 *waitMs,
                               QString *error)
{
    if (waitMs)
        *waitMs = 0;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QLockFile lock(m_path + QLatin1String(".lock"));
    lock.setStaleLockTime(30'000);
    if (!lock.tryLock(5000)) {
        if (error)
            *error = QObject::tr("the activation ledger %1 is locked by another zconsole process").arg(m_path);
        return true;
    }
    bool ok = true;
    QJsonObject root = readRoot(m_path, &ok);
    if (!ok) {
        if (error)
            *error = QObject::tr("the activation ledger %1 cannot be read").arg(m_path);
        return true;
    }
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    const qint64 keepMs = std::max(budget.hourMs, budget.minuteMs);
    QList<qint64> times = timesOf(root, tenantId, now, keepMs);
    if (const qint64 wait = waitFor(times, budget, now); wait > 0) {
        if (waitMs)
            *waitMs = wait;
        return false;
    }
    times.append(now);
    // Keep every tenant's recent entries; drop tenants with none left.
    QJsonObject tenants = root.value(QLatin1String("tenants")).toObject();
    for (auto it = tenants.begin(); it != tenants.end();) {
        if (it.key() != tenantId && timesOf(root, it.key(), now, keepMs).isEmpty())
            it = tenants.erase(it);
        else
            ++it;
    }
    QJsonArray mine;
    for (qint64 t : std::as_const(times))
        mine.append(double(t));
    tenants.insert(tenantId, mine);
    root = QJsonObject{{QStringLiteral("version"), LedgerVersion}, {QStringLiteral("tenants"), tenants}};

    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QObject::tr("the activation ledger %1 cannot be written: %2").arg(m_path, f.errorString());
        return true;
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!f.commit() && error)
        *error = QObject::tr("the activation ledger %1 cannot be written: %2").arg(m_path, f.errorString());
    return true;
}

} // namespace zc
