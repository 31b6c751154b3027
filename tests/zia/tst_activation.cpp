// ZIA activation end to end against the HTTPS simulator: an edit makes the tenant PENDING, an
// activation takes it through INPROGRESS to ACTIVE as the background tracker reports it; a 409
// edit lock then success; read-only mode blocks writes and clears; a burst of 15 activations
// sends at most 10; ending a legacy session activates pending changes.
#include "ZiaTestEnv.h"

#include "api/ZiaUrlCategoryEditor.h"
#include "services/ActivationController.h"
#include "services/ZiaStatusTracker.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace zc;
using ziatest::ZiaStack;

namespace {
const QString kActivate = QStringLiteral("POST /api/v1/status/activate");

ZiaPollConfig fastPolls()
{
    ZiaPollConfig c;
    c.inProgressMs = 150;
    c.baseMs = 200;
    c.maxPendingMs = 400;
    c.maxWatchedMs = 800;
    c.readOnlyMs = 200;
    c.errorBaseMs = 200;
    return c;
}

ZiaUrlEditResult editUrls(ZiaStack &s, const QString &client, const QString &category, const QStringList &urls, bool add)
{
    ZiaUrlCategoryEditor editor(s.api.get());
    QSignalSpy spy(&editor, &ZiaUrlCategoryEditor::finished);
    if (add)
        editor.addUrls(client, category, urls);
    else
        editor.removeUrls(client, category, urls);
    if (!spy.wait(20'000))
        return {};
    return spy.at(0).at(0).value<ZiaUrlEditResult>();
}

ZiaActivationResult activateOnce(ActivationController &ctl, bool wait = false, qint64 timeoutMs = 20'000)
{
    QSignalSpy spy(&ctl, &ActivationController::finished);
    if (wait)
        ctl.activateAndWait(timeoutMs);
    else
        ctl.activate();
    if (!spy.wait(timeoutMs + 20'000))
        return {};
    return spy.at(0).at(0).value<ZiaActivationResult>();
}
} // namespace

class TestActivation : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    std::unique_ptr<ZiaStack> m_stack;
    zsim::Simulator *sim() const { return m_sim->sim(); }

private slots:
    void initTestCase()
    {
        QString error;
        m_sim = ziatest::startSimulator(&error);
        QVERIFY2(m_sim, qPrintable(error));
    }

    void init()
    {
        sim()->resetKnobs();
        sim()->setKnobs(QJsonObject{{QStringLiteral("activationSeconds"), 2}});
        sim()->resetCounters();
        m_stack = std::make_unique<ZiaStack>(sim()); // fresh limiter, tokens and modes per test
        QVERIFY(!m_stack->clientId(QStringLiteral("zia-legacy")).isEmpty());
        // Start every test from ACTIVE (activating again when changes arrived during a run).
        ZiaApi &api = *m_stack->api;
        const QString client = m_stack->clientId(QStringLiteral("zia-legacy"));
        bool active = false;
        for (int i = 0; i < 60 && !active; ++i) {
            bool done = false;
            ZiaActivationState state = ZiaActivationState::Unknown;
            api.status(client, this, [&](const ZiaReply<ZiaActivationState> &r) {
                state = r.ok() ? r.value : ZiaActivationState::Unknown;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
            active = state == ZiaActivationState::Active;
            if (state == ZiaActivationState::Pending) {
                done = false;
                api.activate(client, this, [&](const ZiaReply<ZiaActivationState> &) { done = true; });
                QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
            }
            if (!active)
                QTest::qWait(200);
        }
        QVERIFY(active);
        // A fresh stack for the test itself (an empty activation budget).
        m_stack = std::make_unique<ZiaStack>(sim());
        sim()->resetCounters();
    }

    void cleanup()
    {
        m_stack.reset();
    }

    void pendingActivateInProgressActive_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("zia-legacy") << "zia-legacy" << "/api/v1";
        QTest::newRow("zia-oauth") << "zia-oauth" << "/api/v1";
        QTest::newRow("oneapi-secret") << "oneapi-secret" << "/zia/api/v1";
    }

    void pendingActivateInProgressActive()
    {
        QFETCH(QString, kind);
        QFETCH(QString, prefix);
        ZiaStack &s = *m_stack;
        const QString client = s.clientId(kind);
        QVERIFY(!client.isEmpty());
        ZiaStatusTracker tracker(s.api.get());
        tracker.setConfig(fastPolls());
        QVERIFY(tracker.addTenant(s.tenant.id, client));
        QList<ZiaActivationState> seen;
        connect(&tracker, &ZiaStatusTracker::statusChanged, this, [&](const ZiaTenantStatus &st) {
            if (st.tenantId == s.tenant.id && (seen.isEmpty() || seen.last() != st.state))
                seen.append(st.state);
        });
        QSignalSpy completed(&tracker, &ZiaStatusTracker::activationCompleted);
        QSignalSpy pendingSpy(&tracker, &ZiaStatusTracker::pendingChangesChanged);
        tracker.setWatched(s.tenant.id, true);
        QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty() && seen.last() == ZiaActivationState::Active, 10'000);

        // The edit: two URLs into a custom category (by name, case-insensitive).
        const ZiaUrlEditResult edit = editUrls(s, client, QStringLiteral("partner portals ✓"),
                                               {QStringLiteral("https://New-Partner-") + kind + QStringLiteral(".example/"),
                                                QStringLiteral("portal.partner2.example")},
                                               true);
        const QString added = QStringLiteral("new-partner-") + kind + QStringLiteral(".example");
        QVERIFY2(edit.ok(), qPrintable(edit.error.toString()));
        QCOMPARE(edit.edit.category.id, QStringLiteral("CUSTOM_03"));
        QCOMPARE(edit.edit.changed, QStringList{added});
        QCOMPARE(edit.edit.unchanged, QStringList{QStringLiteral("portal.partner2.example")});
        QVERIFY(edit.edit.sent);
        QVERIFY(edit.edit.category.urls.contains(added));
        QCOMPARE(sim()->count(QStringLiteral("PUT ") + prefix + QStringLiteral("/urlCategories/{id}")), 1);
        QVERIFY(tracker.hasPendingChanges(s.tenant.id));
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(ZiaActivationState::Pending), 10'000);
        QVERIFY(tracker.hasPendingChanges(s.tenant.id));
        QVERIFY(!pendingSpy.isEmpty() && pendingSpy.first().at(1).toBool());

        // Activate: INPROGRESS for activationSeconds, then ACTIVE, as the tracker sees it.
        ActivationController ctl(s.api.get(), client);
        QVERIFY(ctl.confirmationText().contains(s.tenant.name));
        const ZiaActivationResult r = activateOnce(ctl);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.state, ZiaActivationState::InProgress);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(sim()->count(QStringLiteral("POST ") + prefix + QStringLiteral("/status/activate")), 1);
        QTRY_VERIFY_WITH_TIMEOUT(completed.size() == 1, 15'000);
        QCOMPARE(completed.first().at(0).toString(), s.tenant.id);
        QCOMPARE(completed.first().at(1).toString(), s.tenant.name);
        QCOMPARE(seen.last(), ZiaActivationState::Active);
        const qsizetype p = seen.indexOf(ZiaActivationState::Pending);
        const qsizetype ip = seen.indexOf(ZiaActivationState::InProgress, p);
        QVERIFY2(p >= 0 && ip > p && seen.indexOf(ZiaActivationState::Active, ip) > ip, "expected PENDING → INPROGRESS → ACTIVE");
        QVERIFY(!tracker.hasPendingChanges(s.tenant.id));
        QVERIFY(sim()->count(QStringLiteral("GET ") + prefix + QStringLiteral("/status")) >= 3);

        // Off screen and nothing pending: polling stops.
        tracker.setWatched(s.tenant.id, false);
        // A poll in flight when the tenant left the screen ends first (it has reached the
        // simulator then); after it none is planned.
        QTRY_VERIFY_WITH_TIMEOUT(!tracker.pollInFlight(s.tenant.id), 10'000);
        QCOMPARE(tracker.nextPollMs(s.tenant.id), -1);
        const qint64 polls = sim()->count(QStringLiteral("GET ") + prefix + QStringLiteral("/status"));
        const int sent = tracker.pollsSent(s.tenant.id);
        // What the timer does when it fires: nothing is due, so nothing goes.
        tracker.processDue();
        QCOMPARE(tracker.pollsSent(s.tenant.id), sent);
        QVERIFY(!tracker.pollInFlight(s.tenant.id));
        QCOMPARE(sim()->count(QStringLiteral("GET ") + prefix + QStringLiteral("/status")), polls);
        QCOMPARE(tracker.nextDeadlineMs(), -1);

        // Clean up the data for the next row.
        QVERIFY(editUrls(s, client, QStringLiteral("CUSTOM_03"), {added}, false).ok());
    }

    void activateAndWaitFollowsToActive()
    {
        ZiaStack &s = *m_stack;
        const QString client = s.clientId(QStringLiteral("zia-legacy"));
        QVERIFY(editUrls(s, client, QStringLiteral("CUSTOM_01"), {QStringLiteral("wait.example")}, true).ok());
        ActivationController ctl(s.api.get(), client);
        ctl.setPollIntervalMs(200);
        QSignalSpy phases(&ctl, &ActivationController::phaseChanged);
        const ZiaActivationResult r = activateOnce(ctl, true, 20'000);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.waited);
        QCOMPARE(r.state, ZiaActivationState::Active);
        // The ACTIVE answer came activationSeconds = 2 after the activation, in the simulator's
        // own arrival times (its clock decides when INPROGRESS ends).
        const QList<qint64> activations = sim()->arrivals(kActivate);
        const QList<qint64> statusPolls = sim()->arrivals(QStringLiteral("GET /api/v1/status"));
        QCOMPARE(activations.size(), 1);
        QVERIFY(statusPolls.size() >= 2); // INPROGRESS at least once, then ACTIVE
        QVERIFY2(statusPolls.last() - activations.first() >= 2000,
                 qPrintable(QString::number(statusPolls.last() - activations.first())));
        bool sawInProgress = false;
        for (const QList<QVariant> &a : phases)
            sawInProgress |= a.at(0).value<ActivationController::Phase>() == ActivationController::Phase::InProgress;
        QVERIFY(sawInProgress);
        QVERIFY(!ctl.isBusy());

        // A timeout shorter than the activation: timedOut, and the activation goes on.
        QVERIFY(editUrls(s, client, QStringLiteral("CUSTOM_01"), {QStringLiteral("wait.example")}, false).ok());
        sim()->setKnobs(QJsonObject{{QStringLiteral("activationSeconds"), 3}});
        const ZiaActivationResult t = activateOnce(ctl, true, 500);
        QVERIFY(!t.ok());
        QVERIFY(t.timedOut);
        QCOMPARE(t.state, ZiaActivationState::InProgress);
        QVERIFY(t.error.message.contains(QLatin1String("cannot be cancelled")));
    }

    void editLockThenSuccess()
    {
        ZiaStack &s = *m_stack;
        s.pipeline->retryPolicy().config().editLockBaseMs = 100; // production: 5 s
        const QString client = s.clientId(QStringLiteral("zia-legacy"));
        QVERIFY(editUrls(s, client, QStringLiteral("CUSTOM_02"), {QStringLiteral("lock.example")}, true).ok());
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                     QJsonArray{QJsonObject{{QStringLiteral("route"), kActivate},
                                                            {QStringLiteral("kind"), QStringLiteral("409")},
                                                            {QStringLiteral("count"), 1}}}}});
        ActivationController ctl(s.api.get(), client);
        QSignalSpy phases(&ctl, &ActivationController::phaseChanged);
        QSignalSpy progress(&ctl, &ActivationController::progress);
        const ZiaActivationResult r = activateOnce(ctl);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(sim()->count(kActivate), 2);
        QCOMPARE(sim()->count(kActivate + QStringLiteral("#409")), 1);
        bool sawLock = false;
        for (const QList<QVariant> &a : phases)
            sawLock |= a.at(0).value<ActivationController::Phase>() == ActivationController::Phase::WaitingForEditLock;
        QVERIFY(sawLock);
        bool lockMessage = false;
        for (const QList<QVariant> &a : progress)
            lockMessage |= a.at(0).toString().contains(QLatin1String("edit lock"));
        QVERIFY(lockMessage);

        // A lock that never frees: bounded, then a clear error.
        s.pipeline->retryPolicy().config().editLockTotalMs = 600;
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                     QJsonArray{QJsonObject{{QStringLiteral("route"), kActivate},
                                                            {QStringLiteral("kind"), QStringLiteral("409")}}}}});
        sim()->resetCounters();
        ActivationController ctl2(s.api.get(), client);
        const ZiaActivationResult stuck = activateOnce(ctl2);
        QVERIFY(!stuck.ok());
        QCOMPARE(stuck.error.kind, ErrorKind::Api);
        QVERIFY2(stuck.error.message.contains(QLatin1String("edit lock")), qPrintable(stuck.error.message));
        QVERIFY(sim()->count(kActivate) >= 2 && sim()->count(kActivate) <= 5);
    }

    // A status read the server answered BEFORE an activation, whose reply comes back AFTER the
    // activation's: its PENDING is stale. ZiaApi still hands it to its caller but does not tell
    // the tenant's state on (statusSeen), so no tracker or controller goes back from INPROGRESS
    // to PENDING (which the tracker would report as an activation completed with new changes).
    void statusReadOvertakenByActivationIsNotTold()
    {
        ZiaStack &s = *m_stack;
        const QString client = s.clientId(QStringLiteral("zia-legacy"));
        QVERIFY(editUrls(s, client, QStringLiteral("CUSTOM_02"), {QStringLiteral("stale.example")}, true).ok());
        const QString statusRoute = QStringLiteral("GET /api/v1/status");
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                     QJsonArray{QJsonObject{{QStringLiteral("route"), statusRoute},
                                                            {QStringLiteral("kind"), QStringLiteral("latency")},
                                                            {QStringLiteral("ms"), 5000},
                                                            {QStringLiteral("count"), 1}}}}});
        QSignalSpy seen(s.api.get(), &ZiaApi::statusSeen);
        QSignalSpy requested(s.api.get(), &ZiaApi::activationRequested);
        QStringList order;
        ZiaActivationState readValue = ZiaActivationState::Unknown;
        const qint64 readsBefore = sim()->count(statusRoute);
        QObject ctx;
        s.api->status(client, &ctx, [&](const ZiaReply<ZiaActivationState> &r) {
            readValue = r.value;
            order << QStringLiteral("read");
        });
        // The read has reached the server (its handler ran: PENDING); its reply is held back.
        QTRY_VERIFY_WITH_TIMEOUT(sim()->count(statusRoute) == readsBefore + 1, 20'000);
        s.api->activate(client, &ctx, [&](const ZiaReply<ZiaActivationState> &r) {
            QVERIFY2(r.ok(), qPrintable(r.error.toString()));
            order << QStringLiteral("activate");
        });
        QTRY_VERIFY_WITH_TIMEOUT(order.size() == 2, 30'000);
        QCOMPARE(order, (QStringList{QStringLiteral("activate"), QStringLiteral("read")})); // the premise
        QCOMPARE(readValue, ZiaActivationState::Pending); // what the server said when the read arrived
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(1).value<ZiaActivationState>(), ZiaActivationState::InProgress);
        QCOMPARE(seen.size(), 0); // the stale PENDING is not told on

        // A read sent after both is told on again.
        ZiaActivationState later = ZiaActivationState::Unknown;
        s.api->status(client, &ctx, [&](const ZiaReply<ZiaActivationState> &r) { later = r.value; });
        QTRY_VERIFY_WITH_TIMEOUT(later != ZiaActivationState::Unknown, 20'000);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().at(1).value<ZiaActivationState>(), later);
    }

    void readInFlightWhenTheActivationAnswersIsNotTold()
    {
        // A read issued after the activation but still unanswered when the activation's answer
        // comes cannot be placed: it may have reached the server first (another connection, the
        // activation waiting for its budget) and say PENDING after the activation was accepted
        // (seen in the ASan pass: "activation completed: PENDING"). It is not told on.
        ZiaStack &s = *m_stack;
        const QString client = s.clientId(QStringLiteral("zia-legacy"));
        QVERIFY(editUrls(s, client, QStringLiteral("CUSTOM_02"), {QStringLiteral("inflight.example")}, true).ok());
        const QString statusRoute = QStringLiteral("GET /api/v1/status");
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                     QJsonArray{QJsonObject{{QStringLiteral("route"), statusRoute},
                                                            {QStringLiteral("kind"), QStringLiteral("latency")},
                                                            {QStringLiteral("ms"), 3000},
                                                            {QStringLiteral("count"), 1}}}}});
        QSignalSpy seen(s.api.get(), &ZiaApi::statusSeen);
        QSignalSpy requested(s.api.get(), &ZiaApi::activationRequested);
        QStringList order;
        QObject ctx;
        s.api->activate(client, &ctx, [&](const ZiaReply<ZiaActivationState> &r) {
            QVERIFY2(r.ok(), qPrintable(r.error.toString()));
            order << QStringLiteral("activate");
        });
        s.api->status(client, &ctx, [&](const ZiaReply<ZiaActivationState> &r) {
            QVERIFY2(r.ok(), qPrintable(r.error.toString()));
            order << QStringLiteral("read");
        });
        QTRY_VERIFY_WITH_TIMEOUT(order.size() == 2, 30'000);
        QCOMPARE(order, (QStringList{QStringLiteral("activate"), QStringLiteral("read")})); // the premise
        QCOMPARE(requested.size(), 1);
        QCOMPARE(seen.size(), 0); // the read in flight at the activation's answer is not told on

        ZiaActivationState later = ZiaActivationState::Unknown;
        s.api->status(client, &ctx, [&](const ZiaReply<ZiaActivationState> &r) { later = r.value; });
        QTRY_VERIFY_WITH_TIMEOUT(later != ZiaActivationState::Unknown, 20'000);
        QCOMPARE(seen.size(), 1); // a read issued after the answer is told on again
        QCOMPARE(seen.first().at(1).value<ZiaActivationState>(), later);
    }

    void readOnlyBlocksWritesAndClears()
    {
        ZiaStack &s = *m_stack;
        const QString client = s.clientId(QStringLiteral("zia-legacy"));
        ZiaStatusTracker tracker(s.api.get());
        tracker.setConfig(fastPolls());
        QVERIFY(tracker.addTenant(s.tenant.id, client));
        ActivationController ctl(s.api.get(), client);
        ctl.setReadOnlyProbeIntervalMs(200);
        QSignalSpy ctlReadOnly(&ctl, &ActivationController::readOnlyChanged);
        QSignalSpy trackerReadOnly(&tracker, &ZiaStatusTracker::readOnlyChanged);

        sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), true}});
        const ZiaUrlEditResult edit = editUrls(s, client, QStringLiteral("CUSTOM_01"), {QStringLiteral("ro.example")}, true);
        QVERIFY(!edit.ok());
        QVERIFY(edit.readOnly);
        QCOMPARE(edit.error.code, QStringLiteral("STATE_READONLY"));
        QCOMPARE(edit.error.httpStatus, 403);
        QVERIFY(ZiaApi::isReadOnlyError(edit.error));
        QVERIFY(edit.error.message.contains(QLatin1String("read-only")));
        QCOMPARE(sim()->count(QStringLiteral("PUT /api/v1/urlCategories/{id}#readonly")), 1);
        QVERIFY(s.api->isReadOnly(s.tenant.id));
        QCOMPARE(ctlReadOnly.size(), 1);
        QVERIFY(ctlReadOnly.first().at(0).toBool());
        QVERIFY(!ctl.writesEnabled());
        QCOMPARE(trackerReadOnly.size(), 1);
        QVERIFY(tracker.status(s.tenant.id).readOnly);

        // Activation is refused locally while the mode lasts: no request.
        const ZiaActivationResult refused = activateOnce(ctl);
        QVERIFY(!refused.ok());
        QVERIFY(refused.readOnly);
        QCOMPARE(refused.error.code, QStringLiteral("STATE_READONLY"));
        QCOMPARE(sim()->count(kActivate), 0);

        // The mode ends: the controller's probe (a GET) sees read-write and re-enables writes.
        // First two probes more while the knob is set (probes go one after the other's answer).
        const qint64 probes = sim()->count(QStringLiteral("GET /api/v1/status"));
        QTRY_VERIFY_WITH_TIMEOUT(sim()->count(QStringLiteral("GET /api/v1/status")) >= probes + 2, 15'000);
        QVERIFY(!ctl.writesEnabled()); // still read-only while the knob is set
        sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), false}});
        QTRY_COMPARE_WITH_TIMEOUT(ctlReadOnly.size(), 2, 15'000);
        QVERIFY(!ctlReadOnly.at(1).at(0).toBool());
        QVERIFY(ctl.writesEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(trackerReadOnly.size(), 2, 15'000);
        QVERIFY(!tracker.status(s.tenant.id).readOnly);
        const ZiaUrlEditResult again = editUrls(s, client, QStringLiteral("CUSTOM_01"), {QStringLiteral("ro.example")}, true);
        QVERIFY2(again.ok(), qPrintable(again.error.toString()));
        const ZiaActivationResult ok = activateOnce(ctl);
        QVERIFY2(ok.ok(), qPrintable(ok.error.toString()));
        QCOMPARE(sim()->count(kActivate), 1);
        QVERIFY(editUrls(s, client, QStringLiteral("CUSTOM_01"), {QStringLiteral("ro.example")}, false).ok());
    }

    void burstOf15YieldsAtMost10()
    {
        // The budget's windows go by the limiter's clock; held still, the whole burst falls in
        // one minute by construction.
        ManualClock still;
        ZiaStack s(sim(), &still);
        const QString client = s.clientId(QStringLiteral("zia-legacy"));
        sim()->setKnobs(QJsonObject{{QStringLiteral("activationSeconds"), 0}});
        ActivationController ctl(s.api.get(), client);
        QCOMPARE(ctl.budget().perMinute, 10); // production defaults, unchanged
        QCOMPARE(ctl.budget().perHour, 40);
        int sent = 0, refusedByBudget = 0;
        QString message;
        for (int i = 0; i < 15; ++i) {
            const ZiaActivationResult r = activateOnce(ctl);
            if (r.ok()) {
                ++sent;
            } else {
                QVERIFY2(r.refusedByBudget, qPrintable(r.error.toString()));
                QCOMPARE(r.error.kind, ErrorKind::RateLimited);
                QVERIFY(r.nextSlotMs > 0 && r.nextSlotMs <= 60'000);
                ++refusedByBudget;
                message = r.error.message;
            }
        }
        QCOMPARE(sent, 10);
        QCOMPARE(refusedByBudget, 5);
        QCOMPARE(sim()->count(kActivate), 10);
        QVERIFY2(message.startsWith(QLatin1String("activation budget: next slot in ")), qPrintable(message));
        QCOMPARE(ctl.activationsInLastMinute(), 10);
        QVERIFY(ctl.budgetWaitMs() > 0);
    }

    void endingLegacySessionActivates()
    {
        ZiaStack &s = *m_stack;
        const QString client = s.clientId(QStringLiteral("zia-legacy"));
        ZiaStatusTracker tracker(s.api.get());
        tracker.setConfig(fastPolls());
        QVERIFY(tracker.addTenant(s.tenant.id, client));
        QSignalSpy completed(&tracker, &ZiaStatusTracker::activationCompleted);
        QVERIFY(editUrls(s, client, QStringLiteral("CUSTOM_05"), {QStringLiteral("end.example")}, true).ok());
        QTRY_COMPARE_WITH_TIMEOUT(tracker.status(s.tenant.id).state, ZiaActivationState::Pending, 15'000);
        QVERIFY(tracker.hasPendingChanges(s.tenant.id));
        // No poll of the tracker may race the session end (it would open a new session).
        ZiaPollConfig slow;
        slow.baseMs = 600'000;
        tracker.setConfig(slow);
        QTRY_VERIFY_WITH_TIMEOUT(!tracker.pollInFlight(s.tenant.id), 10'000); // the next one is minutes away
        QCOMPARE(tracker.tenantsWithPendingChanges(), QStringList{s.tenant.id});
        // The idle countdown a GUI shows: positive, at most the idle timeout.
        const qint64 left = tracker.sessionIdleRemainingMs(s.tenant.id);
        QVERIFY2(left > 0 && left <= 300'000, qPrintable(QString::number(left)));
        QVERIFY(tracker.status(s.tenant.id).sessionDeadlineMs > 0);

        bool done = false;
        ZiaReply<ZiaSessionInfo> session;
        s.api->sessionStatus(client, this, [&](const ZiaReply<ZiaSessionInfo> &r) {
            session = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QVERIFY2(session.ok(), qPrintable(session.error.toString()));
        QVERIFY(session.value.live);
        QCOMPARE(session.value.authType, QStringLiteral("ADMIN_LOGIN"));

        done = false;
        ZiaReply<ZiaActivationState> ended;
        s.api->endSession(client, this, [&](const ZiaReply<ZiaActivationState> &r) {
            ended = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QVERIFY2(ended.ok(), qPrintable(ended.error.toString()));
        QCOMPARE(sim()->count(QStringLiteral("DELETE /api/v1/authenticatedSession")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 15'000);
        QVERIFY(!tracker.hasPendingChanges(s.tenant.id));
        QCOMPARE(tracker.sessionIdleRemainingMs(s.tenant.id), -1);

        // Other kinds have no session to end.
        done = false;
        s.api->endSession(s.clientId(QStringLiteral("zia-oauth")), this, [&](const ZiaReply<ZiaActivationState> &r) {
            ended = r;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(ended.error.kind, ErrorKind::Usage);
        QVERIFY(editUrls(s, client, QStringLiteral("CUSTOM_05"), {QStringLiteral("end.example")}, false).ok());
    }

    // The GUI's arrangement: the API objects and the tracker live on a worker thread; the test
    // thread (standing for the GUI) drives them with queued invocations and reads queued signals.
    void trackerOnWorkerThread()
    {
        m_stack.reset();
        QThread worker;
        worker.setObjectName(QStringLiteral("zia-worker"));
        worker.start();
        QObject anchor;
        anchor.moveToThread(&worker);
        std::unique_ptr<ZiaStack> stack;
        ZiaStatusTracker *tracker = nullptr;
        ZiaUrlCategoryEditor *editor = nullptr;
        ActivationController *ctl = nullptr;
        QString client, tenantId;
        QVERIFY(QMetaObject::invokeMethod(&anchor, [&] {
            stack = std::make_unique<ZiaStack>(sim());
            client = stack->clientId(QStringLiteral("zia-legacy"));
            tenantId = stack->tenant.id;
            tracker = new ZiaStatusTracker(stack->api.get());
            tracker->setConfig(fastPolls());
            editor = new ZiaUrlCategoryEditor(stack->api.get());
            ctl = new ActivationController(stack->api.get(), client);
        }, Qt::BlockingQueuedConnection));

        QList<ZiaActivationState> seen;
        int completed = 0;
        bool edited = false, activated = false;
        // Declared after the captured locals: destroyed first, it drops the queued signals
        // still on their way when the test ends.
        QObject gui;
        connect(tracker, &ZiaStatusTracker::statusChanged, &gui, [&](const ZiaTenantStatus &st) {
            QCOMPARE(QThread::currentThread(), thread());
            if (seen.isEmpty() || seen.last() != st.state)
                seen.append(st.state);
        });
        connect(tracker, &ZiaStatusTracker::activationCompleted, &gui, [&] { ++completed; });
        connect(editor, &ZiaUrlCategoryEditor::finished, &gui, [&](const ZiaUrlEditResult &r) { edited = r.ok(); });
        connect(ctl, &ActivationController::finished, &gui, [&](const ZiaActivationResult &r) { activated = r.ok(); });

        QMetaObject::invokeMethod(tracker, "setWatched", Q_ARG(QString, tenantId), Q_ARG(bool, true));
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(ZiaActivationState::Active), 10'000);
        QMetaObject::invokeMethod(editor, [&] { editor->addUrls(client, QStringLiteral("CUSTOM_02"), {QStringLiteral("thread.example")}); });
        QTRY_VERIFY_WITH_TIMEOUT(edited, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(ZiaActivationState::Pending), 10'000);
        QMetaObject::invokeMethod(ctl, "activate");
        QTRY_VERIFY_WITH_TIMEOUT(activated, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(completed, 1, 15'000);
        QCOMPARE(seen.last(), ZiaActivationState::Active);
        QVERIFY(seen.indexOf(ZiaActivationState::InProgress) > seen.indexOf(ZiaActivationState::Pending));

        edited = false;
        QMetaObject::invokeMethod(editor, [&] { editor->removeUrls(client, QStringLiteral("CUSTOM_02"), {QStringLiteral("thread.example")}); });
        QTRY_VERIFY_WITH_TIMEOUT(edited, 10'000);
        QThread *guiThread = thread();
        QVERIFY(QMetaObject::invokeMethod(&anchor, [&] {
            delete ctl;
            delete editor;
            delete tracker;
            stack.reset();
            anchor.moveToThread(guiThread);
        }, Qt::BlockingQueuedConnection));
        worker.quit();
        QVERIFY(worker.wait(5000));
    }

    void predefinedCategoryAndWrongClient()
    {
        ZiaStack &s = *m_stack;
        const QString client = s.clientId(QStringLiteral("zia-legacy"));
        bool done = false;
        ZiaReply<ZiaUrlEdit> r;
        s.api->addUrls(client, QStringLiteral("OTHER_ADULT_MATERIAL"), {QStringLiteral("x.example")}, this,
                       [&](const ZiaReply<ZiaUrlEdit> &x) {
                           r = x;
                           done = true;
                       });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QCOMPARE(r.error.kind, ErrorKind::Usage);
        QCOMPARE(sim()->count(QStringLiteral("PUT /api/v1/urlCategories/{id}")), 0);

        const ZiaUrlEditResult none = editUrls(s, client, QStringLiteral("No Such Category"), {QStringLiteral("x.example")}, true);
        QCOMPARE(none.error.kind, ErrorKind::Usage);
        const ZiaUrlEditResult bad = editUrls(s, client, QStringLiteral("CUSTOM_01"), {QStringLiteral("ftp://x")}, true);
        QCOMPARE(bad.error.kind, ErrorKind::Usage);
        QCOMPARE(bad.input.invalid.size(), 1);
        // Nothing new: no PUT, no pending change.
        const ZiaUrlEditResult same = editUrls(s, client, QStringLiteral("CUSTOM_01"), {QStringLiteral(".minecraft.net")}, true);
        QVERIFY(same.ok());
        QVERIFY(!same.edit.sent);
        QCOMPARE(sim()->count(QStringLiteral("PUT /api/v1/urlCategories/{id}")), 0);

        done = false;
        ZiaReply<ZiaActivationState> st;
        s.api->status(s.clientId(QStringLiteral("apptotal-key")), this, [&](const ZiaReply<ZiaActivationState> &x) {
            st = x;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(st.error.kind, ErrorKind::Config);
    }
};

QTEST_GUILESS_MAIN(TestActivation)
#include "tst_activation.moc"
