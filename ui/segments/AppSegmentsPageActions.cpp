// The App Segments page: column chooser, copy and export.
#include "AppSegmentsPage.h"

#include "services/AppServices.h"
#include "SettingsKeys.h"
#include "MessageBar.h"
#include "TableView.h"
#include "models/AppSegmentFilterProxy.h"
#include "models/AppSegmentTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>

namespace zc {

namespace {
// Visible columns in their visual order.
QList<int> visibleColumns(const QHeaderView *header, int count)
{
    QList<int> cols;
    for (int v = 0; v < count; ++v) {
        const int logical = header->logicalIndex(v);
        if (logical >= 0 && !header->isSectionHidden(logical))
            cols.append(logical);
    }
    return cols;
}

QString tsvCell(QString s)
{
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return s;
}
} // namespace

bool AppSegmentsPage::isColumnVisible(int column) const
{
    return !m_view->horizontalHeader()->isSectionHidden(column);
}

void AppSegmentsPage::setColumnVisible(int column, bool visible)
{
    if (column < 0 || column >= m_proxy->columnCount() || (column == AppSegmentTableModel::Name && !visible))
        return; // the name always stays
    if (visible == isColumnVisible(column))
        return;
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionHidden(column, !visible);
    if (visible && header->sectionSize(column) < 20)
        header->resizeSection(column, header->defaultSectionSize());
    m_headerSave->stop();
    m_view->saveHeader(m_services->settings(), settingskey::segmentsHeader());
}

void AppSegmentsPage::fillColumnsMenu()
{
    m_columnsMenu->clear();
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        QAction *a = m_columnsMenu->addAction(m_proxy->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(isColumnVisible(c));
        a->setEnabled(c != AppSegmentTableModel::Name);
        a->setData(c);
        connect(a, &QAction::toggled, this, [this, c](bool on) { setColumnVisible(c, on); });
    }
}

QString AppSegmentsPage::selectionAsTsv() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    const QList<int> cols = visibleColumns(m_view->horizontalHeader(), m_proxy->columnCount());
    QStringList lines;
    QStringList cells;
    for (int c : cols)
        cells << tsvCell(m_proxy->headerData(c, Qt::Horizontal).toString());
    lines << cells.join(QLatin1Char('\t'));
    for (const QModelIndex &r : std::as_const(rows)) {
        cells.clear();
        for (int c : cols)
            cells << tsvCell(m_proxy->index(r.row(), c).data().toString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void AppSegmentsPage::copySelection()
{
    const QString text = selectionAsTsv();
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    const int n = int(text.count(QLatin1Char('\n'))) - 1;
    emit statusMessage(n == 1 ? tr("Copied 1 row") : tr("Copied %1 rows").arg(n));
}

qint64 AppSegmentsPage::exportTo(const QString &path, ExportTable::Format format, QString *error) const
{
    ExportOptions options;
    options.columns = visibleColumns(m_view->horizontalHeader(), m_proxy->columnCount());
    if (format == ExportTable::Format::Json)
        options.jsonRole = AppSegmentTableModel::JsonRole; // the complete segments
    return ExportTable::writeFile(path, format, m_proxy, options, error);
}

void AppSegmentsPage::exportCsv() { exportWithDialog(ExportTable::Format::Csv); }
void AppSegmentsPage::exportJson() { exportWithDialog(ExportTable::Format::Json); }

void AppSegmentsPage::exportWithDialog(ExportTable::Format format)
{
    const bool csv = format == ExportTable::Format::Csv;
    auto write = [this, format](const QString &path) {
        if (path.isEmpty())
            return;
        QString why;
        const qint64 rows = exportTo(path, format, &why);
        if (rows < 0)
            showMessage(int(MessageBar::Type::Error), tr("Export failed: %1").arg(why));
        else
            showMessage(int(MessageBar::Type::Success),
                        tr("Exported %1 rows to %2").arg(rows).arg(QDir::toNativeSeparators(path)));
    };
    if (m_savePathHook) {
        const QString path = m_savePathHook(format);
        QTimer::singleShot(0, this, [write, path] { write(path); });
        return;
    }
    auto *dlg = new QFileDialog(this, csv ? tr("Export segments as CSV") : tr("Export segments as JSON"),
                                QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setAcceptMode(QFileDialog::AcceptSave);
    dlg->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dlg->selectFile(csv ? QStringLiteral("app-segments.csv") : QStringLiteral("app-segments.json"));
    connect(dlg, &QFileDialog::fileSelected, this, write);
    dlg->open();
}

} // namespace zc
