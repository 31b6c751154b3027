#include "core/ExportCsv.h"

namespace zc {

bool ExportCsv::needsNeutralising(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    switch (cell.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case 0xFF1D: // ＝ FULLWIDTH EQUALS SIGN
    case 0xFF0B: // ＋
    case 0xFF0D: // －
    case 0xFF20: // ＠
        return true;
    default:
        return false;
    }
}

QString ExportCsv::field(const QString &cell, const Options &options)
{
    QString v = cell;
    if (options.neutraliseFormulas && needsNeutralising(v))
        v.prepend(QLatin1Char('\''));
    const bool quote = v.contains(options.separator) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))
                       || v.contains(QLatin1Char('\r'))
                       || (!v.isEmpty() && (v.front().isSpace() || v.back().isSpace()));
    if (!quote)
        return v;
    v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QByteArray ExportCsv::line(const QStringList &cells, const Options &options)
{
    QString s;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            s += options.separator;
        s += field(cells.at(i), options);
    }
    return s.toUtf8() + options.lineEnding;
}

} // namespace zc
