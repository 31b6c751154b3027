#pragma once

#include <QSortFilterProxyModel>

namespace zc {

// Sorts URL lookup results (case-insensitive, locale-aware) and marks the rows that carry a
// security alert in red, with a warning icon in the alerts column.
class UrlResultProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit UrlResultProxy(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace zc
