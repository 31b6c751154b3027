#include "store/ReminderLedger.h"

#include "core/SecretReminders.h"
#include "core/StateFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace zc {

ReminderLedger::ReminderLedger(const QString &configDir)
    : m_path(configDir.isEmpty() ? QString() : QDir(configDir).filePath(QLatin1String(FileName)))
{
    load();
}

QHash<QString, QDateTime> ReminderLedger::read(QString *error) const
{
    QHash<QString, QDateTime> out;
    if (m_path.isEmpty())
        return out;
    QString why;
    const QJsonObject root = stateFile::read(m_path, 16LL << 20, &why);
    if (!why.isEmpty() && error)
        *error = why + QCoreApplication::translate("zc", ": no reminder counts as told");
    const QJsonObject told = root.value(QLatin1String("told")).toObject();
    for (auto it = told.begin(); it != told.end(); ++it)
        out.insert(it.key(), QDateTime::fromString(it.value().toString(), Qt::ISODate));
    return out;
}

void ReminderLedger::load(QString *error)
{
    m_told = read(error);
}

QSet<QString> ReminderLedger::told() const
{
    QSet<QString> keys;
    keys.reserve(m_told.size());
    for (auto it = m_told.cbegin(); it != m_told.cend(); ++it)
        keys.insert(it.key());
    return keys;
}

bool ReminderLedger::markTold(const QStringList &keys, QString *error)
{
    if (keys.isEmpty())
        return true;
    const QHash<QString, QDateTime> disk = read(nullptr);
    for (auto it = disk.cbegin(); it != disk.cend(); ++it)
        if (!m_told.contains(it.key()))
            m_told.insert(it.key(), it.value());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &k : keys)
        if (!m_told.contains(k))
            m_told.insert(k, now);
    return save(error);
}

int ReminderLedger::prune(const QSet<QString> &liveSecrets, QString *error)
{
    // What another process told meanwhile counts too (and is pruned by the same rule).
    const QHash<QString, QDateTime> disk = read(nullptr);
    for (auto it = disk.cbegin(); it != disk.cend(); ++it)
        if (!m_told.contains(it.key()))
            m_told.insert(it.key(), it.value());
    const int removed = int(m_told.removeIf([&](QHash<QString, QDateTime>::iterator it) {
        return !liveSecrets.contains(SecretReminders::secretKeyOf(it.key()));
    }));
    if (removed == 0 && disk.size() == m_told.size())
        return 0;
    return save(error) ? removed : -1;
}

bool ReminderLedger::save(QString *error)
{
    if (m_path.isEmpty())
        return true;
    QJsonObject told;
    for (auto it = m_told.cbegin(); it != m_told.cend(); ++it)
        told.insert(it.key(), it.value().isValid() ? it.value().toUTC().toString(Qt::ISODate) : QString());
    return stateFile::write(m_path, QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("told"), told}}, error);
}

} // namespace zc
