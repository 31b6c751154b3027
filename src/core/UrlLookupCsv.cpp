#include "core/UrlLookupCsv.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QSaveFile>

namespace zc {

QString UrlLookupCsv::cell(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar c = v.at(0);
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
            || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            v.prepend(QLatin1Char('\''));
    }
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))
        || v.contains(QLatin1Char('\r')) || v.startsWith(QLatin1Char(' ')) || v.endsWith(QLatin1Char(' '))) {
        v.replace(QLatin1Char('"'), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

QByteArray UrlLookupCsv::fromModel(const QAbstractItemModel &model)
{
    QString out;
    const int cols = model.columnCount();
    QStringList row;
    for (int c = 0; c < cols; ++c)
        row << cell(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    out += row.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        row.clear();
        for (int c = 0; c < cols; ++c)
            row << cell(model.data(model.index(r, c), Qt::DisplayRole).toString());
        out += row.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return out.toUtf8();
}

bool UrlLookupCsv::write(const QAbstractItemModel &model, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("zc", "cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(fromModel(model));
    if (!f.commit()) {
        if (error)
            *error = QCoreApplication::translate("zc", "cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace zc
