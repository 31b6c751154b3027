#pragma once

#include "TablePage.h"

#include <memory>

namespace Ui {
class ApiClientsPage;
}

namespace zc {

class ApiClientTableModel;
class ClientFilterProxy;

// The API-client profiles table: add / edit / delete, "Set secret…", and a switch to show only
// the active tenant's clients. Listing never touches the keychain (the model reads the config).
class ApiClientsPage : public TablePage
{
    Q_OBJECT
public:
    explicit ApiClientsPage(AppServices *services, QWidget *parent = nullptr);
    ~ApiClientsPage() override;

    ApiClientTableModel *model() const { return m_model; }
    ClientFilterProxy *clientProxy() const { return m_clientProxy; }

    bool canAdd() const override;
    bool canSetSecret() const;

    void setActiveTenant(const QString &tenantId);
    QString activeTenant() const { return m_activeTenant; }
    void setOnlyActiveTenant(bool on);
    bool onlyActiveTenant() const;

public slots:
    void addItem() override;
    void editCurrent() override;
    void deleteCurrent() override;
    void setSecretOfCurrent();

protected:
    void fillContextMenu(QMenu *menu) override;
    QString emptyText() const override;
    QString noMatchText() const override;

private:
    void applyTenantFilter();
    void deleteClient(const QString &clientId);

    std::unique_ptr<Ui::ApiClientsPage> m_ui;
    ApiClientTableModel *m_model;
    ClientFilterProxy *m_clientProxy;
    QString m_activeTenant;
};

} // namespace zc
