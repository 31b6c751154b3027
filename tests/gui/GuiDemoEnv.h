#pragma once

#include "services/AppServices.h"
#include "DemoMode.h"

#include <memory>

namespace zsim {
class Simulator;
}

namespace zc::guitest {

// `zconsole --demo` in-process: the simulator on loopback, the demo tenant and its API clients
// (secrets in the test keyring), and AppServices on the demo's config folder with the session
// worker running. start() waits until every demo secret is stored.
class DemoEnv
{
public:
    DemoEnv();
    ~DemoEnv();

    bool start(QString *error, bool startSession = true);
    AppServices *services() const { return m_services.get(); }
    zsim::Simulator *sim() const { return m_demo.simulator(); }
    // The demo client of a kind ("oneapi-secret", "zia-legacy", …): id "c-demo-<kind>".
    static QString clientId(const QString &kind) { return QStringLiteral("c-demo-") + kind; }
    QString tenantId() const;

private:
    DemoMode m_demo;
    std::unique_ptr<AppServices> m_services;
};

} // namespace zc::guitest
