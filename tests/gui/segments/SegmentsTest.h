// The App Segments page test (gui_segments), one Qt Test class over several files by subject:
// tst_segments.cpp (fixture, loading, screenshot, client order), tst_segments_view.cpp (filter,
// detail panel, copy, export, column chooser), tst_segments_listing.cpp (microtenants, search,
// retries, cancel, errors, changed tenant), tst_segments_edit.cpp (edit, delete, create, read-only,
// audit log). The slots run in the order declared here; later ones rely on the first load.
#pragma once

#include "GuiDemoEnv.h"
#include "GuiTestUtil.h"

#include "ClientCombo.h"
#include "Confirm.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "TableView.h"
#include "models/AppSegmentFilterProxy.h"
#include "models/AppSegmentTableModel.h"
#include "models/ModelRoles.h"
#include "segments/AppSegmentsPage.h"
#include "segments/SegmentDetailPanel.h"
#include "services/SegmentsService.h"
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

#include "segments/editor/AuditLogDialog.h"
#include "segments/editor/SegmentEditorDialog.h"

using namespace zc;
using namespace zc::guitest;

namespace zc::guitest::segments {
inline constexpr int kSegments = 10000;
inline const QString kLegacyList = QStringLiteral("GET /mgmtconfig/v1/admin/customers/{customerId}/application");

// RFC 4180 records (quotes, doubled quotes, CRLF).
inline QList<QStringList> parseCsv(const QByteArray &bytes)
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

} // namespace zc::guitest::segments

using namespace zc::guitest::segments;

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
