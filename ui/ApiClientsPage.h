#pragma once

#include "TablePage.h"

#include <memory>

namespace Ui {
class ApiClientsPage;
}

namespace zc {

class ApiClientTableModel;
class ClientFilterProxy;
class MessageBar;

// The API-client profiles table: add / edit / delete, "Set secret…", and a switch to show only
// the active tenant's clients. Listing never touches the keychain (the model reads the config).
// With the session running, each client's token state (coloured dot), a live countdown and
// the last error (full text in the tooltip); "Test connection" (token + one authenticated read
// in the worker thread; progress and the result in a message bar) and "Forget token".
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
    bool canTestConnection() const;
    bool canForgetToken() const;
    MessageBar *resultBar() const { return m_result; }
    bool isTesting(const QString &clientId) const { return m_testing.contains(clientId); }

    void setActiveTenant(const QString &tenantId);
    QString activeTenant() const { return m_activeTenant; }
    void setOnlyActiveTenant(bool on);
    bool onlyActiveTenant() const;
    void restoreState(QSettings *settings) override;

public slots:
    void addItem() override;
    void editCurrent() override;
    void deleteCurrent() override;
    void setSecretOfCurrent();
    void testCurrent();
    void forgetCurrent();

protected:
    void fillContextMenu(QMenu *menu) override;
    QString emptyText() const override;
    QString noMatchText() const override;

private:
    void applyTenantFilter();
    void deleteClient(const QString &clientId);
    void setupTokens();
    void showTokenColumnsOnce();
    void onTestFinished(const QString &clientId, bool ok, const QString &message);
    void showResult(int type, const QString &text, bool busy);
    QString clientName(const QString &clientId) const;

    std::unique_ptr<Ui::ApiClientsPage> m_ui;
    ApiClientTableModel *m_model;
    ClientFilterProxy *m_clientProxy;
    QString m_activeTenant;
    MessageBar *m_result = nullptr;
    QStringList m_testing;
};

} // namespace zc
