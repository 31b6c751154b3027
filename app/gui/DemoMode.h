#pragma once

#include <QString>
#include <memory>

namespace zsim {
class Simulator;
}

namespace zc {

class AppServices;

// `zconsole --demo`: runs the built-in API simulator in-process on loopback and opens the GUI on
// a throw-away demo tenant whose secrets go to the keychain service SecretStore::demoService().
class DemoMode
{
public:
    DemoMode();
    ~DemoMode();

    // Starts the simulator. `baseConfigDir` is the normal config folder; the demo uses its own.
    bool start(const QString &baseConfigDir, QString *error);
    // Creates the demo tenant and its API clients in `services` (secrets are written
    // asynchronously into the demo keychain service).
    bool seed(AppServices *services);
    void stop();

    QString configDir() const { return m_configDir; }
    // The running simulator (knobs and faults for tests), or null.
    zsim::Simulator *simulator() const;
    QString keychainService() const;
    QString errorString() const { return m_error; }
    int exitCode() const { return m_exitCode; }

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_configDir;
    QString m_error;
    int m_exitCode = 0;
};

} // namespace zc
