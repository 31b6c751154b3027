// The remote-client editor of the ZIdentity clients page, against the in-process simulator over
// HTTPS with the test keychain: the portal's rules keep Save disabled; a client with a secret gets
// a local profile whose keychain value is the secret shown once (Copy clears the clipboard, and
// leaves it alone once something else was copied), and the server holds what was entered; a key
// pair made here gets a token with the private key only in the keychain; an edit and its
// conflict keep the client's roles. docs/screenshot-zid-editor.png is made from it.
#include "GuiTestUtil.h"
#include "ZidPageEnv.h"

#include "MainWindow.h"
#include "MessageBar.h"
#include "models/ModelRoles.h"
#include "models/ZidInventoryModel.h"
#include "services/ZidentityService.h"
#include "sim/Simulator.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"
#include "zid/ZidInventoryPage.h"
#include "SecretClipboard.h"
#include "zid/ZidClientDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;
using namespace zc::guitest;

class TestZidEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void editorRulesKeepSaveDisabled();
    void createWithASecretShownOnce();
    void createWithAKeyPairMadeHere();
    void editAndItsConflict();

private:
    ZidClientDialog *openEditor(const QString &remoteId = {});
    static QPushButton *saveButton(ZidClientDialog *d);

    ZidPageEnv m_z;
    ZidInventoryPage *m_page = nullptr;
    QString m_profile;
    QString m_remote;
};

void TestZidEditor::initTestCase()
{
    QString error;
    QVERIFY2(m_z.start(&error), qPrintable(error));
    m_page = m_z.page();
    m_profile = m_z.profile();
    m_remote = m_z.remote();
}

