#pragma once

#include "core/SaasIncident.h"

#include <QAbstractTableModel>

namespace zc {

// SaaS Security incidents as a table: id, severity (coloured), state, status, app, asset,
// owner, exposure, created, updated. Sorts through a proxy by the raw value (Qt::UserRole).
class SaasIncidentModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Severity, State, Status, App, Asset, Owner, Exposure, Created, Updated, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setIncidents(const QList<SaasIncident> &incidents);
    const QList<SaasIncident> &incidents() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SaasIncident> m_rows;
};

} // namespace zc
