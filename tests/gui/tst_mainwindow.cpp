// The main window end to end, offscreen, on a temporary config folder and the private keyring:
// add a tenant with the keyboard, inline validation, add an API client with a secret (checked in
// the real keychain and absent from every config file), deletes with preset confirmations, and a
// screenshot.
#include "GuiTestUtil.h"

#include "ApiClientDialog.h"
#include "ApiClientsPage.h"
#include "services/AppServices.h"
#include "Confirm.h"
#include "MainWindow.h"
#include "TableView.h"
#include "TenantBanner.h"
#include "TenantDialog.h"
#include "TenantsPage.h"
#include "TypedConfirmDialog.h"
// ApiClientTableModel.h holds a QPointer<TokenStatusSource> with only a forward declaration:
// the complete type must come first (see the report to the models owner).
#include "core/TokenStatusSource.h"
#include "models/ApiClientTableModel.h"
#include "models/ModelRoles.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QAbstractButton>
#include <QPointer>
#include <QTest>

using namespace zc;
using namespace zc::guitest;

namespace {
// Pictures for people (README, reviews): ${ZC_BINARY_DIR}/screenshots/<name>.
QString saveScreenshot(QWidget *w, const QString &name)
{
    const QString dir = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    const QString file = dir + QLatin1Char('/') + name;
    w->grab().save(file, "PNG");
    return file;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void startsEmptyAndProbesKeychain();
    void addTenantWithKeyboard();
    void inlineValidation();
    void addClientWithSecret();
    void deleteClientRemovesKeychainEntry();
    void protectedTenantNeedsTypedName();
    void typedConfirmDialogButton();
    void settingsKeptInConfigDir();
    void noShortcutIsBoundTwice();
    void screenshot();

private:
    QStringList tableNames(TablePage *page) const;

    QTemporaryDir m_dir;
    AppServices *m_services = nullptr;
    MainWindow *m_window = nullptr;
    QString m_tenantId;
    QString m_clientId;
    const QByteArray m_canary = "zc-canary-S3cr3t-7f1e2d";
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCOMPARE(SecretStore::defaultService(), QStringLiteral("zconsole-test"));
    m_services = new AppServices(m_dir.path());
    QVERIFY(m_services->load());
    m_window = new MainWindow(m_services);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

// Two window-wide bindings of one key make Qt report "Ambiguous shortcut overload" and do nothing
// (Ctrl+Q was bound twice: the action's own Ctrl+Q and QKeySequence::Quit, also Ctrl+Q on Linux).
void TestMainWindow::noShortcutIsBoundTwice()
{
    QHash<QKeySequence, QString> taken;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a->shortcutContext() != Qt::WindowShortcut && a->shortcutContext() != Qt::ApplicationShortcut)
            continue;
        const QList<QKeySequence> keys = a->shortcuts();
        // A standard key the platform does not bind is an empty sequence: a sign of a binding
        // that differs by platform (QKeySequence::Quit is Ctrl+Q on X11, nothing offscreen).
        QVERIFY2(!keys.contains(QKeySequence()), qPrintable(QStringLiteral("%1 has an empty shortcut").arg(a->objectName())));
        for (int i = 0; i < keys.size(); ++i) {
            QVERIFY2(!keys.mid(i + 1).contains(keys.at(i)),
                     qPrintable(QStringLiteral("%1 binds %2 twice").arg(a->objectName(), keys.at(i).toString())));
            QVERIFY2(!taken.contains(keys.at(i)), qPrintable(QStringLiteral("%1 is bound to %2 and %3").arg(
                                                      keys.at(i).toString(), taken.value(keys.at(i)), a->objectName())));
            taken.insert(keys.at(i), a->objectName());
        }
    }
    QVERIFY(taken.contains(QKeySequence(QStringLiteral("Ctrl+Q"))));
    // A page's buttons never take a key of the window's actions.
    for (QAbstractButton *b : m_window->findChildren<QAbstractButton *>())
        if (!b->shortcut().isEmpty())
            QVERIFY2(!taken.contains(b->shortcut()), qPrintable(QStringLiteral("button %1 takes %2 of %3").arg(
                                                         b->objectName(), b->shortcut().toString(), taken.value(b->shortcut()))));
    // And Ctrl+Q closes the window (asked nothing: no pending change).
    QPointer<MainWindow> probe = new MainWindow(m_services);
    probe->setAttribute(Qt::WA_DeleteOnClose);
    probe->show();
    QVERIFY(QTest::qWaitForWindowExposed(probe));
    probe->activateWindow();
    QTRY_VERIFY(probe->isActiveWindow());
    QTest::keyClick(probe, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!probe || !probe->isVisible(), 5000);
    m_window->activateWindow();
}

void TestMainWindow::cleanupTestCase()
{
    delete m_window;
    delete m_services;
}

