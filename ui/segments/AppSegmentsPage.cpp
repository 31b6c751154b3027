#include "AppSegmentsPage.h"

#include "services/AppServices.h"
#include "SettingsKeys.h"
#include "ClientCombo.h"
#include "Icons.h"
#include "MessageBar.h"
#include "SegmentDetailPanel.h"
#include "TableView.h"
#include "models/AppSegmentFilterProxy.h"
#include "models/AppSegmentTableModel.h"
#include "models/ModelRoles.h"
#include "services/SegmentsService.h"
#include "store/TenantStore.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace zc {

namespace {
QToolButton *toolButton(const QString &icon, const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(name);
    b->setIcon(Icons::get(icon));
    b->setText(text);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}
} // namespace

AppSegmentsPage::AppSegmentsPage(AppServices *services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("segmentsPage"));
    setAccessibleName(tr("App Segments"));
    buildUi();
    connectService();
    restoreState(services->settings());
    if (m_microtenant->count() == 0)
        onClientChanged(m_client->currentClientId());
    updateActions();
}

AppSegmentsPage::~AppSegmentsPage()
{
    if (m_loading)
        m_services->zpa()->cancelListing();
    if (m_headerSave->isActive())
        m_view->saveHeader(m_services->settings(), settingskey::segmentsHeader());
}

