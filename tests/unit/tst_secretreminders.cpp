// Secret-expiry reminders (issue 12): lead times parsed, each told exactly once as a ManualClock
// moves, a late first look tells only the tightest lead time, nothing repeated after a restart
// (a new ReminderLedger/tracker on the same folder), a renewed secret reminded afresh, a broken
// reminders.json read as nothing told; collectKnownSecrets and expiringWithin; the tracker's one
// single-shot timer. No durations are asserted: the tests move the clock and call check().
#include "core/Clock.h"
#include "core/SecretReminders.h"
#include "services/KnownSecrets.h"
#include "services/SecretReminderTracker.h"
#include "store/ReminderLedger.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace zc;

namespace {

constexpr qint64 Day = 86'400'000;

// A config folder with one tenant, a OneAPI profile "automation" for remote client "zc-1" whose
// one secret "s1" expires `daysLeft` from the clock's now.
struct Fixture
{
    QTemporaryDir dir;
    ManualClock clock;
    std::unique_ptr<TenantStore> store;
    std::unique_ptr<ZidInventoryCache> cache;
    std::unique_ptr<ReminderLedger> ledger;
    std::unique_ptr<SecretReminderTracker> tracker;
    std::unique_ptr<QSignalSpy> spy;
    QString tenantId;
    QString profileId;

    void open()
    {
        store = std::make_unique<TenantStore>(dir.path());
        store->load();
        cache = std::make_unique<ZidInventoryCache>(dir.path());
    }
    void startTracker()
    {
        tracker.reset();
        ledger = std::make_unique<ReminderLedger>(dir.path());
        tracker = std::make_unique<SecretReminderTracker>(store.get(), cache.get(), ledger.get(), &clock);
        spy = std::make_unique<QSignalSpy>(tracker.get(), &SecretReminderTracker::remindersDue);
        tracker->start();
    }
    bool setUp(double daysLeft)
    {
        if (!dir.isValid())
            return false;
        open();
        Tenant t;
        t.name = QStringLiteral("Acme");
        t.cloud = QStringLiteral("zscaler");
        t.vanity = QStringLiteral("acme");
        const StoreResult tr = store->addTenant(t);
        if (!tr.ok)
            return false;
        tenantId = tr.id;
        ApiClient c;
        c.name = QStringLiteral("automation");
        c.tenantId = tenantId;
        c.kind = AuthKind::OneApiSecret;
        c.clientId = QStringLiteral("zc-1");
        const StoreResult cr = store->addClient(c);
        if (!cr.ok)
            return false;
        profileId = cr.id;
        return setSecret(QStringLiteral("s1"), clock.nowUtc().addMSecs(qint64(daysLeft * Day)));
    }
    bool setSecret(const QString &secretId, const QDateTime &expiresAt)
    {
        ZidApiClient rc;
        rc.id = QStringLiteral("zc-1");
        rc.name = QStringLiteral("Automation");
        rc.secrets = {{secretId, clock.nowUtc(), expiresAt, {}}};
        ZidInventoryCache::Inventory inv;
        inv.syncedAt = clock.nowUtc();
        inv.clients = {rc};
        return cache->store(tenantId, inv);
    }
    // The lead days of every reminder told so far, in order.
    QList<int> told() const
    {
        QList<int> out;
        for (const QList<QVariant> &args : *spy)
            for (const Reminder &r : args.at(0).value<QList<Reminder>>())
                out.append(r.leadDays);
        return out;
    }
};

KnownSecret secretIn(const QDateTime &now, qint64 ms, const QString &id = QStringLiteral("s"))
{
    KnownSecret s;
    s.tenantId = QStringLiteral("t-1");
    s.tenantName = QStringLiteral("Acme");
    s.clientId = QStringLiteral("zc-1");
    s.name = QStringLiteral("Automation");
    s.secretId = id;
    s.expiresAt = now.addMSecs(ms);
    return s;
}

} // namespace

