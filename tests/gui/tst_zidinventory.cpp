// The ZIdentity clients page against the in-process simulator (`zconsole --demo` inside the test:
// 300 generated ZIdentity clients besides the demo's own OneAPI ones): never synced → Sync (F5
// button) with progress → every client of the server one row, the demo's oneapi-secret profile
// linked, sorted by days left with an expired one first, the filter, Cancel, a sync that cannot
// start named in the message bar, nothing secret in any cell, "remote changed" after another
// zconsole changed a linked client (until marked as seen), and the screenshot
// docs/screenshot-zid-inventory.png is made from.
#include "GuiDemoEnv.h"
#include "GuiTestUtil.h"

#include "MainWindow.h"
#include "MessageBar.h"
#include "TableView.h"
#include "models/ModelRoles.h"
#include "models/ZidInventoryModel.h"
#include "sim/Simulator.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"
#include "services/ZidentityService.h"
#include "services/SessionWorker.h"
#include "zid/ZidInventoryPage.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

using namespace zc;
using namespace zc::guitest;

class TestZidInventory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void neverSyncedShowsLocalProfiles();
    void syncShowsEveryRemoteClient();
    void sortedByDaysLeftExpiredFirst();
    void filterByNameOrId();
    void nothingSecretInAnyCell();
    void cancelKeepsTheLastInventory();
    void syncThatCannotStartIsNamed();
    void remoteChangeIsShownUntilSeen();
    void screenshot();

private:
    void pressSyncAndWait();

    DemoEnv m_env;
    MainWindow *m_window = nullptr;
    ZidInventoryPage *m_page = nullptr;
    int m_expected = 0;
    QStringList m_demoSecrets;
};

void TestZidInventory::initTestCase()
{
    QString error;
    QVERIFY2(m_env.start(&error), qPrintable(error));
    // What the server holds: the generated clients and the demo's OneAPI credentials.
    m_expected = zsim::SimOptions().zidClients;
    for (const QJsonValue &v : m_env.sim()->demoProfile().value(QLatin1String("clients")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("kind")).toString().startsWith(QLatin1String("oneapi")))
            ++m_expected;
        for (const char *k : {"secret", "password", "apiKey", "privateKey"})
            if (!o.value(QLatin1String(k)).toString().isEmpty())
                m_demoSecrets << o.value(QLatin1String(k)).toString();
    }
    QVERIFY(!m_demoSecrets.isEmpty());
    m_window = new MainWindow(m_env.services());
    m_window->resize(1400, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->showPage(MainWindow::ZidPageIndex);
    m_page = m_window->zidPage();
    QVERIFY(m_page && m_page->isVisible());
    QCOMPARE(m_page->activeTenant(), m_env.tenantId());
}

void TestZidInventory::cleanupTestCase() { delete m_window; }

