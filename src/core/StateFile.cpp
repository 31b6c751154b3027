#include "core/StateFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace zc::stateFile {

bool write(const QString &path, const QJsonObject &root, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    const auto fail = [&] {
        if (error)
            *error = QCoreApplication::translate("zc", "cannot write %1: %2").arg(path, f.errorString());
        return false;
    };
    if (!f.open(QIODevice::WriteOnly))
        return fail();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return fail();
    return true;
}

QJsonObject read(const QString &path, qint64 maxBytes, QString *error)
{
    QFile f(path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("zc", "cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    if (f.size() > maxBytes) {
        if (error)
            *error = QCoreApplication::translate("zc", "%1 is larger than %2 bytes").arg(path).arg(maxBytes);
        return {};
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate("zc", "%1 is not a JSON object: %2").arg(path, pe.errorString());
        return {};
    }
    return doc.object();
}

} // namespace zc::stateFile
