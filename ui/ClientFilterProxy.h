#pragma once

#include "models/TableFilterProxy.h"

namespace zc {

// TableFilterProxy over an ApiClientTableModel that can also keep only one tenant's clients,
// and dresses the token columns: a coloured dot per state, the last error in red.
class ClientFilterProxy : public TableFilterProxy
{
    Q_OBJECT
public:
    explicit ClientFilterProxy(QObject *parent = nullptr);

    // Empty: all tenants.
    void setTenantFilter(const QString &tenantId);
    QString tenantFilter() const { return m_tenantId; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_tenantId;
};

} // namespace zc
