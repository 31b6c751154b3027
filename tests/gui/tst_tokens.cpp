// Token states on the API Clients page against the in-process simulator (`zconsole --demo` run
// inside the test): the demo tenant is shown (screenshot), "no token" → Test connection →
// "valid" with a countdown that runs, a wrong secret → "error" with the server's reason, Forget
// token → "no token", and the status-bar summary.
#include "GuiDemoEnv.h"
#include "GuiTestUtil.h"

#include "ApiClientsPage.h"
#include "Confirm.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "TableView.h"
#include "TenantBanner.h"
#include "TenantsPage.h"
// ApiClientTableModel.h needs the complete TokenStatusSource first.
#include "core/TokenStatusSource.h"
#include "models/ApiClientTableModel.h"
#include "models/ModelRoles.h"
#include "services/TokenTracker.h"
#include "store/TenantStore.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace zc;
using namespace zc::guitest;

namespace {
QString saveScreenshot(QWidget *w, const QString &name)
{
    const QString dir = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    const QString file = dir + QLatin1Char('/') + name;
    if (!w->grab().save(file, "PNG"))
        return QString();
    return file;
}
} // namespace

class TestTokens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void demoTenantVisible();
    void noTokenThenValidWithCountdown();
    void wrongSecretShowsServerReason();
    void summaryInStatusBar();
    void forgetToken();
    void everyDemoClientBecomesValid();
    void screenshot();

private:
    QModelIndex cell(const QString &clientId, int column) const;
    QString text(const QString &clientId, int column) const { return cell(clientId, column).data().toString(); }
    void select(const QString &clientId);
    void testAndWait(const QString &clientId, const QString &state);

    DemoEnv m_env;
    MainWindow *m_window = nullptr;
    ApiClientsPage *m_page = nullptr;
    QString m_wrongId;
};

void TestTokens::initTestCase()
{
    QString error;
    QVERIFY2(m_env.start(&error), qPrintable(error));
    QVERIFY(m_env.services()->isSessionRunning());
    m_window = new MainWindow(m_env.services());
    m_window->resize(1280, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_page = m_window->clientsPage();
}

void TestTokens::cleanupTestCase()
{
    delete m_window;
}

QModelIndex TestTokens::cell(const QString &clientId, int column) const
{
    QAbstractItemModel *m = m_page->view()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(IdRole).toString() == clientId)
            return m->index(r, column);
    return {};
}

void TestTokens::select(const QString &clientId)
{
    m_window->showPage(MainWindow::ClientsPageIndex);
    QVERIFY(m_page->selectId(clientId));
    QCOMPARE(m_page->currentId(), clientId);
}