ZidClientDialog *TestZidEditor::openEditor(const QString &remoteId)
{
    ZidClientDialog *dialog = nullptr;
    auto c = connect(m_page, &ZidInventoryPage::clientDialogOpened, this, [&](ZidClientDialog *d) { dialog = d; });
    if (remoteId.isEmpty()) {
        auto *b = m_page->findChild<QPushButton *>(QStringLiteral("newRemoteButton"));
        if (b && b->isEnabled())
            QTest::mouseClick(b, Qt::LeftButton);
    } else {
        m_page->selectId(remoteId);
        auto *b = m_page->findChild<QPushButton *>(QStringLiteral("editRemoteButton"));
        if (b && b->isEnabled())
            QTest::mouseClick(b, Qt::LeftButton);
    }
    disconnect(c);
    if (!dialog || !QTest::qWaitFor([&] { return dialog->isLoaded() && !dialog->isBusy(); }, 30'000))
        return nullptr;
    return dialog;
}

QPushButton *TestZidEditor::saveButton(ZidClientDialog *d)
{
    return d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Save);
}

void TestZidEditor::editorRulesKeepSaveDisabled()
{
    ZidClientDialog *d = openEditor();
    QVERIFY(d);
    QVERIFY(d->isNew());
    QVERIFY(!saveButton(d)->isEnabled()); // no name yet
    auto *lifetime = d->findChild<QSpinBox *>(QStringLiteral("lifetimeSpin"));
    QCOMPARE(lifetime->minimum(), 1);
    QCOMPARE(lifetime->maximum(), 24 * 60);
    auto *validity = d->findChild<QSpinBox *>(QStringLiteral("validitySpin"));
    QCOMPARE(validity->minimum(), 30);
    QCOMPARE(validity->maximum(), 365);
    d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("gui rules"));
    QVERIFY(!saveButton(d)->isEnabled()); // the local profile needs a name
    QVERIFY(!d->errorText(QStringLiteral("profileName")).isEmpty());
    d->findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("demo-oneapi-secret"));
    QVERIFY2(d->errorText(QStringLiteral("profileName")).contains(QStringLiteral("exists already")),
             qPrintable(d->errorText(QStringLiteral("profileName"))));
    d->findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("gui-rules"));
    QVERIFY(saveButton(d)->isEnabled());
    // JWKS: https only.
    d->findChild<QRadioButton *>(QStringLiteral("jwksRadio"))->setChecked(true);
    QVERIFY(!saveButton(d)->isEnabled());
    d->findChild<QLineEdit *>(QStringLiteral("jwksEdit"))->setText(QStringLiteral("http://keys.example.com/jwks.json"));
    QVERIFY(!d->errorText(QStringLiteral("jwksUrl")).isEmpty());
    QVERIFY(!saveButton(d)->isEnabled());
    d->findChild<QLineEdit *>(QStringLiteral("jwksEdit"))->setText(QStringLiteral("https://keys.example.com/jwks.json"));
    QVERIFY(saveButton(d)->isEnabled());
    // A PEM file that holds no public key.
    QTemporaryDir dir;
    QFile bad(dir.filePath(QStringLiteral("bad.pem")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n");
    bad.close();
    d->findChild<QRadioButton *>(QStringLiteral("pemRadio"))->setChecked(true);
    auto *path = d->findChild<QLineEdit *>(QStringLiteral("pemPathEdit"));
    path->setText(bad.fileName());
    emit path->editingFinished();
    QVERIFY2(d->errorText(QStringLiteral("publicKey")).contains(QStringLiteral("no PEM public key")),
             qPrintable(d->errorText(QStringLiteral("publicKey"))));
    QVERIFY(!saveButton(d)->isEnabled());
    d->reject();
}

void TestZidEditor::createWithASecretShownOnce()
{
    const QList<ZidResourceServer> known = m_z.servers();
    QVERIFY(!known.isEmpty());
    QVERIFY(!known.first().services.isEmpty() && !known.first().services.first().scopes.isEmpty());
    const ZidResourceServer::Service &svc = known.first().services.first();
    QPointer<ZidClientDialog> d = openEditor();
    QVERIFY(d);
    d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("gui secret client"));
    d->findChild<QLineEdit *>(QStringLiteral("descriptionEdit"))->setText(QStringLiteral("made by gui_zidrotation"));
    d->findChild<QSpinBox *>(QStringLiteral("lifetimeSpin"))->setValue(45);
    d->findChild<QSpinBox *>(QStringLiteral("validitySpin"))->setValue(40);
    d->findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("gui-secret"));
    QVERIFY(d->chooseScope(svc.id, svc.scopes.first().id));
    QVERIFY(saveButton(d)->isEnabled());
    QVERIFY(ZidPageEnv::saveShot(d, QStringLiteral("zid-editor.png")));
    QString remoteId, profileId;
    QWidget *once = nullptr;
    connect(d.data(), &ZidClientDialog::saved, this, [&](const QString &r, const QString &p) {
        remoteId = r;
        profileId = p;
    });
    connect(d.data(), &ZidClientDialog::secretShown, this, [&](QWidget *w) { once = w; });
    QTest::mouseClick(saveButton(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!remoteId.isEmpty() || !d || !d->isBusy(), 60'000);
    QVERIFY2(!remoteId.isEmpty(), d ? qPrintable(d->messageText()) : "closed");
    QVERIFY(once);
    auto *shown = qobject_cast<SecretOnceDialog *>(once);
    QVERIFY(shown);
    // Shown once, and already in the keychain of the new profile, which gets a token.
    const ApiClient *p = m_z.services()->store()->client(profileId);
    QVERIFY(p);
    QCOMPARE(p->name, QStringLiteral("gui-secret"));
    QCOMPARE(p->clientId, remoteId);
    SecretResult kc = SecretStore::waitFor(m_z.services()->keychain()->read(p->keychainKey(SecretField::Secret)));
    QVERIFY(kc.ok());
    QCOMPARE(QString::fromUtf8(kc.data), shown->shownSecret());
    QVERIFY(!m_z.tokenOf(profileId).isError());
    // Copy: on the clipboard, then cleared (the test shortens the 30 s).
    SecretClipboard::instance()->setDefaultClearMs(300);
    shown->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), shown->shownSecret());
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5'000);
    // Something else copied meanwhile is left alone.
    shown->copy();
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    QTest::qWait(600);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("something else"));
    SecretClipboard::instance()->setDefaultClearMs(SecretClipboard::DefaultClearMs);
    const QString secret = shown->shownSecret();
    shown->close();
    QCOMPARE(filesContaining(m_z.services()->configDir(), secret.toUtf8()), QStringList());
    // What the server holds: the form's values, one scope of the chosen service.
    const ZidApiClient c = m_z.remoteClient(remoteId);
    QCOMPARE(c.name, QStringLiteral("gui secret client"));
    QCOMPARE(c.description, QStringLiteral("made by gui_zidrotation"));
    QCOMPARE(c.authType, zidAuth::Secret);
    QCOMPARE(ZidLifetime::toMinutes(c.accessTokenLifeTime), 45);
    QCOMPARE(c.resources.size(), 1);
    QCOMPARE(c.resources.first().scopes.size(), 1);
    QCOMPARE(c.resources.first().scopes.first().id, svc.scopes.first().id);
    // The page lists it, linked to its profile.
    const int row = m_page->model()->rowOfRemote(remoteId);
    QVERIFY(row >= 0);
    QCOMPARE(m_page->model()->linkAt(row), ZidInventoryModel::Link::Linked);
}

