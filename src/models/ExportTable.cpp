#include "models/ExportTable.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSaveFile>

namespace zc {

QList<int> ExportTable::columnsOf(const QAbstractItemModel *model, const Options &options)
{
    QList<int> cols;
    const int n = model->columnCount();
    if (options.columns.isEmpty()) {
        for (int c = 0; c < n; ++c)
            cols.append(c);
    } else {
        for (int c : options.columns)
            if (c >= 0 && c < n)
                cols.append(c);
    }
    return cols;
}

qint64 ExportTable::writeCsv(const QAbstractItemModel *model, QIODevice *out, const Options &options, QString *error)
{
    const QList<int> cols = columnsOf(model, options);
    auto put = [&](const QByteArray &b) {
        if (out->write(b) == b.size())
            return true;
        if (error)
            *error = QObject::tr("Writing the export failed: %1").arg(out->errorString());
        return false;
    };
    if (options.csv.byteOrderMark && !put(ExportCsv::bom()))
        return -1;
    QStringList cells;
    if (options.headers) {
        for (int c : cols)
            cells.append(model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        if (!put(ExportCsv::line(cells, options.csv)))
            return -1;
    }
    QByteArray chunk;
    const int rows = model->rowCount();
    for (int r = 0; r < rows; ++r) {
        cells.clear();
        for (int c : cols)
            cells.append(model->index(r, c).data(Qt::DisplayRole).toString());
        chunk += ExportCsv::line(cells, options.csv);
        if (chunk.size() > (1 << 20)) {
            if (!put(chunk))
                return -1;
            chunk.clear();
        }
    }
    if (!chunk.isEmpty() && !put(chunk))
        return -1;
    return rows;
}

QByteArray ExportTable::toCsv(const QAbstractItemModel *model, const Options &options)
{
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    writeCsv(model, &buf, options);
    return bytes;
}

QJsonArray ExportTable::toJsonArray(const QAbstractItemModel *model, const Options &options)
{
    QJsonArray out;
    const QList<int> cols = columnsOf(model, options);
    QStringList keys;
    for (int c : cols) {
        QString k = model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        if (k.isEmpty() || keys.contains(k))
            k = QStringLiteral("column%1").arg(c);
        keys.append(k);
    }
    const int rows = model->rowCount();
    for (int r = 0; r < rows; ++r) {
        if (options.jsonRole >= 0) {
            const QVariant v = model->index(r, 0).data(options.jsonRole);
            if (v.metaType() == QMetaType::fromType<QJsonObject>()) {
                out.append(v.toJsonObject());
                continue;
            }
        }
        QJsonObject o;
        for (qsizetype i = 0; i < cols.size(); ++i) {
            const QVariant v = model->index(r, cols.at(i)).data(Qt::DisplayRole);
            switch (v.metaType().id()) {
            case QMetaType::Bool: o.insert(keys.at(i), v.toBool()); break;
            case QMetaType::Int:
            case QMetaType::LongLong:
            case QMetaType::UInt:
            case QMetaType::Double: o.insert(keys.at(i), QJsonValue::fromVariant(v)); break;
            case QMetaType::QDateTime: o.insert(keys.at(i), v.toDateTime().toUTC().toString(Qt::ISODate)); break;
            default: o.insert(keys.at(i), v.toString()); break;
            }
        }
        out.append(o);
    }
    return out;
}

QByteArray ExportTable::toJson(const QAbstractItemModel *model, const Options &options)
{
    return QJsonDocument(toJsonArray(model, options)).toJson(QJsonDocument::Indented);
}

qint64 ExportTable::writeFile(const QString &path, Format format, const QAbstractItemModel *model,
                              const Options &options, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QObject::tr("Cannot write %1: %2").arg(path, f.errorString());
        return -1;
    }
    qint64 rows = -1;
    if (format == Format::Csv) {
        rows = writeCsv(model, &f, options, error);
    } else {
        const QByteArray json = toJson(model, options);
        rows = f.write(json) == json.size() ? model->rowCount() : -1;
        if (rows < 0 && error)
            *error = QObject::tr("Writing %1 failed: %2").arg(path, f.errorString());
    }
    if (rows < 0) {
        f.cancelWriting();
        return -1;
    }
    if (!f.commit()) {
        if (error)
            *error = QObject::tr("Cannot save %1: %2").arg(path, f.errorString());
        return -1;
    }
    return rows;
}

} // namespace zc