void TestTokens::testAndWait(const QString &clientId, const QString &state)
{
    select(clientId);
    auto *test = m_page->findChild<QPushButton *>(QStringLiteral("testButton"));
    QVERIFY(test);
    QTRY_VERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(m_page->isTesting(clientId));
    QVERIFY(m_page->resultBar()->isVisible());
    QVERIFY(m_page->resultBar()->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isTesting(clientId), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(text(clientId, ApiClientTableModel::State), state, 10'000);
}

void TestTokens::demoTenantVisible()
{
    // Issue 3: `zconsole --demo` opens on the demo tenant.
    const QString name = m_env.sim() ? QStringLiteral("Demo Corp") : QString();
    QCOMPARE(m_window->banner()->nameText(), name);
    QVERIFY(m_window->banner()->isVisible());
    QCOMPARE(m_window->banner()->activeTenantId(), m_env.tenantId());
    m_window->showPage(MainWindow::TenantsPageIndex);
    QAbstractItemModel *tenants = m_window->tenantsPage()->view()->model();
    QCOMPARE(tenants->rowCount(), 1);
    QCOMPARE(tenants->index(0, 0).data().toString(), name);
    QVERIFY(m_window->tenantsPage()->view()->isVisible());
    QVERIFY(m_window->windowTitle().contains(name));
    deliverPosted();
    const QString shot = saveScreenshot(m_window, QStringLiteral("demo.png"));
    QVERIFY(!shot.isEmpty());
    QVERIFY(maxDistinctColoursInARow(QImage(shot)) > 2);
}

void TestTokens::noTokenThenValidWithCountdown()
{
    const QString id = DemoEnv::clientId(QStringLiteral("oneapi-secret"));
    select(id);
    QCOMPARE(text(id, ApiClientTableModel::State), QStringLiteral("no token"));
    QCOMPARE(text(id, ApiClientTableModel::ExpiresIn), QStringLiteral("—"));
    QVERIFY(!m_page->canForgetToken());
    testAndWait(id, QStringLiteral("valid"));
    QCOMPARE(m_page->resultBar()->type(), MessageBar::Type::Success);
    QVERIFY2(m_page->resultBar()->text().contains(QStringLiteral("Connection OK")), qPrintable(m_page->resultBar()->text()));
    QVERIFY(!cell(id, ApiClientTableModel::State).data(Qt::DecorationRole).isNull()); // the coloured dot
    QVERIFY(m_page->canForgetToken());

    // The countdown runs (the demo token lives an hour).
    TokenTracker *tokens = m_env.services()->tokens();
    const qint64 first = tokens->remainingMs(id);
    const QString shown = text(id, ApiClientTableModel::ExpiresIn);
    QVERIFY2(shown.contains(QStringLiteral("min")), qPrintable(shown));
    QTRY_VERIFY_WITH_TIMEOUT(text(id, ApiClientTableModel::ExpiresIn) != shown, 30'000);
    QVERIFY(tokens->remainingMs(id) < first);
    QVERIFY(first > 50 * 60 * 1000);
}

void TestTokens::wrongSecretShowsServerReason()
{
    TenantStore *store = m_env.services()->store();
    ApiClient c = *store->client(DemoEnv::clientId(QStringLiteral("oneapi-secret")));
    c.id.clear();
    c.name = QStringLiteral("wrong-secret");
    c.secretsSetAt.clear();
    const StoreResult r = store->addClient(c);
    QVERIFY2(r.ok, qPrintable(r.message()));
    m_wrongId = r.id;
    bool done = false;
    ApiError stored;
    m_env.services()->secrets()->setSecret(m_wrongId, SecretField::Secret, "definitely-not-the-secret", this,
                                           [&](const ApiError &e) {
                                               stored = e;
                                               done = true;
                                           });
    QTRY_VERIFY_WITH_TIMEOUT(done, 15'000);
    QVERIFY2(!stored.isError(), qPrintable(stored.message));

    testAndWait(m_wrongId, QStringLiteral("error"));
    const QString last = text(m_wrongId, ApiClientTableModel::LastError);
    QVERIFY2(last.contains(QStringLiteral("refused the credentials")), qPrintable(last));
    QVERIFY2(last.contains(QStringLiteral("Client authentication failed")), qPrintable(last)); // the server's reason
    QVERIFY2(last.contains(QStringLiteral("wrong-secret")), qPrintable(last));        // the client named
    const QString tip = cell(m_wrongId, ApiClientTableModel::LastError).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("401 invalid_client")), qPrintable(tip)); // the full message
    QCOMPARE(m_page->resultBar()->type(), MessageBar::Type::Error);
    QVERIFY(m_page->resultBar()->text().contains(QStringLiteral("wrong-secret")));
}

void TestTokens::summaryInStatusBar()
{
    QTRY_COMPARE(m_window->tokensText(), QStringLiteral("1 token valid · 1 error"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("tokensLabel"))->text(), m_window->tokensText());
}

void TestTokens::forgetToken()
{
    const QString id = DemoEnv::clientId(QStringLiteral("oneapi-secret"));
    select(id);
    auto *forget = m_page->findChild<QPushButton *>(QStringLiteral("forgetButton"));
    QVERIFY(forget->isEnabled());
    QTest::mouseClick(forget, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text(id, ApiClientTableModel::State), QStringLiteral("no token"), 5000);
    QCOMPARE(text(id, ApiClientTableModel::ExpiresIn), QStringLiteral("—"));
    QTRY_COMPARE(m_window->tokensText(), QStringLiteral("0 tokens valid · 1 error"));
    QTRY_VERIFY(!forget->isEnabled());

    // The wrong client goes with its row: the summary follows.
    bool done = false;
    m_env.services()->secrets()->removeClient(m_wrongId, this, [&](const ApiError &) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 15'000);
    QTRY_COMPARE(m_window->tokensText(), QStringLiteral("0 tokens valid"));
}

void TestTokens::everyDemoClientBecomesValid()
{
    // `zconsole --demo`: Test connection makes every demo client's token valid.
    const QList<ApiClient> clients = m_env.services()->store()->clients();
    QCOMPARE(clients.size(), 8);
    for (const ApiClient &c : clients) {
        testAndWait(c.id, QStringLiteral("valid"));
        QVERIFY2(m_page->resultBar()->type() == MessageBar::Type::Success, qPrintable(m_page->resultBar()->text()));
    }
    QTRY_COMPARE(m_window->tokensText(), QStringLiteral("8 tokens valid"));
}

void TestTokens::screenshot()
{
    select(DemoEnv::clientId(QStringLiteral("zia-legacy")));
    deliverPosted();
    QVERIFY(!saveScreenshot(m_window, QStringLiteral("tokens.png")).isEmpty());
}

QTEST_MAIN(TestTokens)
#include "tst_tokens.moc"
