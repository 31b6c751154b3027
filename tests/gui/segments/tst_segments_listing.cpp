// gui_segments: microtenant choices, server-side search, page retries and an incomplete listing,
// cancel with a partial list, errors, a tenant that changed during the read. See SegmentsTest.h.
#include "SegmentsTest.h"

#include <QThreadPool>

void TestSegments::microtenantChoiceChangesCount()
{
    QComboBox *mt = m_page->microtenantCombo();
    QTRY_COMPARE_WITH_TIMEOUT(mt->count(), 5, 20'000); // All, Default and the three others
    QCOMPARE(mt->itemData(0).toString(), QStringLiteral("all"));
    QCOMPARE(mt->itemData(1).toString(), QStringLiteral("default"));
    // The simulator: 70 % Default, 10 % in each of the three others (one deleted above).
    const QString deletedKey = m_deleted.id().isEmpty() ? QString() : m_deleted.microtenantKey();
    const int deletedDefault = deletedKey == QLatin1String("0") ? 1 : 0;
    qint64 sum = 0;
    for (int i = 1; i < mt->count(); ++i) {
        mt->setCurrentIndex(i);
        const ZpaListResult r = loadAndWait();
        QVERIFY2(r.complete(), qPrintable(r.error.toString()));
        const int rows = m_page->model()->rowCount();
        QCOMPARE(qint64(rows), r.totalCount);
        const QString key = i == 1 ? QStringLiteral("0") : mt->itemData(i).toString();
        for (const AppSegment &s : m_page->model()->segmentsInArrivalOrder())
            QCOMPARE(s.microtenantKey(), key);
        if (i == 1)
            QCOMPARE(rows, 7000 - deletedDefault);
        else
            QCOMPARE(rows, 1000 - (deletedKey == key ? 1 : 0));
        sum += rows;
    }
    QCOMPARE(sum, qint64(kSegments - (m_deleted.id().isEmpty() ? 0 : 1)));
    mt->setCurrentIndex(0);
}

void TestSegments::serverSideSearch()
{
    const QString part = QStringLiteral("& \"quotes\"");
    qint64 want = 0;
    for (const AppSegment &a : std::as_const(m_all))
        want += a.name().contains(part, Qt::CaseInsensitive) ? 1 : 0;
    QVERIFY(want > 500); // more than one page
    if (m_deleted.name().contains(part, Qt::CaseInsensitive))
        --want;
    m_page->searchEdit()->setText(part);
    const ZpaListResult r = loadAndWait();
    QVERIFY2(r.complete(), qPrintable(r.error.toString()));
    const int rows = m_page->model()->rowCount();
    QCOMPARE(qint64(rows), want);
    for (const AppSegment &s : m_page->model()->segmentsInArrivalOrder())
        QVERIFY(s.name().contains(part, Qt::CaseInsensitive));
    m_page->searchEdit()->clear();
}

void TestSegments::retriesAndIncompleteListingNamed()
{
    // Every request after page 1 fails (500): each page is requested again, then the listing
    // ends Incomplete with the missing pages named.
    QJsonArray nth;
    for (int i = 2; i <= 400; ++i)
        nth.append(i);
    m_env.sim()->resetCounters();
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                       QJsonArray{QJsonObject{{QStringLiteral("route"), kLegacyList},
                                                              {QStringLiteral("kind"), QStringLiteral("500")},
                                                              {QStringLiteral("nth"), nth}}}}});
    bool sawRetry = false;
    // The page's slot runs first (connected first).
    QMetaObject::Connection c = connect(m_env.services()->zpa(), &SegmentsService::pageRetry, this, [&] {
        sawRetry = sawRetry || (m_page->messageBar()->isVisible() && m_page->messageBar()->text().contains(QStringLiteral("requested again")));
    });
    const ZpaListResult r = loadAndWait(150'000);
    disconnect(c);
    m_env.sim()->resetKnobs();
    QCOMPARE(r.status, ZpaListResult::Status::Incomplete);
    QVERIFY(sawRetry);
    QCOMPARE(m_page->model()->rowCount(), 500); // page 1
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Warning);
    const QString text = m_page->messageBar()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Incomplete: 500 of")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("pages 2-20")), qPrintable(text));
}