QStringList TestMainWindow::tableNames(TablePage *page) const
{
    QStringList out;
    QAbstractItemModel *m = page->view()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->index(r, 0).data().toString();
    return out;
}

void TestMainWindow::startsEmptyAndProbesKeychain()
{
    QCOMPARE(m_window->tenantsPage()->view()->model()->rowCount(), 0);
    QVERIFY(m_window->tenantsPage()->view()->isShowingEmptyText());
    QVERIFY(m_window->tenantsPage()->view()->emptyText().contains(QStringLiteral("No tenants yet")));
    QCOMPARE(m_window->countsText(), QStringLiteral("0 tenants · 0 API clients"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->keychainText(), QStringLiteral("Keychain: ready"), 15000);
    // Nothing selected: edit and delete are off; the accessible name is set.
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("actionEdit"))->isEnabled());
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("actionDelete"))->isEnabled());
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("actionNewClient"))->isEnabled());
    QCOMPARE(m_window->tenantsPage()->view()->accessibleName(), QStringLiteral("Tenants table"));
}

void TestMainWindow::addTenantWithKeyboard()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::keySequence(m_window, QKeySequence(QStringLiteral("Ctrl+N")));
    QPointer<TenantDialog> dlg = waitForWindow<TenantDialog>();
    QVERIFY(dlg);
    auto *name = dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *cloud = dlg->findChild<QComboBox *>(QStringLiteral("cloudCombo"));
    auto *zpa = dlg->findChild<QLineEdit *>(QStringLiteral("zpaEdit"));
    auto *ok = dlg->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(name && cloud && zpa && ok);
    QVERIFY(!ok->isEnabled()); // empty name

    QTest::keyClicks(name, QStringLiteral("Acme Prod"));
    cloud->setFocus();
    cloud->lineEdit()->selectAll();
    QTest::keyClicks(cloud->lineEdit(), QStringLiteral("zscalerbeta"));
    QCOMPARE(dlg->tenantFromForm().cloud, QStringLiteral("zscalerbeta"));
    QTest::keyClicks(zpa, QStringLiteral("216196257331281920"));
    QVERIFY(ok->isEnabled());
    QTest::keyClick(zpa, Qt::Key_Return); // the default button: OK
    QTRY_VERIFY(!dlg || !dlg->isVisible());

    QTRY_COMPARE(tableNames(m_window->tenantsPage()), QStringList{QStringLiteral("Acme Prod")});
    const Tenant *t = m_services->store()->tenantByName(QStringLiteral("Acme Prod"));
    QVERIFY(t);
    QCOMPARE(t->cloud, QStringLiteral("zscalerbeta"));
    QCOMPARE(t->zpaCustomerId, QStringLiteral("216196257331281920"));
    m_tenantId = t->id;
    QCOMPARE(m_window->tenantsPage()->currentId(), m_tenantId); // the new row is selected
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionEdit"))->isEnabled());
    QCOMPARE(m_window->countsText(), QStringLiteral("1 tenant · 0 API clients"));
}

void TestMainWindow::inlineValidation()
{
    m_window->tenantsPage()->addItem();
    QPointer<TenantDialog> dlg = waitForWindow<TenantDialog>();
    QVERIFY(dlg);
    auto *name = dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *zpa = dlg->findChild<QLineEdit *>(QStringLiteral("zpaEdit"));
    auto *vanity = dlg->findChild<QLineEdit *>(QStringLiteral("vanityEdit"));
    auto *zpaError = dlg->findChild<QLabel *>(QStringLiteral("zpaError"));
    auto *nameError = dlg->findChild<QLabel *>(QStringLiteral("nameError"));
    auto *ok = dlg->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);

    QTest::keyClicks(name, QStringLiteral("Beta Lab"));
    QVERIFY(ok->isEnabled());
    QTest::keyClicks(zpa, QStringLiteral("12ab"));
    QVERIFY(zpaError->isVisible());
    QVERIFY2(zpaError->text().contains(QStringLiteral("digits only")), qPrintable(zpaError->text()));
    QVERIFY(!ok->isEnabled());
    zpa->clear();
    QTest::keyClicks(zpa, QStringLiteral("1234"));
    QVERIFY(!zpaError->isVisible());
    QVERIFY(ok->isEnabled());

    // Duplicate name, case-insensitive, against the store.
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("acme PROD"));
    QVERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(QStringLiteral("already exists")), qPrintable(nameError->text()));
    QVERIFY(!ok->isEnabled());
    saveScreenshot(dlg, QStringLiteral("tenant-dialog.png"));

    // The vanity domain is normalised when leaving the field.
    QTest::keyClicks(vanity, QStringLiteral("https://Acme.zslogin.net/"));
    vanity->clearFocus();
    emit vanity->editingFinished();
    QCOMPARE(vanity->text(), QStringLiteral("acme"));

    QTest::keyClick(dlg, Qt::Key_Escape);
    QTRY_VERIFY(!dlg || !dlg->isVisible());
    QCOMPARE(m_services->store()->tenants().size(), 1);
}