void TestZidInventory::pressSyncAndWait()
{
    auto *sync = m_page->findChild<QPushButton *>(QStringLiteral("syncButton"));
    QVERIFY(sync);
    QVERIFY(sync->isEnabled());
    QTest::mouseClick(sync, Qt::LeftButton);
    QVERIFY(m_page->isSyncing());
    QVERIFY(m_page->messageBar()->isVisible());
    QVERIFY(m_page->messageBar()->isBusy());
    QVERIFY(!sync->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isSyncing(), 120'000);
    QVERIFY(!m_page->messageBar()->isBusy());
}

void TestZidInventory::neverSyncedShowsLocalProfiles()
{
    QVERIFY2(m_page->syncAgeText().contains(QStringLiteral("never synced")), qPrintable(m_page->syncAgeText()));
    ZidInventoryModel *m = m_page->model();
    QVERIFY(m->rowCount() >= 1); // the demo's oneapi-* profiles, local only
    QCOMPARE(m->countOf(ZidInventoryModel::Link::LocalOnly), m->rowCount());
    QVERIFY(m->rowOfProfile(DemoEnv::clientId(QStringLiteral("oneapi-secret"))) >= 0);
}

void TestZidInventory::syncShowsEveryRemoteClient()
{
    pressSyncAndWait();
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Success);
    QVERIFY2(m_page->messageBar()->text().contains(QStringLiteral("Synced %1 client").arg(m_expected)),
             qPrintable(m_page->messageBar()->text()));
    ZidInventoryModel *m = m_page->model();
    QTRY_COMPARE_WITH_TIMEOUT(m->rowCount(), m_expected, 10'000);
    QCOMPARE(m_page->visibleRows(), m_expected);
    QCOMPARE(m->countOf(ZidInventoryModel::Link::LocalOnly), 0);
    const int row = m->rowOfProfile(DemoEnv::clientId(QStringLiteral("oneapi-secret")));
    QVERIFY(row >= 0);
    QCOMPARE(m->linkAt(row), ZidInventoryModel::Link::Linked);
    QCOMPARE(m->index(row, ZidInventoryModel::SyncState).data().toString(), QStringLiteral("linked"));
    QCOMPARE(m->index(row, ZidInventoryModel::Keychain).data().toString(), QStringLiteral("stored"));
    QVERIFY(m->countOf(ZidInventoryModel::Link::RemoteOnly) >= 300);
    QVERIFY2(m_page->syncAgeText().contains(QStringLiteral("synced just now")), qPrintable(m_page->syncAgeText()));
}

void TestZidInventory::sortedByDaysLeftExpiredFirst()
{
    TableView *view = m_page->view();
    view->sortByColumn(ZidInventoryModel::Name, Qt::AscendingOrder);
    view->sortByColumn(ZidInventoryModel::DaysLeft, Qt::AscendingOrder);
    QAbstractItemModel *shown = view->model();
    QCOMPARE(shown->index(0, ZidInventoryModel::DaysLeft).data().toString(), QStringLiteral("expired"));
    QCOMPARE(shown->index(0, ZidInventoryModel::DaysLeft).data(ZidInventoryModel::BandRole).toInt(),
             int(ZidInventoryModel::Band::Expired));
    QVERIFY(shown->index(0, ZidInventoryModel::DaysLeft).data(Qt::BackgroundRole).isValid());
    // Numeric order after the expired ones.
    int last = std::numeric_limits<int>::min();
    for (int r = 0; r < shown->rowCount(); ++r) {
        const int days = shown->index(r, ZidInventoryModel::DaysLeft).data(SortRole).toInt();
        QVERIFY2(days >= last, qPrintable(QStringLiteral("row %1: %2 after %3").arg(r).arg(days).arg(last)));
        last = days;
    }
}

void TestZidInventory::filterByNameOrId()
{
    ZidInventoryModel *m = m_page->model();
    const int row = m->rowOfProfile(DemoEnv::clientId(QStringLiteral("oneapi-secret")));
    const QString remoteId = m->index(row, 0).data(ZidInventoryModel::RemoteIdRole).toString();
    QVERIFY(!remoteId.isEmpty());
    m_page->focusFilter();
    QVERIFY(m_page->filterEdit()->hasFocus());
    m_page->filterEdit()->setText(remoteId);
    QCOMPARE(m_page->visibleRows(), 1);
    m_page->filterEdit()->setText(QStringLiteral("Automation"));
    QVERIFY(m_page->visibleRows() > 100);
    QVERIFY(m_page->visibleRows() < m_expected);
    m_page->filterEdit()->clear();
    QCOMPARE(m_page->visibleRows(), m_expected);
}

void TestZidInventory::nothingSecretInAnyCell()
{
    QAbstractItemModel *m = m_page->view()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        for (int c = 0; c < m->columnCount(); ++c)
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(FilterRole), int(SortRole), int(IdRole)}) {
                const QString text = m->index(r, c).data(role).toString();
                for (const QString &s : m_demoSecrets)
                    QVERIFY2(!text.contains(s), qPrintable(QStringLiteral("row %1 col %2").arg(r).arg(c)));
            }
    QCOMPARE(filesContaining(m_env.services()->configDir(), m_demoSecrets.first().toUtf8()), QStringList());
}

void TestZidInventory::cancelKeepsTheLastInventory()
{
    auto *sync = m_page->findChild<QPushButton *>(QStringLiteral("syncButton"));
    auto *cancel = m_page->findChild<QPushButton *>(QStringLiteral("cancelSyncButton"));
    QTest::mouseClick(sync, Qt::LeftButton);
    QVERIFY(m_page->isSyncing());
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!m_page->isSyncing());
    QVERIFY2(m_page->messageBar()->text().contains(QStringLiteral("cancelled")), qPrintable(m_page->messageBar()->text()));
    QVERIFY(sync->isEnabled());
    QCOMPARE(m_page->model()->rowCount(), m_expected);
}

