// The arithmetic and bookkeeping of a complete ZPA listing (ZpaListLedger), without a network:
// planning from page 1's totals (strings, absurd, negative, inconsistent, missing), the server
// serving fewer rows per page than asked, the hard cap, dedupe by id, completeness, retries per
// page (failed attempts, short and repeated pages), totals that move during the read.
#include "api/ZpaListLedger.h"
#include "core/AppSegmentPage.h"

#include <QJsonObject>
#include <QTest>

using namespace zc;
using Verdict = ZpaListLedger::Verdict;

namespace {

// A parsed page of `n` rows with ids first, first+1, …
AppSegmentPage page(int first, int n, qint64 totalCount, qint64 totalPages = -1)
{
    AppSegmentPage p;
    p.ok = true;
    p.totalCount = totalCount;
    p.totalPages = totalPages;
    for (int i = 0; i < n; ++i)
        p.rows.append(AppSegment::fromJson(QJsonObject{{QStringLiteral("id"), QString::number(first + i)},
                                                       {QStringLiteral("name"), QStringLiteral("s%1").arg(first + i)}}));
    return p;
}

ApiError networkError()
{
    return ApiError::make(ErrorKind::Network, QStringLiteral("connection reset"));
}

// Hands out every page now available and answers it from `answer` until the ledger is idle.
void drain(ZpaListLedger &l, const std::function<AppSegmentPage(int)> &answer)
{
    for (int guard = 0; guard < 10000 && !l.isIdle(); ++guard) {
        const int pg = l.nextPage();
        if (pg == 0)
            break;
        QList<AppSegment> fresh;
        l.pageArrived(pg, answer(pg), 1, &fresh);
    }
}

} // namespace

class TestZpaListing : public QObject
{
    Q_OBJECT
private slots:
    void planArithmetic_data()
    {
        QTest::addColumn<qint64>("totalPages");
        QTest::addColumn<qint64>("totalCount");
        QTest::addColumn<int>("rows1");
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("rowsPerPage");
        QTest::addColumn<bool>("probe");
        QTest::addColumn<bool>("capped");
        QTest::addColumn<int>("problems");
        QTest::newRow("consistent") << 20LL << 10000LL << 500 << 20 << 500 << false << false << 0;
        QTest::newRow("remainder") << 21LL << 10001LL << 500 << 21 << 500 << false << false << 0;
        QTest::newRow("one short page") << 1LL << 7LL << 7 << 1 << 500 << false << false << 0;
        QTest::newRow("empty tenant") << 0LL << 0LL << 0 << 1 << 500 << false << false << 0;
        QTest::newRow("empty tenant, totalPages 1") << 1LL << 0LL << 0 << 1 << 500 << false << false << 0;
        QTest::newRow("totalPages disagrees") << 25LL << 10000LL << 500 << 20 << 500 << false << false << 1;
        QTest::newRow("totalPages absurd (parser gave -1)") << -1LL << 10000LL << 500 << 20 << 500 << false << false << 0;
        QTest::newRow("only totalPages") << 20LL << -1LL << 500 << 20 << 500 << false << false << 0;
        QTest::newRow("short page 1 but more pages") << 3LL << -1LL << 10 << 3 << 500 << false << false << 1;
        QTest::newRow("no totals, full page") << -1LL << -1LL << 500 << 1 << 500 << true << false << 1;
        QTest::newRow("no totals, short page") << -1LL << -1LL << 42 << 1 << 500 << false << false << 0;
        // zscaler-sdk-python#373: the server serves 100 per page although 500 were asked.
        QTest::newRow("server serves 100") << 100LL << 10000LL << 100 << 100 << 100 << false << false << 1;
        QTest::newRow("capped") << -1LL << 10'000'000LL << 500 << 100 << 500 << false << true << 1;
    }
    void planArithmetic()
    {
        QFETCH(qint64, totalPages);
        QFETCH(qint64, totalCount);
        QFETCH(int, rows1);
        QFETCH(int, problems);
        const ZpaListLedger::Plan p = ZpaListLedger::plan(totalPages, totalCount, rows1, 500, 100);
        QTEST(p.pages, "pages");
        QTEST(p.rowsPerPage, "rowsPerPage");
        QTEST(p.probe, "probe");
        QTEST(p.capped, "capped");
        QVERIFY2(p.problems.size() == problems, qPrintable(p.problems.join(QLatin1Char('|'))));
    }

