#include "TableView.h"

#include <QHeaderView>
#include <QMenu>
#include <QPainter>
#include <QSettings>

namespace zc {

TableView::TableView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setShowGrid(false);
    setContextMenuPolicy(Qt::CustomContextMenu);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &TableView::showHeaderMenu);
}

void TableView::setEmptyText(const QString &text)
{
    if (m_emptyText == text)
        return;
    m_emptyText = text;
    viewport()->update();
}

bool TableView::isShowingEmptyText() const
{
    return !m_emptyText.isEmpty() && (!model() || model()->rowCount(rootIndex()) == 0);
}

void TableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!isShowingEmptyText())
        return;
    QPainter p(viewport());
    QColor c = palette().color(QPalette::Disabled, QPalette::Text);
    p.setPen(c);
    const QRect r = viewport()->rect().adjusted(24, 24, -24, -24);
    p.drawText(r, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_emptyText);
}

void TableView::restoreHeader(QSettings *settings, const QString &key)
{
    const QByteArray state = settings->value(key).toByteArray();
    if (!state.isEmpty())
        horizontalHeader()->restoreState(state);
}

void TableView::saveHeader(QSettings *settings, const QString &key) const
{
    settings->setValue(key, horizontalHeader()->saveState());
}

void TableView::setInitialColumnWidths(const QList<int> &chars)
{
    const int ch = fontMetrics().averageCharWidth();
    for (int i = 0; i < chars.size(); ++i)
        if (chars[i] > 0)
            setColumnWidth(i, chars[i] * ch + 16);
}

void TableView::showHeaderMenu(const QPoint &pos)
{
    if (!model())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QHeaderView *header = horizontalHeader();
    const int count = model()->columnCount();
    int visible = 0;
    for (int c = 0; c < count; ++c)
        visible += header->isSectionHidden(c) ? 0 : 1;
    for (int c = 0; c < count; ++c) {
        QAction *a = menu->addAction(model()->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(c != 0 && !(visible == 1 && !header->isSectionHidden(c))); // keep Name
        connect(a, &QAction::toggled, this, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu->popup(header->viewport()->mapToGlobal(pos));
}

} // namespace zc
