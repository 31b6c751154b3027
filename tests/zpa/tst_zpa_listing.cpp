// Complete listings of ZPA application segments over real HTTPS against the simulator (10,000
// segments): into AppSegmentTableModel + AppSegmentFilterProxy under QAbstractItemModelTester
// while pages arrive; through the legacy host and the OneAPI gateway; with 429s (injected with
// `retry-after: 4s`, and from the simulator's own rate window; none at a matched, binding
// budget), a reset connection and a cut
// page (each retried alone, counted at the simulator); a page that keeps failing (incomplete,
// named); cancel; microtenant choices; server-side search.
#include "ZpaTestEnv.h"

#include "models/AppSegmentFilterProxy.h"
#include "models/AppSegmentTableModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace zc;
using zpatest::ZpaStack;

namespace {
const QString kLegacyList = QStringLiteral("GET /mgmtconfig/v1/admin/customers/{customerId}/application");
const QString kGatewayList = QStringLiteral("GET /zpa/mgmtconfig/v1/admin/customers/{customerId}/application");
constexpr int kSegments = 10000;

QSet<QString> idsOf(const AppSegmentTableModel &m)
{
    QSet<QString> ids;
    for (const AppSegment &s : m.segmentsInArrivalOrder())
        ids.insert(s.id());
    return ids;
}

QJsonObject fault(const QString &route, const QString &kind, const QJsonArray &nth, const QJsonObject &extra = {})
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("route"), route);
    o.insert(QStringLiteral("kind"), kind);
    o.insert(QStringLiteral("nth"), nth);
    return o;
}
} // namespace

