#pragma once

#include "core/Tenant.h"

#include <QAbstractTableModel>
#include <QList>

namespace zc {

class TenantDirectory;

// Tenants of a TenantDirectory (the TenantStore), one row each. Keeps its own copy of the rows
// and follows the store's change signals, so views never see a half-applied change.
class TenantTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Cloud, Vanity, ZpaCustomerId, ZiaOrgId, Clients, Protected, Notes, Modified, ColumnCount };

    explicit TenantTableModel(TenantDirectory *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Tenant &tenantAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;

private:
    void reload();
    int clientCount(const QString &tenantId) const;

    TenantDirectory *m_store;
    QList<Tenant> m_rows;
};

} // namespace zc