void TestMainWindow::addClientWithSecret()
{
    m_window->banner()->setActiveTenant(m_tenantId);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::keySequence(m_window, QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    QPointer<ApiClientDialog> dlg = waitForWindow<ApiClientDialog>();
    QVERIFY(dlg);
    QCOMPARE(m_window->currentPage(), int(MainWindow::ClientsPageIndex));
    auto *kind = dlg->findChild<QComboBox *>(QStringLiteral("kindCombo"));
    kind->setCurrentIndex(kind->findData(int(AuthKind::ZpaLegacy)));
    QCOMPARE(dlg->clientFromForm().tenantId, m_tenantId); // the active tenant is preselected
    QTest::keyClicks(dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("acme-zpa"));
    QTest::keyClicks(dlg->findChild<QLineEdit *>(QStringLiteral("clientIdEdit")), QStringLiteral("zpa-client-1"));
    auto *secret = dlg->findChild<QLineEdit *>(QStringLiteral("secret_secret"));
    QVERIFY(secret);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secret, QString::fromLatin1(m_canary));
    auto *ok = dlg->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY2(ok->isEnabled(), qPrintable(ok->toolTip()));
    deliverPosted(); // the rebuilt secret inputs laid out
    saveScreenshot(dlg, QStringLiteral("client-dialog.png"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dlg || !dlg->isVisible(), 15000);

    const ApiClient *c = m_services->store()->clientByName(QStringLiteral("acme-zpa"));
    QVERIFY(c);
    m_clientId = c->id;
    QVERIFY(c->hasSecret(SecretField::Secret));
    QCOMPARE(c->kind, AuthKind::ZpaLegacy);
    // The value is in the real keychain under the documented key…
    const SecretResult r = readKeychain(c->keychainKey(SecretField::Secret));
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.data, m_canary);
    // …and in no file of the config folder (config.json, zconsole-ui.ini, backups).
    m_window->saveSettings();
    QCOMPARE(filesContaining(m_dir.path(), m_canary), QStringList());
    // The table says it is stored, without touching the keychain.
    auto *model = m_window->clientsPage()->model();
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(model->index(0, ApiClientTableModel::Secrets).data().toString().contains(QStringLiteral("stored")));
    QCOMPARE(m_window->clientsPage()->currentId(), m_clientId);
}

void TestMainWindow::deleteClientRemovesKeychainEntry()
{
    m_window->showPage(MainWindow::ClientsPageIndex);
    QVERIFY(m_window->clientsPage()->selectId(m_clientId));
    // A "no" keeps everything.
    QSignalSpy said(m_window->clientsPage(), &TablePage::statusMessage);
    Confirm::setNextAnswer(false);
    m_window->findChild<QAction *>(QStringLiteral("actionDelete"))->trigger();
    QTRY_VERIFY(said.contains(QVariantList{QStringLiteral("Nothing deleted")})); // the queued "no" arrived
    QVERIFY(m_services->store()->client(m_clientId));
    QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("acme-zpa")));
    QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("keychain")));
    // "Yes": config first, then the keychain entries.
    Confirm::setNextAnswer(true);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->clientsPage()->view()->setFocus();
    QTest::keyClick(m_window->clientsPage()->view(), Qt::Key_Delete);
    QTRY_VERIFY(!m_services->store()->client(m_clientId));
    QTRY_COMPARE_WITH_TIMEOUT(readKeychain(m_clientId + QStringLiteral("/secret")).status,
                              SecretStatus::NotFound, 15000);
    QVERIFY(m_window->clientsPage()->view()->isShowingEmptyText());
}

