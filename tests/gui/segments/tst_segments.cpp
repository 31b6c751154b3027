// The App Segments page against the in-process simulator (`zconsole --demo` inside the test,
// 10,000 segments): a complete load through the page with rows appearing page by page (a
// QAbstractItemModelTester on the page's proxy), the instant filter, the detail panel, Ctrl+C,
// CSV/JSON export of the filtered view (parsed back), the column chooser (state kept for a new
// page instance), edit and delete through the segment editor, microtenant choices, server-side
// search, page retries and an incomplete listing named in the message bar, cancel with a partial
// list, errors, and the screenshot docs/screenshot-segments.png is made from.
#include "GuiDemoEnv.h"
#include "GuiTestUtil.h"

#include "ClientCombo.h"
#include "Confirm.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "TableView.h"
#include "core/ExportCsv.h"
#include "models/AppSegmentFilterProxy.h"
#include "models/AppSegmentTableModel.h"
#include "models/ModelRoles.h"
#include "segments/AppSegmentsPage.h"
#include "segments/SegmentDetailPanel.h"
#include "segments/ZpaService.h"
#include "sim/Simulator.h"
#include "store/AuditLog.h"
#include "store/TenantStore.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#if __has_include("segments/editor/SegmentEditorDialog.h")
#include "segments/editor/AuditLogDialog.h"
#include "segments/editor/SegmentEditorDialog.h"
#define ZC_TEST_EDITOR 1
#endif

using namespace zc;
using namespace zc::guitest;

