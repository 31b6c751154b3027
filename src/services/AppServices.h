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
class RotationJournal;
class SecretRotation;
class ZidClientSetup;
struct RotationResult;
class SegmentsService;
class SessionWorker;
class TokenController;
class TokenTracker;
class ToolsService;
class ZiaService;
class ZidentityService;

// The GUI's composition root, built from one config folder (no widget here): the tenant store
// (config.json), the keychain (one service name), ClientSecrets tying them together, the GUI's
// own settings (<configDir>/zconsole-ui.ini: window geometry, header states, the active
// tenant; never a secret), the SessionWorker with the process's one NetworkStack, the
// TokenTracker and TokenController (the tokens service: API Clients page, status bar), and the
// domain services on the stack's ApiCaller: ZiaService (status, activation, URL categories and
// lookup), ToolsService (AppTotal, SaaS Security), SegmentsService (ZPA application segments),
// ZidentityService (a tenant's ZIdentity API clients, the inventory cache zid-inventory.json).
// All in the thread that builds it. Tests build one on a temporary folder and get a fully
// isolated GUI. The objects exist from the start; startSession() begins tracking tokens and
// finishes or rolls back every secret rotation a killed process left in the journal
// (rotationRecovered tells each).
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

    // Starts the session worker (idempotent): it tracks every client of the store.
    void startSession(const BrokerSettings &broker = defaultBrokerSettings(), const AuthSettings &auth = {});
    // Stops it (every client forgotten); also done by the destructor.
    void stopSession();
    bool isSessionRunning() const;
    static BrokerSettings defaultBrokerSettings();

    SessionWorker *sessionWorker() const { return m_worker; }
    TokenTracker *tokens() const { return m_tokens; }
    TokenController *tokenController() const { return m_tokenController; }
    ZiaService *zia() const { return m_zia; }
    ToolsService *tools() const { return m_tools; }
    SegmentsService *zpa() const { return m_zpa; }
    ZidentityService *zid() const { return m_zid.get(); }
    SecretRotation *rotation() const { return m_rotation.get(); }
    // New ZIdentity clients with a working local profile (a secret or a key pair made here).
    ZidClientSetup *clientSetup() const { return m_clientSetup.get(); }

signals:
    // An interrupted rotation found at start was finished or rolled back (or failed again).
    void rotationRecovered(const QString &profileName, const zc::RotationResult &result);

public:

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
    std::unique_ptr<ZidentityService> m_zid;
    std::unique_ptr<RotationJournal> m_journal;
    std::unique_ptr<SecretRotation> m_rotation;
    std::unique_ptr<ZidClientSetup> m_clientSetup;

    void recoverRotations();
};

} // namespace zc
