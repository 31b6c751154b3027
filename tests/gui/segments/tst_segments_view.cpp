// gui_segments: the instant filter, the detail panel, Ctrl+C, CSV/JSON export of the filtered
// view (parsed back) and the column chooser. See SegmentsTest.h.
#include "SegmentsTest.h"

void TestSegments::instantFilterNarrowsRows()
{
    QVERIFY(!m_all.isEmpty());
    // Ctrl+F focuses the filter box.
    m_page->view()->setFocus();
    QTest::keySequence(m_page->view(), QKeySequence::Find);
    QTRY_VERIFY(m_page->filterEdit()->hasFocus());
    // By the domain of one segment.
    const QString domain = m_all.at(1234).domainNames().value(0);
    QVERIFY(!domain.isEmpty());
    QTest::keyClicks(m_page->filterEdit(), domain);
    const int shown = m_page->proxy()->rowCount();
    QVERIFY2(shown >= 1 && shown < kSegments, qPrintable(QString::number(shown)));
    for (int r = 0; r < shown; ++r) {
        const AppSegment *s = m_page->model()->segmentById(m_page->proxy()->index(r, 0).data(IdRole).toString());
        QVERIFY(s);
        const QString hay = (s->name() + QLatin1Char(' ') + s->domainsText() + QLatin1Char(' ') + s->segmentGroupName() + QLatin1Char(' ')
                             + s->serverGroupsText() + QLatin1Char(' ') + s->microtenantDisplay()).toLower();
        QVERIFY2(hay.contains(domain.toLower()), qPrintable(hay));
    }
    QVERIFY2(m_page->countText().contains(QStringLiteral("of 10000")), qPrintable(m_page->countText()));
    m_page->filterEdit()->clear();
    QCOMPARE(m_page->proxy()->rowCount(), kSegments);
}

void TestSegments::detailPanelShowsSelectedSegment()
{
    const AppSegment &s = m_all.at(42);
    QVERIFY(m_page->selectId(s.id()));
    QCOMPARE(m_page->currentId(), s.id());
    QCOMPARE(m_page->detail()->segmentId(), s.id());
    const QString text = m_page->detail()->toPlainText();
    QVERIFY2(text.contains(s.domainNames().value(0)), qPrintable(text));
    QVERIFY(text.contains(s.id()));
    QVERIFY(text.contains(s.name()));
    QVERIFY(text.contains(s.segmentGroupName()));
    QVERIFY(text.contains(QStringLiteral("Modified")));
    QVERIFY(m_page->detail()->textInteractionFlags() & Qt::TextSelectableByMouse);
}

