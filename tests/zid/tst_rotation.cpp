// Secret rotation (issue 12) against the simulator over HTTPS, with the real (test) keychain:
// a successful rotation; a failure injected at each step (create refused, keychain write
// refused, no token with the new secret, delete of the old refused); the process "killed"
// after each journaled step and the rotation then finished or rolled back by a new run; the
// two-secret refusal and --delete. After every case the keychain holds a secret that still gets
// a token, checked with a stack of its own.
#include "CliRunner.h"
#include "ZiaTestEnv.h"

#include "services/AppServices.h"
#include "services/ZidClientSetup.h"
#include "services/NetworkStack.h"
#include "services/SecretRotation.h"
#include "services/ZidentityService.h"
#include "store/ClientSecrets.h"
#include "store/RotationJournal.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;

namespace {
const QString kCreateSecret = QStringLiteral("POST /ziam/admin/api/v1/api-clients/{id}/secrets");
const QString kDeleteSecret = QStringLiteral("DELETE /ziam/admin/api/v1/api-clients/{id}/secrets/{secretId}");
bool g_timedOut = false;

template <typename Reply, typename Call>
Reply wait(Call call, int ms = 60'000)
{
    bool done = false;
    Reply out{};
    call([&](const Reply &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, ms))
        g_timedOut = true;
    return out;
}
} // namespace

// One config folder with a tenant, the admin profile and the profile P of a remote client made
// for the test (one secret, in the keychain), and the objects a face builds to rotate.
struct Fixture
{
    QTemporaryDir dir;
    TenantStore store{dir.path()};
    SecretStore keychain;
    ClientSecrets secrets{&store, &keychain};
    std::unique_ptr<NetworkStack> stack;
    std::unique_ptr<ZidentityService> zid;
    std::unique_ptr<RotationJournal> journal;
    std::unique_ptr<SecretRotation> rotation;
    Tenant tenant;
    QString adminId, profileId, remoteId, firstSecretId;
    QByteArray firstValue;

    // The objects of one "process": made again after a simulated kill.
    void open()
    {
        rotation.reset();
        zid.reset();
        stack = std::make_unique<NetworkStack>(&secrets);
        stack->useOneShotSettings(false);
        for (const QString &id : {adminId, profileId})
            if (const ApiClient *c = store.client(id))
                stack->addClient(*c, tenant);
        zid = std::make_unique<ZidentityService>(stack->caller(), &store, dir.path());
        journal = std::make_unique<RotationJournal>(dir.path());
        rotation = std::make_unique<SecretRotation>(zid.get(), &secrets, stack.get(), journal.get());
        rotation->setTokenRetry(3, 50);
    }
};

class TestRotation : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    std::unique_ptr<Fixture> f;
    zsim::Simulator *sim() const { return m_sim->sim(); }

