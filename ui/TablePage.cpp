#include "TablePage.h"

#include "services/AppServices.h"
#include "Icons.h"
#include "TableView.h"
#include "models/ModelRoles.h"
#include "models/TableFilterProxy.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>

namespace zc {

TablePage::TablePage(AppServices *services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
}

void TablePage::setupTable(TableView *view, QLineEdit *filter, QAbstractButton *add,
                           QAbstractButton *edit, QAbstractButton *del, QAbstractItemModel *source,
                           TableFilterProxy *proxy, const QString &headerKey)
{
    m_view = view;
    m_filter = filter;
    m_add = add;
    m_edit = edit;
    m_delete = del;
    m_proxy = proxy;
    m_headerKey = headerKey;

    proxy->setSourceModel(source);
    view->setModel(proxy);
    view->sortByColumn(0, Qt::AscendingOrder);

    filter->setClearButtonEnabled(true);
    filter->setPlaceholderText(tr("Filter…"));
    filter->addAction(Icons::get(QStringLiteral("filter")), QLineEdit::LeadingPosition);
    // Escape in the filter box clears it; Down moves on to the table.
    new QShortcut(QKeySequence(Qt::Key_Escape), filter, filter, &QLineEdit::clear, Qt::WidgetShortcut);
    new QShortcut(QKeySequence(Qt::Key_Down), filter, this, [this] {
        m_view->setFocus(Qt::TabFocusReason);
        if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_view->selectRow(0);
    }, Qt::WidgetShortcut);
    connect(filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateActions();
    });

    add->setIcon(Icons::get(QStringLiteral("add")));
    edit->setIcon(Icons::get(QStringLiteral("edit")));
    del->setIcon(Icons::get(QStringLiteral("delete")));
    connect(add, &QAbstractButton::clicked, this, &TablePage::addItem);
    connect(edit, &QAbstractButton::clicked, this, &TablePage::editCurrent);
    connect(del, &QAbstractButton::clicked, this, &TablePage::deleteCurrent);

    // Enter and double-click both arrive as activated().
    connect(view, &QAbstractItemView::activated, this, [this] {
        if (canEdit())
            editCurrent();
    });
    connect(view, &QWidget::customContextMenuRequested, this, &TablePage::showContextMenu);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TablePage::updateActions);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TablePage::updateActions);
    for (auto sig : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(proxy, sig, this, &TablePage::updateActions);
    connect(proxy, &QAbstractItemModel::modelReset, this, &TablePage::updateActions);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &TablePage::updateActions);
    updateActions();
}

QString TablePage::currentId() const
{
    if (!m_view || !m_view->selectionModel())
        return {};
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return {};
    return rows.constFirst().data(IdRole).toString();
}

bool TablePage::selectId(const QString &id)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex idx = m_proxy->index(r, 0);
        if (idx.data(IdRole).toString() == id) {
            m_view->setCurrentIndex(idx);
            m_view->selectRow(r);
            m_view->scrollTo(idx);
            return true;
        }
    }
    return false;
}

int TablePage::visibleRows() const { return m_proxy ? m_proxy->rowCount() : 0; }

void TablePage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateActions();
}

void TablePage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

QString TablePage::noMatchText() const
{
    return tr("No rows match the filter “%1”.").arg(m_filter->text());
}

void TablePage::updateActions()
{
    if (!m_view)
        return;
    const bool sourceEmpty = !m_proxy->sourceModel() || m_proxy->sourceModel()->rowCount() == 0;
    m_view->setEmptyText(sourceEmpty ? emptyText() : noMatchText());
    m_add->setEnabled(canAdd());
    m_edit->setEnabled(canEdit());
    m_delete->setEnabled(canDelete());
    const QString ro = tr("The configuration is read-only");
    for (QAbstractButton *b : {m_add, m_edit, m_delete})
        b->setToolTip(m_readOnly ? ro : b->statusTip());
    emit actionsChanged();
}

void TablePage::fillContextMenu(QMenu *menu)
{
    QAction *edit = menu->addAction(Icons::get(QStringLiteral("edit")), tr("&Edit…"), this, &TablePage::editCurrent);
    edit->setEnabled(canEdit());
    QAction *del = menu->addAction(Icons::get(QStringLiteral("delete")), tr("&Delete…"), this, &TablePage::deleteCurrent);
    del->setEnabled(canDelete());
    menu->addSeparator();
    QAction *add = menu->addAction(Icons::get(QStringLiteral("add")), tr("&Add…"), this, &TablePage::addItem);
    add->setEnabled(canAdd());
}

void TablePage::showContextMenu(const QPoint &pos)
{
    const QModelIndex idx = m_view->indexAt(pos);
    if (idx.isValid())
        m_view->selectRow(idx.row());
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    fillContextMenu(menu);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void TablePage::showError(const QString &title, const QString &text)
{
    emit statusMessage(text);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void TablePage::saveState(QSettings *settings) const
{
    if (m_view)
        m_view->saveHeader(settings, m_headerKey);
}

void TablePage::restoreState(QSettings *settings)
{
    if (m_view)
        m_view->restoreHeader(settings, m_headerKey);
}

} // namespace zc
