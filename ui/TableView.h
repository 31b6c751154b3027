#pragma once

#include <QTableView>

class QSettings;

namespace zc {

// zconsole's table: whole-row single selection, sortable headers, no inline editing, a header
// menu to show or hide columns, its header state kept in settings, and a hint painted in the
// empty viewport ("No tenants yet…").
class TableView : public QTableView
{
    Q_OBJECT
public:
    explicit TableView(QWidget *parent = nullptr);

    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    bool isShowingEmptyText() const;

    // Header state (order, widths, hidden columns, sort) in `settings` under `key`.
    void restoreHeader(QSettings *settings, const QString &key);
    void saveHeader(QSettings *settings, const QString &key) const;
    // Sensible first-run widths, in characters of the current font, per column.
    void setInitialColumnWidths(const QList<int> &chars);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);

    QString m_emptyText;
};

} // namespace zc
