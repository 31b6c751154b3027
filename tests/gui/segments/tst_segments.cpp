// The App Segments page against the in-process simulator (`zconsole --demo` inside the test,
// 10,000 segments): a complete load through the page with rows appearing page by page (a
// QAbstractItemModelTester on the page's proxy), the instant filter, the detail panel, Ctrl+C,
// CSV/JSON export of the filtered view (parsed back), the column chooser (state kept for a new
// page instance), edit and delete through the segment editor, microtenant choices, server-side
// search, page retries and an incomplete listing named in the message bar, cancel with a partial
// list, errors, and the screenshot docs/screenshot-segments.png is made from.
#include "SegmentsTest.h"

void TestSegments::initTestCase()
{
    QString error;
    QVERIFY2(m_env.start(&error), qPrintable(error));
    m_client = DemoEnv::clientId(QStringLiteral("zpa-legacy"));
    QVERIFY(m_env.services()->store()->client(m_client));
    // No pacing by zconsole: the test reads the 10,000 segments many times.
    for (const QString &kind : {QStringLiteral("zpa-legacy"), QStringLiteral("oneapi-secret")})
        m_env.services()->zpa()->setReadBudget(DemoEnv::clientId(kind), 0, 0);
    m_window = new MainWindow(m_env.services());
    m_window->resize(1200, 750);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->showPage(MainWindow::SegmentsPageIndex);
    m_page = m_window->segmentsPage();
    QVERIFY(m_page);
    QVERIFY(m_page->isVisible());
    QVERIFY(m_page->setClient(m_client));
    QCOMPARE(m_page->clientId(), m_client);
}

