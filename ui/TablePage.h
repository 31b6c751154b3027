#pragma once

#include <QWidget>

class QAbstractButton;
class QAbstractItemModel;
class QLineEdit;
class QMenu;
class QSettings;

namespace zc {

class AppServices;
class TableFilterProxy;
class TableView;

// What the Tenants and API Clients pages share: a filter box, a sortable table on a
// TableFilterProxy, Add / Edit / Delete buttons enabled only when they make sense, double-click
// or Enter to edit, a context menu, an empty-state hint, and the header state in settings.
class TablePage : public QWidget
{
    Q_OBJECT
public:
    explicit TablePage(AppServices *services, QWidget *parent = nullptr);

    TableView *view() const { return m_view; }
    TableFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }

    QString currentId() const; // stable id of the selected row, empty if none
    bool selectId(const QString &id);
    int visibleRows() const;

    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    virtual bool canAdd() const { return !m_readOnly; }
    virtual bool canEdit() const { return !m_readOnly && !currentId().isEmpty(); }
    virtual bool canDelete() const { return !m_readOnly && !currentId().isEmpty(); }

    void saveState(QSettings *settings) const;
    virtual void restoreState(QSettings *settings);

public slots:
    virtual void addItem() = 0;
    virtual void editCurrent() = 0;
    virtual void deleteCurrent() = 0;
    void focusFilter();

signals:
    void actionsChanged();
    void statusMessage(const QString &text);

protected:
    void setupTable(TableView *view, QLineEdit *filter, QAbstractButton *add, QAbstractButton *edit,
                    QAbstractButton *del, QAbstractItemModel *source, TableFilterProxy *proxy,
                    const QString &headerKey);
    virtual void fillContextMenu(QMenu *menu);
    virtual QString emptyText() const = 0;
    virtual QString noMatchText() const;
    void updateActions();
    void showError(const QString &title, const QString &text);

    AppServices *m_services;

private:
    void showContextMenu(const QPoint &pos);

    TableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QAbstractButton *m_add = nullptr;
    QAbstractButton *m_edit = nullptr;
    QAbstractButton *m_delete = nullptr;
    TableFilterProxy *m_proxy = nullptr;
    QString m_headerKey;
    bool m_readOnly = false;
};

} // namespace zc