void TestZidEditor::createWithAKeyPairMadeHere()
{
    QPointer<ZidClientDialog> d = openEditor();
    QVERIFY(d);
    d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("gui key pair client"));
    d->findChild<QRadioButton *>(QStringLiteral("generatedRadio"))->setChecked(true);
    d->findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("gui-jwt"));
    QVERIFY(saveButton(d)->isEnabled());
    QString remoteId, profileId;
    bool shown = false;
    connect(d.data(), &ZidClientDialog::saved, this, [&](const QString &r, const QString &p) {
        remoteId = r;
        profileId = p;
    });
    connect(d.data(), &ZidClientDialog::secretShown, this, [&] { shown = true; });
    QTest::mouseClick(saveButton(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!remoteId.isEmpty() || !d || !d->isBusy(), 120'000);
    QVERIFY2(!remoteId.isEmpty(), d ? qPrintable(d->messageText()) : "closed");
    QVERIFY(!shown); // nothing to show: the private key never leaves the keychain
    const ApiClient *p = m_z.services()->store()->client(profileId);
    QVERIFY(p);
    QCOMPARE(p->kind, AuthKind::OneApiJwt);
    QVERIFY(p->hasSecret(SecretField::PrivateKey));
    QCOMPARE(m_z.remoteClient(remoteId).authType, zidAuth::PublicKey);
    QVERIFY(!m_z.tokenOf(profileId).isError());
    QCOMPARE(filesContaining(m_z.services()->configDir(), QByteArray("PRIVATE KEY")), QStringList());
}

void TestZidEditor::editAndItsConflict()
{
    const int row = m_page->model()->rowOfProfile(m_profile);
    const QString remoteId = m_page->model()->index(row, 0).data(ZidInventoryModel::RemoteIdRole).toString();
    QPointer<ZidClientDialog> d = openEditor(remoteId);
    QVERIFY(d);
    QVERIFY(!d->isNew());
    const ZidApiClient before = m_z.remoteClient(remoteId);
    QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(), before.name);
    // The demo client's roles are not among those the resource servers offer: the editor says they stay.
    const QString roles = d->findChild<QLabel *>(QStringLiteral("resourcesState"))->text();
    QVERIFY2(roles.contains(QStringLiteral("kept as they are")), qPrintable(roles));
    d->findChild<QLineEdit *>(QStringLiteral("descriptionEdit"))->setText(QStringLiteral("edited in the GUI"));
    // Meanwhile another admin renames it.
    ZidApiClient other = before;
    other.name = before.name + QStringLiteral(" (renamed)");
    bool done = false;
    m_z.services()->zid()->updateClient(m_profile, other, before, nullptr, [&](const ZidentityService::Change &c) {
        QVERIFY(!c.reply.error.isError());
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
    QTest::mouseClick(saveButton(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d->isBusy(), 30'000);
    QVERIFY(d->hasConflict());
    QVERIFY(d->isVisible());
    QVERIFY2(d->messageText().contains(QStringLiteral("changed on the server")) && d->messageText().contains(QStringLiteral("name")),
             qPrintable(d->messageText()));
    QCOMPARE(m_z.remoteClient(remoteId).name, other.name); // not overwritten
    QCOMPARE(m_z.remoteClient(remoteId).description, before.description);
    QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("descriptionEdit"))->text(), QStringLiteral("edited in the GUI"));
    // Save again: the admin's version, knowingly over the other one.
    bool saved = false;
    connect(d.data(), &ZidClientDialog::saved, this, [&] { saved = true; });
    QTest::mouseClick(saveButton(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(saved, 30'000);
    QCOMPARE(m_z.remoteClient(remoteId).description, QStringLiteral("edited in the GUI"));
    QCOMPARE(m_z.remoteClient(remoteId).name, before.name);
    // The roles the client had are the roles it keeps (the editor showed and sent them).
    QVERIFY(!before.resources.isEmpty());
    QCOMPARE(m_z.remoteClient(remoteId).resources, before.resources);
    QVERIFY(!m_z.tokenOf(m_profile).isError()); // the demo profile still works
}

QTEST_MAIN(TestZidEditor)
#include "tst_zideditor.moc"
