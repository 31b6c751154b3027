#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace zc {

class TenantStore;
class ZiaService;

// The ZIA tenants (tenants with a ZIA-speaking API client) and what ZiaService last learned of
// each: activation state, read-only mode, the client polled with, last check or error.
class ZiaTenantModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TenantColumn, StateColumn, ClientColumn, CheckedColumn, ColumnCount };
    static constexpr int TenantIdRole = Qt::UserRole + 1;
    static constexpr int BadgeColorRole = Qt::UserRole + 2;

    ZiaTenantModel(TenantStore *store, ZiaService *zia, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString tenantAt(int row) const { return m_rows.value(row); }
    int rowOf(const QString &tenantId) const { return int(m_rows.indexOf(tenantId)); }

private:
    void reload();
    void onStatus(const QString &tenantId);

    TenantStore *m_store;
    ZiaService *m_zia;
    QStringList m_rows;
};

} // namespace zc
