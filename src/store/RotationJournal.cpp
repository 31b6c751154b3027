#include "store/RotationJournal.h"

#include "core/StateFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace zc {

RotationJournal::RotationJournal(const QString &configDir)
    : m_path(configDir.isEmpty() ? QString() : QDir(configDir).filePath(QLatin1String(FileName)))
{
    load();
}

QString RotationJournal::stepName(Step s)
{
    switch (s) {
    case Step::Started: return QStringLiteral("started");
    case Step::Created: return QStringLiteral("created");
    case Step::Stored: return QStringLiteral("stored");
    case Step::Verified: return QStringLiteral("verified");
    }
    return QStringLiteral("started");
}

bool RotationJournal::parseStep(const QString &name, Step *out)
{
    for (Step s : {Step::Started, Step::Created, Step::Stored, Step::Verified})
        if (stepName(s) == name) {
            *out = s;
            return true;
        }
    return false;
}

void RotationJournal::load()
{
    m_entries.clear();
    if (m_path.isEmpty())
        return;
    const QJsonObject rot = stateFile::read(m_path, 1 << 20).value(QLatin1String("rotations")).toObject();
    for (auto it = rot.begin(); it != rot.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        Entry e;
        e.profileId = it.key();
        e.clientId = o.value(QLatin1String("clientId")).toString();
        e.adminId = o.value(QLatin1String("adminId")).toString();
        if (!parseStep(o.value(QLatin1String("step")).toString(), &e.step))
            e.step = Step::Started; // an unknown step: the most careful reading
        for (const QJsonValue &v : o.value(QLatin1String("secretsBefore")).toArray())
            e.secretsBefore << v.toString();
        e.oldSecretId = o.value(QLatin1String("oldSecretId")).toString();
        e.newSecretId = o.value(QLatin1String("newSecretId")).toString();
        e.startedAt = QDateTime::fromString(o.value(QLatin1String("startedAt")).toString(), Qt::ISODate);
        if (!e.clientId.isEmpty())
            m_entries.insert(e.profileId, e);
    }
}

bool RotationJournal::write(const Entry &e, QString *error)
{
    m_entries.insert(e.profileId, e);
    return save(error);
}

bool RotationJournal::remove(const QString &profileId, QString *error)
{
    if (!m_entries.remove(profileId))
        return true;
    return save(error);
}

bool RotationJournal::save(QString *error)
{
    if (m_path.isEmpty())
        return true;
    QJsonObject rot;
    for (const Entry &e : std::as_const(m_entries))
        rot.insert(e.profileId, QJsonObject{{QStringLiteral("clientId"), e.clientId},
                                            {QStringLiteral("adminId"), e.adminId},
                                            {QStringLiteral("step"), stepName(e.step)},
                                            {QStringLiteral("secretsBefore"), QJsonArray::fromStringList(e.secretsBefore)},
                                            {QStringLiteral("oldSecretId"), e.oldSecretId},
                                            {QStringLiteral("newSecretId"), e.newSecretId},
                                            {QStringLiteral("startedAt"), e.startedAt.toUTC().toString(Qt::ISODate)}});
    return stateFile::write(m_path, QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("rotations"), rot}}, error);
}

} // namespace zc
