#include "SegmentChangeTables.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

namespace zc::segmenttables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(zc::SegmentEditorDialog)
};

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text.isEmpty() ? QStringLiteral("—") : text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setToolTip(text);
    return item;
}

void prepare(QTableWidget *table, const QStringList &headers, int rows)
{
    table->clear();
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setRowCount(rows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
}
} // namespace

void fillChanges(QTableWidget *table, const QList<AppSegmentChange> &changes, const QString &beforeHeader,
                 const QString &afterHeader)
{
    prepare(table, {Tr::tr("Field"), beforeHeader, afterHeader}, int(changes.size()));
    for (int row = 0; row < changes.size(); ++row) {
        const AppSegmentChange &c = changes.at(row);
        QTableWidgetItem *field = cell(c.label.isEmpty() ? c.field : c.label);
        field->setData(Qt::UserRole, c.field);
        table->setItem(row, 0, field);
        table->setItem(row, 1, cell(c.before.isUndefined() ? QString() : c.beforeText));
        table->setItem(row, 2, cell(c.afterText));
    }
    table->resizeRowsToContents();
}

void fillConflicts(QTableWidget *table, const QList<AppSegmentConflict> &fields)
{
    prepare(table, {Tr::tr("Field"), Tr::tr("Yours"), Tr::tr("Theirs (on the server)"), Tr::tr("When you opened it")},
            int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        const AppSegmentConflict &c = fields.at(row);
        QTableWidgetItem *field = cell(c.label.isEmpty() ? c.field : c.label);
        field->setData(Qt::UserRole, c.field);
        table->setItem(row, 0, field);
        table->setItem(row, 1, cell(c.mineText));
        table->setItem(row, 2, cell(c.serverText));
        table->setItem(row, 3, cell(c.baseText));
    }
    table->resizeRowsToContents();
}

QString localTimeText(const QString &epochSeconds)
{
    bool ok = false;
    const qint64 secs = epochSeconds.trimmed().toLongLong(&ok);
    if (!ok || secs <= 0)
        return epochSeconds;
    return QDateTime::fromSecsSinceEpoch(secs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace zc::segmenttables
