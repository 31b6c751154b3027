#include "GuiDemoEnv.h"

#include "store/TenantStore.h"

#include <QDir>
#include <QTest>

namespace zc::guitest {

DemoEnv::DemoEnv() = default;

DemoEnv::~DemoEnv()
{
    if (m_services)
        m_services->stopSession();
    m_services.reset();
    m_demo.stop();
}

QString DemoEnv::tenantId() const
{
    return m_services && !m_services->store()->tenants().isEmpty() ? m_services->store()->tenants().first().id : QString();
}

bool DemoEnv::start(QString *error, bool startSession)
{
    if (!m_demo.start(QDir::tempPath(), error))
        return false;
    m_services = std::make_unique<AppServices>(m_demo.configDir(), m_demo.keychainService());
    m_services->load();
    if (!m_demo.seed(m_services.get())) {
        *error = m_demo.errorString();
        return false;
    }
    const bool stored = QTest::qWaitFor([this] {
        const QList<ApiClient> &clients = m_services->store()->clients();
        return !clients.isEmpty() && std::all_of(clients.begin(), clients.end(), [](const ApiClient &c) { return c.allSecretsSet(); });
    }, 30'000);
    if (!stored) {
        *error = QStringLiteral("the demo secrets were not stored in the keychain within 30 s");
        return false;
    }
    if (startSession)
        m_services->startSession();
    return true;
}

} // namespace zc::guitest