void TestSegments::init()
{
    // Each test starts from the same toolbar, whatever the one before left behind.
    m_env.sim()->resetKnobs();
    m_page->microtenantCombo()->setCurrentIndex(0);
    m_page->searchEdit()->clear();
    m_page->filterEdit()->clear();
    Confirm::clearPreset();
    // Shortcuts need the window to be the active one (a dialog may have been on top).
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestSegments::cleanupTestCase()
{
    Confirm::clearPreset();
    delete m_window;
}

ZpaListResult TestSegments::loadAndWait(int timeoutMs)
{
    QSignalSpy done(m_page, &AppSegmentsPage::loadFinished);
    if (!m_page->loadButton()->isEnabled())
        return {};
    QTest::mouseClick(m_page->loadButton(), Qt::LeftButton);
    if (!m_page->isLoading() || !done.wait(timeoutMs))
        return {};
    return done.first().first().value<ZpaListResult>();
}

QStringList TestSegments::proxyColumn(int column, int role) const
{
    QStringList out;
    for (int r = 0; r < m_page->proxy()->rowCount(); ++r)
        out << m_page->proxy()->index(r, column).data(role).toString();
    return out;
}

void TestSegments::loadsEverySegmentIncrementally()
{
    QVERIFY(m_page->loadButton()->isEnabled());
    QVERIFY(!m_page->cancelButton()->isEnabled());
    QAbstractItemModelTester tester(m_page->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    int rowsAtFirstPage = -1;
    bool loadingAtFirstPage = false;
    bool writeDisabledWhileLoading = false;
    QStringList progressTexts;
    ZpaListProgress lastProgress;
    SegmentsService *zpa = m_env.services()->zpa();
    // The page's slots run first (connected first): at the first rowsInserted the page is
    // still loading and the rows of page 1 are in.
    QMetaObject::Connection c1 = connect(m_page->model(), &QAbstractItemModel::rowsInserted, this, [&] {
        if (rowsAtFirstPage < 0) {
            rowsAtFirstPage = m_page->model()->rowCount();
            loadingAtFirstPage = m_page->isLoading();
            writeDisabledWhileLoading = !m_page->newButton()->isEnabled() && !m_page->editButton()->isEnabled();
        }
    });
    QMetaObject::Connection c2 = connect(zpa, &SegmentsService::listProgress, this, [&](quint64, const ZpaListProgress &p) {
        lastProgress = p;
        progressTexts << m_page->progressText();
    });
    const ZpaListResult r = loadAndWait();
    disconnect(c1);
    disconnect(c2);
    QVERIFY2(r.complete(), qPrintable(r.error.toString()));
    QCOMPARE(r.totalCount, qint64(kSegments));
    QCOMPARE(m_page->model()->rowCount(), kSegments);
    QCOMPARE(m_page->proxy()->rowCount(), kSegments);
    QSet<QString> ids;
    for (const AppSegment &s : m_page->model()->segmentsInArrivalOrder())
        ids.insert(s.id());
    QCOMPARE(ids.size(), kSegments);
    // Rows appeared while the listing ran; progress reached the total.
    QVERIFY2(rowsAtFirstPage > 0 && rowsAtFirstPage < kSegments, qPrintable(QString::number(rowsAtFirstPage)));
    QVERIFY(loadingAtFirstPage);
    QVERIFY(writeDisabledWhileLoading);
    QCOMPARE(lastProgress.pagesTotal, 20);
    QCOMPARE(lastProgress.pagesDone, lastProgress.pagesTotal);
    QCOMPARE(lastProgress.rows, qint64(kSegments));
    QVERIFY2(!progressTexts.isEmpty() && progressTexts.last().startsWith(QStringLiteral("20 / 20 pages — 10000 segments")),
             qPrintable(progressTexts.join(QLatin1Char('|'))));
    QCOMPARE(m_page->progressText(), QStringLiteral("Complete: 20 pages read"));
    QVERIFY(!m_page->isLoading());
    QVERIFY(!m_page->messageBar()->isVisible());
    QCOMPARE(m_page->loadButton()->text(), QStringLiteral("Re&load"));
    QCOMPARE(m_page->countText(), QStringLiteral("10000 segments"));
    QCOMPARE(m_page->model()->sortColumn(), int(AppSegmentTableModel::Name)); // sorted as the rows came
    m_all = m_page->model()->segmentsInArrivalOrder();
}

void TestSegments::screenshot()
{
    // F5 reloads.
    QSignalSpy done(m_page, &AppSegmentsPage::loadFinished);
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_F5);
    QVERIFY(m_page->isLoading());
    QVERIFY(done.wait(60'000));
    const ZpaListResult r = done.first().first().value<ZpaListResult>();
    QVERIFY2(r.complete(), qPrintable(r.error.toString()));
    QVERIFY(m_page->model()->rowCount() >= kSegments - 1);
    m_page->filterEdit()->setText(QStringLiteral("portal"));
    QVERIFY(m_page->proxy()->rowCount() > 20);
    QVERIFY(m_page->selectId(m_page->proxy()->index(5, 0).data(IdRole).toString()));
    m_page->view()->setFocus();
    m_window->resize(1200, 750);
    QTRY_VERIFY(!m_page->detail()->segmentId().isEmpty());
    deliverPosted();
    const QString dir = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    const QString file = dir + QStringLiteral("/segments.png");
    QFile::remove(file);
    QVERIFY(m_window->grab().save(file, "PNG"));
    QVERIFY(QFile::exists(file));
    const QImage img(file);
    QVERIFY(!img.isNull());
    QVERIFY(maxDistinctColoursInARow(img) > 8);
}

void TestSegments::activeTenantClientsComeFirst()
{
    // Another tenant whose ZPA client sorts first by name: the active tenant's clients still lead,
    // and a client of the other tenant shows a problem instead of a request (no customer id).
    TenantStore *store = m_env.services()->store();
    const StoreResult tr = store->addTenant(makeTenant(QStringLiteral("Another Corp")));
    QVERIFY(tr.ok);
    const StoreResult cr = store->addClient(makeClient(tr.id, QStringLiteral("aaa-other-zpa"), AuthKind::ZpaLegacy));
    QVERIFY(cr.ok);
    ClientCombo *combo = m_page->clientCombo();
    QTRY_COMPARE(combo->clientCount(), 4); // zpa-legacy, oneapi-secret, oneapi-jwt + the other one
    QCOMPARE(m_page->clientId(), m_client); // the choice is kept
    const QString active = m_env.tenantId();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(store->client(combo->itemData(i).toString())->tenantId, active);
    QCOMPARE(combo->itemData(3).toString(), cr.id);
    QVERIFY(m_page->setClient(cr.id));
    QTest::mouseClick(m_page->loadButton(), Qt::LeftButton);
    QVERIFY(!m_page->isLoading());
    QCOMPARE(m_page->messageBar()->type(), MessageBar::Type::Error);
    QVERIFY2(m_page->messageBar()->text().contains(QStringLiteral("no ZPA customer id")), qPrintable(m_page->messageBar()->text()));
    QCOMPARE(m_page->model()->rowCount(), 0); // the other tenant's rows are not this one's
    QVERIFY(!m_page->newButton()->isEnabled());
    QVERIFY(store->removeTenant(tr.id).ok);
    QTRY_COMPARE(combo->clientCount(), 3);
    QVERIFY(m_page->setClient(m_client));
}

QTEST_MAIN(TestSegments)