void TestZidInventory::syncThatCannotStartIsNamed()
{
    TenantStore *store = m_env.services()->store();
    Tenant t = *store->tenant(m_env.tenantId());
    const Tenant before = t;
    t.zidAdminClient = QStringLiteral("no-such-profile");
    QVERIFY(store->updateTenant(t).ok);
    auto *sync = m_page->findChild<QPushButton *>(QStringLiteral("syncButton"));
    QTest::mouseClick(sync, Qt::LeftButton);
    QVERIFY(!m_page->isSyncing());
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Error);
    QVERIFY2(m_page->messageBar()->text().contains(QStringLiteral("no-such-profile")), qPrintable(m_page->messageBar()->text()));
    QCOMPARE(m_page->model()->rowCount(), m_expected); // the last inventory stays shown
    QVERIFY(store->updateTenant(before).ok);
}

void TestZidInventory::remoteChangeIsShownUntilSeen()
{
    pressSyncAndWait();
    const QString profile = DemoEnv::clientId(QStringLiteral("oneapi-secret"));
    const QString remote = m_env.services()->store()->client(profile)->clientId;
    ZidInventoryModel *m = m_page->model();
    int row = m->rowOfProfile(profile);
    QCOMPARE(m->index(row, ZidInventoryModel::SyncState).data().toString(), QStringLiteral("linked"));
    // Another admin (another zconsole, its own config folder) changes the client's description.
    QTemporaryDir elsewhere;
    ZidentityService other(m_env.services()->sessionWorker()->caller(), m_env.services()->store(), elsewhere.path());
    ZidApiClient read;
    bool done = false;
    other.client(profile, remote, nullptr, [&](const ZidClientReply &r) {
        read = r.client;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
    ZidApiClient changed = read;
    changed.description = QStringLiteral("changed by someone else");
    done = false;
    other.updateClient(profile, changed, read, nullptr, [&](const ZidentityService::Change &c) {
        QVERIFY(!c.reply.error.isError());
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
    // Not known here until a sync; then the row says so, also after a restart (the cache file).
    QCOMPARE(m->index(m->rowOfProfile(profile), ZidInventoryModel::SyncState).data().toString(), QStringLiteral("linked"));
    pressSyncAndWait();
    row = m->rowOfProfile(profile);
    QVERIFY(m->remoteChangedAt(row));
    QCOMPARE(m->index(row, ZidInventoryModel::SyncState).data().toString(), QStringLiteral("remote changed"));
    QCOMPARE(m->linkAt(row), ZidInventoryModel::Link::Linked);
    ZidInventoryCache reread(m_env.services()->configDir());
    reread.load();
    QVERIFY(!reread.seen(profile).isEmpty());
    // Marked as seen: linked again, and a sync with nothing new keeps it so.
    m_page->selectId(m->index(m->rowOfProfile(profile), 0).data(IdRole).toString());
    m_page->acknowledgeRemoteChange();
    row = m->rowOfProfile(profile);
    QVERIFY(!m->remoteChangedAt(row));
    QCOMPARE(m->index(row, ZidInventoryModel::SyncState).data().toString(), QStringLiteral("linked"));
    pressSyncAndWait();
    QCOMPARE(m->index(m->rowOfProfile(profile), ZidInventoryModel::SyncState).data().toString(), QStringLiteral("linked"));
}

void TestZidInventory::screenshot()
{
    pressSyncAndWait();
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Success);
    m_page->view()->sortByColumn(ZidInventoryModel::DaysLeft, Qt::AscendingOrder);
    m_page->selectId(m_page->model()->index(m_page->model()->rowOfProfile(DemoEnv::clientId(QStringLiteral("oneapi-secret"))), 0)
                         .data(IdRole).toString());
    m_page->view()->scrollToTop();
    deliverPosted();
    const QString dir = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    const QString file = dir + QStringLiteral("/zid-inventory.png");
    QVERIFY(m_window->grab().save(file, "PNG"));
    QVERIFY(maxDistinctColoursInARow(QImage(file)) > 2);
}

QTEST_MAIN(TestZidInventory)
#include "tst_zidinventory.moc"
