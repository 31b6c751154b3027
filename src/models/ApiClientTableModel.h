#pragma once

#include "core/ApiClient.h"

#include <QAbstractTableModel>
#include <QList>

namespace zc {

class TenantStore;

// API-client profiles of a TenantStore, one row each (no secret values: only whether each
// secret is stored, from the config, so listing never touches the keychain).
class ApiClientTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Tenant, Kind, Identity, Secrets, Endpoint, Modified, ColumnCount };

    explicit ApiClientTableModel(TenantStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const ApiClient &clientAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;

    // "secret ✓", "password ✓ · api-key missing"
    static QString secretSummary(const ApiClient &c);

private:
    void reload();
    QString tenantName(const QString &tenantId) const;

    TenantStore *m_store;
    QList<ApiClient> m_rows;
};

} // namespace zc
