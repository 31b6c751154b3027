#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace zc {

// CSV as RFC 4180 writes it, made safe for spreadsheets.
//
// - A field is quoted when it contains the separator, a quote, CR or LF (or leading/trailing
//   spaces); quotes inside are doubled.
// - Formula neutralisation (OWASP "CSV injection"): a cell that starts with '=', '+', '-',
//   '@', a tab or a carriage return (or their full-width forms ＝ ＋ － ＠) gets a leading
//   apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running it.
//   The apostrophe is part of the exported text: "-1" is exported as "'-1".
class ExportCsv
{
public:
    struct Options
    {
        QChar separator = QLatin1Char(',');
        bool neutraliseFormulas = true;
        bool byteOrderMark = false; // UTF-8 BOM first (helps Excel on Windows detect UTF-8)
        QByteArray lineEnding = "\r\n";
    };

    static bool needsNeutralising(const QString &cell);
    static QString field(const QString &cell, const Options &options);
    static QString field(const QString &cell) { return field(cell, Options()); }
    static QByteArray line(const QStringList &cells, const Options &options); // UTF-8 + line ending
    static QByteArray bom() { return QByteArray("\xEF\xBB\xBF"); }
};

} // namespace zc
