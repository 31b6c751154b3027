// No usable OS keychain (no D-Bus session at all): the window still starts, says so in the status
// bar and a message bar, and saving a client with a secret keeps the profile, refuses the secret
// clearly, and writes the secret nowhere.
#include "GuiTestUtil.h"

#include "ApiClientDialog.h"
#include "services/AppServices.h"
#include "MainWindow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;
using namespace zc::guitest;

class TestNoKeychain : public QObject
{
    Q_OBJECT

private slots:
    void startsAndSaysSo();
    void secretIsRefusedProfileKept();
};

void TestNoKeychain::startsAndSaysSo()
{
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    QTemporaryDir dir;
    AppServices services(dir.path());
    QVERIFY(services.load());
    MainWindow w(&services);
    w.show();
    // Start-up does not wait for the keychain: the window is up while the probe is still out
    // (it starts on the first event-loop turn and answers later).
    QVERIFY(w.isVisible());
    QVERIFY2(!w.keychainProbeDone(), "start-up must not wait for the keychain");
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.keychainProbeDone(), 15000);
    QVERIFY2(w.keychainText().startsWith(QStringLiteral("Keychain: unavailable — no usable OS keychain")),
             qPrintable(w.keychainText()));
    MessageBar *bar = w.findChild<MessageBar *>(QStringLiteral("keychainBar"));
    QVERIFY(bar);
    QVERIFY(bar->text().contains(QStringLiteral("never stores secrets in plain files")));
}

void TestNoKeychain::secretIsRefusedProfileKept()
{
    QTemporaryDir dir;
    AppServices services(dir.path());
    QVERIFY(services.load());
    const StoreResult t = services.store()->addTenant(makeTenant(QStringLiteral("Acme")));
    QVERIFY(t.ok);
    const QByteArray canary = "zc-nokeychain-canary-91c3";

    ApiClientDialog dlg(services.secrets(), QString(), t.id);
    dlg.show();
    auto *kind = dlg.findChild<QComboBox *>(QStringLiteral("kindCombo"));
    kind->setCurrentIndex(kind->findData(int(AuthKind::ZpaLegacy)));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("acme-zpa"));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("clientIdEdit")), QStringLiteral("cid"));
    QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("secret_secret")), QString::fromLatin1(canary));
    QTest::mouseClick(dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dlg.isBusy(), 15000);
    QVERIFY(dlg.isVisible());
    const QString err = dlg.storeErrorText();
    QVERIFY2(err.contains(QStringLiteral("was saved, but a secret was NOT stored")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("no usable OS keychain")), qPrintable(err));
    const ApiClient *c = services.store()->clientByName(QStringLiteral("acme-zpa"));
    QVERIFY(c);
    QVERIFY(!c->hasSecret(SecretField::Secret));
    QCOMPARE(dlg.findChild<QLineEdit *>(QStringLiteral("secret_secret"))->text(), QString());
    QCOMPARE(filesContaining(dir.path(), canary), QStringList());
    QCOMPARE(filesContaining(qEnvironmentVariable("HOME"), canary), QStringList());
}

QTEST_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
