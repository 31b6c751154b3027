// The dialogs and start-up states on their own: per-kind fields of the API-client dialog,
// validation messages, the corrupt-config banner, read-only mode, and the keychain wait dialog.
#include "GuiTestUtil.h"

#include "ApiClientDialog.h"
#include "ApiClientsPage.h"
#include "Confirm.h"
#include "services/AppServices.h"
#include "KeychainWaitDialog.h"
#include "MainWindow.h"
#include "segments/AppSegmentsPage.h"
#include "SecretFieldsWidget.h"
#include "SecretWriter.h"
#include "TableView.h"
#include "TenantDialog.h"
#include "TenantsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;
using namespace zc::guitest;

class TestDialogs : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void kindFieldVisibility();
    void tokenUrlMustBeHttps();
    void oneApiNeedsVanityOrTokenUrl();
    void tenantDialogStoreFailureKeepsDialogOpen();
    void removingProtectionNeedsTypedName();
    void corruptConfigShowsBanner();
    void readOnlyDisablesWrites();
    void segmentsPageIsReal();
    void keychainWaitDialogCancel();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
    QString m_tenantId;
};

void TestDialogs::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_services = std::make_unique<AppServices>(m_dir->path());
    QVERIFY(m_services->load());
    Tenant t = makeTenant(QStringLiteral("Acme"), QStringLiteral("zscalerbeta"));
    const StoreResult r = m_services->store()->addTenant(t);
    QVERIFY(r.ok);
    m_tenantId = r.id;
}

void TestDialogs::cleanup()
{
    m_services.reset();
    m_dir.reset();
}

void TestDialogs::kindFieldVisibility()
{
    ApiClientDialog dlg(m_services->secrets(), QString(), m_tenantId);
    auto *kind = dlg.findChild<QComboBox *>(QStringLiteral("kindCombo"));
    auto *secrets = dlg.findChild<SecretFieldsWidget *>();
    QVERIFY(kind && secrets);
    QCOMPARE(kind->count(), int(authKinds().size()));
    // Shown and laid out after every change: rows hidden and shown again go through
    // QFormLayout's geometry code (run this test under valgrind to check it).
    dlg.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dlg));
    for (const AuthKindInfo &k : authKinds()) {
        kind->setCurrentIndex(kind->findData(int(k.kind)));
        dlg.adjustSize();
        QCoreApplication::processEvents();
        const QByteArray whatBytes = k.name.toLatin1();
        const char *what = whatBytes.constData();
        QVERIFY2(kind->currentText().contains(k.label) && kind->currentText().contains(k.name), what);
        QCOMPARE(dlg.isFieldShown(QStringLiteral("clientId")), k.needsClientId);
        QCOMPARE(dlg.isFieldShown(QStringLiteral("username")), k.needsUsername);
        QCOMPARE(dlg.isFieldShown(QStringLiteral("scope")), k.needsScope);
        QCOMPARE(dlg.isFieldShown(QStringLiteral("region")), k.needsRegion);
        QCOMPARE(dlg.isFieldShown(QStringLiteral("clientAuth")), k.kind == AuthKind::ZiaOAuth);
        if (k.needsTokenUrl)
            QVERIFY2(dlg.isFieldShown(QStringLiteral("tokenUrl")), what);
        QVERIFY(dlg.isFieldShown(QStringLiteral("baseUrl")));
        QVERIFY(dlg.isFieldShown(QStringLiteral("caFile")));
        // One input per secret field: a password line, or a PEM box with "Load from file…".
        QCOMPARE(secrets->fields(), k.secrets);
        for (SecretField f : k.secrets) {
            QWidget *input = secrets->inputFor(f);
            QVERIFY2(input, what);
            if (f == SecretField::PrivateKey) {
                QVERIFY(qobject_cast<QPlainTextEdit *>(input));
                QVERIFY(secrets->findChild<QPushButton *>(QStringLiteral("loadPemButton")));
            } else {
                auto *line = qobject_cast<QLineEdit *>(input);
                QVERIFY2(line, what);
                QCOMPARE(line->echoMode(), QLineEdit::Password);
            }
        }
    }
    // zia-legacy: two secrets; the region combo offers the SaaS regions.
    kind->setCurrentIndex(kind->findData(int(AuthKind::ZiaLegacy)));
    QCOMPARE(secrets->fields().size(), 2);
    auto *region = dlg.findChild<QComboBox *>(QStringLiteral("regionCombo"));
    QCOMPARE(region->count(), int(saasRegions().size()) + 1);
}

