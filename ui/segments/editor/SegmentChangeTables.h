#pragma once

#include "core/AppSegmentDiff.h"

#include <QList>
#include <QString>

class QTableWidget;

namespace zc::segmenttables {

// Fills `table` with Field | Before | After rows (create: Before is "—").
void fillChanges(QTableWidget *table, const QList<AppSegmentChange> &changes,
                 const QString &beforeHeader, const QString &afterHeader);
// Fills `table` with Field | Yours | Theirs (| When opened) rows.
void fillConflicts(QTableWidget *table, const QList<AppSegmentConflict> &fields);
// "2026-03-13 09:31:17" in local time from epoch seconds as sent; the text itself when it is not.
QString localTimeText(const QString &epochSeconds);

} // namespace zc::segmenttables
