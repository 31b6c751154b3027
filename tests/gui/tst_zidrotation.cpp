// The rotation wizard and the remote-client editor of the ZIdentity clients page, against the
// in-process simulator (`zconsole --demo` inside the test) over HTTPS with the test keychain:
// a rotation through the three pages (secrets read fresh, validity, confirm, each step ticked,
// the keychain then holds a new value that gets a token), two secrets needing a choice, the typed
// tenant name of a protected tenant, a failed step named with the old secret still working, the
// wizard not closable while it runs; the screenshots docs/screenshot-zid-rotation.png and
// docs/screenshot-zid-editor.png are made from.
#include "GuiDemoEnv.h"
#include "GuiTestUtil.h"

#include "MainWindow.h"
#include "MessageBar.h"
#include "TableView.h"
#include "models/ModelRoles.h"
#include "models/ZidInventoryModel.h"
#include "services/NetworkStack.h"
#include "services/SessionWorker.h"
#include "services/ZidentityService.h"
#include "sim/Simulator.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"
#include "zid/RotationWizard.h"
#include "zid/ZidClientDialog.h"
#include "SecretClipboard.h"
#include "zid/ZidInventoryPage.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QPointer>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

using namespace zc;
using namespace zc::guitest;

namespace {
const QString kCreateSecret = QStringLiteral("POST /ziam/admin/api/v1/api-clients/{id}/secrets");
}

class TestZidRotation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rotateThroughTheWizard();
    void twoSecretsNeedAChoice();
    void protectedTenantAsksForItsName();
    void aFailedStepIsNamedAndTheOldSecretWorks();
    void editorRulesKeepSaveDisabled();
    void createWithASecretShownOnce();
    void createWithAKeyPairMadeHere();
    void editAndItsConflict();
    void remoteChangeIsShownUntilSeen();

private:
    void syncAndWait();
    ZidClientDialog *openEditor(const QString &remoteId = {});
    static QPushButton *saveButton(ZidClientDialog *d);
    ApiError tokenOf(const QString &profileId);
    ZidApiClient remoteClient(const QString &id);
    QList<ZidResourceServer> servers();
    RotationWizard *openWizard();
    QByteArray keychainSecret();
    ApiError tokenWorks();
    QStringList serverSecrets();
    void selectDemoRow();
    void saveShot(QWidget *w, const QString &name);

    DemoEnv m_env;
    MainWindow *m_window = nullptr;
    ZidInventoryPage *m_page = nullptr;
    QString m_profile;
    QString m_remote;
};

