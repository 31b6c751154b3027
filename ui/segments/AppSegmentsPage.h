#pragma once

#include "core/ZpaResults.h"
#include "models/ExportTable.h"

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSettings;
class QSplitter;
class QTimer;
class QToolButton;

namespace zc {

class AppServices;
class AppSegmentFilterProxy;
class AppSegmentTableModel;
class ClientCombo;
class MessageBar;
class SegmentDetailPanel;
class TableView;
struct ZpaEditResult;

// The App Segments page: every ZPA application segment of a tenant, read completely and
// concurrently (SegmentsService: ZpaSegmentLister, parsing on the thread pool) into an
// AppSegmentTableModel under an AppSegmentFilterProxy.
//
// Toolbar: API client (ZPA-capable, the active tenant's default chosen), microtenant (All /
// Default / the tenant's microtenants, from the API), server-side search (applied on Load),
// Load/Reload (F5) and Cancel (Esc) with "pages done / total — N segments", the instant
// client-side filter (Ctrl+F: name, domain, port), a column chooser (also the header's context
// menu; the header state is kept in settings), Export CSV/JSON of the filtered, sorted view, and
// New / Edit (Enter, double-click) / Delete (Del, confirmed) / Audit log when the segment editor
// is part of the build. Ctrl+C copies the selected rows as tab-separated text with a header.
// Rows appear as pages arrive; page retries, an incomplete listing (the missing pages named), a
// tenant that changed during the read and errors show in a message bar. A detail panel (right)
// shows every field of the selected segment.
class AppSegmentsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AppSegmentsPage(AppServices *services, QWidget *parent = nullptr);
    ~AppSegmentsPage() override;

    ClientCombo *clientCombo() const { return m_client; }
    QComboBox *microtenantCombo() const { return m_microtenant; }
    QLineEdit *searchEdit() const { return m_search; }
    QLineEdit *filterEdit() const { return m_filter; }
    QToolButton *loadButton() const { return m_load; }
    QToolButton *cancelButton() const { return m_cancel; }
    QToolButton *columnsButton() const { return m_columnsButton; }
    QToolButton *exportButton() const { return m_exportButton; }
    QToolButton *newButton() const { return m_new; }
    QToolButton *editButton() const { return m_edit; }
    QToolButton *deleteButton() const { return m_delete; }
    QToolButton *auditButton() const { return m_audit; }
    QProgressBar *progressBar() const { return m_progress; }
    QString progressText() const;
    QString countText() const;
    MessageBar *messageBar() const { return m_message; }
    TableView *view() const { return m_view; }
    AppSegmentTableModel *model() const { return m_model; }
    AppSegmentFilterProxy *proxy() const { return m_proxy; }
    SegmentDetailPanel *detail() const { return m_detail; }
    QMenu *columnsMenu() const { return m_columnsMenu; }
    QSplitter *splitter() const { return m_split; }

    bool isLoading() const { return m_loading; }
    const ZpaListResult &lastResult() const { return m_lastResult; }
    QString clientId() const;
    bool setClient(const QString &clientId);
    // The banner's tenant: its default ZPA client is chosen.
    void setActiveTenant(const QString &tenantId);
    // The configuration is read-only: no writes.
    void setReadOnly(bool readOnly);
    // A write was refused because the ZPA API is in read-only mode (403 STATE_READONLY): writes
    // stay disabled until the next Load.
    bool isApiReadOnly() const { return m_apiReadOnly; }

    QString currentId() const; // the one selected row's id, empty if none or several
    bool selectId(const QString &id);
    int visibleRows() const;

    bool isColumnVisible(int column) const;
    void setColumnVisible(int column, bool visible);

    bool canWrite() const;
    bool canEdit() const;
    bool canDelete() const;

    // The selected rows (view order, visible columns in visual order) with a header line.
    QString selectionAsTsv() const;
    // Writes the filtered, sorted view; returns rows written or -1 (+ *error).
    qint64 exportTo(const QString &path, ExportTable::Format format, QString *error = nullptr) const;
    // Test seam: replaces the file dialog of exportCsv()/exportJson(); an empty path cancels.
    using SavePathHook = std::function<QString(ExportTable::Format)>;
    void setSavePathHook(SavePathHook hook) { m_savePathHook = std::move(hook); }

