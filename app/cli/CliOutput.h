#pragma once

#include <QList>
#include <QStringList>
#include <QTextStream>

namespace zc::cli {

// Makes a value safe to print on a terminal: control characters (ANSI escapes, CR, NUL…)
// become visible escapes, so names cannot rewrite the screen.
QString printable(const QString &value);

// Prints an aligned text table (values passed through printable()).
void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows);

// "key: value" lines, aligned.
void printFields(QTextStream &out, const QList<QPair<QString, QString>> &fields);

} // namespace zc::cli
