// The rotation wizard of the ZIdentity clients page, against the in-process simulator (`zconsole
// --demo` inside the test) over HTTPS with the test keychain: a rotation through the three pages
// (secrets read fresh, validity, confirm, each step ticked, the keychain then holds a new value
// that gets a token), two secrets needing a choice, the typed tenant name of a protected tenant, a
// failed step named with the old secret still working, the wizard not closable while it runs;
// docs/screenshot-zid-rotation*.png are made from it.
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
#include "zid/RotationWizard.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
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
    void rotateThroughTheWizard();
    void twoSecretsNeedAChoice();
    void protectedTenantAsksForItsName();
    void aFailedStepIsNamedAndTheOldSecretWorks();

private:
    RotationWizard *openWizard();

    ZidPageEnv m_z;
    ZidInventoryPage *m_page = nullptr;
    QString m_profile;
    QString m_remote;
};

void TestZidRotation::initTestCase()
{
    QString error;
    QVERIFY2(m_z.start(&error), qPrintable(error));
    m_page = m_z.page();
    m_profile = m_z.profile();
    m_remote = m_z.remote();
}

RotationWizard *TestZidRotation::openWizard()
{
    if (!m_z.selectProfileRow(m_profile))
        return nullptr;
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

void TestZidRotation::rotateThroughTheWizard()
{
    const QByteArray before = m_z.keychainSecret(m_profile);
    QVERIFY(!before.isEmpty());
    QStringList onServer = m_z.serverSecrets(m_remote);
    QVERIFY(!onServer.isEmpty());
    RotationWizard *w = openWizard();
    QVERIFY(w);
    QVERIFY(w->isVisible());
    QCOMPARE(w->currentId(), int(RotationWizard::PlanPage));
    // The plan page shows what the server holds now, read fresh.
    QCOMPARE(w->secretsTree()->topLevelItemCount(), int(onServer.size()));
    if (onServer.size() >= 2) { // the demo client may start with two: delete the one not in the keychain
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        const ZidSecret *held = m_z.services()->zid()->cache()->secretOfProfile(m_z.demo().tenantId(), m_profile, m_remote);
        for (const QString &id : onServer)
            if (!held || id != held->id)
                w->chooseDeleteFirst(id);
    }
    QVERIFY(w->button(QWizard::NextButton)->isEnabled());
    w->validitySpin()->setValue(60);
    QVERIFY(ZidPageEnv::saveShot(w, QStringLiteral("zid-rotation-plan.png")));
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
    QVERIFY(ZidPageEnv::saveShot(w, QStringLiteral("zid-rotation.png")));
    // The keychain holds a new value, which gets a token; the server kept the new secret only
    // (plus the one not rotated, if there were two and it was not deleted first).
    const QByteArray after = m_z.keychainSecret(m_profile);
    QVERIFY(!after.isEmpty());
    QVERIFY(after != before);
    QVERIFY(!m_z.tokenOf(m_profile).isError());
    onServer = m_z.serverSecrets(m_remote);
    QVERIFY(onServer.contains(r.newSecretId));
    QVERIFY(!onServer.contains(r.oldSecretId));
    // The page shows the new secret's expiry (about 60 days) without a sync.
    w->accept();
    QTRY_VERIFY(!w->isVisible());
    const int row = m_page->model()->rowOfProfile(m_profile);
    const int days = m_page->model()->index(row, ZidInventoryModel::DaysLeft).data(SortRole).toInt();
    QVERIFY2(days >= 58 && days <= 60, qPrintable(QString::number(days)));
    // Nothing secret in the config folder.
    QCOMPARE(filesContaining(m_z.services()->configDir(), after), QStringList());
}

void TestZidRotation::twoSecretsNeedAChoice()
{
    // Someone added a second secret in the portal.
    bool done = false;
    ZidSecret extra;
    m_z.services()->zid()->createSecret(m_profile, m_remote, QDateTime::currentDateTimeUtc().addDays(40), nullptr,
                                          [&](const ZidSecretReply &r) {
                                              extra = r.secret;
                                              done = true;
                                          });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
    QVERIFY(!extra.id.isEmpty());
    const QStringList onServer = m_z.serverSecrets(m_remote);
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
    const QStringList now = m_z.serverSecrets(m_remote);
    QVERIFY(!now.contains(extra.id));
    QCOMPARE(now, QStringList{w->result().newSecretId});
    QVERIFY(!m_z.tokenOf(m_profile).isError());
    w->accept();
}

void TestZidRotation::protectedTenantAsksForItsName()
{
    TenantStore *store = m_z.services()->store();
    Tenant t = *store->tenant(m_z.demo().tenantId());
    const Tenant before = t;
    t.isProtected = true;
    QVERIFY(store->updateTenant(t).ok);
    const QStringList onServer = m_z.serverSecrets(m_remote);
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
    QCOMPARE(m_z.serverSecrets(m_remote), onServer);
    QVERIFY(store->updateTenant(before).ok);
}

void TestZidRotation::aFailedStepIsNamedAndTheOldSecretWorks()
{
    const QByteArray before = m_z.keychainSecret(m_profile);
    const QStringList onServer = m_z.serverSecrets(m_remote);
    m_z.demo().sim()->setKnobs(QJsonObject{{QStringLiteral("faults"), QJsonArray{QJsonObject{
        {QStringLiteral("route"), kCreateSecret}, {QStringLiteral("kind"), QStringLiteral("5xx")},
        {QStringLiteral("status"), 500}, {QStringLiteral("count"), 20}}}}});
    RotationWizard *w = openWizard();
    QVERIFY(w);
    w->next();
    w->next();
    QTRY_VERIFY_WITH_TIMEOUT(w->hasResult(), 120'000);
    m_z.demo().sim()->resetKnobs();
    QCOMPARE(w->result().outcome, RotationResult::Outcome::Failed);
    QCOMPARE(w->result().failedStep, QStringLiteral("create"));
    const QString outcome = w->findChild<QLabel *>(QStringLiteral("outcomeLabel"))->text();
    QVERIFY2(outcome.contains(QStringLiteral("“create a new secret” failed")) && outcome.contains(QStringLiteral("the old secret")),
             qPrintable(outcome));
    QCOMPARE(m_z.keychainSecret(m_profile), before);
    QCOMPARE(m_z.serverSecrets(m_remote), onServer);
    QVERIFY(!m_z.tokenOf(m_profile).isError());
    w->accept();
}

QTEST_MAIN(TestZidRotation)
#include "tst_zidrotation.moc"
