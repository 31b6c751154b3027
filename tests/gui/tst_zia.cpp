// The ZIA page, the Tools page, the sidebar/status-bar badge and the tray notification against
// the in-process simulator: an URL added through the category editor makes the tenant PENDING
// (screenshot), read-only mode shows the banner and disables writes until it ends, Activate
// (preset confirmation; a protected tenant needs its name) goes INPROGRESS → ACTIVE through an
// edit-lock retry with a notification, the quit warning while changes are pending, URL lookup
// with CSV export, AppTotal with the quota, SaaS Security incidents.
#include "GuiDemoEnv.h"
#include "GuiTestUtil.h"

#include "ClientCombo.h"
#include "Confirm.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "TableView.h"
#include "TenantBanner.h"
#include "TrayNotifier.h"
#include "models/SaasIncidentModel.h"
#include "models/UrlLookupTableModel.h"
#include "services/ZiaService.h"
#include "sim/Simulator.h"
#include "store/TenantStore.h"
#include "tools/AppTotalWidget.h"
#include "tools/SaasIncidentsWidget.h"
#include "tools/ToolsPage.h"
#include "zia/UrlCategoryWidget.h"
#include "zia/UrlLookupWidget.h"
#include "zia/ZiaPage.h"
#include "zia/ZiaStatusPanel.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;
using namespace zc::guitest;

class TestZia : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pageShowsActiveTenant();
    void addUrlMakesPending();
    void readOnlyModeDisablesWrites();
    void quitWarnsWhilePending();
    void protectedTenantNeedsTypedName();
    void activateThroughEditLockRetry();
    void legacySessionIdleTimerAndEnd();
    void urlLookupWithExport();
    void urlLookupCancel();
    void appTotalShowsQuota();
    void saasIncidents();

private:
    QString saveScreenshot(const QString &name);

    DemoEnv m_env;
    MainWindow *m_window = nullptr;
    ZiaPage *m_page = nullptr;
    ZiaStatusPanel *m_panel = nullptr;
    UrlCategoryWidget *m_editor = nullptr;
    QString m_tenant;
};

QString TestZia::saveScreenshot(const QString &name)
{
    const QString dir = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    const QString file = dir + QLatin1Char('/') + name;
    return m_window->grab().save(file, "PNG") ? file : QString();
}

void TestZia::initTestCase()
{
    QString error;
    QVERIFY2(m_env.start(&error), qPrintable(error));
    ZiaService *zia = m_env.services()->zia();
    ZiaPollConfig fast;
    fast.inProgressMs = 200;
    fast.baseMs = 500;
    fast.maxPendingMs = 1000;
    fast.maxWatchedMs = 2000;
    fast.readOnlyMs = 500;
    fast.errorBaseMs = 500;
    fast.errorMaxMs = 2000;
    fast.maxPollsPerHour = 5000;
    zia->setPollConfig(fast);
    zia->setActivationTimings(200, 500);
    m_tenant = m_env.tenantId();
    m_window = new MainWindow(m_env.services());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_page = m_window->ziaPage();
    m_panel = m_page->panel();
    m_editor = m_page->categories();
}

void TestZia::cleanupTestCase()
{
    Confirm::clearPreset();
    delete m_window;
}