void TestSegments::copyPutsTsvOnClipboard()
{
    QItemSelectionModel *sel = m_page->view()->selectionModel();
    sel->clearSelection();
    for (int r : {3, 4, 7})
        sel->select(m_page->proxy()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QApplication::clipboard()->clear();
    m_page->view()->setFocus();
    QTest::keySequence(m_page->view(), QKeySequence::Copy);
    const QString text = QApplication::clipboard()->text();
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    const QStringList header = lines.first().split(QLatin1Char('\t'));
    QCOMPARE(header.first(), QStringLiteral("Name"));
    QVERIFY(!header.contains(QStringLiteral("Id"))); // hidden column
    int i = 1;
    for (int r : {3, 4, 7}) {
        const QStringList cells = lines.at(i++).split(QLatin1Char('\t'));
        QCOMPARE(cells.size(), header.size());
        QCOMPARE(cells.first(), m_page->proxy()->index(r, AppSegmentTableModel::Name).data().toString().replace(QLatin1Char('\t'), QLatin1Char(' ')));
    }
}

void TestSegments::exportCsvAndJsonOfFilteredView()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_page->filterEdit()->setText(QStringLiteral("corp"));
    m_page->view()->sortByColumn(AppSegmentTableModel::Modified, Qt::DescendingOrder);
    const int shown = m_page->proxy()->rowCount();
    QVERIFY2(shown > 1 && shown < kSegments, qPrintable(QString::number(shown)));
    const QString csvPath = dir.filePath(QStringLiteral("view.csv"));
    const QString jsonPath = dir.filePath(QStringLiteral("view.json"));
    m_page->setSavePathHook([&](ExportTable::Format f) { return f == ExportTable::Format::Csv ? csvPath : jsonPath; });
    QVERIFY(m_page->exportButton()->isEnabled());
    const QList<QAction *> actions = m_page->exportButton()->menu()->actions();
    QCOMPARE(actions.size(), 2);
    actions.at(0)->trigger();
    QTRY_VERIFY(QFile::exists(csvPath));
    QTRY_VERIFY(m_page->messageBar()->text().contains(QStringLiteral("Exported %1 rows").arg(shown)));
    actions.at(1)->trigger();
    QTRY_VERIFY(QFile::exists(jsonPath));

    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    const QList<QStringList> rows = parseCsv(bytes);
    QCOMPARE(rows.size(), shown + 1);
    QCOMPARE(rows.first().first(), QStringLiteral("Name"));
    const int domainsCol = int(rows.first().indexOf(QStringLiteral("Domains")));
    QVERIFY(domainsCol > 0);
    const QStringList names = proxyColumn(AppSegmentTableModel::Name);
    const QStringList domains = proxyColumn(AppSegmentTableModel::Domains);
    // Expectations from the simulator's data set (src/sim/DataGenZpa.cpp, oddName): the only
    // names that start like a formula are "=cmd|' /C calc'!A0 <n>"; they are exported behind an
    // apostrophe, every other name and every domain exactly as the view shows it.
    const QString dde = QStringLiteral("=cmd|' /C calc'!A0 ");
    int neutralised = 0;
    for (int r = 0; r < shown; ++r) {
        const bool formula = names.at(r).startsWith(dde);
        neutralised += formula ? 1 : 0;
        QCOMPARE(rows.at(r + 1).first(), formula ? QLatin1Char('\'') + names.at(r) : names.at(r));
        QCOMPARE(rows.at(r + 1).at(domainsCol), domains.at(r));
    }
    QVERIFY2(neutralised > 0, "the filtered view holds no formula-like name");
    // Byte for byte: segment 5 ("=cmd|' /C calc'!A0 5", domain "…5.corp.demo.example") is a
    // record that starts with the apostrophe and the name, unquoted.
    QVERIFY2(bytes.contains("\r\n'=cmd|' /C calc'!A0 5,"), bytes.left(400).constData());
    QVERIFY(!bytes.contains("\r\n=cmd"));
    QVERIFY(!bytes.contains("\"=cmd"));

    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray arr = QJsonDocument::fromJson(json.readAll()).array();
    QCOMPARE(arr.size(), shown);
    const QStringList ids = proxyColumn(0, IdRole);
    for (int r = 0; r < shown; ++r) {
        const QJsonObject o = arr.at(r).toObject();
        QCOMPARE(o.value(QStringLiteral("id")).toString(), ids.at(r));
        QCOMPARE(o.value(QStringLiteral("name")).toString(), names.at(r)); // JSON is never neutralised
    }
    m_page->setSavePathHook({});
    m_page->filterEdit()->clear();
    m_page->view()->sortByColumn(AppSegmentTableModel::Name, Qt::AscendingOrder);
}

void TestSegments::columnChooserStateSurvivesNewPage()
{
    QVERIFY(!m_page->isColumnVisible(AppSegmentTableModel::Id)); // hidden by default
    QVERIFY(m_page->isColumnVisible(AppSegmentTableModel::Domains));
    QAction *domains = nullptr;
    for (QAction *a : m_page->columnsMenu()->actions())
        if (a->data().toInt() == AppSegmentTableModel::Domains)
            domains = a;
    QVERIFY(domains);
    QVERIFY(domains->isChecked());
    domains->trigger();
    QVERIFY(!m_page->isColumnVisible(AppSegmentTableModel::Domains));
    QVERIFY(m_page->view()->horizontalHeader()->isSectionHidden(AppSegmentTableModel::Domains));
    {
        AppSegmentsPage second(m_env.services());
        QVERIFY(!second.isColumnVisible(AppSegmentTableModel::Domains));
        QVERIFY(!second.isColumnVisible(AppSegmentTableModel::Id));
        QVERIFY(second.isColumnVisible(AppSegmentTableModel::Name));
    }
    m_page->setColumnVisible(AppSegmentTableModel::Domains, true);
    m_page->setColumnVisible(AppSegmentTableModel::Id, true);
    {
        AppSegmentsPage third(m_env.services());
        QVERIFY(third.isColumnVisible(AppSegmentTableModel::Domains));
        QVERIFY(third.isColumnVisible(AppSegmentTableModel::Id));
    }
    m_page->setColumnVisible(AppSegmentTableModel::Id, false);
    m_page->setColumnVisible(AppSegmentTableModel::Name, false); // refused: the name stays
    QVERIFY(m_page->isColumnVisible(AppSegmentTableModel::Name));
}
