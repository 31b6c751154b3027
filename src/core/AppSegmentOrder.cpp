#include "core/AppSegmentOrder.h"

#include <algorithm>
#include <cstring>

namespace zc::segorder {

int compareText(const QString &a, const QString &b)
{
    return QString::compare(a, b, Qt::CaseInsensitive);
}

// Ids are decimal numbers of up to 20 digits: shorter is smaller, then digit by digit.
int compareIds(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return QString::compare(a, b, Qt::CaseSensitive);
}

int compareIds(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    const int c = a.isEmpty() ? 0 : std::memcmp(a.data(), b.data(), size_t(a.size()));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Case-folded UTF-8 of non-ASCII text (ASCII text is folded on the fly).
QByteArray foldUtf8(QByteArrayView v)
{
    return QString::fromUtf8(v).toCaseFolded().toUtf8();
}

bool isAscii(QByteArrayView v)
{
    for (char c : v)
        if (uchar(c) >= 0x80)
            return false;
    return true;
}

int compareBytes(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    const int c = n ? std::memcmp(a.data(), b.data(), size_t(n)) : 0;
    if (c != 0)
        return c < 0 ? -1 : 1;
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// Case-insensitive order of UTF-8 text: the byte order of the case-folded UTF-8. One order
// for sort() (which folds each row once) and for placing single rows (which folds on the fly).
int compareUtf8(QByteArrayView a, QByteArrayView b)
{
    if (!isAscii(a) || !isAscii(b))
        return compareBytes(foldUtf8(a), foldUtf8(b));
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        char x = a.at(i), y = b.at(i);
        if (x >= 'A' && x <= 'Z')
            x = char(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = char(y + 32);
        if (x != y)
            return uchar(x) < uchar(y) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int compareGroups(const QList<ZpaRef> &a, const QList<ZpaRef> &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const ZpaRef &x = a.at(i);
        const ZpaRef &y = b.at(i);
        const int c = compareText(x.name.isEmpty() ? x.id : x.name, y.name.isEmpty() ? y.id : y.name);
        if (c != 0)
            return c;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

void SortKey::setText(QByteArrayView v)
{
    bool fold = false;
    for (char c : v)
        if ((c >= 'A' && c <= 'Z') || uchar(c) >= 0x80) {
            fold = true;
            break;
        }
    if (!fold) {
        text = v;
        return;
    }
    if (isAscii(v)) {
        folded = v.toByteArray();
        for (char &c : folded)
            if (c >= 'A' && c <= 'Z')
                c = char(c + 32);
    } else {
        folded = foldUtf8(v);
    }
    text = folded;
}

} // namespace zc::segorder