void TestZidRotation::initTestCase()
{
    QString error;
    QVERIFY2(m_env.start(&error), qPrintable(error));
    m_window = new MainWindow(m_env.services());
    m_window->resize(1400, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->showPage(MainWindow::ZidPageIndex);
    m_page = m_window->zidPage();
    QVERIFY(m_page);
    m_profile = DemoEnv::clientId(QStringLiteral("oneapi-secret"));
    m_remote = m_env.services()->store()->client(m_profile)->clientId;
    QVERIFY(!m_remote.isEmpty());
    auto *sync = m_page->findChild<QPushButton *>(QStringLiteral("syncButton"));
    QTest::mouseClick(sync, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isSyncing(), 120'000);
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Success);
}

void TestZidRotation::cleanupTestCase() { delete m_window; }

void TestZidRotation::selectDemoRow()
{
    const int row = m_page->model()->rowOfProfile(m_profile);
    QVERIFY(row >= 0);
    m_page->selectId(m_page->model()->index(row, 0).data(IdRole).toString());
}

RotationWizard *TestZidRotation::openWizard()
{
    selectDemoRow();
    auto *rotate = m_page->findChild<QPushButton *>(QStringLiteral("rotateButton"));
    if (!rotate || !rotate->isEnabled())
        return nullptr;
    RotationWizard *wizard = nullptr;
    auto c = connect(m_page, &ZidInventoryPage::rotationWizardOpened, this, [&](RotationWizard *w) { wizard = w; });
    QTest::mouseClick(rotate, Qt::LeftButton);
    disconnect(c);
    if (!wizard || !QTest::qWaitFor([&] { return wizard->secretsRead(); }, 30'000))
        return nullptr;
    return wizard;
}

QByteArray TestZidRotation::keychainSecret()
{
    const ApiClient *p = m_env.services()->store()->client(m_profile);
    SecretResult r = SecretStore::waitFor(m_env.services()->keychain()->read(p->keychainKey(SecretField::Secret)));
    return r.ok() ? r.data : QByteArray();
}

// A token from what the keychain holds now, with a stack of its own (no cached token).
ApiError TestZidRotation::tokenWorks() { return tokenOf(m_profile); }

QStringList TestZidRotation::serverSecrets()
{
    QStringList ids;
    bool done = false;
    m_env.services()->zid()->secrets(m_profile, m_remote, nullptr, [&](const ZidSecretsReply &r) {
        for (const ZidSecret &s : r.secrets)
            ids << s.id;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 30'000);
    return ids;
}

void TestZidRotation::saveShot(QWidget *w, const QString &name)
{
    deliverPosted();
    const QString dir = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    const QString file = dir + QLatin1Char('/') + name;
    QVERIFY(w->grab().save(file, "PNG"));
    QVERIFY(maxDistinctColoursInARow(QImage(file)) > 2);
}

void TestZidRotation::rotateThroughTheWizard()
{
    const QByteArray before = keychainSecret();
    QVERIFY(!before.isEmpty());
    QStringList onServer = serverSecrets();
    QVERIFY(!onServer.isEmpty());
    RotationWizard *w = openWizard();
    QVERIFY(w);
    QVERIFY(w->isVisible());
    QCOMPARE(w->currentId(), int(RotationWizard::PlanPage));
    // The plan page shows what the server holds now, read fresh.
    QCOMPARE(w->secretsTree()->topLevelItemCount(), int(onServer.size()));
    if (onServer.size() >= 2) { // the demo client may start with two: delete the one not in the keychain
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        const ZidSecret *held = m_env.services()->zid()->cache()->secretOfProfile(m_env.tenantId(), m_profile, m_remote);
        for (const QString &id : onServer)
            if (!held || id != held->id)
                w->chooseDeleteFirst(id);
    }
    QVERIFY(w->button(QWizard::NextButton)->isEnabled());
    w->validitySpin()->setValue(60);
    saveShot(w, QStringLiteral("zid-rotation-plan.png"));
    w->next();
    QCOMPARE(w->currentId(), int(RotationWizard::ConfirmPage));
    QVERIFY(w->button(QWizard::CommitButton)->isEnabled()); // the demo tenant is not protected
    const QString confirm = w->findChild<QLabel *>(QStringLiteral("confirmText"))->text();
    QVERIFY2(confirm.contains(QStringLiteral("valid 60 days")), qPrintable(confirm));
    w->next();
    QCOMPARE(w->currentId(), int(RotationWizard::RunPage));
    QVERIFY(w->isRunning());
    w->reject(); // cannot be closed halfway
    QVERIFY(w->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(w->hasResult(), 60'000);
    const RotationResult r = w->result();
    QVERIFY2(r.ok(), qPrintable(w->resultText()));
    QVERIFY(w->button(QWizard::FinishButton)->isEnabled());
    const QStringList steps = w->stepsShown();
    for (const char *s : {"check", "create", "store", "token", "delete-old"})
        QVERIFY2(steps.contains(QLatin1String(s)), qPrintable(steps.join(QLatin1Char(','))));
    QVERIFY(steps.indexOf(QStringLiteral("token")) < steps.indexOf(QStringLiteral("delete-old")));
    const QString outcome = w->findChild<QLabel *>(QStringLiteral("outcomeLabel"))->text();
    QVERIFY2(outcome.contains(r.newSecretId) && outcome.startsWith(QStringLiteral("Rotated")), qPrintable(outcome));
    saveShot(w, QStringLiteral("zid-rotation.png"));
    // The keychain holds a new value, which gets a token; the server kept the new secret only
    // (plus the one not rotated, if there were two and it was not deleted first).
    const QByteArray after = keychainSecret();
    QVERIFY(!after.isEmpty());
    QVERIFY(after != before);
    QVERIFY(!tokenWorks().isError());
    onServer = serverSecrets();
    QVERIFY(onServer.contains(r.newSecretId));
    QVERIFY(!onServer.contains(r.oldSecretId));
    // The page shows the new secret's expiry (about 60 days) without a sync.
    w->accept();
    QTRY_VERIFY(!w->isVisible());
    const int row = m_page->model()->rowOfProfile(m_profile);
    const int days = m_page->model()->index(row, ZidInventoryModel::DaysLeft).data(SortRole).toInt();
    QVERIFY2(days >= 58 && days <= 60, qPrintable(QString::number(days)));
    // Nothing secret in the config folder.
    QCOMPARE(filesContaining(m_env.services()->configDir(), after), QStringList());
}

void TestZidRotation::twoSecretsNeedAChoice()
{
    // Someone added a second secret in the portal.
    bool done = false;
    ZidSecret extra;
    m_env.services()->zid()->createSecret(m_profile, m_remote, QDateTime::currentDateTimeUtc().addDays(40), nullptr,
                                          [&](const ZidSecretReply &r) {
                                              extra = r.secret;
                                              done = true;
                                          });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
    QVERIFY(!extra.id.isEmpty());
    const QStringList onServer = serverSecrets();
    QCOMPARE(onServer.size(), 2);
    RotationWizard *w = openWizard();
    QVERIFY(w);
    QCOMPARE(w->secretsTree()->topLevelItemCount(), 2);
    auto *note = w->findChild<QLabel *>(QStringLiteral("twoSecretsNote"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("third would silently replace")), qPrintable(note->text()));
    QVERIFY(!w->button(QWizard::NextButton)->isEnabled()); // no choice yet
    // Ticking a secret in the list chooses it (only one at a time).
    w->secretsTree()->topLevelItem(0)->setCheckState(0, Qt::Checked);
    QVERIFY(w->button(QWizard::NextButton)->isEnabled());
    w->secretsTree()->topLevelItem(1)->setCheckState(0, Qt::Checked);
    QCOMPARE(w->secretsTree()->topLevelItem(0)->checkState(0), Qt::Unchecked);
    w->chooseDeleteFirst(extra.id);
    w->next();
    const QString confirm = w->findChild<QLabel *>(QStringLiteral("confirmText"))->text();
    QVERIFY2(confirm.contains(QStringLiteral("delete the secret %1").arg(extra.id)), qPrintable(confirm));
    w->next();
    QTRY_VERIFY_WITH_TIMEOUT(w->hasResult(), 60'000);
    QVERIFY2(w->result().ok(), qPrintable(w->resultText()));
    const QStringList now = serverSecrets();
    QVERIFY(!now.contains(extra.id));
    QCOMPARE(now, QStringList{w->result().newSecretId});
    QVERIFY(!tokenWorks().isError());
    w->accept();
}

void TestZidRotation::protectedTenantAsksForItsName()
{
    TenantStore *store = m_env.services()->store();
    Tenant t = *store->tenant(m_env.tenantId());
    const Tenant before = t;
    t.isProtected = true;
    QVERIFY(store->updateTenant(t).ok);
    const QStringList onServer = serverSecrets();
    RotationWizard *w = openWizard();
    QVERIFY(w);
    w->next();
    QCOMPARE(w->currentId(), int(RotationWizard::ConfirmPage));
    QVERIFY(w->typedNameEdit()->isVisible());
    QVERIFY(!w->button(QWizard::CommitButton)->isEnabled());
    w->typedNameEdit()->setText(t.name.toLower() + QStringLiteral("x"));
    QVERIFY(!w->button(QWizard::CommitButton)->isEnabled());
    w->typedNameEdit()->setText(t.name);
    QVERIFY(w->button(QWizard::CommitButton)->isEnabled());
    w->reject(); // not run: nothing changed
    QTRY_VERIFY(!w->isVisible());
    QCOMPARE(serverSecrets(), onServer);
    QVERIFY(store->updateTenant(before).ok);
}

void TestZidRotation::aFailedStepIsNamedAndTheOldSecretWorks()
{
    const QByteArray before = keychainSecret();
    const QStringList onServer = serverSecrets();
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("faults"), QJsonArray{QJsonObject{
        {QStringLiteral("route"), kCreateSecret}, {QStringLiteral("kind"), QStringLiteral("5xx")},
        {QStringLiteral("status"), 500}, {QStringLiteral("count"), 20}}}}});
    RotationWizard *w = openWizard();
    QVERIFY(w);
    w->next();
    w->next();
    QTRY_VERIFY_WITH_TIMEOUT(w->hasResult(), 120'000);
    m_env.sim()->resetKnobs();
    QCOMPARE(w->result().outcome, RotationResult::Outcome::Failed);
    QCOMPARE(w->result().failedStep, QStringLiteral("create"));
    const QString outcome = w->findChild<QLabel *>(QStringLiteral("outcomeLabel"))->text();
    QVERIFY2(outcome.contains(QStringLiteral("“create a new secret” failed")) && outcome.contains(QStringLiteral("the old secret")),
             qPrintable(outcome));
    QCOMPARE(keychainSecret(), before);
    QCOMPARE(serverSecrets(), onServer);
    QVERIFY(!tokenWorks().isError());
    w->accept();
}

ZidClientDialog *TestZidRotation::openEditor(const QString &remoteId)
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

QPushButton *TestZidRotation::saveButton(ZidClientDialog *d)
{
    return d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Save);
}

ApiError TestZidRotation::tokenOf(const QString &profileId)
{
    NetworkStack own(m_env.services()->secrets());
    own.useOneShotSettings(false);
    const ApiClient *p = m_env.services()->store()->client(profileId);
    own.addClient(*p, *m_env.services()->store()->tenant(p->tenantId));
    bool done = false;
    ApiError out = ApiError::make(ErrorKind::Network, QStringLiteral("no answer"));
    own.token(profileId, nullptr, [&](const Token &, const ApiError &e) {
        out = e;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 30'000);
    return out;
}

ZidApiClient TestZidRotation::remoteClient(const QString &id)
{
    ZidApiClient out;
    bool done = false;
    m_env.services()->zid()->client(m_profile, id, nullptr, [&](const ZidClientReply &r) {
        out = r.client;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 30'000);
    return out;
}

QList<ZidResourceServer> TestZidRotation::servers()
{
    QList<ZidResourceServer> out;
    bool done = false;
    m_env.services()->zid()->resourceServers(m_profile, nullptr, [&](const ZidResourceServersReply &r) {
        out = r.servers;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 30'000);
    return out;
}

void TestZidRotation::editorRulesKeepSaveDisabled()
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

void TestZidRotation::createWithASecretShownOnce()
{
    const QList<ZidResourceServer> known = servers();
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
    saveShot(d, QStringLiteral("zid-editor.png"));
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
    const ApiClient *p = m_env.services()->store()->client(profileId);
    QVERIFY(p);
    QCOMPARE(p->name, QStringLiteral("gui-secret"));
    QCOMPARE(p->clientId, remoteId);
    SecretResult kc = SecretStore::waitFor(m_env.services()->keychain()->read(p->keychainKey(SecretField::Secret)));
    QVERIFY(kc.ok());
    QCOMPARE(QString::fromUtf8(kc.data), shown->shownSecret());
    QVERIFY(!tokenOf(profileId).isError());
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
    QCOMPARE(filesContaining(m_env.services()->configDir(), secret.toUtf8()), QStringList());
    // What the server holds: the form's values, one scope of the chosen service.
    const ZidApiClient c = remoteClient(remoteId);
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

void TestZidRotation::createWithAKeyPairMadeHere()
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
    const ApiClient *p = m_env.services()->store()->client(profileId);
    QVERIFY(p);
    QCOMPARE(p->kind, AuthKind::OneApiJwt);
    QVERIFY(p->hasSecret(SecretField::PrivateKey));
    QCOMPARE(remoteClient(remoteId).authType, zidAuth::PublicKey);
    QVERIFY(!tokenOf(profileId).isError());
    QCOMPARE(filesContaining(m_env.services()->configDir(), QByteArray("PRIVATE KEY")), QStringList());
}

void TestZidRotation::editAndItsConflict()
{
    const int row = m_page->model()->rowOfProfile(m_profile);
    const QString remoteId = m_page->model()->index(row, 0).data(ZidInventoryModel::RemoteIdRole).toString();
    QPointer<ZidClientDialog> d = openEditor(remoteId);
    QVERIFY(d);
    QVERIFY(!d->isNew());
    const ZidApiClient before = remoteClient(remoteId);
    QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(), before.name);
    // The demo client's roles are not among those the resource servers offer: the editor says they stay.
    const QString roles = d->findChild<QLabel *>(QStringLiteral("resourcesState"))->text();
    QVERIFY2(roles.contains(QStringLiteral("kept as they are")), qPrintable(roles));
    d->findChild<QLineEdit *>(QStringLiteral("descriptionEdit"))->setText(QStringLiteral("edited in the GUI"));
    // Meanwhile another admin renames it.
    ZidApiClient other = before;
    other.name = before.name + QStringLiteral(" (renamed)");
    bool done = false;
    m_env.services()->zid()->updateClient(m_profile, other, before, nullptr, [&](const ZidentityService::Change &c) {
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
    QCOMPARE(remoteClient(remoteId).name, other.name); // not overwritten
    QCOMPARE(remoteClient(remoteId).description, before.description);
    QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("descriptionEdit"))->text(), QStringLiteral("edited in the GUI"));
    // Save again: the admin's version, knowingly over the other one.
    bool saved = false;
    connect(d.data(), &ZidClientDialog::saved, this, [&] { saved = true; });
    QTest::mouseClick(saveButton(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(saved, 30'000);
    QCOMPARE(remoteClient(remoteId).description, QStringLiteral("edited in the GUI"));
    QCOMPARE(remoteClient(remoteId).name, before.name);
    // The roles the client had are the roles it keeps (the editor showed and sent them).
    QVERIFY(!before.resources.isEmpty());
    QCOMPARE(remoteClient(remoteId).resources, before.resources);
    QVERIFY(!tokenWorks().isError()); // the demo profile still works
}

void TestZidRotation::syncAndWait()
{
    auto *sync = m_page->findChild<QPushButton *>(QStringLiteral("syncButton"));
    QVERIFY(sync->isEnabled());
    QTest::mouseClick(sync, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isSyncing(), 120'000);
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Success);
}

void TestZidRotation::remoteChangeIsShownUntilSeen()
{
    syncAndWait();
    ZidInventoryModel *m = m_page->model();
    int row = m->rowOfProfile(m_profile);
    QCOMPARE(m->index(row, ZidInventoryModel::SyncState).data().toString(), QStringLiteral("linked"));
    // Another admin (another zconsole, its own config folder) changes the client's description.
    QTemporaryDir elsewhere;
    ZidentityService other(m_env.services()->sessionWorker()->caller(), m_env.services()->store(), elsewhere.path());
    ZidApiClient read;
    bool done = false;
    other.client(m_profile, m_remote, nullptr, [&](const ZidClientReply &r) {
        read = r.client;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
    ZidApiClient changed = read;
    changed.description = QStringLiteral("changed by someone else");
    done = false;
    other.updateClient(m_profile, changed, read, nullptr, [&](const ZidentityService::Change &c) {
        QVERIFY(!c.reply.error.isError());
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
    // Not known here until a sync; then the row says so, also after a restart (the cache file).
    QCOMPARE(m->index(m->rowOfProfile(m_profile), ZidInventoryModel::SyncState).data().toString(), QStringLiteral("linked"));
    syncAndWait();
    row = m->rowOfProfile(m_profile);
    QVERIFY(m->remoteChangedAt(row));
    QCOMPARE(m->index(row, ZidInventoryModel::SyncState).data().toString(), QStringLiteral("remote changed"));
    QCOMPARE(m->linkAt(row), ZidInventoryModel::Link::Linked);
    ZidInventoryCache reread(m_env.services()->configDir());
    reread.load();
    QVERIFY(!reread.seen(m_profile).isEmpty());
    // Marked as seen: linked again, and a sync with nothing new keeps it so.
    selectDemoRow();
    m_page->acknowledgeRemoteChange();
    row = m->rowOfProfile(m_profile);
    QVERIFY(!m->remoteChangedAt(row));
    QCOMPARE(m->index(row, ZidInventoryModel::SyncState).data().toString(), QStringLiteral("linked"));
    syncAndWait();
    QCOMPARE(m->index(m->rowOfProfile(m_profile), ZidInventoryModel::SyncState).data().toString(), QStringLiteral("linked"));
}

QTEST_MAIN(TestZidRotation)
#include "tst_zidrotation.moc"