    void saveState(QSettings *settings) const;
    void restoreState(QSettings *settings);

public slots:
    void load();
    void cancel();
    void focusFilter();
    void copySelection();
    void exportCsv();
    void exportJson();
    void newSegment();
    void editCurrent();
    void deleteCurrent();
    void showAuditLog();

protected:
    void showEvent(QShowEvent *event) override;

signals:
    void statusMessage(const QString &text);
    void loadFinished(const zc::ZpaListResult &result);
    void editFinished(const zc::ZpaEditResult &result);

private:
    void buildUi();
    void connectService();
    void onClientChanged(const QString &clientId);
    void orderClients(); // the active tenant's clients first
    void requestMicrotenants(); // once per client, while the page is on screen
    void onMicrotenants(const QString &clientId, const QList<ZpaMicrotenant> &list, const ApiError &error);
    void onStarted(quint64 generation, qint64 total, int pages);
    void onRows(quint64 generation, int page, const QList<AppSegment> &rows);
    void onProgress(quint64 generation, const ZpaListProgress &p);
    void onRetry(quint64 generation, int page, int attempt, const QString &why, qint64 delayMs);
    void onFinished(quint64 generation, const ZpaListResult &r);
    void onEditFinished(const ZpaEditResult &result);
    void noteReadOnlyMode(const ApiError &error);
    void onCurrentChanged();
    void updateActions();
    void updateCount();
    void updateEmptyText();
    void showMessage(int type, const QString &text);
    void exportWithDialog(ExportTable::Format format);
    void fillColumnsMenu();
    void scheduleHeaderSave();
    QString tenantIdOfClient() const;
    QString errorText(const ApiError &error) const;

    // Editor flow (AppSegmentsPageEdit.cpp).
    void openEditor(const AppSegment &base);
    void onSegmentFetched(const QString &clientId, quint64 tag, const AppSegment &segment, const ApiError &error);
    void onGroups(const QString &clientId, const QList<ZpaSegmentGroup> &segmentGroups,
                  const QList<ZpaServerGroup> &serverGroups, const ApiError &error);

    AppServices *m_services;
    ClientCombo *m_client = nullptr;
    QComboBox *m_microtenant = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_load = nullptr;
    QToolButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLineEdit *m_filter = nullptr;
    QToolButton *m_columnsButton = nullptr;
    QMenu *m_columnsMenu = nullptr;
    QToolButton *m_exportButton = nullptr;
    QToolButton *m_new = nullptr;
    QToolButton *m_edit = nullptr;
    QToolButton *m_delete = nullptr;
    QToolButton *m_audit = nullptr;
    QLabel *m_count = nullptr;
    MessageBar *m_message = nullptr;
    AppSegmentTableModel *m_model = nullptr;
    AppSegmentFilterProxy *m_proxy = nullptr;
    TableView *m_view = nullptr;
    SegmentDetailPanel *m_detail = nullptr;
    QSplitter *m_split = nullptr;
    QAction *m_escAction = nullptr;
    QTimer *m_headerSave = nullptr;
    SavePathHook m_savePathHook;

    QString m_activeTenant;
    QString m_microtenantsAsked; // client whose microtenants were requested
    QString m_loadedTenant;     // tenant of the rows in the model
    quint64 m_generation = 0;   // of the listing this page started last
    bool m_loading = false;
    bool m_cancelling = false;
    bool m_readOnly = false;
    bool m_apiReadOnly = false;
    bool m_restoringHeader = false;
    ZpaListResult m_lastResult;
    QList<int> m_retriedPages;

    // Editor state.
    quint64 m_fetchTag = 0;     // the segment read before editing
    quint64 m_editTag = 0;
    QHash<quint64, QPointer<QWidget>> m_editDialogs; // edit request tag → its dialog
    QHash<quint64, QString> m_deletes;                // delete request tag → id
    QString m_groupsClient;
    QList<ZpaSegmentGroup> m_segmentGroups;
    QList<ZpaServerGroup> m_serverGroups;
    bool m_groupsLoaded = false;
};

} // namespace zc
