#include "CliOutput.h"

#include <algorithm>

namespace zc::cli {

QString printable(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar ch : value) {
        const ushort u = ch.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029
            || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            out += QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QString &h : headers)
        widths << int(h.size());
    QList<QStringList> cells;
    for (const QStringList &r : rows) {
        QStringList c;
        for (int i = 0; i < headers.size(); ++i) {
            QString v = printable(r.value(i));
            if (v.size() > 60)
                v = v.left(59) + QChar(0x2026);
            widths[i] = std::max(widths[i], int(v.size()));
            c << v;
        }
        cells << c;
    }
    auto line = [&](const QStringList &c) {
        QString s;
        for (int i = 0; i < c.size(); ++i)
            s += (i + 1 < c.size() ? c[i].leftJustified(widths[i] + 2) : c[i]);
        out << s << '\n';
    };
    line(headers);
    for (const QStringList &c : std::as_const(cells))
        line(c);
    out.flush();
}

void printFields(QTextStream &out, const QList<QPair<QString, QString>> &fields)
{
    int w = 0;
    for (const auto &f : fields)
        w = std::max(w, int(f.first.size()));
    for (const auto &f : fields)
        out << QString(f.first + QLatin1Char(':')).leftJustified(w + 2) << printable(f.second) << '\n';
    out.flush();
}

} // namespace zc::cli