void TestDialogs::tokenUrlMustBeHttps()
{
    ApiClientDialog dlg(m_services->secrets(), QString(), m_tenantId);
    dlg.show();
    auto *kind = dlg.findChild<QComboBox *>(QStringLiteral("kindCombo"));
    kind->setCurrentIndex(kind->findData(int(AuthKind::ZiaOAuth)));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("acme-oauth"));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("clientIdEdit")), QStringLiteral("cid"));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("scopeEdit")),
                     QStringLiteral("zscalerbeta.net::8956412::ApiRole"));
    auto *token = dlg.findChild<QLineEdit *>(QStringLiteral("tokenUrlEdit"));
    auto *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::keyClicks(token, QStringLiteral("http://idp.example.com/token"));
    QVERIFY2(dlg.errorText(QStringLiteral("tokenUrl")).contains(QStringLiteral("https://")),
             qPrintable(dlg.errorText(QStringLiteral("tokenUrl"))));
    QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("tokenUrlError"))->isVisible());
    QVERIFY(!ok->isEnabled());
    token->clear();
    QTest::keyClicks(token, QStringLiteral("https://idp.example.com/token"));
    QCOMPARE(dlg.errorText(QStringLiteral("tokenUrl")), QString());
    QVERIFY2(ok->isEnabled(), qPrintable(ok->toolTip()));
    // A bad base URL and an unreadable CA file are named too.
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("baseUrlEdit")), QStringLiteral("ftp://x"));
    QVERIFY(dlg.errorText(QStringLiteral("baseUrl")).contains(QStringLiteral("https://")));
    dlg.findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"))->clear();
    dlg.findChild<QLineEdit *>(QStringLiteral("caFileEdit"))->setText(QStringLiteral("/nonexistent/ca.pem"));
    QVERIFY(dlg.errorText(QStringLiteral("caFile")).contains(QStringLiteral("/nonexistent/ca.pem")));
    QVERIFY(!ok->isEnabled());
}

void TestDialogs::oneApiNeedsVanityOrTokenUrl()
{
    ApiClientDialog dlg(m_services->secrets(), QString(), m_tenantId);
    dlg.show();
    auto *kind = dlg.findChild<QComboBox *>(QStringLiteral("kindCombo"));
    kind->setCurrentIndex(kind->findData(int(AuthKind::OneApiSecret)));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("acme-oneapi"));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("clientIdEdit")), QStringLiteral("cid"));
    // The tenant has no vanity domain: the untouched token URL is named in the "still needed"
    // hint, and under the field once it has been touched.
    QVERIFY2(dlg.hintText().contains(QStringLiteral("vanity")), qPrintable(dlg.hintText()));
    QCOMPARE(dlg.errorText(QStringLiteral("tokenUrl")), QString());
    auto *token = dlg.findChild<QLineEdit *>(QStringLiteral("tokenUrlEdit"));
    QTest::keyClicks(token, QStringLiteral("x"));
    QTest::keyClick(token, Qt::Key_Backspace);
    QVERIFY2(dlg.errorText(QStringLiteral("tokenUrl")).contains(QStringLiteral("vanity")),
             qPrintable(dlg.errorText(QStringLiteral("tokenUrl"))));
    auto *ok = dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    // A secret that is not one line is refused before anything is stored (a pasted newline
    // cannot be typed into a QLineEdit, but a PEM in the wrong kind can): use the JWT kind.
    kind->setCurrentIndex(kind->findData(int(AuthKind::OneApiJwt)));
    auto *pem = dlg.findChild<QPlainTextEdit *>(QStringLiteral("secret_private-key"));
    QVERIFY(pem);
    pem->setPlainText(QStringLiteral("not a key"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(ok->toolTip().contains(QStringLiteral("PEM")));
}

void TestDialogs::tenantDialogStoreFailureKeepsDialogOpen()
{
    TenantDialog dlg(m_services->store(), QString());
    dlg.show();
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("Other"));
    // Another process takes the name between the check and OK: the store refuses, we stay open.
    TenantStore other(m_dir->path());
    QVERIFY(other.load());
    QVERIFY(other.addTenant(makeTenant(QStringLiteral("Other"))).ok);
    dlg.accept();
    QVERIFY(dlg.isVisible());
    QVERIFY2(dlg.storeErrorText().contains(QStringLiteral("Not saved")), qPrintable(dlg.storeErrorText()));
    QVERIFY(dlg.errorText(QStringLiteral("name")).contains(QStringLiteral("already exists")));
}

