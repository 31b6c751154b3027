#pragma once

#include <QIcon>
#include <QSortFilterProxyModel>

namespace zc {

// Sorts URL lookup results (case-insensitive, locale-aware) and marks the rows that carry a
// security alert in red, with the alert icon (setAlertIcon: the GUI's "warning") in the alerts
// column.
class UrlResultProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit UrlResultProxy(QObject *parent = nullptr);
    void setAlertIcon(const QIcon &icon) { m_alertIcon = icon; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QIcon m_alertIcon;
};

} // namespace zc