namespace {
constexpr int kSegments = 10000;
const QString kLegacyList = QStringLiteral("GET /mgmtconfig/v1/admin/customers/{customerId}/application");

// RFC 4180 records (quotes, doubled quotes, CRLF).
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (quoted) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += ch;
            }
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (ch == QLatin1Char('\r')) {
        } else if (ch == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else {
            cell += ch;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

QString exported(const QString &cell) { return ExportCsv::needsNeutralising(cell) ? QLatin1Char('\'') + cell : cell; }
} // namespace

class TestSegments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void loadsEverySegmentIncrementally();
    void instantFilterNarrowsRows();
    void detailPanelShowsSelectedSegment();
    void copyPutsTsvOnClipboard();
    void exportCsvAndJsonOfFilteredView();
    void columnChooserStateSurvivesNewPage();
    void editSegmentEndToEnd();
    void deleteWithConfirmation();
    void microtenantChoiceChangesCount();
    void serverSideSearch();
    void retriesAndIncompleteListingNamed();
    void cancelMidLoadKeepsPartialList();
    void errorsAreClear();
    void readOnlyDisablesWrites();
    void createSegmentFromPage();
    void auditLogShowsPageChanges();
    void tenantChangedDuringReadIsWarned();
    void screenshot();
    void activeTenantClientsComeFirst();

private:
    // Clicks Load and waits for the listing to end.
    ZpaListResult loadAndWait(int timeoutMs = 90'000);
    QStringList proxyColumn(int column, int role = Qt::DisplayRole) const;

    DemoEnv m_env;
    MainWindow *m_window = nullptr;
    AppSegmentsPage *m_page = nullptr;
    QString m_client;
    QList<AppSegment> m_all;
    AppSegment m_deleted; // by deleteWithConfirmation (the counts after it are one less)
};

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
    ZpaService *zpa = m_env.services()->zpa();
    // The page's slots run first (connected first): at the first rowsInserted the page is
    // still loading and the rows of page 1 are in.
    QMetaObject::Connection c1 = connect(m_page->model(), &QAbstractItemModel::rowsInserted, this, [&] {
        if (rowsAtFirstPage < 0) {
            rowsAtFirstPage = m_page->model()->rowCount();
            loadingAtFirstPage = m_page->isLoading();
            writeDisabledWhileLoading = !m_page->newButton()->isEnabled() && !m_page->editButton()->isEnabled();
        }
    });
    QMetaObject::Connection c2 = connect(zpa, &ZpaService::listProgress, this, [&](quint64, const ZpaListProgress &p) {
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
    const QList<QStringList> rows = parseCsv(csv.readAll());
    QCOMPARE(rows.size(), shown + 1);
    QCOMPARE(rows.first().first(), QStringLiteral("Name"));
    const int domainsCol = int(rows.first().indexOf(QStringLiteral("Domains")));
    QVERIFY(domainsCol > 0);
    const QStringList names = proxyColumn(AppSegmentTableModel::Name);
    const QStringList domains = proxyColumn(AppSegmentTableModel::Domains);
    for (int r = 0; r < shown; ++r) {
        QCOMPARE(rows.at(r + 1).first(), exported(names.at(r)));
        QCOMPARE(rows.at(r + 1).at(domainsCol), exported(domains.at(r)));
    }

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

void TestSegments::editSegmentEndToEnd()
{
#ifndef ZC_TEST_EDITOR
    QSKIP("the segment editor is not part of this build");
#else
    QVERIFY(AppSegmentsPage::editorAvailable());
    const AppSegment target = m_all.at(100);
    QVERIFY(m_page->selectId(target.id()));
    QVERIFY(m_page->editButton()->isEnabled());
    QSignalSpy edits(m_page, &AppSegmentsPage::editFinished);
    // Enter on the row opens the editor on the server's current version.
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Return);
    QPointer<SegmentEditorDialog> dlg = waitForWindow<SegmentEditorDialog>(20'000);
    QVERIFY(dlg);
    QCOMPARE(dlg->base().id(), target.id());
    const QString description = QStringLiteral("edited from the App Segments page");
    auto *desc = dlg->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"));
    QVERIFY(desc);
    desc->setPlainText(description);
    auto *save = dlg->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(save);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dlg && dlg->stage() == SegmentEditorDialog::Stage::Previewing && !dlg->isBusy(), 20'000);
    auto *confirm = dlg->findChild<QPushButton *>(QStringLiteral("confirmButton"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dlg.isNull() || !dlg->isVisible(), 20'000);
    QTRY_VERIFY(!edits.isEmpty());
    const ZpaEditResult r = edits.last().first().value<ZpaEditResult>();
    QCOMPARE(r.outcome, ZpaEditResult::Outcome::Done);
    const AppSegment *now = m_page->model()->segmentById(target.id());
    QVERIFY(now);
    QCOMPARE(now->description(), description);
    QCOMPARE(m_page->model()->rowCount(), kSegments);
    QCOMPARE(m_page->currentId(), target.id());
    QTRY_VERIFY(m_page->detail()->toPlainText().contains(description));
    // The change is in the audit log.
    const AuditLog::ReadResult log = AuditLog(m_env.services()->configDir()).read();
    QVERIFY(std::any_of(log.records.begin(), log.records.end(),
                        [&](const AuditRecord &a) { return a.action == QLatin1String("update") && a.objectId == target.id(); }));
#endif
}

void TestSegments::deleteWithConfirmation()
{
#ifndef ZC_TEST_EDITOR
    QSKIP("the segment editor is not part of this build");
#else
    const AppSegment target = m_all.at(200);
    QVERIFY(m_page->selectId(target.id()));
    QSignalSpy edits(m_page, &AppSegmentsPage::editFinished);
    // "No" first: nothing happens.
    Confirm::setNextAnswer(false);
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QTRY_VERIFY(!Confirm::hasPreset());
    QVERIFY2(Confirm::lastQuestion().contains(target.name()), qPrintable(Confirm::lastQuestion()));
    QTest::qWait(200);
    QVERIFY(edits.isEmpty());
    QVERIFY(m_page->model()->rowOf(target.id()) >= 0);
    // Then "yes".
    Confirm::setNextAnswer(true);
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QVERIFY(edits.wait(20'000));
    const ZpaEditResult r = edits.last().first().value<ZpaEditResult>();
    QCOMPARE(r.outcome, ZpaEditResult::Outcome::Done);
    QCOMPARE(r.action, ZpaEditRequest::Action::Delete);
    QCOMPARE(m_page->model()->rowOf(target.id()), -1);
    QCOMPARE(m_page->model()->rowCount(), kSegments - 1);
    QVERIFY(m_page->messageBar()->text().contains(QStringLiteral("Deleted")));
    m_deleted = target;
    const AuditLog::ReadResult log = AuditLog(m_env.services()->configDir()).read();
    QVERIFY(std::any_of(log.records.begin(), log.records.end(),
                        [&](const AuditRecord &a) { return a.action == QLatin1String("delete") && a.objectId == target.id(); }));
#endif
}

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
    QMetaObject::Connection c = connect(m_env.services()->zpa(), &ZpaService::pageRetry, this, [&] {
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
    ZpaService *zpa = m_env.services()->zpa();
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
    // Rows of the cancelled listing still in the queue never arrive later.
    QTest::qWait(1500);
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

void TestSegments::readOnlyDisablesWrites()
{
    const ZpaListResult loaded = loadAndWait(); // the failed listing above left nothing
    QVERIFY2(loaded.complete(), qPrintable(loaded.error.toString()));
    QVERIFY(m_page->selectId(m_page->proxy()->index(0, 0).data(IdRole).toString()));
    const bool editor = AppSegmentsPage::editorAvailable();
    QCOMPARE(m_page->newButton()->isEnabled(), editor);
    QCOMPARE(m_page->deleteButton()->isEnabled(), editor);
    m_page->setReadOnly(true);
    QVERIFY(!m_page->newButton()->isEnabled());
    QVERIFY(!m_page->editButton()->isEnabled());
    QVERIFY(!m_page->deleteButton()->isEnabled());
    QVERIFY(m_page->loadButton()->isEnabled()); // reading still works
    QVERIFY(m_page->editButton()->toolTip().contains(QStringLiteral("read-only")));
    Confirm::setNextAnswer(true);
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QTest::qWait(100);
    QVERIFY(Confirm::hasPreset()); // nothing asked
    Confirm::clearPreset();
    m_page->setReadOnly(false);
    QCOMPARE(m_page->editButton()->isEnabled(), editor);
    if (!editor)
        return;

    // The ZPA API in read-only mode: a delete is refused (403 STATE_READONLY), writes are
    // disabled until the next Load.
    const QString id = m_page->currentId();
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), true}});
    QSignalSpy edits(m_page, &AppSegmentsPage::editFinished);
    Confirm::setNextAnswer(true);
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QVERIFY(edits.wait(20'000));
    QCOMPARE(edits.first().first().value<ZpaEditResult>().outcome, ZpaEditResult::Outcome::Failed);
    QVERIFY(m_page->isApiReadOnly());
    QVERIFY(m_page->model()->rowOf(id) >= 0);
    QVERIFY(!m_page->deleteButton()->isEnabled());
    QVERIFY(!m_page->newButton()->isEnabled());
    QVERIFY2(m_page->messageBar()->text().contains(QStringLiteral("read-only mode")), qPrintable(m_page->messageBar()->text()));
    m_env.sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), QJsonValue::Null}});
    const ZpaListResult r = loadAndWait();
    QVERIFY2(r.complete(), qPrintable(r.error.toString()));
    QVERIFY(!m_page->isApiReadOnly());
    QVERIFY(m_page->newButton()->isEnabled());
}

void TestSegments::createSegmentFromPage()
{
#ifndef ZC_TEST_EDITOR
    QSKIP("the segment editor is not part of this build");
#else
    // Groups of one Default-microtenant segment (they belong together).
    const auto tpl = std::find_if(m_all.begin(), m_all.end(), [](const AppSegment &a) {
        return a.microtenantKey() == QLatin1String("0") && !a.serverGroups().isEmpty();
    });
    QVERIFY(tpl != m_all.end());
    const int before = m_page->model()->rowCount();
    QSignalSpy edits(m_page, &AppSegmentsPage::editFinished);
    QVERIFY(m_page->newButton()->isEnabled());
    QTest::mouseClick(m_page->newButton(), Qt::LeftButton);
    QPointer<SegmentEditorDialog> dlg = waitForWindow<SegmentEditorDialog>();
    QVERIFY(dlg);
    QVERIFY(dlg->isCreate());
    auto *group = dlg->findChild<QComboBox *>(QStringLiteral("segmentGroupCombo"));
    auto *servers = dlg->findChild<QListWidget *>(QStringLiteral("serverGroupsList"));
    QVERIFY(group && servers);
    QTRY_VERIFY_WITH_TIMEOUT(group->findData(tpl->segmentGroupId()) >= 0, 20'000); // groups read by the page
    dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Created from the page"));
    dlg->findChild<QPlainTextEdit *>(QStringLiteral("domainsEdit"))->setPlainText(QStringLiteral("created-from-page.gui.example"));
    dlg->findChild<QLineEdit *>(QStringLiteral("tcpEdit"))->setText(QStringLiteral("8443"));
    group->setCurrentIndex(group->findData(tpl->segmentGroupId()));
    bool checked = false;
    for (int i = 0; i < servers->count(); ++i)
        if (servers->item(i)->data(Qt::UserRole).toString() == tpl->serverGroups().first().id) {
            servers->item(i)->setCheckState(Qt::Checked);
            checked = true;
        }
    QVERIFY(checked);
    auto *save = dlg->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dlg && dlg->stage() == SegmentEditorDialog::Stage::Previewing && !dlg->isBusy(), 20'000);
    QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dlg.isNull() || !dlg->isVisible(), 20'000);
    QTRY_VERIFY(!edits.isEmpty());
    const ZpaEditResult r = edits.last().first().value<ZpaEditResult>();
    QCOMPARE(r.outcome, ZpaEditResult::Outcome::Done);
    QCOMPARE(r.action, ZpaEditRequest::Action::Create);
    QVERIFY(!r.after.id().isEmpty());
    QCOMPARE(m_page->model()->rowCount(), before + 1);
    QVERIFY(m_page->model()->rowOf(r.after.id()) >= 0);
    QCOMPARE(m_page->currentId(), r.after.id());
    QVERIFY(m_page->detail()->toPlainText().contains(QStringLiteral("created-from-page.gui.example")));
#endif
}

void TestSegments::auditLogShowsPageChanges()
{
#ifndef ZC_TEST_EDITOR
    QSKIP("the segment editor is not part of this build");
#else
    QVERIFY(m_page->auditButton()->isEnabled());
    QTest::mouseClick(m_page->auditButton(), Qt::LeftButton);
    QPointer<AuditLogDialog> dlg = waitForWindow<AuditLogDialog>();
    QVERIFY(dlg);
    // The update and the delete made through the page above.
    QTRY_VERIFY2(dlg->model()->rowCount() >= 2, qPrintable(dlg->statusText()));
    dlg->close();
    QTRY_VERIFY(dlg.isNull() || !dlg->isVisible());
#endif
}

void TestSegments::tenantChangedDuringReadIsWarned()
{
    // A segment is created while a slow listing runs: the totals move between pages.
    ZpaService *zpa = m_env.services()->zpa();
    zpa->setReadBudget(m_client, 4, 1000);
    QSignalSpy done(m_page, &AppSegmentsPage::loadFinished);
    QSignalSpy created(zpa, &ZpaService::editFinished);
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
    QTest::qWait(200);
    QVERIFY(!m_page->detail()->segmentId().isEmpty());
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
#include "tst_segments.moc"
