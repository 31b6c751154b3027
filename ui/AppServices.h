#pragma once

#include "auth/TokenBroker.h"
#include "store/ClientSecrets.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QObject>
#include <QSettings>
#include <memory>

namespace zc {

class KeychainCredentials;
class SegmentsService;
class SessionWorker;
class TokenController;
class TokenTracker;
class ToolsService;
class ZiaService;

// What the GUI works on, built from one config folder: the tenant store (config.json), the
// keychain (one service name), ClientSecrets tying them together, and the GUI's own settings
// (<configDir>/zconsole-ui.ini: window geometry, header states, the active tenant; never a
// secret). Tests build one on a temporary folder and get a fully isolated GUI.
// The session (startSession): the background SessionWorker thread tracking every client of the
// store, the TokenTracker and TokenController the API Clients page and the status bar read, and
// the ZiaService (ZIA status, activation, URL categories and lookup, AppTotal, SaaS Security)
// and the SegmentsService (ZPA application segments: listing, groups, edits with the audit log).
// The objects exist from the start; requests made before startSession() fail with a message.
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

    // Starts the session worker (idempotent) and attaches the ZIA and ZPA backends to it.
    void startSession(const BrokerSettings &broker = defaultBrokerSettings(), const AuthSettings &auth = {});
    // Stops it (blocks a moment while the worker thread ends); also done by the destructor.
    void stopSession();
    bool isSessionRunning() const;
    static BrokerSettings defaultBrokerSettings();

    SessionWorker *sessionWorker() const { return m_worker; }
    TokenTracker *tokens() const { return m_tokens; }
    TokenController *tokenController() const { return m_tokenController; }
    ZiaService *zia() const { return m_zia; }
    ToolsService *tools() const { return m_tools; }
    SegmentsService *zpa() const { return m_zpa; }

    static QString settingsFileName() { return QStringLiteral("zconsole-ui.ini"); }

private:
    QString m_configDir;
    TenantStore *m_store;
    SecretStore *m_keychain;
    ClientSecrets *m_secrets;
    std::unique_ptr<QSettings> m_settings;
    KeychainCredentials *m_credentials;
    SessionWorker *m_worker;
    TokenTracker *m_tokens;
    TokenController *m_tokenController;
    ZiaService *m_zia;
    ToolsService *m_tools;
    SegmentsService *m_zpa;
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
inline QString activeTenant() { return QStringLiteral("services/activeTenant"); }
inline QString clientsTokenColumns() { return QStringLiteral("clients/tokenColumnsShown"); }
inline QString ziaSplitter() { return QStringLiteral("zia/splitter"); }
inline QString ziaTab() { return QStringLiteral("zia/tab"); }
inline QString ziaTenant() { return QStringLiteral("zia/tenant"); }
inline QString lookupHeader() { return QStringLiteral("zia/lookupHeader"); }
inline QString toolsTab() { return QStringLiteral("tools/tab"); }
inline QString segmentsHeader() { return QStringLiteral("segments/header"); }
inline QString segmentsSplitter() { return QStringLiteral("segments/splitter"); }
inline QString segmentsClient() { return QStringLiteral("segments/client"); }
} // namespace settingskey

} // namespace zc
