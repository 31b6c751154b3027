#include "api/AppTotalQuota.h"

#include "core/StateFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace zc {

AppTotalQuota::AppTotalQuota(const QString &configDir, Clock *clock)
    : m_path(configDir.isEmpty() ? QString() : QDir(configDir).filePath(QLatin1String(FileName)))
    , m_clock(clock)
{
    load();
}

void AppTotalQuota::load()
{
    m_entries.clear();
    if (m_path.isEmpty())
        return;
    const QJsonObject clients = stateFile::read(m_path, 64 * 1024).value(QLatin1String("clients")).toObject();
    for (auto it = clients.begin(); it != clients.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        Entry e;
        e.remaining = o.value(QLatin1String("remaining")).toInt(-1);
        e.day = QDate::fromString(o.value(QLatin1String("day")).toString(), Qt::ISODate);
        e.updatedUtc = QDateTime::fromString(o.value(QLatin1String("updatedAt")).toString(), Qt::ISODate);
        if (e.remaining >= 0 && e.day.isValid())
            m_entries.insert(it.key(), e);
    }
}

int AppTotalQuota::remainingToday(const QString &clientId) const
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end() || it->day != m_clock->nowUtc().date())
        return -1;
    return it->remaining;
}

bool AppTotalQuota::record(const QString &clientId, int remaining, QString *error)
{
    if (remaining < 0)
        return true;
    const QDateTime now = m_clock->nowUtc();
    m_entries.insert(clientId, Entry{remaining, now.date(), now});
    return save(error);
}

QDateTime AppTotalQuota::resetsAtUtc() const
{
    const QDateTime now = m_clock->nowUtc();
    return QDateTime(now.date().addDays(1), QTime(0, 0), Qt::UTC);
}

bool AppTotalQuota::save(QString *error)
{
    if (m_path.isEmpty())
        return true;
    QJsonObject clients;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        clients.insert(it.key(), QJsonObject{{QStringLiteral("remaining"), it->remaining},
                                             {QStringLiteral("day"), it->day.toString(Qt::ISODate)},
                                             {QStringLiteral("updatedAt"), it->updatedUtc.toString(Qt::ISODate)}});
    return stateFile::write(m_path, QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("clients"), clients}}, error);
}

} // namespace zc