    // Absurd totals as they come from the parser: "999999", negative, not a number.
    void absurdTotalsThroughTheParser()
    {
        const AppSegmentPage p = AppSegmentPage::parse(
            R"({"totalPages":"999999","totalCount":"12","list":[{"id":"1"},{"id":"2"},{"id":"3"},{"id":"4"},{"id":"5"}]})",
            nullptr, 20000);
        QVERIFY(p.ok);
        QCOMPARE(p.totalPages, qint64(-1)); // above the bound: reported and not used
        QVERIFY(!p.problems.isEmpty());
        ZpaListLedger l(5, 20000, 3);
        QCOMPARE(l.nextPage(), 1);
        AppSegmentPage copy = p;
        QCOMPARE(l.pageArrived(1, std::move(copy), 1, nullptr), Verdict::Accepted);
        QCOMPARE(l.plannedPages(), 3); // ceil(12 / 5)
        const AppSegmentPage neg = AppSegmentPage::parse(R"({"totalPages":"-4","totalCount":"-1","list":[]})");
        QCOMPARE(neg.totalPages, qint64(-1));
        QCOMPARE(neg.totalCount, qint64(-1));
        QCOMPARE(neg.problems.size(), 2);
    }

    void completeListingEveryRowOnce()
    {
        ZpaListLedger l(5, 100, 3);
        QCOMPARE(l.nextPage(), 1);
        QCOMPARE(l.nextPage(), 0); // page 1 alone until its totals are known
        QList<AppSegment> fresh;
        QCOMPARE(l.pageArrived(1, page(1, 5, 13, 3), 1, &fresh), Verdict::Accepted);
        QCOMPARE(fresh.size(), 5);
        QCOMPARE(l.plannedPages(), 3);
        QCOMPARE(l.nextPage(), 2);
        QCOMPARE(l.nextPage(), 3);
        QCOMPARE(l.nextPage(), 0);
        QCOMPARE(l.inFlight(), 2);
        // Out of order.
        QCOMPARE(l.pageArrived(3, page(11, 3, 13, 3), 1, &fresh), Verdict::Accepted);
        QCOMPARE(fresh.size(), 3);
        QCOMPARE(l.pageArrived(2, page(6, 5, 13, 3), 2, &fresh), Verdict::Accepted);
        QVERIFY(l.isIdle());
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Complete);
        QCOMPARE(r.rows, qint64(13));
        QCOMPARE(r.duplicates, qint64(0));
        QVERIFY(!r.tenantChanged);
        QCOMPARE(r.sends, 4);
        QCOMPARE(r.requests, 3);
        QCOMPARE(r.pages.size(), 3);
        QCOMPARE(r.pages.at(1).sends, 2);
        QVERIFY(r.problems.isEmpty());
    }

    void manyPages()
    {
        // 400 pages: the bookkeeping grows while page 1 is being accepted (a reference into it
        // must not dangle; ASan found that once).
        ZpaListLedger l(5, 1000, 2);
        drain(l, [](int pg) { return page(pg * 5 - 4, 5, 2000); });
        const ZpaListResult r = l.result(false);
        QVERIFY2(r.complete(), qPrintable(r.error.message));
        QCOMPARE(r.rows, qint64(2000));
        QCOMPARE(r.pagesRead, 400);
        QVERIFY(r.missingPages.isEmpty());
        QVERIFY(r.pages.first().done);
    }

    void failedPageRetriedAloneThenMissing()
    {
        ZpaListLedger l(5, 100, 3);
        l.nextPage();
        l.pageArrived(1, page(1, 5, 15), 1, nullptr);
        QCOMPARE(l.nextPage(), 2);
        QCOMPARE(l.nextPage(), 3);
        QCOMPARE(l.pageFailed(2, networkError(), true, 5), Verdict::Retry);
        QCOMPARE(l.attempts(2), 1);
        QVERIFY(!l.isIdle()); // page 2 waits for its retry
        QCOMPARE(l.pageArrived(3, page(11, 5, 15), 1, nullptr), Verdict::Accepted);
        QCOMPARE(l.nextPage(), 0); // still waiting
        l.requeue(2);
        QCOMPARE(l.nextPage(), 2); // only page 2 again, never page 1
        QCOMPARE(l.attempts(2), 2);
        QCOMPARE(l.pageFailed(2, networkError(), true, 1), Verdict::Retry);
        l.requeue(2);
        QCOMPARE(l.nextPage(), 2);
        QCOMPARE(l.pageFailed(2, networkError(), true, 1), Verdict::GiveUp); // 3 attempts
        QVERIFY(l.isIdle());
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Incomplete);
        QCOMPARE(r.missingPages, QList<int>{2});
        QVERIFY2(r.error.message.contains(QLatin1String("page(s) 2")), qPrintable(r.error.message));
        QCOMPARE(r.error.kind, ErrorKind::Network);
        QCOMPARE(r.pageRetries, 2);
        QCOMPARE(r.pages.at(0).attempts, 1);
        QCOMPARE(r.pages.at(1).attempts, 3);
        QCOMPARE(r.pages.at(1).sends, 7);
        QCOMPARE(r.rows, qint64(10));
    }

    void retriedPageCompletes()
    {
        ZpaListLedger l(5, 100, 4);
        l.nextPage();
        l.pageArrived(1, page(1, 5, 10), 1, nullptr);
        QCOMPARE(l.nextPage(), 2);
        QCOMPARE(l.pageFailed(2, ApiError::make(ErrorKind::Parse, QStringLiteral("cut")), true, 1), Verdict::Retry);
        l.requeue(2);
        QCOMPARE(l.nextPage(), 2);
        QCOMPARE(l.pageArrived(2, page(6, 5, 10), 1, nullptr), Verdict::Accepted);
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Complete);
        QCOMPARE(r.rows, qint64(10));
        QCOMPARE(r.pageRetries, 1);
        QCOMPARE(r.pages.at(1).lastError, QStringLiteral("cut"));
    }

    void notRetryableGivesUpAtOnce()
    {
        ZpaListLedger l(5, 100, 4);
        l.nextPage();
        ApiError e = ApiError::make(ErrorKind::Api, QStringLiteral("bad search"));
        e.httpStatus = 400;
        QCOMPARE(l.pageFailed(1, e, false, 1), Verdict::GiveUp);
        QVERIFY(l.isIdle());
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Failed);
        QCOMPARE(r.error.httpStatus, 400);
    }

    void dedupeAndTenantChanged()
    {
        ZpaListLedger l(5, 100, 2);
        l.nextPage();
        l.pageArrived(1, page(1, 5, 10), 1, nullptr);
        QCOMPARE(l.nextPage(), 2);
        // A segment was inserted before page 2 was read: it holds id 5 again and one more row.
        QList<AppSegment> fresh;
        QCOMPARE(l.pageArrived(2, page(5, 5, 11), 1, &fresh), Verdict::Accepted);
        QCOMPARE(fresh.size(), 4);
        QCOMPARE(fresh.first().id(), QStringLiteral("6"));
        QCOMPARE(l.nextPage(), 3); // the grown total adds page 3
        QCOMPARE(l.pageArrived(3, page(10, 1, 11), 1, &fresh), Verdict::Accepted);
        QVERIFY(l.isIdle());
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Complete);
        QCOMPARE(r.rows, qint64(10));
        QCOMPARE(r.duplicates, qint64(1));
        QVERIFY(r.tenantChanged);
        QCOMPARE(r.lastTotalCount, qint64(11));
        QVERIFY(r.problems.join(QLatin1Char('\n')).contains(QLatin1String("changed from 10 to 11")));
    }

    void uniqueCountDiffersFromTotal()
    {
        ZpaListLedger l(5, 100, 2);
        drain(l, [](int pg) { return pg == 1 ? page(1, 5, 9) : page(6, 3, 9); });
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Complete);
        QCOMPARE(r.rows, qint64(8));
        QVERIFY(r.tenantChanged);
        QVERIFY(r.problems.last().contains(QLatin1String("8 unique rows")));
    }

    void shortOrRepeatedPageIsRequestedAgain()
    {
        ZpaListLedger l(5, 100, 2);
        l.nextPage();
        l.pageArrived(1, page(1, 5, 15), 1, nullptr);
        QCOMPARE(l.nextPage(), 2);
        QCOMPARE(l.nextPage(), 3);
        // Page 2 is short although page 3 exists: suspicious, asked again.
        QList<AppSegment> fresh;
        QCOMPARE(l.pageArrived(2, page(6, 2, 15), 1, &fresh), Verdict::Retry);
        QVERIFY(fresh.isEmpty());
        // Page 3 repeats page 1: asked again.
        QCOMPARE(l.pageArrived(3, page(1, 5, 15), 1, &fresh), Verdict::Retry);
        l.requeue(2);
        l.requeue(3);
        QCOMPARE(l.nextPage(), 3); // retries first, latest first
        QCOMPARE(l.nextPage(), 2);
        QCOMPARE(l.pageArrived(2, page(6, 5, 15), 1, &fresh), Verdict::Accepted);
        QCOMPARE(fresh.size(), 5);
        // Still a repeat on the last attempt: kept (nothing new) and reported.
        QCOMPARE(l.pageArrived(3, page(1, 5, 15), 1, &fresh), Verdict::Accepted);
        QVERIFY(fresh.isEmpty());
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Complete);
        QCOMPARE(r.rows, qint64(10));
        QVERIFY(r.tenantChanged); // 10 unique rows for totalCount 15
        QVERIFY(r.problems.join(QLatin1Char('\n')).contains(QLatin1String("came on another page already")));
    }

    void emptyPageBeforeTheLast()
    {
        ZpaListLedger l(5, 100, 2);
        l.nextPage();
        l.pageArrived(1, page(1, 5, 15), 1, nullptr);
        QCOMPARE(l.nextPage(), 2);
        QCOMPARE(l.pageArrived(2, page(6, 0, 15), 1, nullptr), Verdict::Retry);
        l.requeue(2);
        QCOMPARE(l.nextPage(), 2); // the retry goes first
        QCOMPARE(l.nextPage(), 3);
        QCOMPARE(l.pageArrived(2, page(6, 5, 15), 1, nullptr), Verdict::Accepted);
        QCOMPARE(l.pageArrived(3, page(11, 5, 15), 1, nullptr), Verdict::Accepted);
        const ZpaListResult r = l.result(false);
        QVERIFY(r.complete());
        QCOMPARE(r.rows, qint64(15));
        QVERIFY(!r.tenantChanged);
        QCOMPARE(r.pages.at(1).lastError, QStringLiteral("page 2 holds 0 rows, 5 expected"));
    }

    void fullLastPageReadsOn()
    {
        // totalCount 12 (3 pages of 5; totalPages says 2), but page 3 is full and the rows go on.
        ZpaListLedger l(5, 100, 2);
        drain(l, [](int pg) { return pg <= 3 ? page(pg * 5 - 4, 5, 12, 2) : page(16, 2, 12, 2); });
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Complete);
        QCOMPARE(r.rows, qint64(17));
        QCOMPARE(r.pagesPlanned, 4);
        QVERIFY(r.tenantChanged);
    }

    void noTotalsProbeUntilShortPage()
    {
        ZpaListLedger l(5, 100, 2);
        drain(l, [](int pg) { return pg < 4 ? page(pg * 5 - 4, 5, -1) : page(16, pg == 4 ? 3 : 0, -1); });
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Complete);
        QCOMPARE(r.rows, qint64(18));
        QCOMPARE(r.pagesPlanned, 4);
        QVERIFY(!r.tenantChanged);
    }

    void hardCapMakesItIncomplete()
    {
        ZpaListLedger l(5, 3, 2);
        drain(l, [](int pg) { return page(pg * 5 - 4, 5, 1000); });
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Incomplete);
        QVERIFY(r.capped);
        QCOMPARE(r.pagesRead, 3);
        QVERIFY(r.error.message.contains(QLatin1String("limit of 3")));
    }

    void abortMarksTheRestMissing()
    {
        ZpaListLedger l(5, 100, 2);
        l.nextPage();
        l.pageArrived(1, page(1, 5, 25), 1, nullptr);
        QCOMPARE(l.nextPage(), 2);
        l.abort(ApiError::make(ErrorKind::Authentication, QStringLiteral("refused")), true);
        QCOMPARE(l.nextPage(), 0);
        QVERIFY(l.isIdle());
        const ZpaListResult r = l.result(false);
        QCOMPARE(r.status, ZpaListResult::Status::Incomplete);
        QCOMPARE(r.missingPages, (QList<int>{2, 3, 4, 5}));
        QCOMPARE(r.error.kind, ErrorKind::Authentication);
        QCOMPARE(l.result(true).status, ZpaListResult::Status::Cancelled);
    }

    void progressNumbers()
    {
        ZpaListLedger l(5, 100, 2);
        QCOMPARE(l.progress().pagesTotal, -1);
        l.nextPage();
        l.pageArrived(1, page(1, 5, 12), 1, nullptr);
        const ZpaListProgress p = l.progress();
        QCOMPARE(p.pagesDone, 1);
        QCOMPARE(p.pagesTotal, 3);
        QCOMPARE(p.rows, qint64(5));
        QCOMPARE(p.totalCount, qint64(12));
    }

    void pagesText()
    {
        QCOMPARE(ZpaListResult::pagesText({3, 7, 8, 9, 12}), QStringLiteral("3, 7-9, 12"));
        QCOMPARE(ZpaListResult::pagesText({}), QString());
    }
};

QTEST_GUILESS_MAIN(TestZpaListing)
#include "tst_zpalisting.moc"
