#include "DemoMode.h"

#include "AppServices.h"
#include "store/SecretStore.h"

namespace zc {

struct DemoMode::Private
{
};

DemoMode::DemoMode()
    : d(std::make_unique<Private>())
{
}

DemoMode::~DemoMode() { stop(); }

QString DemoMode::keychainService() const { return SecretStore::demoService(); }

bool DemoMode::start(const QString &baseConfigDir, QString *error)
{
    Q_UNUSED(baseConfigDir);
    m_exitCode = 2;
    m_error = QStringLiteral("demo mode needs the simulator, and this build has none (zconsole_sim)");
    if (error)
        *error = m_error;
    return false;
}

bool DemoMode::seed(AppServices *services)
{
    Q_UNUSED(services);
    return false;
}

void DemoMode::stop() {}

} // namespace zc