void TestZia::pageShowsActiveTenant()
{
    QCOMPARE(m_window->sidebarBadge(MainWindow::ZiaPageIndex), QString()); // nothing read before the page shows
    m_window->showPage(MainWindow::ZiaPageIndex);
    QCOMPARE(m_page->currentTenant(), m_tenant);
    QCOMPARE(m_page->tenantView()->model()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->badgeText(), QStringLiteral("ACTIVE"), 20'000);
    QTRY_COMPARE(m_window->sidebarBadge(MainWindow::ZiaPageIndex), QStringLiteral("ACTIVE"));
    QCOMPARE(m_window->ziaText(), QStringLiteral("ZIA: ACTIVE"));
    QVERIFY(!m_panel->activateButton()->isEnabled()); // nothing to activate
    QTRY_VERIFY_WITH_TIMEOUT(m_editor->categoryList()->count() >= 5, 20'000);
}

void TestZia::addUrlMakesPending()
{
    m_page->tabs()->setCurrentIndex(ZiaPage::CategoriesTab);
    QVERIFY(m_editor->selectCategory(QStringLiteral("CUSTOM_03")));
    QVERIFY(!m_editor->addButton()->isEnabled()); // nothing typed yet
    QTest::keyClicks(m_editor->urlEdit(), QStringLiteral("HTTPS://GUI-Test.Example/ ftp://files.example"));
    QTRY_VERIFY2(m_editor->validationText().contains(QStringLiteral("1 URL ready")), qPrintable(m_editor->validationText()));
    QVERIFY2(m_editor->validationText().contains(QStringLiteral("not valid")), qPrintable(m_editor->validationText()));
    QVERIFY(m_editor->addButton()->isEnabled());
    QTest::mouseClick(m_editor->addButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_editor->isBusy(), 20'000);
    QCOMPARE(m_editor->resultBar()->type(), MessageBar::Type::Success);
    QVERIFY2(m_editor->resultBar()->text().contains(QStringLiteral("gui-test.example")), qPrintable(m_editor->resultBar()->text()));
    QVERIFY(!m_editor->urlList()->findItems(QStringLiteral("gui-test.example"), Qt::MatchExactly).isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(m_panel->badgeText(), QStringLiteral("PENDING"), 20'000);
    QTRY_COMPARE(m_window->sidebarBadge(MainWindow::ZiaPageIndex), QStringLiteral("PENDING"));
    QVERIFY2(m_window->ziaText().contains(QStringLiteral("PENDING")), qPrintable(m_window->ziaText()));
    QVERIFY(m_env.services()->zia()->hasPendingChanges(m_tenant));
    QCOMPARE(m_window->banner()->ziaBadgeText(), QStringLiteral("ZIA PENDING"));
    QVERIFY(m_panel->activateButton()->isEnabled());
    const QModelIndex state = m_page->tenantView()->model()->index(0, 1);
    QCOMPARE(state.data().toString(), QStringLiteral("PENDING"));
    // A later status poll still says PENDING (nothing activated it behind our back): polls go
    // one after the other's answer, so two more at the simulator mean one answered; draining the
    // worker delivers what it made of it.
    const auto statusPolls = [this] {
        return m_env.sim()->count(QStringLiteral("GET /zia/api/v1/status")) + m_env.sim()->count(QStringLiteral("GET /api/v1/status"));
    };
    const qint64 polls = statusPolls();
    QTRY_VERIFY_WITH_TIMEOUT(statusPolls() >= polls + 2, 30'000);
    QVERIFY(drainWorker(m_env.services()->sessionWorker()));
    deliverPosted();
    const QString shot = saveScreenshot(QStringLiteral("zia-pending.png"));
    QVERIFY(!shot.isEmpty());
    QCOMPARE(m_panel->badgeText(), QStringLiteral("PENDING"));
}

void TestZia::readOnlyModeDisablesWrites()
{
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), true}});
    QTest::mouseClick(m_panel->refreshButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->readOnlyBar()->isVisible(), 15'000);
    QVERIFY(m_page->readOnlyBar()->text().contains(QStringLiteral("read-only mode")));
    QVERIFY(!m_panel->activateButton()->isEnabled());
    QVERIFY(!m_editor->urlEdit()->isEnabled());
    m_editor->urlEdit()->setText(QStringLiteral("ro.example"));
    QVERIFY(!m_editor->addButton()->isEnabled());
    m_editor->urlList()->setCurrentRow(0);
    QVERIFY(!m_editor->removeButton()->isEnabled());
    deliverPosted();
    QVERIFY(!saveScreenshot(QStringLiteral("zia-readonly.png")).isEmpty());

    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), QJsonValue::Null}});
    QTest::mouseClick(m_panel->refreshButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->readOnlyBar()->isVisible(), 15'000);
    QVERIFY(m_panel->activateButton()->isEnabled());
    QTRY_VERIFY(m_editor->addButton()->isEnabled());
    QVERIFY(m_editor->urlEdit()->isEnabled());
    m_editor->urlEdit()->clear();
}

