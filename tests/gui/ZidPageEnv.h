#pragma once

#include "GuiDemoEnv.h"

#include "core/ApiError.h"
#include "core/ZidClient.h"

#include <QString>

class QWidget;

namespace zc {
class MainWindow;
class ZidInventoryPage;
}

namespace zc::guitest {

// The ZIdentity clients page on the demo (DemoEnv: the in-process simulator over HTTPS, the test
// keychain), synced once, and the reads the page's tests check the server and the keychain with
// — each through its own path, not through the page: a token from a stack of its own, the
// client and its secrets read with the ZIdentity service, the keychain read directly.
class ZidPageEnv
{
public:
    ZidPageEnv();
    ~ZidPageEnv();

    // Starts the demo, shows the main window on the ZIdentity page and syncs it once.
    bool start(QString *error);

    DemoEnv &demo() { return m_demo; }
    AppServices *services() const { return m_demo.services(); }
    MainWindow *window() const { return m_window; }
    ZidInventoryPage *page() const { return m_page; }
    // The demo's oneapi-secret profile (the tenant's ZIdentity admin) and its remote client.
    QString profile() const { return m_profile; }
    QString remote() const { return m_remote; }

    // Presses Sync and waits; false (and *error) unless it ends in success.
    bool sync(QString *error = nullptr);
    bool selectProfileRow(const QString &profileId);

    QByteArray keychainSecret(const QString &profileId);
    ApiError tokenOf(const QString &profileId);
    ZidApiClient remoteClient(const QString &id);
    QStringList serverSecrets(const QString &clientId);
    QList<ZidResourceServer> servers();

    // Grabs `w` into <build>/screenshots/<name> (what docs/ copies); false if it is blank or unsaved.
    static bool saveShot(QWidget *w, const QString &name);

private:
    DemoEnv m_demo;
    MainWindow *m_window = nullptr;
    ZidInventoryPage *m_page = nullptr;
    QString m_profile;
    QString m_remote;
};

} // namespace zc::guitest
