#pragma once

#include "MessageBar.h"

#include <QMainWindow>
#include <memory>

class QFileSystemWatcher;
class QLabel;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace zc {

class ApiClientsPage;
class AppSegmentsPage;
class AppServices;
class SessionIndicators;
class TablePage;
class TenantBanner;
class TenantsPage;
class ToolsPage;
class TrayNotifier;
class ZiaPage;
class ZidInventoryPage;
struct SecretResult;

// The main window: active-tenant banner, message bars (config warnings, read-only mode), a
// sidebar of sections over a stack of pages, menus and toolbar with shortcuts, and a status bar
// with counts, the config state and the keychain state. Geometry, window state, header states
// and the active tenant live in AppServices::settings() (zconsole-ui.ini in the config folder).
// The session shows as the token summary and the ZIA badge (sidebar and status bar), a tray
// icon with activation notifications, and a warning before quitting while ZIA changes of a
// tenant are pending (not activated).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { TenantsPageIndex, ClientsPageIndex, SegmentsPageIndex, ZiaPageIndex, ToolsPageIndex, ZidPageIndex };

    explicit MainWindow(AppServices *services, QWidget *parent = nullptr);
    ~MainWindow() override;

    TenantsPage *tenantsPage() const { return m_tenants; }
    ApiClientsPage *clientsPage() const { return m_clients; }
    AppSegmentsPage *segmentsPage() const { return m_segments; }
    ZiaPage *ziaPage() const { return m_zia; }
    ToolsPage *toolsPage() const { return m_tools; }
    ZidInventoryPage *zidPage() const { return m_zidPage; }
    SessionIndicators *indicators() const { return m_indicators; }
    TrayNotifier *tray() const;
    TenantBanner *banner() const { return m_banner; }
    QList<MessageBar *> messageBars() const;
    int currentPage() const;
    void showPage(int page);
    bool isReadOnly() const;

    QString countsText() const;
    QString keychainText() const;
    QString configText() const;
    QString tokensText() const;
    QString ziaText() const;
    QString sidebarBadge(int page) const;
    bool keychainProbeDone() const { return m_keychainProbed; }

    void saveSettings();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupActions();
    void setupPages();
    void setupStatusBar();
    void setupConfigWatch();
    void showStoreWarnings();
    MessageBar *addMessageBar(MessageBar::Type type, const QString &text);
    void startKeychainProbe();
    void onKeychainProbed(const SecretResult &result);
    void onActiveTenantChanged(const QString &tenantId);
    void updateActions();
    void updateCounts();
    void updateConfigStatus();
    void restoreSettings();
    void newClient();
    void about();
    TablePage *currentTablePage() const;
    void confirmQuitWithPending(const QStringList &tenantIds);

    std::unique_ptr<Ui::MainWindow> m_ui;
    AppServices *m_services;
    TenantBanner *m_banner = nullptr;
    TenantsPage *m_tenants = nullptr;
    ApiClientsPage *m_clients = nullptr;
    AppSegmentsPage *m_segments = nullptr;
    ZiaPage *m_zia = nullptr;
    ToolsPage *m_tools = nullptr;
    ZidInventoryPage *m_zidPage = nullptr;
    SessionIndicators *m_indicators = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_configLabel = nullptr;
    QLabel *m_keychainLabel = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_reloadTimer = nullptr;
    QStringList m_shownWarnings;
    bool m_keychainProbed = false;
    bool m_settingsSaved = false;
    bool m_quitConfirmed = false;
    bool m_askingQuit = false;
};

} // namespace zc
