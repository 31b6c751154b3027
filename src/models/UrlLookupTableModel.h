#pragma once

#include "core/UrlLookup.h"

#include <QAbstractTableModel>

namespace zc {

// The results of a URL lookup as a table (URL, categories, security alerts) for the GUI's
// result view and for CSV export. Rows arrive in batches (one beginInsertRows per batch).
// Lives in the GUI thread: connect the runner's batchResults signal (queued) to appendResults.
class UrlLookupTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { UrlColumn, CategoriesColumn, AlertsColumn, ColumnCount };
    // Qt::UserRole: the raw value (QString for the URL, QStringList for the lists) for sorting
    // and filtering; Qt::DisplayRole joins lists with ", ".
    static constexpr int RawRole = Qt::UserRole;
    static constexpr int HasAlertRole = Qt::UserRole + 1; // bool: the row has a security alert

    explicit UrlLookupTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const QList<UrlLookupResult> &results() const { return m_rows; }
    int alertCount() const;

public slots:
    void appendResults(const QList<zc::UrlLookupResult> &results);
    void clear();

private:
    QList<UrlLookupResult> m_rows;
};

} // namespace zc
