#pragma once

#include "core/ZpaGroups.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// The orders the segment table sorts by, as plain functions (no model needed to test them).
// All return <0, 0 or >0.
namespace zc::segorder {

// Case-insensitive: QString::compare(…, Qt::CaseInsensitive).
int compareText(const QString &a, const QString &b);
// Ids are decimal numbers of up to 20 digits: shorter is smaller, then digit by digit.
int compareIds(const QString &a, const QString &b);
int compareIds(QByteArrayView a, QByteArrayView b);
// Byte order, then length.
int compareBytes(QByteArrayView a, QByteArrayView b);
// Case-insensitive order of UTF-8 text: the byte order of its case-folded UTF-8. ASCII text is
// folded on the fly; other text through QString::toCaseFolded().
int compareUtf8(QByteArrayView a, QByteArrayView b);
// Element by element by name (the id where a name is missing), then by count.
int compareGroups(const QList<ZpaRef> &a, const QList<ZpaRef> &b);
QByteArray foldUtf8(QByteArrayView v);
bool isAscii(QByteArrayView v);

// What one row sorts by, read once per sort instead of once per comparison: compareBytes()
// on two keys' text gives the order compareUtf8() gives on the original texts.
struct SortKey
{
    QByteArrayView text; // case-folded: a view into the row, or into `folded`
    QByteArray folded;   // only when the text has capitals or is not ASCII
    QByteArrayView id;
    qint64 number = 0;   // a secondary key (e.g. the domain count)
    void setText(QByteArrayView v);
};

} // namespace zc::segorder
