#include "store/ReminderLedger.h"

#include "core/SecretReminders.h"

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
    QFile f(m_path);
    if (!f.exists())
        return out;
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("zc", "cannot read %1: %2").arg(m_path, f.errorString());
        return out;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(16LL << 20), &pe);
    if (!doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate("zc", "%1 is not a JSON object (%2): no reminder counts as told")
                         .arg(m_path, pe.errorString());
        return out;
    }
    const QJsonObject told = doc.object().value(QLatin1String("told")).toObject();
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
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("zc", "cannot write %1: %2").arg(m_path, f.errorString());
        return false;
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("told"), told}})
                .toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        if (error)
            *error = QCoreApplication::translate("zc", "cannot write %1: %2").arg(m_path, f.errorString());
        return false;
    }
    return true;
}

} // namespace zc
