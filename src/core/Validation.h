#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace zc {

// One problem with one field of a form or profile, phrased for the person who typed it.
struct ValidationIssue
{
    QString field;   // the JSON / CLI field name, e.g. "zpaCustomerId"
    QString message; // e.g. "ZPA customer id must contain digits only"
};

using ValidationIssues = QList<ValidationIssue>;

inline QString joinIssues(const ValidationIssues &issues)
{
    QStringList parts;
    for (const auto &i : issues)
        parts << i.message;
    return parts.join(QStringLiteral("; "));
}

inline QString messageFor(const ValidationIssues &issues, const QString &field)
{
    for (const auto &i : issues)
        if (i.field == field)
            return i.message;
    return {};
}

} // namespace zc