void TestZia::quitWarnsWhilePending()
{
    QSignalSpy said(m_window->statusBar(), &QStatusBar::messageChanged);
    Confirm::setNextAnswer(false);
    QVERIFY(!m_window->close());
    QTRY_VERIFY(!Confirm::hasPreset());
    // The "no" arrives (queued): the window says it is not quitting, and stays.
    QTRY_VERIFY(std::any_of(said.cbegin(), said.cend(), [](const QList<QVariant> &a) {
        return a.at(0).toString().startsWith(QStringLiteral("Not quitting"));
    }));
    deliverPosted();
    QVERIFY(m_window->isVisible());
    QVERIFY2(Confirm::lastQuestion().contains(QStringLiteral("not activated")), qPrintable(Confirm::lastQuestion()));
    QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("Demo Corp")));
    QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("ACTIVATES"))); // the demo has a zia-legacy client
    QCOMPARE(m_window->currentPage(), int(MainWindow::ZiaPageIndex));
}

void TestZia::protectedTenantNeedsTypedName()
{
    TenantStore *store = m_env.services()->store();
    Tenant t = *store->tenant(m_tenant);
    t.isProtected = true;
    QVERIFY(store->updateTenant(t).ok);
    QSignalSpy started(m_env.services()->zia(), &ZiaService::activationStarted);
    QSignalSpy said(m_panel, &ZiaStatusPanel::statusMessage);
    Confirm::setNextAnswer(true); // a plain yes does not pass a typed-name confirmation
    QTest::mouseClick(m_panel->activateButton(), Qt::LeftButton);
    QTRY_VERIFY(!Confirm::hasPreset());
    // The answer arrives (queued) as a no; anything it had sent to the worker has run there and
    // answered by the time the worker is drained.
    QTRY_VERIFY(std::any_of(said.cbegin(), said.cend(), [](const QList<QVariant> &a) {
        return a.at(0).toString() == QStringLiteral("Nothing activated");
    }));
    QVERIFY(drainWorker(m_env.services()->sessionWorker()));
    QCOMPARE(started.count(), 0);
    QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("Demo Corp")));
    QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("EVERY admin's pending changes")));
    QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("cannot be cancelled or undone")));
    t.isProtected = false;
    QVERIFY(store->updateTenant(t).ok);
}

void TestZia::activateThroughEditLockRetry()
{
    ZiaService *zia = m_env.services()->zia();
    QVERIFY(m_panel->setClient(DemoEnv::clientId(QStringLiteral("oneapi-secret"))));
    // One 409 EDIT_LOCK_NOT_AVAILABLE first: the pipeline retries after 5 s, the page says so.
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                       QJsonArray{QJsonObject{{QStringLiteral("route"), QStringLiteral("POST /zia/api/v1/status/activate")},
                                                              {QStringLiteral("kind"), QStringLiteral("409")},
                                                              {QStringLiteral("count"), 1}}}}});
    QList<ZiaActivationState> seen;
    connect(zia, &ZiaService::statusChanged, this, [&](const QString &id) {
        const ZiaActivationState s = zia->state(id);
        if (seen.isEmpty() || seen.last() != s)
            seen.append(s);
    });
    // What the panel shows the moment the edit-lock retry is announced (the panel's own slot,
    // connected when it was built, has run before this one).
    QStringList progress;
    QString panelTextAtLock;
    bool panelShownAtLock = false;
    connect(zia, &ZiaService::activationProgress, this, [&](const QString &, const QString &m) {
        progress << m;
        if (m.contains(QStringLiteral("edit lock")) && panelTextAtLock.isEmpty()) {
            panelTextAtLock = m_panel->progressText();
            panelShownAtLock = m_panel->isProgressShown();
        }
    });
    QSignalSpy finished(zia, &ZiaService::activationFinished);
    QSignalSpy notified(m_window->tray(), &TrayNotifier::notified);
    const int before = m_window->tray()->notificationCount();

    Confirm::setNextAnswer(true);
    QTest::mouseClick(m_panel->activateButton(), Qt::LeftButton);
    QTRY_VERIFY(m_panel->isProgressShown());
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progress.begin(), progress.end(),
                                         [](const QString &m) { return m.contains(QStringLiteral("edit lock")); }),
                             15'000);
    QVERIFY2(panelTextAtLock.contains(QStringLiteral("edit lock")), qPrintable(panelTextAtLock));
    QVERIFY(panelShownAtLock);
    QTRY_VERIFY_WITH_TIMEOUT(seen.contains(ZiaActivationState::InProgress), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    const auto result = finished.constFirst().at(1).value<ZiaActivationResult>();
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.state, ZiaActivationState::Active);
    QVERIFY(result.attempts >= 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->badgeText(), QStringLiteral("ACTIVE"), 15'000);
    QTRY_COMPARE(m_window->sidebarBadge(MainWindow::ZiaPageIndex), QStringLiteral("ACTIVE"));
    QVERIFY(seen.indexOf(ZiaActivationState::InProgress) < seen.lastIndexOf(ZiaActivationState::Active));
    QCOMPARE(m_panel->resultBar()->type(), MessageBar::Type::Success);
    QVERIFY(!m_panel->isProgressShown());
    QTRY_VERIFY_WITH_TIMEOUT(notified.count() >= 1, 15'000);
    QVERIFY(m_window->tray()->notificationCount() > before);
    QVERIFY2(m_window->tray()->lastNotification().contains(QStringLiteral("Demo Corp")),
             qPrintable(m_window->tray()->lastNotification()));
    QVERIFY(!zia->hasPendingChanges(m_tenant));
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("faults"), QJsonValue::Null}});
    disconnect(zia, nullptr, this, nullptr);
}

