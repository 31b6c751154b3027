#pragma once

#include "core/ExportCsv.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

class QAbstractItemModel;
class QIODevice;

namespace zc {

// Export of what a view shows: the rows of any QAbstractItemModel (pass the proxy to get the
// current filtered and sorted view) in their order, to CSV or JSON.
//
// CSV: one header line (the horizontal header texts) and one line per row with the DisplayRole
// text of the chosen columns, quoted and formula-neutralised by ExportCsv.
//
// JSON: when `jsonRole` is set and the model answers it with a JSON object for column 0 (as
// AppSegmentTableModel::JsonRole does), the array holds those objects: the complete segments
// as the server sent them (plus unsaved edits, none in a listing), ready for
// `zconsole-cli zpa segment create/update`. Otherwise each row is an object keyed by the
// header texts of the chosen columns, with the DisplayRole values (numbers and booleans stay
// typed). JSON is never formula-neutralised (no spreadsheet reads it).
struct ExportOptions
{
    QList<int> columns;  // logical columns, in output order; empty = all
    bool headers = true; // CSV header line
    int jsonRole = -1;   // see ExportTable; -1 = columns
    ExportCsv::Options csv;
};

class ExportTable
{
public:
    enum class Format { Csv, Json };
    using Options = ExportOptions;

    static QByteArray toCsv(const QAbstractItemModel *model, const Options &options = Options());
    static QJsonArray toJsonArray(const QAbstractItemModel *model, const Options &options = Options());
    static QByteArray toJson(const QAbstractItemModel *model, const Options &options = Options());

    // Streams to a device (large views do not build one big buffer). Returns the rows written,
    // or -1 with `error` set.
    static qint64 writeCsv(const QAbstractItemModel *model, QIODevice *out, const Options &options,
                           QString *error = nullptr);
    // Writes a file atomically (QSaveFile): a failed export never leaves half a file.
    static qint64 writeFile(const QString &path, Format format, const QAbstractItemModel *model,
                            const Options &options, QString *error = nullptr);

private:
    static QList<int> columnsOf(const QAbstractItemModel *model, const Options &options);
};

} // namespace zc
