#include "AppServices.h"

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
{
    // The folder holds config.json too: create it private, as TenantStore does.
    if (!QDir(configDir).exists() && QDir().mkpath(configDir))
        QFile::setPermissions(configDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

AppServices::~AppServices()
{
    m_settings->sync();
}

bool AppServices::load() { return m_store->load(); }

} // namespace zc
