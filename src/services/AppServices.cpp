#include "services/AppServices.h"

#include "auth/CredentialProvider.h"
#include "services/SecretRotation.h"
#include "services/SegmentsService.h"
#include "services/SessionWorker.h"
#include "services/TokenController.h"
#include "services/TokenTracker.h"
#include "services/ToolsService.h"
#include "services/ZiaService.h"
#include "services/ZidClientSetup.h"
#include "services/ZidentityService.h"

#include <QDir>
#include <QFile>

namespace zc {

AppServices::AppServices(const QString &configDir, const QString &keychainService, QObject *parent)
    : QObject(parent)
    , m_configDir(configDir)
    , m_store(new TenantStore(configDir, this))
    , m_keychain(new SecretStore(keychainService, this))
    , m_secrets(new ClientSecrets(m_store, m_keychain, this))
    , m_settings(std::make_unique<QSettings>(QDir(configDir).filePath(settingsFileName()),
                                             QSettings::IniFormat))
    , m_credentials(new KeychainCredentials(m_secrets, this))
    , m_worker(new SessionWorker(m_credentials, Clock::system(), this))
    , m_tokens(new TokenTracker(Clock::system(), this))
    , m_tokenController(new TokenController(m_worker, m_tokens, this))
    , m_zia(new ZiaService(m_worker->caller(), m_store, configDir, this))
    , m_tools(new ToolsService(m_worker->caller(), m_store, configDir, this))
    , m_zpa(new SegmentsService(m_worker->caller(), m_store, configDir, this))
    , m_zid(std::make_unique<ZidentityService>(m_worker->caller(), m_store, configDir))
    , m_journal(std::make_unique<RotationJournal>(configDir))
    , m_rotation(std::make_unique<SecretRotation>(m_zid.get(), m_secrets, m_worker->stack(), m_journal.get()))
    , m_clientSetup(std::make_unique<ZidClientSetup>(m_zid.get(), m_secrets, m_worker->stack()))
{
    // The folder holds config.json too: create it private, as TenantStore does.
    if (!QDir(configDir).exists() && QDir().mkpath(configDir))
        QFile::setPermissions(configDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // A removed client's token state goes too (the worker forgets it; the tracker must as well).
    connect(m_store, &TenantStore::clientRemoved, m_tokens,
            [this](int, const QString &id) { m_tokens->remove(id); });
}

AppServices::~AppServices()
{
    stopSession(); // the worker reads secrets through m_credentials: stop it first
    delete m_zpa;  // services go before the network stack they are built on
    delete m_zia;
    delete m_tools;
    m_clientSetup.reset();
    m_rotation.reset();
    m_zid.reset();
    m_settings->sync();
}

BrokerSettings AppServices::defaultBrokerSettings() { return SessionWorker::defaultSettings(); }

void AppServices::startSession(const BrokerSettings &broker, const AuthSettings &auth)
{
    if (m_worker->isRunning())
        return;
    m_worker->start(broker, auth);
    m_worker->attachStore(m_store);
    recoverRotations();
}

void AppServices::recoverRotations()
{
    m_journal->load();
    for (const RotationJournal::Entry &e : m_journal->entries()) {
        const ApiClient *p = m_store->client(e.profileId);
        const QString name = p ? p->name : e.profileId;
        m_rotation->recover(e.profileId, [this, name](const RotationResult &r) { emit rotationRecovered(name, r); });
    }
}

void AppServices::stopSession()
{
    if (!m_worker->isRunning())
        return;
    m_worker->stop();
}

bool AppServices::isSessionRunning() const { return m_worker->isRunning(); }

bool AppServices::load() { return m_store->load(); }

} // namespace zc