void TestDialogs::removingProtectionNeedsTypedName()
{
    const StoreResult r = m_services->store()->addTenant(makeTenant(QStringLiteral("Prod"), QStringLiteral("zscaler"), true));
    QVERIFY(r.ok);
    TenantDialog dlg(m_services->store(), r.id);
    dlg.show();
    auto *check = dlg.findChild<QCheckBox *>(QStringLiteral("protectedCheck"));
    QVERIFY(check->isChecked());
    check->setChecked(false);
    Confirm::setNextTypedName(QStringLiteral("prod"));
    dlg.accept();
    QVERIFY(!Confirm::hasPreset()); // asked
    deliverPosted();                 // the queued answer (a no) has been acted on
    QVERIFY(dlg.isVisible());
    QVERIFY(m_services->store()->tenant(r.id)->isProtected);
    QVERIFY(Confirm::lastQuestion().contains(QStringLiteral("Remove the protection")));
    Confirm::setNextTypedName(QStringLiteral("Prod"));
    dlg.accept();
    QTRY_VERIFY(!dlg.isVisible());
    QVERIFY(!m_services->store()->tenant(r.id)->isProtected);
}

void TestDialogs::corruptConfigShowsBanner()
{
    QTemporaryDir dir;
    QFile f(QDir(dir.path()).filePath(QStringLiteral("config.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{ this is not json ]]]");
    f.close();
    AppServices services(dir.path());
    QVERIFY(!services.load());
    MainWindow w(&services);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    MessageBar *bar = w.findChild<MessageBar *>(QStringLiteral("configWarningBar"));
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(QStringLiteral("config.json.corrupt-")), qPrintable(bar->text()));
    const QStringList backups = QDir(dir.path()).entryList({QStringLiteral("config.json.corrupt-*")});
    QCOMPARE(backups.size(), 1);
    QVERIFY(bar->text().contains(backups.constFirst()));
    QCOMPARE(w.configText(), QStringLiteral("Config: 1 warning"));
    // Not read-only: the store started from what could be saved, and writes work.
    QVERIFY(w.findChild<QAction *>(QStringLiteral("actionNewTenant"))->isEnabled());
}

void TestDialogs::readOnlyDisablesWrites()
{
    QTemporaryDir dir;
    QFile f(QDir(dir.path()).filePath(QStringLiteral("config.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"schemaVersion": 99, "tenants": [{"id": "t-0123456789abcdef", "name": "Future", "cloud": "zscaler"}], "clients": []})");
    f.close();
    AppServices services(dir.path());
    services.load();
    QVERIFY(services.store()->isReadOnly());
    MainWindow w(&services);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    MessageBar *bar = w.findChild<MessageBar *>(QStringLiteral("readOnlyBar"));
    QVERIFY(bar);
    QVERIFY(bar->text().contains(QStringLiteral("newer zconsole")));
    QCOMPARE(w.configText(), QStringLiteral("Config: read-only"));
    for (const char *name : {"actionNewTenant", "actionNewClient", "actionEdit", "actionDelete", "actionSetSecret"})
        QVERIFY2(!w.findChild<QAction *>(QString::fromLatin1(name))->isEnabled(), name);
    TenantsPage *page = w.tenantsPage();
    QVERIFY(page->selectId(QStringLiteral("t-0123456789abcdef")));
    QVERIFY(!page->canEdit());
    QVERIFY(!page->canDelete());
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("addButton"))->isEnabled());
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("deleteButton"))->isEnabled());
    QVERIFY(w.findChild<QAction *>(QStringLiteral("actionFilter"))->isEnabled()); // reading still works
    // Even if triggered, nothing opens.
    page->addItem();
    deliverPosted();
    QVERIFY(!w.findChild<TenantDialog *>());
}

