#pragma once

#include "store/AuditLog.h"

#include <QDialog>
#include <QList>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace zc {

// The local audit log (audit.jsonl in the config folder): one row per change made through
// zconsole, newest first, a filter box over all columns, and a detail pane with the changed
// fields and the before/after JSON of the selected record.
class AuditLogDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TenantColumn, ClientColumn, ActionColumn, ObjectColumn, NameColumn, ResultColumn,
                  ColumnCount };

    // `tenantFilter`: a tenant id or name; empty = all tenants.
    AuditLogDialog(const QString &configDir, const QString &tenantFilter, QWidget *parent = nullptr);

    QAbstractItemModel *model() const;  // the rows shown (after the filter box), for tests
    QString detailText() const;         // the detail pane
    QString statusText() const;         // "3 changes", "No changes recorded yet", read errors

public slots:
    void refresh();
    void setFilterText(const QString &text);

private:
    void showDetail(const QModelIndex &proxyIndex);
    static QString describe(const AuditRecord &r);

    AuditLog m_log;
    QString m_tenantFilter;
    QList<AuditRecord> m_records;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QPlainTextEdit *m_detail;
    QLabel *m_status;
};

} // namespace zc