class TestSecretReminders : public QObject
{
    Q_OBJECT
private slots:
    void parseLeadDays()
    {
        QString error;
        QCOMPARE(SecretReminders::parseLeadDays(QStringLiteral("30,7,1"), &error), (QList<int>{30, 7, 1}));
        QVERIFY(error.isEmpty());
        QCOMPARE(SecretReminders::parseLeadDays(QStringLiteral(" 1, 30 ,7,7 "), &error), (QList<int>{30, 7, 1}));
        QCOMPARE(SecretReminders::parseLeadDays(QStringLiteral("365,1"), &error), (QList<int>{365, 1}));
        QCOMPARE(SecretReminders::defaultLeadDays(), (QList<int>{30, 7, 1}));
        QCOMPARE(SecretReminders::formatLeadDays({30, 7, 1}), QStringLiteral("30,7,1"));
        for (const char *bad : {"", "  ", "0", "366", "-7", "abc", "30,,7", "30;7", "7.5"}) {
            error.clear();
            QVERIFY2(SecretReminders::parseLeadDays(QString::fromLatin1(bad), &error).isEmpty(), bad);
            QVERIFY2(!error.isEmpty(), bad);
        }
    }

    void keysAreStable()
    {
        const QDateTime now(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
        KnownSecret s = secretIn(now, 10 * Day, QStringLiteral("s9"));
        QCOMPARE(SecretReminders::key(s, 7), QStringLiteral("t-1/zc-1/s:s9/7"));
        QCOMPARE(SecretReminders::secretKeyOf(SecretReminders::key(s, 7)), SecretReminders::secretKey(s));
        QCOMPARE(SecretReminders::tenantOfKey(SecretReminders::key(s, 7)), QStringLiteral("t-1"));
        QVERIFY(!SecretReminders::isLocalKey(SecretReminders::key(s, 7)));
        KnownSecret local = s;
        local.secretId.clear();
        local.profileId = QStringLiteral("c-1");
        QVERIFY(SecretReminders::isLocalKey(SecretReminders::key(local, 0)));
        // A local date that changes is another secret.
        KnownSecret renewed = local;
        renewed.expiresAt = renewed.expiresAt.addDays(90);
        QVERIFY(SecretReminders::key(local, 30) != SecretReminders::key(renewed, 30));
    }

    void dueTellsTightestCrossedOnce()
    {
        const QDateTime now(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
        const QList<int> leads{30, 7, 1};
        const KnownSecret s = secretIn(now, 5 * Day);
        QList<Reminder> due = SecretReminders::due({s}, leads, now, {});
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().leadDays, 7);
        QCOMPARE(due.first().keys, (QStringList{SecretReminders::key(s, 30), SecretReminders::key(s, 7)}));
        QSet<QString> told(due.first().keys.cbegin(), due.first().keys.cend());
        QVERIFY(SecretReminders::due({s}, leads, now, told).isEmpty());
        // Next: the 1-day reminder, when daysLeft reaches 1.
        const QDateTime next = SecretReminders::nextDue({s}, leads, now, told);
        QCOMPARE(next, s.expiresAt.addSecs(-2 * 86400 + 1));
        QCOMPARE(s.daysLeft(next), 1);
        QVERIFY(SecretReminders::due({s}, leads, next.addSecs(-1), told).isEmpty());
        due = SecretReminders::due({s}, leads, next, told);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().leadDays, 1);
        // Nothing due yet: nextDue is the 30-day crossing; due now: nextDue is now; none: invalid.
        const KnownSecret far = secretIn(now, 40 * Day);
        QCOMPARE(SecretReminders::nextDue({far}, leads, now, {}), far.expiresAt.addSecs(-31 * 86400 + 1));
        QCOMPARE(SecretReminders::nextDue({s}, leads, now, {}), now);
        KnownSecret never = far;
        never.expiresAt = {};
        QVERIFY(!SecretReminders::nextDue({never}, leads, now, {}).isValid());
        QVERIFY(SecretReminders::due({never}, leads, now, {}).isEmpty());
        // Expired: lead 0, once.
        const KnownSecret gone = secretIn(now, -Day);
        due = SecretReminders::due({gone}, leads, now, {});
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().leadDays, 0);
        QCOMPARE(due.first().keys.size(), 4);
        told = QSet<QString>(due.first().keys.cbegin(), due.first().keys.cend());
        QVERIFY(!SecretReminders::nextDue({gone}, leads, now, told).isValid());
    }

    void eachLeadTimeOnceAsTheClockMoves()
    {
        Fixture f;
        QVERIFY(f.setUp(40));
        f.startTracker();
        QCOMPARE(f.told(), QList<int>{});
        QVERIFY(f.tracker->timer()->isActive());
        QVERIFY(f.tracker->timer()->isSingleShot());
        QVERIFY(f.tracker->nextCheckAt() > f.clock.nowUtc());
        QCOMPARE(f.tracker->findChildren<QTimer *>().size(), 1);

        const QList<double> steps{11, 23, 5.5, 1.5}; // 29, 6, 0.5, -1 days left
        const QList<QList<int>> expected{{30}, {30, 7}, {30, 7, 1}, {30, 7, 1, 0}};
        for (int i = 0; i < steps.size(); ++i) {
            f.clock.advance(qint64(steps[i] * Day));
            f.tracker->check();
            QCOMPARE(f.told(), expected[i]);
            f.tracker->check(); // again: nothing new
            QCOMPARE(f.told(), expected[i]);
            QVERIFY(f.tracker->timer()->isActive());
            QCOMPARE(f.tracker->findChildren<QTimer *>().size(), 1);
        }
        const Reminder last = f.spy->last().at(0).value<QList<Reminder>>().first();
        QCOMPARE(last.secret.secretId, QStringLiteral("s1"));
        QCOMPARE(last.secret.profile, QStringLiteral("automation"));
        QVERIFY(SecretReminders::message(last).contains(QStringLiteral("Automation")));
        f.clock.advance(30 * Day);
        f.tracker->check();
        QCOMPARE(f.told().size(), 4);
    }

    void lateFirstLookTellsOnlyTheTightest()
    {
        Fixture f;
        QVERIFY(f.setUp(5));
        f.startTracker();
        QCOMPARE(f.told(), QList<int>{7});
        QVERIFY(f.ledger->isTold(QStringLiteral("%1/zc-1/s:s1/30").arg(f.tenantId)));
        f.clock.advance(qint64(4.5 * Day));
        f.tracker->check();
        f.clock.advance(Day);
        f.tracker->check();
        QCOMPARE(f.told(), (QList<int>{7, 1, 0})); // never the 30-day one
    }

    void restartRepeatsNothing()
    {
        Fixture f;
        QVERIFY(f.setUp(29));
        f.startTracker();
        QCOMPARE(f.told(), QList<int>{30});
        QVERIFY(QFileInfo::exists(f.ledger->path()));
        QCOMPARE(QFileInfo(f.ledger->path()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        // A restart: everything read again from the folder.
        f.tracker.reset();
        f.open();
        f.startTracker();
        QCOMPARE(f.told(), QList<int>{});
        f.clock.advance(23 * Day); // 6 days left
        f.tracker->check();
        QCOMPARE(f.told(), QList<int>{7});
        f.tracker.reset();
        f.open();
        f.startTracker();
        f.tracker->check();
        QCOMPARE(f.told(), QList<int>{});
    }

    void notSyncedTenantKeepsItsKeys()
    {
        Fixture f;
        QVERIFY(f.setUp(29));
        f.startTracker();
        QCOMPARE(f.told(), QList<int>{30});
        // The inventory file is lost (broken, deleted): after the next sync the same secret is
        // not reminded again.
        f.tracker.reset();
        QVERIFY(QFile::remove(f.cache->path()));
        f.open();
        f.startTracker();
        QCOMPARE(f.told(), QList<int>{});
        QVERIFY(f.setSecret(QStringLiteral("s1"), f.clock.nowUtc().addMSecs(29 * Day)));
        f.tracker->check();
        QCOMPARE(f.told(), QList<int>{});
    }

    void renewedSecretRemindedAfresh()
    {
        Fixture f;
        QVERIFY(f.setUp(6));
        f.startTracker();
        QCOMPARE(f.told(), QList<int>{7});
        const QString oldKey = QStringLiteral("%1/zc-1/s:s1/7").arg(f.tenantId);
        QVERIFY(f.ledger->isTold(oldKey));
        // Rotated: a new secret id, a later expiry; the old one is gone from the inventory.
        QVERIFY(f.setSecret(QStringLiteral("s2"), f.clock.nowUtc().addMSecs(90 * Day)));
        f.tracker->check();
        QCOMPARE(f.told(), QList<int>{7}); // 90 days left: nothing yet
        QVERIFY(!f.ledger->isTold(oldKey)); // pruned
        f.clock.advance(61 * Day); // 29 days left
        f.tracker->check();
        QCOMPARE(f.told(), (QList<int>{7, 30}));
        QCOMPARE(f.spy->last().at(0).value<QList<Reminder>>().first().secret.secretId, QStringLiteral("s2"));
    }

    void localExpiryRenewedThroughTheStore()
    {
        Fixture f;
        QVERIFY(f.setUp(100));
        ApiClient local;
        local.name = QStringLiteral("zpa");
        local.tenantId = f.tenantId;
        local.kind = AuthKind::ZpaLegacy;
        local.clientId = QStringLiteral("zpa-id");
        local.secretExpiresAt = f.clock.nowUtc().addMSecs(20 * Day);
        const StoreResult r = f.store->addClient(local);
        QVERIFY2(r.ok, qPrintable(r.message()));
        f.startTracker();
        QCOMPARE(f.told(), QList<int>{30});
        QCOMPARE(f.spy->last().at(0).value<QList<Reminder>>().first().secret.profile, QStringLiteral("zpa"));
        // A new date in the profile (the secret was renewed): a store change re-checks by itself.
        ApiClient changed = *f.store->client(r.id);
        changed.secretExpiresAt = f.clock.nowUtc().addMSecs(qint64(0.5 * Day));
        QVERIFY(f.store->updateClient(changed).ok);
        QVERIFY(f.spy->wait());
        QCOMPARE(f.told(), (QList<int>{30, 1}));
        QSignalSpy summary(f.tracker.get(), &SecretReminderTracker::summaryChanged);
        f.clock.advance(Day);
        f.tracker->check();
        QCOMPARE(f.told(), (QList<int>{30, 1, 0}));
        QCOMPARE(summary.size(), 1);
        QCOMPARE(summary.first().at(0).toInt(), 0); // expiring within 30 days
        QCOMPARE(summary.first().at(1).toInt(), 1); // expired
    }

    void brokenLedgerIsNothingTold()
    {
        Fixture f;
        QVERIFY(f.setUp(29));
        const QString path = QDir(f.dir.path()).filePath(QLatin1String(ReminderLedger::FileName));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"told\": [1, 2");
        }
        ReminderLedger broken(f.dir.path());
        QString error;
        broken.load(&error);
        QVERIFY(!error.isEmpty());
        QVERIFY(broken.told().isEmpty());
        f.startTracker();
        QCOMPARE(f.told(), QList<int>{30});
        // Written anew, readable again.
        const QJsonObject root = [&] {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
        }();
        QCOMPARE(root.value(QStringLiteral("told")).toObject().size(), 1);
        // A JSON value of the wrong shape, too.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("[\"x\"]");
        }
        ReminderLedger wrong(f.dir.path());
        QVERIFY(wrong.told().isEmpty());
        // Memory only.
        ReminderLedger memory;
        QVERIFY(memory.path().isEmpty());
        QVERIFY(memory.markTold({QStringLiteral("a/b/s:c/7")}));
        QVERIFY(memory.isTold(QStringLiteral("a/b/s:c/7")));
        QCOMPARE(memory.prune({QStringLiteral("a/b/s:c")}), 0);
        QCOMPARE(memory.prune({}), 1);
        QVERIFY(memory.told().isEmpty());
    }

    void collectLinksProfilesByClientId()
    {
        QTemporaryDir dir;
        TenantStore store(dir.path());
        store.load();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Tenant a;
        a.name = QStringLiteral("Acme");
        a.cloud = QStringLiteral("zscaler");
        a.vanity = QStringLiteral("acme");
        Tenant b = a;
        b.name = QStringLiteral("Beta");
        b.vanity = QStringLiteral("beta");
        const QString ta = store.addTenant(a).id;
        const QString tb = store.addTenant(b).id;
        auto profile = [&](const QString &name, const QString &tenant, AuthKind kind, const QString &clientId,
                           const QDateTime &expiry) {
            ApiClient c;
            c.name = name;
            c.tenantId = tenant;
            c.kind = kind;
            c.clientId = clientId;
            c.secretExpiresAt = expiry;
            const StoreResult r = store.addClient(c);
            if (!r.ok)
                qWarning() << r.message();
            return r.id;
        };
        // Linked (its local date is ignored: the inventory is the truth).
        const QString p1 = profile(QStringLiteral("auto"), ta, AuthKind::OneApiSecret, QStringLiteral("zc-1"), now.addDays(3));
        // Local only: not oneapi, and oneapi with a client the inventory does not have.
        profile(QStringLiteral("zpa"), ta, AuthKind::ZpaLegacy, QStringLiteral("zpa-1"), now.addDays(20));
        const QString p3 = profile(QStringLiteral("gone"), ta, AuthKind::OneApiJwt, QStringLiteral("zc-9"), now.addDays(-2));
        // Same client id in another tenant (no inventory there), no date: not listed.
        profile(QStringLiteral("other"), tb, AuthKind::OneApiSecret, QStringLiteral("zc-1"), {});
        QCOMPARE(store.clients().size(), 4);

        ZidInventoryCache cache(dir.path());
        ZidApiClient c1;
        c1.id = QStringLiteral("zc-1");
        c1.name = QStringLiteral("Automation");
        c1.secrets = {{QStringLiteral("s1"), now, now.addDays(40), {}}, {QStringLiteral("s2"), now, now.addDays(10), {}}};
        ZidApiClient c2;
        c2.id = QStringLiteral("zc-2");
        c2.name = QStringLiteral("Reporting");
        c2.secrets = {{QStringLiteral("s3"), now, now.addDays(5), {}}, {QStringLiteral("s4"), now, {}, {}}};
        QVERIFY(cache.store(ta, {now, {}, {c1, c2}}));
        QVERIFY(cache.setLink(p1, {QStringLiteral("zc-1"), QStringLiteral("s1"), QStringLiteral("created")}));
        // A tenant the store no longer has.
        QVERIFY(cache.store(QStringLiteral("t-deadbeef"), {now, {}, {c1}}));

        const QList<KnownSecret> all = collectKnownSecrets(store, cache);
        QStringList order;
        for (const KnownSecret &k : all)
            order << (k.secretId.isEmpty() ? QStringLiteral("local:") + k.profile : k.secretId);
        QCOMPARE(order, (QStringList{QStringLiteral("local:gone"), QStringLiteral("s3"), QStringLiteral("s2"),
                                     QStringLiteral("local:zpa"), QStringLiteral("s1"), QStringLiteral("s4")}));
        auto find = [&](const QString &which) {
            for (const KnownSecret &k : all)
                if (k.secretId == which || (k.secretId.isEmpty() && k.profile == which))
                    return k;
            return KnownSecret{};
        };
        QCOMPARE(find(QStringLiteral("s1")).profile, QStringLiteral("auto"));
        QCOMPARE(find(QStringLiteral("s1")).profileId, p1);
        QVERIFY(find(QStringLiteral("s1")).inUse);
        QCOMPARE(find(QStringLiteral("s2")).profile, QStringLiteral("auto"));
        QVERIFY(!find(QStringLiteral("s2")).inUse);
        QCOMPARE(find(QStringLiteral("s1")).tenantName, QStringLiteral("Acme"));
        QCOMPARE(find(QStringLiteral("s1")).name, QStringLiteral("Automation"));
        QVERIFY(find(QStringLiteral("s3")).profile.isEmpty());
        QVERIFY(!find(QStringLiteral("s4")).expiresAt.isValid());
        const KnownSecret gone = find(QStringLiteral("gone"));
        QCOMPARE(gone.profileId, p3);
        QCOMPARE(gone.clientId, QStringLiteral("zc-9"));
        QCOMPARE(gone.tenantId, ta);
        QVERIFY(gone.secretId.isEmpty());
        QCOMPARE(gone.daysLeft(now), -2);

        // Without the link the earliest expiry is the one in use.
        QVERIFY(cache.setLink(p1, {}));
        for (const KnownSecret &k : collectKnownSecrets(store, cache))
            if (k.clientId == QStringLiteral("zc-1"))
                QCOMPARE(k.inUse, k.secretId == QStringLiteral("s2"));
    }

    void expiringWithinBoundaries()
    {
        const QDateTime now(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC);
        const QList<KnownSecret> all{
            secretIn(now, 30 * Day, QStringLiteral("exactly30")),
            secretIn(now, 31 * Day - 1000, QStringLiteral("30andabit")),
            secretIn(now, 31 * Day, QStringLiteral("31")),
            secretIn(now, 0, QStringLiteral("expiresNow")),
            secretIn(now, -40 * Day, QStringLiteral("longExpired")),
            [&] {
                KnownSecret s = secretIn(now, 0, QStringLiteral("never"));
                s.expiresAt = {};
                return s;
            }(),
        };
        QStringList ids;
        for (const KnownSecret &s : expiringWithin(all, 30, now))
            ids << s.secretId;
        QCOMPARE(ids, (QStringList{QStringLiteral("exactly30"), QStringLiteral("30andabit"), QStringLiteral("expiresNow"),
                                   QStringLiteral("longExpired")}));
        QVERIFY(all.at(3).isExpired(now));
        QCOMPARE(all.at(0).daysLeft(now), 30);
        QCOMPARE(all.at(2).daysLeft(now), 31);
        QCOMPARE(expiringWithin(all, 0, now).size(), 2);
        QList<KnownSecret> sorted = all;
        SecretReminders::sortByExpiry(sorted);
        QCOMPARE(sorted.first().secretId, QStringLiteral("longExpired"));
        QCOMPARE(sorted.last().secretId, QStringLiteral("never"));
    }

    void timerFiresTheCheck()
    {
        Fixture f;
        QVERIFY(f.setUp(40));
        f.startTracker();
        QVERIFY(f.spy->isEmpty());
        // The cache changed (a sync): refresh() re-checks on the one timer, in the event loop.
        QVERIFY(f.setSecret(QStringLiteral("s1"), f.clock.nowUtc().addMSecs(3 * Day)));
        f.tracker->refresh();
        QVERIFY(f.spy->wait());
        QCOMPARE(f.told(), QList<int>{7});
        QCOMPARE(f.tracker->expiringCount(), 1);
        QCOMPARE(f.tracker->findChildren<QTimer *>().size(), 1);
        f.tracker->stop();
        QVERIFY(!f.tracker->timer()->isActive());
        f.tracker->refresh(); // stopped: nothing
        QVERIFY(!f.tracker->timer()->isActive());
    }
};

QTEST_GUILESS_MAIN(TestSecretReminders)
#include "tst_secretreminders.moc"