class TestZpaListing : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    zsim::Simulator *sim() const { return m_sim->sim(); }
    QList<AppSegment> m_all; // the complete listing of the first test, for comparisons

    ZpaListResult listInto(ZpaStack &s, const QString &client, const ZpaListOptions &o, AppSegmentTableModel *model,
                           zpatest::ListingRun *runOut = nullptr)
    {
        ZpaSegmentLister lister(s.api.get());
        zpatest::ListingRun run = zpatest::runListing(lister, client, o, model);
        if (runOut)
            *runOut = run;
        return run.result;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_sim = zpatest::startSimulator(kSegments, {}, &error);
        QVERIFY2(m_sim, qPrintable(error));
    }

    void init()
    {
        sim()->resetKnobs();
        sim()->resetCounters();
    }

    void legacyCompleteIntoModelUnderTesters()
    {
        ZpaStack s(sim());
        AppSegmentTableModel model;
        AppSegmentFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        t1.setUseFetchMore(false);
        t2.setUseFetchMore(false);

        ZpaSegmentLister lister(s.api.get());
        int rowsAtFirstBatch = -1;
        bool finishedAtFirstBatch = true;
        const zpatest::ListingRun run = zpatest::runListing(lister, s.legacy(), ZpaListOptions(), &model, 120'000,
                                                            [&](ZpaSegmentLister &l) {
                                                                rowsAtFirstBatch = model.rowCount();
                                                                finishedAtFirstBatch = !l.isRunning();
                                                            });
        QVERIFY(run.finished);
        const ZpaListResult &r = run.result;
        QVERIFY2(r.complete(), qPrintable(r.error.toString()));
        QCOMPARE(r.totalCount, qint64(kSegments));
        QCOMPARE(r.rows, qint64(kSegments));
        QCOMPARE(r.duplicates, qint64(0));
        QCOMPARE(r.pagesRead, 20);
        QVERIFY(!r.tenantChanged);
        QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(QLatin1Char('\n'))));
        // Rows appeared page by page, while the listing still ran.
        QCOMPARE(rowsAtFirstBatch, 500);
        QVERIFY(!finishedAtFirstBatch);
        QCOMPARE(run.startedSignals, 1);
        QCOMPARE(run.rowSignals, 20);
        QCOMPARE(run.progressSignals, 20);
        QCOMPARE(model.rowCount(), kSegments);
        QCOMPARE(proxy.rowCount(), kSegments);
        QCOMPARE(idsOf(model).size(), kSegments);
        QCOMPARE(model.duplicateCount(), qint64(0));
        // One request per page, nothing more.
        QCOMPARE(sim()->count(kLegacyList), qint64(20));
        QCOMPARE(r.sends, 20);
        m_all = model.segmentsInArrivalOrder();
        // The proxy filters while it holds everything.
        proxy.setSearchText(model.segmentAt(0).name());
        QVERIFY(proxy.rowCount() >= 1);
    }

    void gatewayWithInjected429ResetAndCutPage()
    {
        // The 4th, 7th and 10th page requests: a ZPA 429 with `retry-after: 4s`, a connection reset
        // mid-body, and a 200 whose JSON is cut in half.
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                     QJsonArray{fault(kGatewayList, QStringLiteral("429"), {4}, {{QStringLiteral("retryAfter"), 4}}),
                                                fault(kGatewayList, QStringLiteral("reset"), {7}),
                                                fault(kGatewayList, QStringLiteral("truncate"), {10})}}});
        ZpaStack s(sim());
        AppSegmentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        zpatest::ListingRun run;
        const ZpaListResult r = listInto(s, s.oneApi(), ZpaListOptions(), &model, &run);
        QVERIFY2(r.complete(), qPrintable(r.error.toString()));
        QCOMPARE(r.rows, qint64(kSegments));
        QCOMPARE(model.rowCount(), kSegments);
        QCOMPARE(idsOf(model).size(), kSegments);
        QSet<QString> allIds;
        for (const AppSegment &a : std::as_const(m_all))
            allIds.insert(a.id());
        QCOMPARE(idsOf(model), allIds);
        // At the simulator: 20 pages + the three faulted requests, each fault exactly once.
        QCOMPARE(sim()->count(kGatewayList + QStringLiteral("#429")), qint64(1));
        QCOMPARE(sim()->count(kGatewayList + QStringLiteral("#reset")), qint64(1));
        QCOMPARE(sim()->count(kGatewayList + QStringLiteral("#truncate")), qint64(1));
        QCOMPARE(sim()->count(kGatewayList), qint64(23));
        QCOMPARE(r.sends, 23);
        // Three extra requests in all (the 429 and the reset inside the pipeline, the cut page by
        // the lister); page 1 was read once; nothing started over. The faults hit the 4th, 7th and
        // 10th request as they arrive, so one page may meet two of them (its second request can be
        // the 7th or the 10th): count the extra requests, not the pages.
        int extra = 0;
        for (const ZpaPageStat &p : r.pages) {
            QVERIFY2(p.sends >= 1 && p.sends <= 4, qPrintable(QStringLiteral("page %1 sent %2 times").arg(p.page).arg(p.sends)));
            extra += p.sends - 1;
        }
        QCOMPARE(extra, 3);
        QCOMPARE(r.pages.first().sends, 1);
        QCOMPARE(r.pageRetries, 1);
        QCOMPARE(run.retriedPages.size(), 1);
        const int cut = run.retriedPages.first();
        QCOMPARE(r.pages.at(cut - 1).attempts, 2);
        QVERIFY2(r.pages.at(cut - 1).lastError.contains(QLatin1String("not complete JSON")), qPrintable(r.pages.at(cut - 1).lastError));
    }

    void simulatorWindow429()
    {
        // The simulator allows 5 GET per second; the client does not limit itself here, so the
        // simulator's window answers 429 (ZPA format, retry-after computed) and the key pauses.
        // The limit is below the client's 6 requests in flight: the six that go out together
        // after page 1 exceed it however slow the machine is (with 12, a slow run under the
        // sanitizers met no 429 at all), and after each pause at most one of a window's six is
        // refused.
        sim()->setKnobs(QJsonObject{{QStringLiteral("rateLimits"),
                                     QJsonObject{{QStringLiteral("zpa.read"),
                                                  QJsonObject{{QStringLiteral("limit"), 5}, {QStringLiteral("windowSeconds"), 1}}}}}});
        ZpaStack s(sim());
        s.api->setReadBudget(s.tenant.id, 0, 0); // unlimited on the client side
        AppSegmentTableModel model;
        const ZpaListResult r = listInto(s, s.legacy(), ZpaListOptions(), &model);
        QVERIFY2(r.complete(), qPrintable(r.error.toString()));
        QCOMPARE(idsOf(model).size(), kSegments);
        const qint64 refused = sim()->count(kLegacyList + QStringLiteral("#429"));
        QVERIFY2(refused >= 1 && refused <= 12, qPrintable(QString::number(refused)));
        QCOMPARE(sim()->count(kLegacyList), 20 + refused);
        QCOMPARE(qint64(r.sends), 20 + refused);
        QCOMPARE(r.pageRetries, 0); // the pipeline waited; no page failed
    }

    void matchedBindingBudgetNo429()
    {
        // The simulator and the client both allow 8 GET per second and every reply takes 300 ms:
        // 20 pages need three windows, so the budget binds, and the first window's pages go out
        // on new connections (TLS handshakes delay them) while the next window's go on warm
        // ones. The client paces from when each request was sent, plus the arrival margin, so
        // the simulator refuses none.
        const int budget = 8;
        sim()->setKnobs(QJsonObject{{QStringLiteral("latencyMs"), 300},
                                    {QStringLiteral("rateLimits"),
                                     QJsonObject{{QStringLiteral("zpa.read"),
                                                  QJsonObject{{QStringLiteral("limit"), budget}, {QStringLiteral("windowSeconds"), 1}}}}}});
        ZpaStack s(sim());
        s.api->setReadBudget(s.tenant.id, budget, 1000);
        QVERIFY(s.warmToken(s.legacy()));
        AppSegmentTableModel model;
        const ZpaListResult r = listInto(s, s.legacy(), ZpaListOptions(), &model);
        QVERIFY2(r.complete(), qPrintable(r.error.toString()));
        QCOMPARE(idsOf(model).size(), kSegments);
        QCOMPARE(sim()->count(kLegacyList + QStringLiteral("#429")), qint64(0));
        QCOMPARE(sim()->count(kLegacyList), qint64(20));
        QCOMPARE(r.sends, 20);
        // The budget bound: some `budget` consecutive arrivals fell within one window (in the
        // simulator's clock), and no budget + 1 did (the simulator would have refused one).
        const QList<qint64> a = sim()->arrivals(kLegacyList);
        QCOMPARE(a.size(), 20);
        bool full = false;
        for (int k = budget - 1; k < a.size(); ++k)
            full = full || a.at(k) - a.at(k - budget + 1) < 1000;
        QVERIFY(full);
        for (int k = budget; k < a.size(); ++k)
            QVERIFY2(a.at(k) - a.at(k - budget) >= 1000, qPrintable(QStringLiteral("arrival %1").arg(k)));
    }

    void pageThatKeepsFailingMakesItIncomplete()
    {
        // One page after another: every request for page 3 fails with 500 (the fault rule
        // matches its query, so whenever its retry goes, it fails too); the other pages go on.
        const QJsonObject pageThree{{QStringLiteral("route"), kLegacyList}, {QStringLiteral("kind"), QStringLiteral("500")},
                                    {QStringLiteral("query"), QJsonObject{{QStringLiteral("page"), QStringLiteral("3")}}}};
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"), QJsonArray{pageThree}}});
        ZpaStack s(sim());
        ZpaListOptions o;
        o.maxInFlight = 1;
        o.maxPageAttempts = 2;
        o.retryDelayMs = 200;
        AppSegmentTableModel model;
        zpatest::ListingRun run;
        const ZpaListResult r = listInto(s, s.legacy(), o, &model, &run);
        QCOMPARE(r.status, ZpaListResult::Status::Incomplete);
        QCOMPARE(r.missingPages, QList<int>{3});
        QVERIFY2(r.error.message.contains(QLatin1String("page(s) 3")), qPrintable(r.error.message));
        QCOMPARE(r.error.httpStatus, 500);
        QCOMPARE(r.rows, qint64(kSegments - 500));
        QCOMPARE(model.rowCount(), kSegments - 500);
        QCOMPARE(sim()->count(kLegacyList), qint64(21));
        QCOMPARE(sim()->count(kLegacyList + QStringLiteral("#5xx")), qint64(2));
        QCOMPARE(run.retriedPages, QList<int>{3});
        QCOMPARE(r.pages.at(2).attempts, 2);
        QCOMPARE(r.pages.at(0).attempts, 1);
    }

    void cancelStopsQueuedAndInFlight()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("latencyMs"), 300}});
        ZpaStack s(sim());
        s.api->setReadBudget(s.tenant.id, 3, 1000);
        ZpaSegmentLister lister(s.api.get());
        qint64 atCancel = -1;
        int rowsAfterCancel = 0;
        bool cancelled = false;
        bool endedByCancel = false;
        QObject ctx;
        connect(&lister, &ZpaSegmentLister::rowsArrived, &ctx, [&] {
            if (cancelled)
                ++rowsAfterCancel;
        });
        const zpatest::ListingRun run =
            zpatest::runListing(lister, s.legacy(), ZpaListOptions(), nullptr, 30'000, [&](ZpaSegmentLister &l) {
                atCancel = sim()->count(kLegacyList);
                cancelled = true;
                l.cancel();
                endedByCancel = !l.isRunning(); // at once: in-flight replies are not waited for
            });
        QVERIFY(run.finished);
        QCOMPARE(run.result.status, ZpaListResult::Status::Cancelled);
        QVERIFY(!lister.isRunning());
        QVERIFY(endedByCancel);
        // A request under the same pacing key queues behind whatever the listing left waiting,
        // and the listing's requests already sent are at the simulator before it is answered.
        const auto probe = [&] {
            bool answered = false;
            s.api->listSegmentsPageRaw(s.legacy(), 1, 1, QString(), ZpaMicrotenantChoice(), &ctx,
                                       [&](const HttpResponse &) { answered = true; });
            return QTest::qWaitFor([&] { return answered; }, 30'000);
        };
        QVERIFY(probe());
        const qint64 soon = sim()->count(kLegacyList) - 1;
        QVERIFY(probe());
        const qint64 later = sim()->count(kLegacyList) - 2;
        QCOMPARE(later, soon); // nothing queued went out after the cancel
        QVERIFY2(later <= atCancel + ZpaListOptions().maxInFlight, qPrintable(QStringLiteral("%1 %2").arg(atCancel).arg(later)));
        QVERIFY(later < 20);
        QCOMPARE(rowsAfterCancel, 0);
    }

    void microtenantChoicesPartitionTheSet()
    {
        ZpaStack s(sim());
        s.api->setReadBudget(s.tenant.id, 0, 0);
        bool done = false;
        ZpaReply<QList<ZpaMicrotenant>> mts;
        s.api->microtenants(s.legacy(), nullptr, [&](const ZpaReply<QList<ZpaMicrotenant>> &r) {
            mts = r;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30'000));
        QVERIFY2(mts.ok(), qPrintable(mts.error.toString()));
        QCOMPARE(mts.value.size(), 4);

        QSet<QString> seen;
        qint64 sum = 0;
        QList<ZpaMicrotenantChoice> choices;
        for (const ZpaMicrotenant &m : std::as_const(mts.value)) {
            ZpaMicrotenantChoice c;
            QVERIFY(ZpaMicrotenantChoice::parse(m.isDefault() ? QStringLiteral("default") : m.id, &c, nullptr));
            choices << c;
        }
        for (const ZpaMicrotenantChoice &c : std::as_const(choices)) {
            ZpaListOptions o;
            o.microtenant = c;
            AppSegmentTableModel model;
            const ZpaListResult r = listInto(s, s.legacy(), o, &model);
            QVERIFY2(r.complete() && !r.tenantChanged, qPrintable(r.error.toString()));
            QCOMPARE(r.rows, r.totalCount);
            // The simulator's data: 70 % Default, 10 % in each of the three others.
            QCOMPARE(r.rows, qint64(c.kind == ZpaMicrotenantChoice::Default ? 7000 : 1000));
            for (const AppSegment &a : model.segmentsInArrivalOrder()) {
                QCOMPARE(a.microtenantKey(), c.kind == ZpaMicrotenantChoice::Default ? QStringLiteral("0") : c.id);
                QVERIFY(!seen.contains(a.id()));
                seen.insert(a.id());
            }
            sum += r.rows;
        }
        QCOMPARE(sum, qint64(kSegments));
        QCOMPARE(seen.size(), kSegments);
        // An unknown microtenant id: the server's 400, nothing listed.
        ZpaListOptions bad;
        QVERIFY(ZpaMicrotenantChoice::parse(QStringLiteral("999"), &bad.microtenant, nullptr));
        const ZpaListResult r = listInto(s, s.legacy(), bad, nullptr);
        QCOMPARE(r.status, ZpaListResult::Status::Failed);
        QCOMPARE(r.error.httpStatus, 400);
    }

    void serverSideSearch()
    {
        QVERIFY(!m_all.isEmpty());
        ZpaStack s(sim());
        s.api->setReadBudget(s.tenant.id, 0, 0);
        // EQ on a name with spaces and non-ASCII text (percent-encoded in the query).
        QString name;
        for (const AppSegment &a : std::as_const(m_all))
            if (a.name().contains(QLatin1Char(' ')) && a.name().contains(QChar(0x00FC))) {
                name = a.name();
                break;
            }
        QVERIFY(!name.isEmpty());
        auto expected = [&](const std::function<bool(const QString &)> &match) {
            qint64 n = 0;
            for (const AppSegment &a : std::as_const(m_all))
                n += match(a.name()) ? 1 : 0;
            return n;
        };
        ZpaListOptions eq;
        eq.search = QStringLiteral("name+EQ+") + name;
        AppSegmentTableModel m1;
        ZpaListResult r = listInto(s, s.legacy(), eq, &m1);
        QVERIFY2(r.complete(), qPrintable(r.error.toString()));
        QCOMPARE(r.rows, expected([&](const QString &n) { return n.compare(name, Qt::CaseInsensitive) == 0; }));
        QVERIFY(r.rows >= 1);
        for (const AppSegment &a : m1.segmentsInArrivalOrder())
            QCOMPARE(a.name().toLower(), name.toLower());

        // CONTAINS with characters that need encoding ('&', '"'), explicit and as plain text.
        const QString part = QStringLiteral("& \"quotes\"");
        const qint64 want = expected([&](const QString &n) { return n.contains(part, Qt::CaseInsensitive); });
        QVERIFY(want > 500); // more than one page
        for (const QString &search : QStringList{QStringLiteral("name+CONTAINS+") + part, part}) {
            ZpaListOptions o;
            o.search = search;
            AppSegmentTableModel m2;
            r = listInto(s, s.oneApi(), o, &m2);
            QVERIFY2(r.complete() && !r.tenantChanged, qPrintable(r.error.toString()));
            QCOMPARE(r.rows, want);
            for (const AppSegment &a : m2.segmentsInArrivalOrder())
                QVERIFY(a.name().contains(part, Qt::CaseInsensitive));
        }
        // An unsupported operator: the server's 400, reported, not retried.
        ZpaListOptions bad;
        bad.search = QStringLiteral("name+GT+x");
        r = listInto(s, s.legacy(), bad, nullptr);
        QCOMPARE(r.status, ZpaListResult::Status::Failed);
        QCOMPARE(r.error.httpStatus, 400);
        QCOMPARE(r.requests, 1);
    }
};

QTEST_GUILESS_MAIN(TestZpaListing)
#include "tst_zpa_listing.moc"