void TestZia::legacySessionIdleTimerAndEnd()
{
    QVERIFY(m_panel->setClient(DemoEnv::clientId(QStringLiteral("zia-legacy"))));
    QVERIFY(m_panel->endSessionButton()->isVisible());
    QVERIFY2(m_panel->sessionText().contains(QStringLiteral("none open")), qPrintable(m_panel->sessionText()));
    // An edit through the legacy session starts its idle timer and makes the tenant PENDING.
    QVERIFY(m_editor->selectCategory(QStringLiteral("CUSTOM_03")));
    m_editor->urlEdit()->setText(QStringLiteral("legacy.example"));
    QTRY_VERIFY(m_editor->addButton()->isEnabled());
    QTest::mouseClick(m_editor->addButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_editor->isBusy(), 20'000);
    QCOMPARE(m_editor->resultBar()->type(), MessageBar::Type::Success);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->badgeText(), QStringLiteral("PENDING"), 20'000);
    QTRY_VERIFY2(m_panel->sessionText().contains(QStringLiteral("idle timeout in")), qPrintable(m_panel->sessionText()));
    QVERIFY2(m_panel->sessionText().contains(QStringLiteral("ACTIVATED")), qPrintable(m_panel->sessionText()));
    QVERIFY(m_panel->endSessionButton()->isEnabled());

    // Ending the session asks first (it activates), then the tenant is ACTIVE.
    Confirm::setNextAnswer(true);
    QTest::mouseClick(m_panel->endSessionButton(), Qt::LeftButton);
    QTRY_VERIFY(!Confirm::hasPreset());
    QVERIFY2(Confirm::lastQuestion().contains(QStringLiteral("pending changes right now")), qPrintable(Confirm::lastQuestion()));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->resultBar()->text().contains(QStringLiteral("has ended")), 15'000);
    QCOMPARE(m_panel->resultBar()->type(), MessageBar::Type::Success);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->badgeText(), QStringLiteral("ACTIVE"), 15'000);
    QTRY_VERIFY(m_panel->sessionText().contains(QStringLiteral("none open")));
}

void TestZia::urlLookupWithExport()
{
    m_page->tabs()->setCurrentIndex(ZiaPage::LookupTab);
    UrlLookupWidget *lookup = m_page->lookup();
    lookup->input()->setPlainText(QStringLiteral("google.com\nhttps://malware.example/x#frag\nnot a url\nGOOGLE.com\n"));
    QTRY_VERIFY2(lookup->checkText().contains(QStringLiteral("2 URLs to look up")), qPrintable(lookup->checkText()));
    QVERIFY(lookup->checkText().contains(QStringLiteral("1 duplicate")));
    QVERIFY(lookup->checkText().contains(QStringLiteral("1 not valid")));
    QTRY_VERIFY_WITH_TIMEOUT(lookup->etaText().contains(QStringLiteral("budget")), 10'000);
    QVERIFY(lookup->startButton()->isEnabled());
    QTest::mouseClick(lookup->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!lookup->isRunning(), 30'000);
    QCOMPARE(lookup->results()->rowCount(), 2);
    QCOMPARE(lookup->results()->alertCount(), 1);
    QTRY_VERIFY(lookup->exportButton()->isEnabled());
    QTemporaryDir dir;
    QString error;
    const QString csv = dir.filePath(QStringLiteral("lookup.csv"));
    QVERIFY2(lookup->exportCsv(csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QVERIFY(data.startsWith("URL,Categories,Security alerts"));
    QVERIFY(data.contains("google.com"));
    QVERIFY(data.contains("malware.example/x"));
    deliverPosted();
    QVERIFY(!saveScreenshot(QStringLiteral("zia-lookup.png")).isEmpty());
}

void TestZia::urlLookupCancel()
{
    UrlLookupWidget *lookup = m_page->lookup();
    QStringList urls;
    for (int i = 0; i < 250; ++i)
        urls << QStringLiteral("host%1.example").arg(i);
    lookup->input()->setPlainText(urls.join(QLatin1Char('\n')));
    QTRY_VERIFY2(lookup->checkText().contains(QStringLiteral("250 URLs to look up")), qPrintable(lookup->checkText()));
    QTRY_VERIFY_WITH_TIMEOUT(lookup->etaText().startsWith(QStringLiteral("3 requests, about")), 10'000);
    QTest::mouseClick(lookup->startButton(), Qt::LeftButton);
    QVERIFY(lookup->isRunning());
    QVERIFY(lookup->cancelButton()->isVisible());
    QVERIFY(lookup->input()->isReadOnly());
    QTRY_VERIFY_WITH_TIMEOUT(lookup->results()->rowCount() == 100, 15'000); // the first batch
    QVERIFY2(lookup->progressText().contains(QStringLiteral("1 of 3")), qPrintable(lookup->progressText()));
    QTest::mouseClick(lookup->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!lookup->isRunning(), 10'000);
    QVERIFY(lookup->results()->rowCount() < 250);
    QVERIFY(!lookup->input()->isReadOnly());
    QVERIFY(lookup->findChild<MessageBar *>(QStringLiteral("lookupResultBar"))->text().contains(QStringLiteral("cancelled")));
}

void TestZia::appTotalShowsQuota()
{
    m_window->showPage(MainWindow::ToolsPageIndex);
    ToolsPage *tools = m_window->toolsPage();
    tools->tabs()->setCurrentIndex(0);
    AppTotalWidget *w = tools->appTotal();
    QVERIFY(w->clientCombo()->count() > 0);
    QTest::keyClicks(w->appIdEdit(), QStringLiteral("100001"));
    QVERIFY(w->lookupButton()->isEnabled());
    QTest::mouseClick(w->lookupButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w->isBusy(), 20'000);
    QVERIFY2(!w->resultBar()->isVisible(), qPrintable(w->resultBar()->text()));
    QVERIFY(!w->riskText().isEmpty());
    QVERIFY(w->scoreText().contains(QStringLiteral("/ 100")));
    QVERIFY(w->permissionCount() > 0);
    QTRY_VERIFY2(w->quotaText().contains(QStringLiteral("Remaining quota today: 24")), qPrintable(w->quotaText()));
    deliverPosted();
    QVERIFY(!saveScreenshot(QStringLiteral("tools-apptotal.png")).isEmpty());
}

void TestZia::saasIncidents()
{
    ToolsPage *tools = m_window->toolsPage();
    tools->tabs()->setCurrentIndex(1);
    SaasIncidentsWidget *w = tools->saas();
    QVERIFY(w->loadButton()->isEnabled());
    QTest::mouseClick(w->loadButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w->resultBar()->type() != MessageBar::Type::Info, 20'000);
    QCOMPARE(w->resultBar()->type(), MessageBar::Type::Success);
    QVERIFY(w->model()->rowCount() > 0);
    QVERIFY(w->resultBar()->text().contains(QStringLiteral("the token works")));
}

QTEST_MAIN(TestZia)
#include "tst_zia.moc"
