#pragma once

#include <QJsonObject>
#include <QString>

namespace zc {

// The small non-secret state files of the config folder (apptotal-quota.json, zid-inventory.json,
// rotation-journal.json, reminders.json): one JSON object each, written atomically (QSaveFile,
// the folder made if missing) with mode 0600, read with a size cap.
namespace stateFile {
// False with *error ("cannot write <path>: <why>") when the file could not be written.
bool write(const QString &path, const QJsonObject &root, QString *error = nullptr);
// The file's object; empty when it is missing, unreadable, larger than `maxBytes` or not a JSON
// object (then *error says why, unless the file is simply missing).
QJsonObject read(const QString &path, qint64 maxBytes, QString *error = nullptr);
} // namespace stateFile

} // namespace zc
