#include "ZidPageEnv.h"

#include "GuiTestUtil.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "models/ModelRoles.h"
#include "models/ZidInventoryModel.h"
#include "services/NetworkStack.h"
#include "services/ZidentityService.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"
#include "zid/ZidInventoryPage.h"

#include <QDir>
#include <QPushButton>
#include <QTest>

namespace zc::guitest {

namespace {
template <typename F> bool waitFor(F done) { return QTest::qWaitFor(done, 30'000); }
} // namespace

ZidPageEnv::ZidPageEnv() = default;

ZidPageEnv::~ZidPageEnv() { delete m_window; }

bool ZidPageEnv::start(QString *error)
{
    if (!m_demo.start(error))
        return false;
    m_window = new MainWindow(m_demo.services());
    m_window->resize(1400, 760);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window)) {
        *error = QStringLiteral("the main window was not exposed");
        return false;
    }
    m_window->showPage(MainWindow::ZidPageIndex);
    m_page = m_window->zidPage();
    m_profile = DemoEnv::clientId(QStringLiteral("oneapi-secret"));
    const ApiClient *p = services()->store()->client(m_profile);
    m_remote = p ? p->clientId : QString();
    if (!m_page || m_remote.isEmpty()) {
        *error = QStringLiteral("no ZIdentity page or no demo oneapi-secret client");
        return false;
    }
    return sync(error);
}

bool ZidPageEnv::sync(QString *error)
{
    auto *button = m_page->findChild<QPushButton *>(QStringLiteral("syncButton"));
    if (!button || !button->isEnabled()) {
        if (error)
            *error = QStringLiteral("Sync is not enabled");
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    if (!QTest::qWaitFor([this] { return !m_page->isSyncing(); }, 120'000)
        || m_page->messageBar()->type() != MessageBar::Type::Success) {
        if (error)
            *error = QStringLiteral("the sync did not succeed: ") + m_page->messageBar()->text();
        return false;
    }
    return true;
}

bool ZidPageEnv::selectProfileRow(const QString &profileId)
{
    const int row = m_page->model()->rowOfProfile(profileId);
    if (row < 0)
        return false;
    m_page->selectId(m_page->model()->index(row, 0).data(IdRole).toString());
    return true;
}

QByteArray ZidPageEnv::keychainSecret(const QString &profileId)
{
    const ApiClient *p = services()->store()->client(profileId);
    if (!p)
        return {};
    const SecretResult r = SecretStore::waitFor(services()->keychain()->read(p->keychainKey(SecretField::Secret)));
    return r.ok() ? r.data : QByteArray();
}

ApiError ZidPageEnv::tokenOf(const QString &profileId)
{
    NetworkStack own(services()->secrets()); // a stack of its own: no cached token
    own.useOneShotSettings(false);
    const ApiClient *p = services()->store()->client(profileId);
    if (!p)
        return ApiError::make(ErrorKind::Config, QStringLiteral("no profile %1").arg(profileId));
    own.addClient(*p, *services()->store()->tenant(p->tenantId));
    bool done = false;
    ApiError out = ApiError::make(ErrorKind::Network, QStringLiteral("no answer"));
    own.token(profileId, nullptr, [&](const Token &, const ApiError &e) {
        out = e;
        done = true;
    });
    (void)waitFor([&] { return done; });
    return out;
}

ZidApiClient ZidPageEnv::remoteClient(const QString &id)
{
    ZidApiClient out;
    bool done = false;
    services()->zid()->client(m_profile, id, nullptr, [&](const ZidClientReply &r) {
        out = r.client;
        done = true;
    });
    (void)waitFor([&] { return done; });
    return out;
}

QStringList ZidPageEnv::serverSecrets(const QString &clientId)
{
    QStringList ids;
    bool done = false;
    services()->zid()->secrets(m_profile, clientId, nullptr, [&](const ZidSecretsReply &r) {
        for (const ZidSecret &s : r.secrets)
            ids << s.id;
        done = true;
    });
    (void)waitFor([&] { return done; });
    return ids;
}

QList<ZidResourceServer> ZidPageEnv::servers()
{
    QList<ZidResourceServer> out;
    bool done = false;
    services()->zid()->resourceServers(m_profile, nullptr, [&](const ZidResourceServersReply &r) {
        out = r.servers;
        done = true;
    });
    (void)waitFor([&] { return done; });
    return out;
}

bool ZidPageEnv::saveShot(QWidget *w, const QString &name)
{
    deliverPosted();
    const QString dir = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    const QString file = dir + QLatin1Char('/') + name;
    return w->grab().save(file, "PNG") && maxDistinctColoursInARow(QImage(file)) > 2;
}

} // namespace zc::guitest
