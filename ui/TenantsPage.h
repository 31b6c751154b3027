#pragma once

#include "TablePage.h"

#include <memory>

namespace Ui {
class TenantsPage;
}

namespace zc {

class TenantTableModel;

// The tenants table with add / edit / delete. Deleting names the tenant's API clients and their
// keychain entries, and for a protected tenant asks for its name to be typed.
class TenantsPage : public TablePage
{
    Q_OBJECT
public:
    explicit TenantsPage(AppServices *services, QWidget *parent = nullptr);
    ~TenantsPage() override;

    TenantTableModel *model() const { return m_model; }

public slots:
    void addItem() override;
    void editCurrent() override;
    void deleteCurrent() override;

signals:
    void activeTenantRequested(const QString &tenantId);

protected:
    void fillContextMenu(QMenu *menu) override;
    QString emptyText() const override;

private:
    void deleteTenant(const QString &tenantId);

    std::unique_ptr<Ui::TenantsPage> m_ui;
    TenantTableModel *m_model;
};

} // namespace zc