void TestSegments::cancelMidLoadKeepsPartialList()
{
    // Slow the listing down (4 requests a second) so that Esc lands in the middle.
    SegmentsService *zpa = m_env.services()->zpa();
    zpa->setReadBudget(m_client, 4, 1000);
    QSignalSpy done(m_page, &AppSegmentsPage::loadFinished);
    QTest::mouseClick(m_page->loadButton(), Qt::LeftButton);
    QVERIFY(m_page->isLoading());
    QVERIFY(m_page->cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->rowCount() >= 1000, 30'000);
    QVERIFY(m_page->isLoading());
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Escape);
    QVERIFY(done.wait(20'000));
    zpa->setReadBudget(m_client, 0, 0);
    const ZpaListResult r = done.first().first().value<ZpaListResult>();
    QCOMPARE(r.status, ZpaListResult::Status::Cancelled);
    const int rows = m_page->model()->rowCount();
    QVERIFY2(rows >= 1000 && rows < kSegments, qPrintable(QString::number(rows)));
    QVERIFY(!m_page->isLoading());
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Info);
    QVERIFY2(m_page->messageBar()->text().startsWith(QStringLiteral("Cancelled: %1 of").arg(rows)), qPrintable(m_page->messageBar()->text()));
    QVERIFY(m_page->loadButton()->isEnabled());
    // Rows of the cancelled listing still in the queue never arrive later: pages still being
    // parsed in the pool finish, the worker runs what they queued there, and what it sent here
    // is delivered.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(60'000));
    QVERIFY(drainWorker(m_env.services()->sessionWorker()));
    deliverPosted();
    QCOMPARE(m_page->model()->rowCount(), rows);
}

void TestSegments::errorsAreClear()
{
    TenantStore *store = m_env.services()->store();
    const QString tenantId = m_env.tenantId();
    Tenant t = *store->tenant(tenantId);
    const QString customer = t.zpaCustomerId;
    t.zpaCustomerId.clear();
    QVERIFY(store->updateTenant(t).ok);
    QTest::mouseClick(m_page->loadButton(), Qt::LeftButton);
    QVERIFY(!m_page->isLoading());
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Error);
    QVERIFY2(m_page->messageBar()->text().contains(QStringLiteral("no ZPA customer id")), qPrintable(m_page->messageBar()->text()));
    t.zpaCustomerId = customer;
    QVERIFY(store->updateTenant(t).ok);

    // A 403 on page 1: the listing fails with a message that says what to check.
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                       QJsonArray{QJsonObject{{QStringLiteral("route"), kLegacyList},
                                                              {QStringLiteral("kind"), QStringLiteral("readonly")},
                                                              {QStringLiteral("count"), 50}}}}});
    const ZpaListResult r = loadAndWait();
    QCOMPARE(r.status, ZpaListResult::Status::Failed);
    QCOMPARE(r.error.httpStatus, 403);
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Error);
    QVERIFY2(m_page->messageBar()->text().contains(QStringLiteral("403")), qPrintable(m_page->messageBar()->text()));
    QVERIFY(m_page->loadButton()->isEnabled());
    m_env.sim()->resetKnobs();
}

void TestSegments::tenantChangedDuringReadIsWarned()
{
    // A segment is created while a slow listing runs: the totals move between pages.
    SegmentsService *zpa = m_env.services()->zpa();
    zpa->setReadBudget(m_client, 4, 1000);
    QSignalSpy done(m_page, &AppSegmentsPage::loadFinished);
    QSignalSpy created(zpa, &SegmentsService::editFinished);
    QTest::mouseClick(m_page->loadButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->rowCount() >= 500, 30'000);
    AppSegment fresh = m_all.at(300);
    fresh.setId(QString());
    fresh.setName(QStringLiteral("created while listing"));
    fresh.setDomainNames({QStringLiteral("created-while-listing.gui.example")});
    ZpaEditRequest req;
    req.action = ZpaEditRequest::Action::Create;
    req.clientId = m_client;
    req.edited = fresh;
    req.tag = 4242;
    zpa->submitEdit(req);
    QVERIFY(created.wait(20'000));
    const ZpaEditResult cr = created.first().first().value<ZpaEditResult>();
    QVERIFY2(cr.outcome == ZpaEditResult::Outcome::Done, qPrintable(cr.error.toString() + ZpaEditResult::outcomeName(cr.outcome)));
    QVERIFY(done.wait(60'000));
    zpa->setReadBudget(m_client, 0, 0);
    const ZpaListResult r = done.first().first().value<ZpaListResult>();
    QVERIFY2(r.tenantChanged, qPrintable(r.problems.join(QLatin1Char('\n'))));
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Warning);
    QVERIFY2(m_page->messageBar()->isVisible() && m_page->messageBar()->text().contains(QStringLiteral("changed while it was read")),
             qPrintable(m_page->messageBar()->text()));
}