void TestMainWindow::protectedTenantNeedsTypedName()
{
    StoreResult r = m_services->store()->addTenant(makeTenant(QStringLiteral("Prod EU"), QStringLiteral("zscalertwo"), true));
    QVERIFY(r.ok);
    const QString tid = r.id;
    r = m_services->store()->addClient(makeClient(tid, QStringLiteral("prod-eu-zia"), AuthKind::SandboxToken));
    QVERIFY(r.ok);
    const QString cid = r.id;
    const QString key = m_services->store()->client(cid)->keychainKey(SecretField::ApiKey);
    QVERIFY(writeKeychain(key, "prod-api-key-value").ok());

    m_window->showPage(MainWindow::TenantsPageIndex);
    QVERIFY(m_window->tenantsPage()->selectId(tid));
    m_window->banner()->setActiveTenant(tid);
    QVERIFY(m_window->banner()->isProtectedShown());
    QCOMPARE(m_window->banner()->nameText(), QStringLiteral("Prod EU"));

    // A plain yes and a wrong name both leave it alone (each answer arrives queued, as a no).
    QSignalSpy said(m_window->tenantsPage(), &TablePage::statusMessage);
    const auto refusals = [&] { return said.count(QVariantList{QStringLiteral("Nothing deleted")}); };
    Confirm::setNextAnswer(true);
    m_window->tenantsPage()->deleteCurrent();
    QTRY_COMPARE(refusals(), 1);
    QVERIFY(m_services->store()->tenant(tid));
    QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("Prod EU")));
    QVERIFY2(Confirm::lastQuestion().contains(QStringLiteral("1 API client")), qPrintable(Confirm::lastQuestion()));
    Confirm::setNextTypedName(QStringLiteral("prod eu"));
    m_window->tenantsPage()->deleteCurrent();
    QTRY_COMPARE(refusals(), 2);
    QVERIFY(m_services->store()->tenant(tid));

    Confirm::setNextTypedName(QStringLiteral("Prod EU"));
    m_window->tenantsPage()->deleteCurrent();
    QTRY_VERIFY(!m_services->store()->tenant(tid));
    QVERIFY(!m_services->store()->client(cid));
    QTRY_COMPARE_WITH_TIMEOUT(readKeychain(key).status, SecretStatus::NotFound, 15000);
    // The banner falls back when the active tenant goes.
    QCOMPARE(m_window->banner()->activeTenantId(), QString());
    QVERIFY(!m_window->banner()->isProtectedShown());
}

void TestMainWindow::typedConfirmDialogButton()
{
    Confirm::Request req;
    req.title = QStringLiteral("Delete tenant");
    req.text = QStringLiteral("Delete the tenant “Prod”?");
    req.typedName = QStringLiteral("Prod");
    TypedConfirmDialog dlg(req);
    QVERIFY(!dlg.acceptButton()->isEnabled());
    QTest::keyClicks(dlg.nameEdit(), QStringLiteral("prod"));
    QVERIFY(!dlg.acceptButton()->isEnabled());
    dlg.nameEdit()->clear();
    QTest::keyClicks(dlg.nameEdit(), QStringLiteral("Prod"));
    QVERIFY(dlg.acceptButton()->isEnabled());
}

void TestMainWindow::settingsKeptInConfigDir()
{
    m_window->banner()->setActiveTenant(m_tenantId);
    m_window->saveSettings();
    QSettings ini(QDir(m_dir.path()).filePath(QStringLiteral("zconsole-ui.ini")), QSettings::IniFormat);
    QCOMPARE(ini.value(QStringLiteral("services/activeTenant")).toString(), m_tenantId);
    QVERIFY(!ini.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    QVERIFY(!ini.value(QStringLiteral("tenants/header")).toByteArray().isEmpty());
    QCOMPARE(filesContaining(m_dir.path(), m_canary), QStringList());
}

void TestMainWindow::screenshot()
{
    // A few more rows so the picture shows a working window.
    QVERIFY(m_services->store()->addTenant([] {
        Tenant t = makeTenant(QStringLiteral("Globex Staging"), QStringLiteral("zscloud"));
        t.color = QStringLiteral("#2e7d32");
        t.vanity = QStringLiteral("globex");
        return t;
    }()).ok);
    // The banner shows the active tenant's name in its colour (checked on the rendered pixels).
    const Tenant *globex = m_services->store()->tenantByName(QStringLiteral("Globex Staging"));
    m_window->banner()->setActiveTenant(globex->id);
    QCOMPARE(m_window->banner()->nameText(), QStringLiteral("Globex Staging"));
    QCOMPARE(m_window->banner()->nameColor(), QColor(QStringLiteral("#2e7d32")));
    QVERIFY(!m_window->banner()->isProtectedShown());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Globex Staging — zconsole"));
    auto *nameLabel = m_window->banner()->findChild<QLabel *>(QStringLiteral("activeTenantName"));
    const QImage nameImage = nameLabel->grab().toImage();
    bool inColour = false;
    for (int y = 0; y < nameImage.height() && !inColour; ++y)
        for (int x = 0; x < nameImage.width() && !inColour; ++x)
            inColour = QColor(nameImage.pixel(x, y)) == QColor(QStringLiteral("#2e7d32"));
    QVERIFY2(inColour, "the tenant name is not drawn in the tenant's colour");
    m_window->banner()->setActiveTenant(m_tenantId);

    m_window->showPage(MainWindow::TenantsPageIndex);
    m_window->resize(1180, 640);
    deliverPosted();
    const QImage image = m_window->grab().toImage();
    const QString file = saveScreenshot(m_window, QStringLiteral("mainwindow.png"));
    QVERIFY(QImage(file).width() > 600);
    QVERIFY2(maxDistinctColoursInARow(image) > 2, "the window grabs as blank (missing fonts?)");
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