    QJsonObject profileClient(const QString &kind) const
    {
        for (const QJsonValue &v : sim()->demoProfile().value(QStringLiteral("clients")).toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
                return v.toObject();
        return {};
    }

    QString addProfile(const QString &name, const QString &clientId, const QByteArray &secret)
    {
        const QJsonObject p = sim()->demoProfile();
        ApiClient c;
        c.name = name;
        c.tenantId = f->tenant.id;
        c.kind = AuthKind::OneApiSecret;
        c.clientId = clientId;
        c.tokenUrl = profileClient(QStringLiteral("oneapi-secret")).value(QStringLiteral("tokenUrl")).toString();
        c.baseUrl = p.value(QStringLiteral("baseUrl")).toString();
        c.caFile = p.value(QStringLiteral("caFile")).toString();
        const StoreResult r = f->store.addClient(c);
        if (!r.ok)
            return {};
        const ApiError e = wait<ApiError>([&](auto done) { f->secrets.setSecret(r.id, SecretField::Secret, secret, nullptr, done); });
        return e.isError() ? QString() : r.id;
    }

    QByteArray keychainValue(const QString &profileId)
    {
        QByteArray out;
        bool done = false;
        f->secrets.readSecret(profileId, SecretField::Secret, nullptr, [&](QByteArray v, const ApiError &) {
            out = v;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30'000))
            g_timedOut = true;
        return out;
    }

    // A token for the profile from what the keychain holds now, with a stack of its own.
    ApiError tokenWorks(const QString &profileId)
    {
        NetworkStack own(&f->secrets);
        own.useOneShotSettings(false);
        own.addClient(*f->store.client(profileId), f->tenant);
        bool done = false;
        ApiError out;
        own.token(profileId, nullptr, [&](const Token &, const ApiError &e) {
            out = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30'000))
            g_timedOut = true;
        return out;
    }

    QStringList serverSecrets()
    {
        const ZidSecretsReply r = wait<ZidSecretsReply>([&](auto done) { f->zid->secrets(f->adminId, f->remoteId, nullptr, done); });
        QStringList ids;
        for (const ZidSecret &s : r.secrets)
            ids << s.id;
        return ids;
    }

    RotationResult rotate(const QString &deleteFirst = {})
    {
        RotationRequest q;
        q.profileId = f->profileId;
        q.adminId = f->adminId;
        q.validityDays = 60;
        q.deleteFirst = deleteFirst;
        return wait<RotationResult>([&](auto done) { f->rotation->rotate(q, done); });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh");
        QString error;
        zsim::SimOptions o;
        o.segments = 10;
        o.zidClients = 20;
        m_sim = std::make_unique<zsim::SimulatorThread>(o);
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    // Every case starts from a fresh remote client with one secret, in the keychain of P.
    void init()
    {
        g_timedOut = false;
        sim()->resetKnobs();
        sim()->resetCounters();
        f = std::make_unique<Fixture>();
        QVERIFY(f->dir.isValid());
        Tenant t;
        t.name = QStringLiteral("Rotation");
        t.cloud = QStringLiteral("zscalerbeta");
        t.vanity = sim()->demoProfile().value(QStringLiteral("tenant")).toObject().value(QStringLiteral("vanity")).toString();
        const StoreResult tr = f->store.addTenant(t);
        QVERIFY2(tr.ok, qPrintable(tr.message()));
        f->tenant = *f->store.tenant(tr.id);
        const QJsonObject admin = profileClient(QStringLiteral("oneapi-secret"));
        f->adminId = addProfile(QStringLiteral("admin"), admin.value(QStringLiteral("clientId")).toString(),
                                admin.value(QStringLiteral("secret")).toString().toUtf8());
        QVERIFY(!f->adminId.isEmpty());
        f->open();
        ZidApiClient draft;
        draft.name = QStringLiteral("rotated by the test");
        draft.authType = zidAuth::Secret;
        const ZidentityService::Change made = wait<ZidentityService::Change>([&](auto done) { f->zid->createClient(f->adminId, draft, nullptr, done); });
        QVERIFY2(!made.reply.error.isError(), qPrintable(made.reply.error.toString()));
        f->remoteId = made.reply.client.id;
        const ZidSecretReply s = wait<ZidSecretReply>([&](auto done) {
            f->zid->createSecret(f->adminId, f->remoteId, QDateTime::currentDateTimeUtc().addDays(40), nullptr, done);
        });
        QVERIFY2(!s.error.isError(), qPrintable(s.error.toString()));
        f->firstSecretId = s.secret.id;
        f->firstValue = s.secret.value.toUtf8();
        f->profileId = addProfile(QStringLiteral("P"), f->remoteId, f->firstValue);
        QVERIFY(!f->profileId.isEmpty());
        f->open();
        QVERIFY2(!tokenWorks(f->profileId).isError(), "P's first secret gets a token");
        sim()->resetCounters();
    }

    void cleanup()
    {
        QVERIFY2(!g_timedOut, "an answer did not come in time");
        f.reset();
    }

    void successfulRotation()
    {
        const RotationResult r = rotate();
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.outcome, RotationResult::Outcome::Rotated);
        QCOMPARE(r.oldSecretId, f->firstSecretId);
        QCOMPARE(r.keychainHolds, QStringLiteral("new"));
        const QByteArray now = keychainValue(f->profileId);
        QVERIFY(!now.isEmpty());
        QVERIFY(now != f->firstValue);
        QCOMPARE(serverSecrets(), QStringList{r.newSecretId}); // the old one deleted, the new one kept
        QVERIFY(!tokenWorks(f->profileId).isError());
        QVERIFY(!f->journal->has(f->profileId));
        QCOMPARE(f->zid->cache()->link(f->profileId).secretId, r.newSecretId);
        QCOMPARE(f->store.client(f->profileId)->secretExpiresAt.toSecsSinceEpoch(), r.newExpiresAt.toSecsSinceEpoch());
        QCOMPARE(sim()->count(kCreateSecret), 1);
        QCOMPARE(sim()->count(kDeleteSecret), 1);
        // Nothing of the old value is left in the keychain beside the new one.
        SecretJob *job = f->keychain.read(f->store.client(f->profileId)->keychainKey(SecretField::Secret) + QStringLiteral(".previous"));
        QCOMPARE(SecretStore::waitFor(job).status, SecretStatus::NotFound);
    }

    void createRefused()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"), QJsonArray{QJsonObject{
            {QStringLiteral("route"), kCreateSecret}, {QStringLiteral("kind"), QStringLiteral("5xx")},
            {QStringLiteral("status"), 500}, {QStringLiteral("count"), 1}}}}});
        const RotationResult r = rotate();
        QCOMPARE(r.outcome, RotationResult::Outcome::Failed);
        QCOMPARE(r.failedStep, QStringLiteral("create"));
        QCOMPARE(r.keychainHolds, QStringLiteral("old"));
        QCOMPARE(keychainValue(f->profileId), f->firstValue);
        QCOMPARE(serverSecrets(), QStringList{f->firstSecretId});
        QVERIFY(!tokenWorks(f->profileId).isError());
        QVERIFY(!f->journal->has(f->profileId));
    }

    void keychainWriteRefused()
    {
        // From the store step on the keychain does not answer: the write of the new value times out.
        connect(f->rotation.get(), &SecretRotation::stepStarted, this, [&](const QString &step) {
            if (step == QLatin1String("store")) {
                f->keychain.setTimeoutMs(300);
                f->keychain.setHoldJobs(true);
            }
        });
        const RotationResult r = rotate();
        f->keychain.setHoldJobs(false);
        f->keychain.setTimeoutMs(20'000);
        QCOMPARE(r.outcome, RotationResult::Outcome::Failed);
        QCOMPARE(r.failedStep, QStringLiteral("store"));
        QCOMPARE(r.error.kind, ErrorKind::Keychain);
        QCOMPARE(r.keychainHolds, QStringLiteral("old"));
        QCOMPARE(keychainValue(f->profileId), f->firstValue);
        QCOMPARE(serverSecrets(), QStringList{f->firstSecretId}); // the unused new secret was deleted again
        QVERIFY(!tokenWorks(f->profileId).isError());
    }

    void noTokenWithTheNewSecret()
    {
        // The new secret never propagates within the rotation's tries.
        sim()->freezeClock();
        sim()->setKnobs(QJsonObject{{QStringLiteral("zidSecretPropagationMs"), 600'000}});
        const RotationResult r = rotate();
        QCOMPARE(r.outcome, RotationResult::Outcome::Failed);
        QCOMPARE(r.failedStep, QStringLiteral("token"));
        QCOMPARE(r.error.kind, ErrorKind::Authentication);
        QCOMPARE(r.keychainHolds, QStringLiteral("old"));
        QCOMPARE(keychainValue(f->profileId), f->firstValue);
        QCOMPARE(serverSecrets(), QStringList{f->firstSecretId});
        sim()->setKnobs(QJsonObject{{QStringLiteral("zidSecretPropagationMs"), 0}}); // the old secret was never in doubt
        QVERIFY(!tokenWorks(f->profileId).isError());
    }

    void propagationDelayIsWaitedFor()
    {
        // The new secret propagates only after two tries were refused (the sim clock is moved
        // on then): the rotation keeps trying and gets the token.
        const QString tokenRoute = QStringLiteral("POST /oauth2/v1/token");
        sim()->freezeClock();
        sim()->setKnobs(QJsonObject{{QStringLiteral("zidSecretPropagationMs"), 60'000}});
        qint64 base = -1;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (base >= 0 && sim()->count(tokenRoute) >= base + 2) {
                sim()->advanceClock(61'000);
                poll.stop();
            }
        });
        connect(f->rotation.get(), &SecretRotation::stepStarted, this, [&](const QString &step) {
            if (step == QLatin1String("token")) {
                base = sim()->count(tokenRoute);
                poll.start(10);
            }
        });
        f->rotation->setTokenRetry(200, 50);
        const RotationResult r = rotate();
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(sim()->count(tokenRoute) >= base + 3); // two refused, then the one that worked
        QVERIFY(!tokenWorks(f->profileId).isError());
    }

    void deleteOfTheOldRefused()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"), QJsonArray{QJsonObject{
            {QStringLiteral("route"), kDeleteSecret}, {QStringLiteral("kind"), QStringLiteral("5xx")},
            {QStringLiteral("status"), 500}, {QStringLiteral("count"), 10}}}}});
        const RotationResult r = rotate();
        QCOMPARE(r.outcome, RotationResult::Outcome::Rotated);
        QCOMPARE(r.failedStep, QStringLiteral("delete-old"));
        QVERIFY(r.error.isError());
        QVERIFY2(r.error.message.contains(f->firstSecretId), qPrintable(r.error.message));
        QCOMPARE(r.keychainHolds, QStringLiteral("new"));
        QVERIFY(keychainValue(f->profileId) != f->firstValue);
        QVERIFY(!tokenWorks(f->profileId).isError()); // the new secret works
        QStringList both = serverSecrets();
        both.sort();
        QStringList expected{f->firstSecretId, r.newSecretId};
        expected.sort();
        QCOMPARE(both, expected);
        QVERIFY(!f->journal->has(f->profileId));
    }

    void killedBetweenSteps_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<bool>("finished"); // true: finished by recovery, false: rolled back
        QTest::newRow("after started") << int(RotationJournal::Step::Started) << false;
        QTest::newRow("after created") << int(RotationJournal::Step::Created) << false;
        QTest::newRow("after stored") << int(RotationJournal::Step::Stored) << true;
        QTest::newRow("after verified") << int(RotationJournal::Step::Verified) << true;
    }

    void killedBetweenSteps()
    {
        QFETCH(int, step);
        QFETCH(bool, finished);
        f->rotation->setStopAfter(RotationJournal::Step(step));
        RotationRequest q;
        q.profileId = f->profileId;
        q.adminId = f->adminId;
        q.validityDays = 60;
        bool told = false;
        f->rotation->rotate(q, [&](const RotationResult &) { told = true; });
        QTRY_VERIFY_WITH_TIMEOUT(RotationJournal(f->dir.path()).entry(f->profileId).step == RotationJournal::Step(step)
                                     && RotationJournal(f->dir.path()).has(f->profileId), 30'000);
        QTest::qWait(200); // nothing more happens after the "kill"
        QVERIFY(!told);

        // The next start: new objects on the same folder find the journal.
        f->open();
        QVERIFY(f->journal->has(f->profileId));
        const RotationResult r = wait<RotationResult>([&](auto done) { f->rotation->recover(f->profileId, done); });
        QVERIFY(r.recovered);
        QVERIFY(!f->journal->has(f->profileId));
        QVERIFY(!RotationJournal(f->dir.path()).has(f->profileId));
        if (finished) {
            QCOMPARE(r.outcome, RotationResult::Outcome::Rotated);
            QVERIFY2(!r.error.isError(), qPrintable(r.error.toString()));
            QVERIFY(keychainValue(f->profileId) != f->firstValue);
            QCOMPARE(serverSecrets().size(), 1);
            QVERIFY(!serverSecrets().contains(f->firstSecretId));
        } else {
            QCOMPARE(r.outcome, RotationResult::Outcome::RolledBack);
            QCOMPARE(keychainValue(f->profileId), f->firstValue);
            QCOMPARE(serverSecrets(), QStringList{f->firstSecretId}); // no stray secret left
        }
        QVERIFY(!tokenWorks(f->profileId).isError());
    }

    void keyPairMadeHereGetsAToken()
    {
        ZidClientSetup setup(f->zid.get(), &f->secrets, f->stack.get());
        setup.setTokenRetry(5, 100);
        ZidClientSetup::Request q;
        q.adminId = f->adminId;
        q.profileName = QStringLiteral("jwt made here");
        q.client.name = QStringLiteral("zid_rotation key pair");
        q.client.accessTokenLifeTime = ZidLifetime::toApi(30);
        const ZidClientSetup::Result r = wait<ZidClientSetup::Result>([&](auto done) { setup.run(q, done); }, 120'000);
        QVERIFY2(r.ok(), qPrintable(r.failedStep + QStringLiteral(": ") + r.error.toString()));
        const ApiClient *p = f->store.client(r.profileId);
        QVERIFY(p);
        QCOMPARE(p->kind, AuthKind::OneApiJwt);
        QCOMPARE(p->clientId, r.client.id);
        QVERIFY(p->hasSecret(SecretField::PrivateKey));
        QCOMPARE(r.client.authType, zidAuth::PublicKey);
        QCOMPARE(r.client.publicKeys.size(), 1);
        QVERIFY(r.client.publicKeys.first().value.contains(QLatin1String("BEGIN PUBLIC KEY")));
        // The private key is only in the keychain: no file of the config folder holds it.
        QCOMPARE(zctest::filesContaining(f->dir.path(), QByteArray("PRIVATE KEY")), QStringList{});
        // A stack of its own signs with the key from the keychain and gets a token.
        QVERIFY(!tokenWorks(r.profileId).isError());
    }

    // The remote clients of the tenant whose name contains `name` (read from the server).
    QStringList remoteNamed(const QString &name)
    {
        const auto r = wait<ZidentityService::SyncResult>(
            [&](auto done) { f->zid->sync(f->adminId, name, nullptr, {}, done); }, 60'000);
        QStringList ids;
        for (const ZidApiClient &c : r.clients)
            if (c.name.contains(name))
                ids << c.id;
        return ids;
    }

    ZidClientSetup::Result secretSetup(const QString &clientName, const QString &existingProfile = {},
                                       ZidClientSetup *use = nullptr)
    {
        ZidClientSetup own(f->zid.get(), &f->secrets, f->stack.get());
        ZidClientSetup *setup = use ? use : &own;
        setup->setTokenRetry(5, 100);
        ZidClientSetup::Request q;
        q.adminId = f->adminId;
        q.auth = ZidClientSetup::Auth::Secret;
        q.validityDays = 45;
        q.profileName = clientName + QStringLiteral(" profile");
        q.existingProfileId = existingProfile;
        q.client.name = clientName;
        q.client.accessTokenLifeTime = ZidLifetime::toApi(20);
        return wait<ZidClientSetup::Result>([&](auto done) { setup->run(q, done); }, 120'000);
    }

    void secretClientMadeHereGetsAToken()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const ZidClientSetup::Result r = secretSetup(QStringLiteral("zid_rotation secret made here"));
        QVERIFY2(r.ok(), qPrintable(r.failedStep + QStringLiteral(": ") + r.error.toString()));
        const ApiClient *p = f->store.client(r.profileId);
        QVERIFY(p);
        QCOMPARE(p->kind, AuthKind::OneApiSecret);
        QCOMPARE(p->name, QStringLiteral("zid_rotation secret made here profile"));
        QCOMPARE(p->clientId, r.client.id);
        QCOMPARE(r.client.authType, zidAuth::Secret);
        QVERIFY(p->hasSecret(SecretField::Secret));
        // The value handed back once is what the keychain holds, and the server knows the secret.
        QVERIFY(!r.secret.value.isEmpty());
        QCOMPARE(keychainValue(r.profileId), r.secret.value.toUtf8());
        const ZidSecretsReply s = wait<ZidSecretsReply>([&](auto done) { f->zid->secrets(f->adminId, r.client.id, nullptr, done); });
        QCOMPARE(s.secrets.size(), 1);
        QCOMPARE(s.secrets.first().id, r.secret.id);
        // Valid 45 days from now (the server's date), recorded for the reminders; linked as made here.
        QVERIFY(qAbs(before.addDays(45).secsTo(s.secrets.first().expiresAt)) < 3600);
        QCOMPARE(p->secretExpiresAt, r.secret.expiresAt);
        QCOMPARE(f->zid->cache()->link(r.profileId).secretId, r.secret.id);
        QCOMPARE(f->zid->cache()->link(r.profileId).by, QStringLiteral("created"));
        QCOMPARE(zctest::filesContaining(f->dir.path(), r.secret.value.toUtf8()), QStringList{});
        QVERIFY(!tokenWorks(r.profileId).isError());
    }

    void secretGoesIntoAnExistingProfileWithoutOne()
    {
        ApiClient waiting;
        waiting.name = QStringLiteral("waiting for a secret");
        waiting.tenantId = f->tenant.id;
        waiting.kind = AuthKind::OneApiSecret;
        waiting.clientId = QStringLiteral("not-yet");
        const ApiClient *admin = f->store.client(f->adminId);
        waiting.tokenUrl = admin->tokenUrl;
        waiting.baseUrl = admin->baseUrl;
        waiting.caFile = admin->caFile;
        const StoreResult added = f->store.addClient(waiting);
        QVERIFY(added.ok);
        const int profilesBefore = int(f->store.clients().size());
        const ZidClientSetup::Result r = secretSetup(QStringLiteral("zid_rotation into existing"), added.id);
        QVERIFY2(r.ok(), qPrintable(r.failedStep + QStringLiteral(": ") + r.error.toString()));
        QCOMPARE(r.profileId, added.id);
        QCOMPARE(int(f->store.clients().size()), profilesBefore); // no new profile
        QCOMPARE(f->store.client(added.id)->clientId, r.client.id);
        QCOMPARE(keychainValue(added.id), r.secret.value.toUtf8());
        QVERIFY(!tokenWorks(added.id).isError());
        // A profile that holds a secret already is refused (its secret would be lost).
        const ZidClientSetup::Result again = secretSetup(QStringLiteral("zid_rotation refused existing"), added.id);
        QVERIFY(!again.ok());
        QCOMPARE(again.error.kind, ErrorKind::Usage);
        QCOMPARE(remoteNamed(QStringLiteral("zid_rotation refused existing")), QStringList{});
    }

    void secretSetupUndoesARefusedSecret()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"), QJsonArray{QJsonObject{
            {QStringLiteral("route"), kCreateSecret}, {QStringLiteral("kind"), QStringLiteral("5xx")},
            {QStringLiteral("status"), 500}, {QStringLiteral("count"), 10}}}}});
        const int profilesBefore = int(f->store.clients().size());
        const ZidClientSetup::Result r = secretSetup(QStringLiteral("zid_rotation secret refused"));
        sim()->resetKnobs();
        QVERIFY(!r.ok());
        QCOMPARE(r.failedStep, QStringLiteral("secret"));
        QCOMPARE(int(f->store.clients().size()), profilesBefore);
        QCOMPARE(remoteNamed(QStringLiteral("zid_rotation secret refused")), QStringList{}); // the client deleted again
    }

    void secretSetupUndoesAKeychainThatDoesNotAnswer()
    {
        ZidClientSetup setup(f->zid.get(), &f->secrets, f->stack.get());
        connect(&setup, &ZidClientSetup::stepStarted, this, [&](const QString &step) {
            if (step == QLatin1String("store")) {
                f->keychain.setTimeoutMs(300);
                f->keychain.setHoldJobs(true);
            }
        });
        const int profilesBefore = int(f->store.clients().size());
        const ZidClientSetup::Result r = secretSetup(QStringLiteral("zid_rotation keychain silent"), {}, &setup);
        f->keychain.setHoldJobs(false);
        f->keychain.setTimeoutMs(20'000);
        QVERIFY(!r.ok());
        QCOMPARE(r.failedStep, QStringLiteral("store"));
        QCOMPARE(r.error.kind, ErrorKind::Keychain);
        QTRY_COMPARE_WITH_TIMEOUT(int(f->store.clients().size()), profilesBefore, 30'000);
        QCOMPARE(remoteNamed(QStringLiteral("zid_rotation keychain silent")), QStringList{});
    }

    // A jwt profile made here, for the key rotation cases.
    QString jwtProfile(QString *remoteId)
    {
        ZidClientSetup setup(f->zid.get(), &f->secrets, f->stack.get());
        ZidClientSetup::Request q;
        q.adminId = f->adminId;
        q.profileName = QStringLiteral("jwt to rotate");
        q.client.name = QStringLiteral("zid_rotation jwt");
        const ZidClientSetup::Result r = wait<ZidClientSetup::Result>([&](auto done) { setup.run(q, done); }, 120'000);
        if (!r.ok())
            return {};
        *remoteId = r.client.id;
        return r.profileId;
    }

    QStringList remoteKeys(const QString &remoteId)
    {
        const ZidClientReply r = wait<ZidClientReply>([&](auto done) { f->zid->client(f->adminId, remoteId, nullptr, done); });
        QStringList names;
        for (const ZidPublicKey &k : r.client.publicKeys)
            names << k.name;
        return names;
    }

    QByteArray privateKey(const QString &profileId)
    {
        QByteArray out;
        bool done = false;
        f->secrets.readSecret(profileId, SecretField::PrivateKey, nullptr, [&](QByteArray v, const ApiError &) {
            out = v;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30'000))
            g_timedOut = true;
        return out;
    }

    void keyRotationOfAJwtProfile()
    {
        QString remote;
        const QString jwt = jwtProfile(&remote);
        QVERIFY(!jwt.isEmpty());
        const QStringList before = remoteKeys(remote);
        QCOMPARE(before.size(), 1);
        const QByteArray oldKey = privateKey(jwt);
        QVERIFY(oldKey.contains("PRIVATE KEY"));
        RotationRequest q;
        q.profileId = jwt;
        q.adminId = f->adminId;
        const RotationResult r = wait<RotationResult>([&](auto done) { f->rotation->rotate(q, done); }, 120'000);
        QVERIFY2(r.ok(), qPrintable(r.failedStep + QStringLiteral(": ") + r.error.toString()));
        QCOMPARE(r.oldSecretId, before.first()); // the old public key found by the keychain's private key
        const QStringList after = remoteKeys(remote);
        QCOMPARE(after, QStringList{r.newSecretId}); // the new key added, the old one removed
        const QByteArray newKey = privateKey(jwt);
        QVERIFY(newKey.contains("PRIVATE KEY"));
        QVERIFY(newKey != oldKey);
        QVERIFY(!tokenWorks(jwt).isError());
        QCOMPARE(zctest::filesContaining(f->dir.path(), QByteArray("PRIVATE KEY")), QStringList{});
    }

    void keyRotationRolledBackWithoutAToken()
    {
        QString remote;
        const QString jwt = jwtProfile(&remote);
        QVERIFY(!jwt.isEmpty());
        const QStringList before = remoteKeys(remote);
        const QByteArray oldKey = privateKey(jwt);
        sim()->freezeClock();
        sim()->setKnobs(QJsonObject{{QStringLiteral("zidSecretPropagationMs"), 600'000}});
        RotationRequest q;
        q.profileId = jwt;
        q.adminId = f->adminId;
        const RotationResult r = wait<RotationResult>([&](auto done) { f->rotation->rotate(q, done); }, 120'000);
        QCOMPARE(r.outcome, RotationResult::Outcome::Failed);
        QCOMPARE(r.failedStep, QStringLiteral("token"));
        QCOMPARE(r.keychainHolds, QStringLiteral("old"));
        QCOMPARE(privateKey(jwt), oldKey);
        QCOMPARE(remoteKeys(remote), before); // the new public key removed again
        sim()->setKnobs(QJsonObject{{QStringLiteral("zidSecretPropagationMs"), 0}});
        QVERIFY(!tokenWorks(jwt).isError());
    }

    void keyPairSetupUndoesARefusedCreate()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"), QJsonArray{QJsonObject{
            {QStringLiteral("route"), QStringLiteral("POST /ziam/admin/api/v1/api-clients")}, {QStringLiteral("kind"), QStringLiteral("5xx")},
            {QStringLiteral("status"), 500}, {QStringLiteral("count"), 1}}}}});
        ZidClientSetup setup(f->zid.get(), &f->secrets, f->stack.get());
        ZidClientSetup::Request q;
        q.adminId = f->adminId;
        q.profileName = QStringLiteral("jwt refused");
        q.client.name = QStringLiteral("zid_rotation refused");
        const int profilesBefore = int(f->store.clients().size());
        const ZidClientSetup::Result r = wait<ZidClientSetup::Result>([&](auto done) { setup.run(q, done); }, 120'000);
        QVERIFY(!r.ok());
        QCOMPARE(r.failedStep, QStringLiteral("create"));
        QCOMPARE(int(f->store.clients().size()), profilesBefore); // no profile left behind
    }

    void theGuisStartFinishesAnInterruptedRotation()
    {
        // Killed after the new secret was stored; the GUI's services start on the same folder.
        f->rotation->setStopAfter(RotationJournal::Step::Stored);
        RotationRequest q;
        q.profileId = f->profileId;
        q.adminId = f->adminId;
        f->rotation->rotate(q, [](const RotationResult &) {});
        QTRY_VERIFY_WITH_TIMEOUT(RotationJournal(f->dir.path()).entry(f->profileId).step == RotationJournal::Step::Stored, 30'000);
        f->rotation.reset();
        f->zid.reset();
        f->stack.reset();

        AppServices app(f->dir.path(), f->keychain.service());
        QVERIFY(app.load());
        QString name;
        RotationResult result;
        bool told = false;
        connect(&app, &AppServices::rotationRecovered, this, [&](const QString &n, const RotationResult &r) {
            name = n;
            result = r;
            told = true;
        });
        app.startSession();
        QTRY_VERIFY_WITH_TIMEOUT(told, 60'000);
        QCOMPARE(name, QStringLiteral("P"));
        QCOMPARE(result.outcome, RotationResult::Outcome::Rotated);
        QVERIFY(result.recovered);
        QVERIFY(!RotationJournal(f->dir.path()).has(f->profileId));
        app.stopSession();
        f->open();
        QVERIFY(keychainValue(f->profileId) != f->firstValue);
        QCOMPARE(serverSecrets().size(), 1);
        QVERIFY(!tokenWorks(f->profileId).isError());
    }

    void twoSecretsAreRefusedUnlessOneIsNamed()
    {
        const ZidSecretReply second = wait<ZidSecretReply>([&](auto done) {
            f->zid->createSecret(f->adminId, f->remoteId, QDateTime::currentDateTimeUtc().addDays(200), nullptr, done);
        });
        QVERIFY2(!second.error.isError(), qPrintable(second.error.toString()));
        sim()->resetCounters();
        RotationResult r = rotate();
        QCOMPARE(r.outcome, RotationResult::Outcome::Refused);
        QCOMPARE(r.error.kind, ErrorKind::Usage);
        QVERIFY2(r.error.message.contains(f->firstSecretId) && r.error.message.contains(second.secret.id), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(QLatin1String("replace the newest")), qPrintable(r.error.message));
        QCOMPARE(r.existing.size(), 2);
        QCOMPARE(sim()->count(kCreateSecret), 0);
        QCOMPARE(sim()->count(kDeleteSecret), 0);
        QCOMPARE(keychainValue(f->profileId), f->firstValue);

        // Naming the unused one: it goes first, then the rotation runs as usual.
        r = rotate(second.secret.id);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.oldSecretId, f->firstSecretId);
        QCOMPARE(serverSecrets(), QStringList{r.newSecretId});
        QVERIFY(!tokenWorks(f->profileId).isError());
    }
};

QTEST_GUILESS_MAIN(TestRotation)
#include "tst_rotation.moc"
