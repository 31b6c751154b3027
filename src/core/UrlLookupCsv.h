#pragma once

#include <QByteArray>
#include <QString>

class QAbstractItemModel;

namespace zc {

// CSV of a table model (header row + DisplayRole of every cell), RFC 4180 quoting, UTF-8, CRLF.
// Spreadsheet formula injection is neutralised: a cell that starts with = + - @ TAB or CR gets a
// leading apostrophe. Used for the URL lookup results; stands in until a shared model-based
// exporter exists (then this becomes a thin call to it).
class UrlLookupCsv
{
public:
    static QString cell(const QString &value);
    static QByteArray fromModel(const QAbstractItemModel &model);
    // Writes atomically (QSaveFile); false and *error on failure.
    static bool write(const QAbstractItemModel &model, const QString &path, QString *error);
};

} // namespace zc