void TestDialogs::segmentsPageIsReal()
{
    MainWindow w(m_services.get());
    // Every sidebar page is built now (the last placeholder was App Segments).
    w.showPage(MainWindow::SegmentsPageIndex);
    QVERIFY(w.findChild<AppSegmentsPage *>());
    QVERIFY(w.findChild<AppSegmentsPage *>()->isVisibleTo(&w));
}

namespace {
// Clicks the wait dialog's Cancel the moment it is shown, inside the same call stack as the
// job's slow() signal, so the keychain cannot answer in between.
class CancelOnShow : public QObject
{
public:
    bool shown = false;
    QString text;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && !shown) {
            auto *w = static_cast<QWidget *>(watched);
            shown = true;
            text = w->findChild<QLabel *>()->text();
            w->findChild<QPushButton *>(QStringLiteral("cancelKeychainButton"))->click();
        }
        return false;
    }
};
} // namespace

void TestDialogs::keychainWaitDialogCancel()
{
    // The keychain holds its answer (SecretStore::setHoldJobs) and every job counts as slow at
    // once: the wait dialog must come up, and its Cancel must stop the write; the profile stays
    // saved, the secret is reported as not stored.
    m_services->keychain()->setHoldJobs(true);
    m_services->keychain()->setSlowThresholdMs(0);
    ApiClientDialog dlg(m_services->secrets(), QString(), m_tenantId);
    dlg.show();
    auto *kind = dlg.findChild<QComboBox *>(QStringLiteral("kindCombo"));
    kind->setCurrentIndex(kind->findData(int(AuthKind::ZpaLegacy)));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("acme-zpa"));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("clientIdEdit")), QStringLiteral("cid"));
    auto *secret = dlg.findChild<QLineEdit *>(QStringLiteral("secret_secret"));
    QTest::keyClicks(secret, QStringLiteral("wait-dialog-secret"));
    KeychainWaitDialog *wait = dlg.secretWriter()->waitDialog();
    CancelOnShow canceller;
    wait->installEventFilter(&canceller);
    dlg.accept();
    QCOMPARE(secret->text(), QString()); // handed to the keychain job and cleared at once
    QVERIFY(m_services->store()->clientByName(QStringLiteral("acme-zpa")));
    QTRY_VERIFY_WITH_TIMEOUT(!dlg.isBusy(), 15000);
    QVERIFY(canceller.shown);
    m_services->keychain()->setHoldJobs(false); // the cancelled write is not sent any more
    QVERIFY2(canceller.text.contains(QStringLiteral("Waiting for the keychain")), qPrintable(canceller.text));
    QTRY_VERIFY(!wait->isVisible());
    QVERIFY(dlg.isVisible()); // stays open
    QVERIFY2(dlg.storeErrorText().contains(QStringLiteral("was saved, but a secret was NOT stored")),
             qPrintable(dlg.storeErrorText()));
    QVERIFY(!m_services->store()->clientByName(QStringLiteral("acme-zpa"))->hasSecret(SecretField::Secret));
    QVERIFY(!dlg.isNew()); // a retry updates the saved profile instead of adding another
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