void AppSegmentsPage::buildUi()
{
    auto *title = new QLabel(tr("App Segments"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(true);
    title->setFont(f);

    m_client = new ClientCombo(m_services->store(), [](const ApiClient &c) { return SegmentsService::isZpaKind(c.kind); }, this);
    m_client->setObjectName(QStringLiteral("segmentsClient"));
    m_client->setAccessibleName(tr("API client"));
    m_client->setEmptyText(tr("(no ZPA API client)"));
    m_client->setToolTip(tr("The API client to read and change segments with (zpa-legacy, oneapi-secret, oneapi-jwt)"));
    m_microtenant = new QComboBox(this);
    m_microtenant->setObjectName(QStringLiteral("segmentsMicrotenant"));
    m_microtenant->setAccessibleName(tr("Microtenant"));
    m_microtenant->setToolTip(tr("Which microtenant's segments Load reads"));
    m_microtenant->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("segmentsSearch"));
    m_search->setAccessibleName(tr("Server-side search"));
    m_search->setPlaceholderText(tr("Server search (on Load)…"));
    m_search->setToolTip(tr("Sent to ZPA with Load: plain text = name contains; or an expression such as name+EQ+web"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::get(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setMaximumWidth(260);
    m_load = toolButton(QStringLiteral("refresh"), tr("&Load"), QStringLiteral("segmentsLoad"), this);
    m_load->setToolTip(tr("Read every segment of the chosen client's tenant (F5)"));
    m_cancel = toolButton(QStringLiteral("stop"), tr("Cancel"), QStringLiteral("segmentsCancel"), this);
    m_cancel->setToolTip(tr("Stop reading (Esc); the rows read so far stay"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("segmentsProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(14);
    m_progress->hide(); // shown while a listing runs
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("segmentsProgressText"));

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("segmentsFilter"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setPlaceholderText(tr("Filter by name, domain or port… (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Icons::get(QStringLiteral("filter")), QLineEdit::LeadingPosition);
    m_columnsButton = toolButton(QStringLiteral("edit"), tr("Col&umns"), QStringLiteral("segmentsColumns"), this);
    m_columnsButton->setIcon(QIcon());
    m_columnsMenu = new QMenu(m_columnsButton);
    m_columnsMenu->setObjectName(QStringLiteral("segmentsColumnsMenu"));
    m_columnsButton->setMenu(m_columnsMenu);
    m_columnsButton->setPopupMode(QToolButton::InstantPopup);
    m_columnsButton->setToolTip(tr("Show or hide columns (also the table header's context menu)"));
    m_exportButton = toolButton(QStringLiteral("export"), tr("E&xport"), QStringLiteral("segmentsExport"), this);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Export view as &CSV…"), this, &AppSegmentsPage::exportCsv);
    exportMenu->addAction(tr("Export view as &JSON…"), this, &AppSegmentsPage::exportJson);
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolTip(tr("Save the rows as shown (filtered and sorted) as CSV, or the complete segments as JSON"));
    m_new = toolButton(QStringLiteral("add"), tr("&New…"), QStringLiteral("segmentsNew"), this);
    m_edit = toolButton(QStringLiteral("edit"), tr("&Edit…"), QStringLiteral("segmentsEdit"), this);
    m_delete = toolButton(QStringLiteral("delete"), tr("&Delete…"), QStringLiteral("segmentsDelete"), this);
    m_audit = toolButton(QStringLiteral("about"), tr("&Audit log…"), QStringLiteral("segmentsAudit"), this);
    m_audit->setToolTip(tr("Every change made through zconsole (this computer's audit log)"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("segmentsCount"));
    m_message = new MessageBar(MessageBar::Type::Info, QString(), this);
    m_message->setObjectName(QStringLiteral("segmentsMessage"));
    m_message->hide();

    m_model = new AppSegmentTableModel(this);
    m_proxy = new AppSegmentFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_view = new TableView(this);
    m_view->setObjectName(QStringLiteral("segmentsTable"));
    m_view->setAccessibleName(tr("Application segments"));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setModel(m_proxy);
    m_view->setInitialColumnWidths({28, 8, 34, 12, 10, 20, 24, 14, 17, 20});
    m_view->horizontalHeader()->setSectionHidden(AppSegmentTableModel::Id, true);
    m_view->sortByColumn(AppSegmentTableModel::Name, Qt::AscendingOrder);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_detail = new SegmentDetailPanel(this);
    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setObjectName(QStringLiteral("segmentsSplitter"));
    m_split->addWidget(m_view);
    m_split->addWidget(m_detail);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);
    m_split->setSizes({780, 360});

    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addSpacing(12);
    head->addWidget(m_count, 1);
    auto *row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Client:"), this));
    row1->addWidget(m_client, 2);
    row1->addWidget(m_microtenant, 1);
    row1->addWidget(m_search, 2);
    row1->addWidget(m_load);
    row1->addWidget(m_cancel);
    row1->addWidget(m_progress);
    row1->addWidget(m_progressLabel, 1);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_filter, 2);
    row2->addWidget(m_columnsButton);
    row2->addWidget(m_exportButton);
    row2->addStretch(1);
    row2->addWidget(m_new);
    row2->addWidget(m_edit);
    row2->addWidget(m_delete);
    row2->addWidget(m_audit);
    auto *col = new QVBoxLayout(this);
    col->setContentsMargins(12, 10, 12, 8);
    col->addLayout(head);
    col->addLayout(row1);
    col->addLayout(row2);
    col->addWidget(m_message);
    col->addWidget(m_split, 1);

    // Keyboard. (MainWindow's Edit/Delete/Filter actions are disabled on this page, so these
    // shortcuts are never ambiguous.)
    auto addShortcut = [this](const QList<QKeySequence> &keys, QWidget *on, Qt::ShortcutContext ctx, auto slot) {
        auto *a = new QAction(on);
        a->setShortcuts(keys);
        a->setShortcutContext(ctx);
        on->addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    addShortcut({QKeySequence::Find}, this, Qt::WidgetWithChildrenShortcut, &AppSegmentsPage::focusFilter);
    addShortcut({QKeySequence(Qt::Key_F5)}, this, Qt::WidgetWithChildrenShortcut, &AppSegmentsPage::load);
    m_escAction = addShortcut({QKeySequence(Qt::Key_Escape)}, this, Qt::WidgetWithChildrenShortcut, &AppSegmentsPage::cancel);
    addShortcut({QKeySequence::Copy}, m_view, Qt::WidgetShortcut, &AppSegmentsPage::copySelection);
    addShortcut({QKeySequence::Delete}, m_view, Qt::WidgetShortcut, &AppSegmentsPage::deleteCurrent);
    addShortcut({QKeySequence(Qt::Key_F2)}, m_view, Qt::WidgetShortcut, &AppSegmentsPage::editCurrent);
    connect(m_search, &QLineEdit::returnPressed, this, &AppSegmentsPage::load);

    m_headerSave = new QTimer(this);
    m_headerSave->setSingleShot(true);
    m_headerSave->setInterval(400);
    connect(m_headerSave, &QTimer::timeout, this,
            [this] { m_view->saveHeader(m_services->settings(), settingskey::segmentsHeader()); });
    QHeaderView *header = m_view->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, &AppSegmentsPage::scheduleHeaderSave);
    connect(header, &QHeaderView::sectionMoved, this, &AppSegmentsPage::scheduleHeaderSave);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &AppSegmentsPage::scheduleHeaderSave);
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &AppSegmentsPage::fillColumnsMenu);
    fillColumnsMenu();
}

void AppSegmentsPage::connectService()
{
    SegmentsService *zpa = m_services->zpa();
    connect(m_client, &ClientCombo::clientChanged, this, &AppSegmentsPage::onClientChanged);
    connect(m_load, &QToolButton::clicked, this, &AppSegmentsPage::load);
    connect(m_cancel, &QToolButton::clicked, this, &AppSegmentsPage::cancel);
    connect(m_new, &QToolButton::clicked, this, &AppSegmentsPage::newSegment);
    connect(m_edit, &QToolButton::clicked, this, &AppSegmentsPage::editCurrent);
    connect(m_delete, &QToolButton::clicked, this, &AppSegmentsPage::deleteCurrent);
    connect(m_audit, &QToolButton::clicked, this, &AppSegmentsPage::showAuditLog);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
        updateEmptyText();
    });
    connect(m_view, &QAbstractItemView::activated, this, [this] {
        if (canEdit())
            editCurrent();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AppSegmentsPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AppSegmentsPage::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AppSegmentsPage::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AppSegmentsPage::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AppSegmentsPage::onCurrentChanged);

    connect(zpa, &SegmentsService::listStarted, this, &AppSegmentsPage::onStarted);
    connect(zpa, &SegmentsService::rowsArrived, this, &AppSegmentsPage::onRows);
    connect(zpa, &SegmentsService::listProgress, this, &AppSegmentsPage::onProgress);
    connect(zpa, &SegmentsService::pageRetry, this, &AppSegmentsPage::onRetry);
    connect(zpa, &SegmentsService::listFinished, this, &AppSegmentsPage::onFinished);
    connect(zpa, &SegmentsService::microtenantsLoaded, this, &AppSegmentsPage::onMicrotenants);
    connect(zpa, &SegmentsService::segmentFetched, this, &AppSegmentsPage::onSegmentFetched);
    connect(zpa, &SegmentsService::groupsLoaded, this, &AppSegmentsPage::onGroups);
    connect(zpa, &SegmentsService::editFinished, this, &AppSegmentsPage::onEditFinished);
    // After ClientCombo's own rebuild (connected first, when it was built).
    TenantStore *store = m_services->store();
    connect(store, &TenantStore::reset, this, &AppSegmentsPage::orderClients);
    for (auto sig : {&TenantStore::clientInserted, &TenantStore::clientChanged, &TenantStore::tenantChanged})
        connect(store, sig, this, &AppSegmentsPage::orderClients);
    for (auto sig : {&TenantStore::clientRemoved, &TenantStore::tenantRemoved})
        connect(store, sig, this, &AppSegmentsPage::orderClients);
    connect(m_services->store(), &TenantStore::reset, this, &AppSegmentsPage::updateActions);
    connect(m_services->store(), &TenantStore::tenantChanged, this, &AppSegmentsPage::updateActions);
}

QString AppSegmentsPage::clientId() const { return m_client->currentClientId(); }

bool AppSegmentsPage::setClient(const QString &clientId) { return m_client->setCurrentClientId(clientId); }

QString AppSegmentsPage::tenantIdOfClient() const
{
    const ApiClient *c = m_services->store()->client(clientId());
    return c ? c->tenantId : QString();
}

void AppSegmentsPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateActions();
}

void AppSegmentsPage::showMessage(int type, const QString &text)
{
    m_message->setType(MessageBar::Type(type));
    m_message->setText(text);
    m_message->show();
    emit statusMessage(text);
}

void AppSegmentsPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

QString AppSegmentsPage::progressText() const { return m_progressLabel->text(); }
QString AppSegmentsPage::countText() const { return m_count->text(); }
int AppSegmentsPage::visibleRows() const { return m_proxy->rowCount(); }

void AppSegmentsPage::updateCount()
{
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (all == 0)
        m_count->clear();
    else if (shown == all)
        m_count->setText(all == 1 ? tr("1 segment") : tr("%1 segments").arg(all));
    else
        m_count->setText(tr("%1 of %2 segments match the filter").arg(shown).arg(all));
}

void AppSegmentsPage::updateEmptyText()
{
    if (m_model->rowCount() > 0) {
        m_view->setEmptyText(tr("No segment matches the filter “%1”.").arg(m_filter->text()));
        return;
    }
    if (m_loading) {
        m_view->setEmptyText(tr("Reading the first page…"));
        return;
    }
    const QString problem = m_services->zpa()->clientProblem(clientId());
    m_view->setEmptyText(problem.isEmpty() ? tr("Press Load (F5) to read the application segments.") : problem);
}

QString AppSegmentsPage::currentId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return {};
    return rows.constFirst().data(IdRole).toString();
}

bool AppSegmentsPage::selectId(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex idx = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!idx.isValid())
        return false;
    m_view->setCurrentIndex(idx);
    m_view->selectionModel()->select(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(idx);
    return true;
}

void AppSegmentsPage::onCurrentChanged()
{
    const QModelIndex cur = m_view->currentIndex();
    const QString id = cur.isValid() ? cur.sibling(cur.row(), 0).data(IdRole).toString() : QString();
    const AppSegment *s = id.isEmpty() ? nullptr : m_model->segmentById(id);
    m_detail->setSegment(s);
    updateActions();
}

bool AppSegmentsPage::canWrite() const
{
    return !m_readOnly && !m_apiReadOnly && !m_services->store()->isReadOnly() && !m_loading
           && m_services->isSessionRunning() && m_services->zpa()->clientProblem(clientId()).isEmpty();
}

bool AppSegmentsPage::canEdit() const { return canWrite() && !currentId().isEmpty(); }
bool AppSegmentsPage::canDelete() const { return canWrite() && !currentId().isEmpty(); }

void AppSegmentsPage::updateActions()
{
    const bool hasClient = !clientId().isEmpty();
    m_load->setEnabled(hasClient && !m_loading);
    m_load->setText(m_model->rowCount() > 0 || m_lastResult.rows > 0 ? tr("Re&load") : tr("&Load"));
    m_cancel->setEnabled(m_loading && !m_cancelling);
    m_escAction->setEnabled(m_loading);
    m_client->setEnabled(!m_loading && m_client->clientCount() > 0);
    m_microtenant->setEnabled(!m_loading && hasClient);
    m_search->setEnabled(!m_loading && hasClient);
    m_exportButton->setEnabled(m_proxy->rowCount() > 0);
    m_new->setEnabled(canWrite());
    m_edit->setEnabled(canEdit());
    m_delete->setEnabled(canDelete());
    QString why;
    if (m_readOnly || m_services->store()->isReadOnly())
        why = tr("The configuration is read-only");
    else if (m_apiReadOnly)
        why = tr("The ZPA API is in read-only mode: Load again to retry");
    else if (m_loading)
        why = tr("Wait until the segments are loaded (or cancel)");
    else if (!hasClient)
        why = tr("Choose an API client that speaks ZPA first");
    for (QToolButton *b : {m_new, m_edit, m_delete})
        b->setToolTip(why);
}

void AppSegmentsPage::scheduleHeaderSave()
{
    if (!m_restoringHeader)
        m_headerSave->start();
}

void AppSegmentsPage::saveState(QSettings *settings) const
{
    m_view->saveHeader(settings, settingskey::segmentsHeader());
    settings->setValue(settingskey::segmentsSplitter(), m_split->saveState());
    settings->setValue(settingskey::segmentsClient(), clientId());
}

void AppSegmentsPage::restoreState(QSettings *settings)
{
    m_restoringHeader = true;
    m_view->restoreHeader(settings, settingskey::segmentsHeader());
    m_restoringHeader = false;
    m_split->restoreState(settings->value(settingskey::segmentsSplitter()).toByteArray());
    const QString client = settings->value(settingskey::segmentsClient()).toString();
    if (!client.isEmpty())
        setClient(client);
}

} // namespace zc
