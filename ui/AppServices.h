#pragma once

#include "store/ClientSecrets.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QObject>
#include <QSettings>
#include <memory>

namespace zc {

// What the GUI works on, built from one config folder: the tenant store (config.json), the
// keychain (one service name), ClientSecrets tying them together, and the GUI's own settings
// (<configDir>/zconsole-ui.ini: window geometry, header states, the active tenant; never a
// secret). Tests build one on a temporary folder and get a fully isolated GUI.
class AppServices : public QObject
{
    Q_OBJECT
public:
    explicit AppServices(const QString &configDir,
                         const QString &keychainService = SecretStore::defaultService(),
                         QObject *parent = nullptr);
    ~AppServices() override;

    // Loads config.json (see TenantStore::load for corrupt files). Returns TenantStore::load().
    bool load();

    QString configDir() const { return m_configDir; }
    TenantStore *store() const { return m_store; }
    SecretStore *keychain() const { return m_keychain; }
    ClientSecrets *secrets() const { return m_secrets; }
    QSettings *settings() const { return m_settings.get(); }

    static QString settingsFileName() { return QStringLiteral("zconsole-ui.ini"); }

private:
    QString m_configDir;
    TenantStore *m_store;
    SecretStore *m_keychain;
    ClientSecrets *m_secrets;
    std::unique_ptr<QSettings> m_settings;
};

// Keys of zconsole-ui.ini, in one place.
namespace settingskey {
inline QString geometry() { return QStringLiteral("window/geometry"); }
inline QString windowState() { return QStringLiteral("window/state"); }
inline QString splitter() { return QStringLiteral("window/splitter"); }
inline QString currentPage() { return QStringLiteral("window/page"); }
inline QString tenantsHeader() { return QStringLiteral("tenants/header"); }
inline QString clientsHeader() { return QStringLiteral("clients/header"); }
inline QString clientsOnlyActive() { return QStringLiteral("clients/onlyActiveTenant"); }
inline QString activeTenant() { return QStringLiteral("session/activeTenant"); }
} // namespace settingskey

} // namespace zc
