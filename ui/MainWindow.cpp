#include "MainWindow.h"

#include "ui_MainWindow.h"

#include "ApiClientsPage.h"
#include "services/AppServices.h"
#include "SettingsKeys.h"
#include "Confirm.h"
#include "Icons.h"
#include "QuitGuard.h"
#include "SecretReminderIndicators.h"
#include "SessionIndicators.h"
#include "SidebarDelegate.h"
#include "TenantBanner.h"
#include "TenantsPage.h"
#include "TrayNotifier.h"
#include "services/SecretRotation.h"
#include "services/ZidentityService.h"
#include "segments/AppSegmentsPage.h"
#include "services/ZiaService.h"
#include "tools/ToolsPage.h"
#include "zia/ZiaPage.h"
#include "zid/ZidInventoryPage.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileSystemWatcher>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

namespace zc {

MainWindow::MainWindow(AppServices *services, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_services(services)
{
    Icons::initResources();
    m_ui->setupUi(this);
    setWindowIcon(Icons::get(QStringLiteral("zconsole")));
    m_banner = new TenantBanner(services->store(), this);
    m_ui->topLayout->addWidget(m_banner);
    setupPages();
    setupActions();
    setupStatusBar();
    m_indicators = new SessionIndicators(services, statusBar(), m_ui->sidebar->item(ZiaPageIndex), this, this);
    connect(m_indicators, &SessionIndicators::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_indicators->tray(), &TrayNotifier::quitRequested, this, &QWidget::close);
    // A secret rotation cut off by a killed process, finished or rolled back at start.
    connect(services, &AppServices::rotationRecovered, this, [this](const QString &name, const RotationResult &r) {
        const QString text = r.outcome == RotationResult::Outcome::Rotated
                                 ? tr("The interrupted rotation of \"%1\" was finished: the new secret is in use.").arg(name)
                             : r.outcome == RotationResult::Outcome::RolledBack
                                 ? tr("The interrupted rotation of \"%1\" was rolled back: the old secret is in use.").arg(name)
                                 : tr("The interrupted rotation of \"%1\" could not be finished yet (%2); it is tried again at the next start.")
                                       .arg(name, r.error.message);
        statusBar()->showMessage(text, 15000);
        m_indicators->tray()->notify(tr("Secret rotation"), text);
    });
    m_indicators->setBanner(m_banner);
    showStoreWarnings();
    setupConfigWatch();
    // Secret-expiry reminders: badge on API Clients, status bar, tray; the folder watch re-reads
    // the cached inventory (a sync by the CLI or another window).
    auto *reminders = new SecretReminderIndicators(services->store(), services->zid()->cache(), services->configDir(),
                                                   services->settings(),
                                                   statusBar(), m_ui->sidebar->item(ClientsPageIndex),
                                                   m_indicators->tray(), Clock::system(), this);
    connect(m_reloadTimer, &QTimer::timeout, reminders, &SecretReminderIndicators::reload);
    connect(m_reloadTimer, &QTimer::timeout, m_zidPage, &ZidInventoryPage::reloadCache);
    connect(m_zidPage, &ZidInventoryPage::inventorySynced, reminders, &SecretReminderIndicators::reload);
    restoreSettings();
    connect(m_banner, &TenantBanner::activeTenantChanged, this, &MainWindow::onActiveTenantChanged);
    onActiveTenantChanged(m_banner->activeTenantId());
    updateActions();
    // Never block start-up on the keychain: probe it once the window is up.
    QTimer::singleShot(0, this, &MainWindow::startKeychainProbe);
}

MainWindow::~MainWindow() = default;

void MainWindow::setupPages()
{
    m_tenants = new TenantsPage(m_services, m_ui->pages);
    m_clients = new ApiClientsPage(m_services, m_ui->pages);
    m_ui->pages->addWidget(m_tenants);
    m_ui->pages->addWidget(m_clients);
    m_segments = new AppSegmentsPage(m_services, m_ui->pages);
    m_ui->pages->addWidget(m_segments);
    m_zia = new ZiaPage(m_services, m_ui->pages);
    m_tools = new ToolsPage(m_services, m_ui->pages);
    m_ui->pages->addWidget(m_zia);
    m_ui->pages->addWidget(m_tools);
    m_zidPage = new ZidInventoryPage(m_services, m_ui->pages);
    m_ui->pages->addWidget(m_zidPage);
    connect(m_zia, &ZiaPage::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_segments, &AppSegmentsPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_tools, &ToolsPage::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });

    const QStringList icons = {QStringLiteral("tenant"), QStringLiteral("client"),
                               QStringLiteral("segments"), QStringLiteral("zia"), QStringLiteral("tools"),
                               QStringLiteral("key")};
    QListWidget *bar = m_ui->sidebar;
    bar->addItem(tr("ZIdentity clients")); // ZidPageIndex
    bar->setIconSize(QSize(20, 20));
    bar->setSpacing(2);
    for (int i = 0; i < bar->count() && i < icons.size(); ++i) {
        bar->item(i)->setIcon(Icons::get(icons[i]));
        bar->item(i)->setSizeHint(QSize(0, fontMetrics().height() + 16));
    }
    bar->setStyleSheet(QStringLiteral("QListWidget { background: palette(window); padding-top: 6px; }"));
    bar->setItemDelegate(new SidebarDelegate(bar));
    connect(bar, &QListWidget::currentRowChanged, m_ui->pages, &QStackedWidget::setCurrentIndex);
    connect(m_ui->pages, &QStackedWidget::currentChanged, this, &MainWindow::updateActions);
    bar->setCurrentRow(0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({170, 1000});

    for (TablePage *p : {static_cast<TablePage *>(m_tenants), static_cast<TablePage *>(m_clients),
                         static_cast<TablePage *>(m_zidPage)}) {
        p->setReadOnly(m_services->store()->isReadOnly());
        connect(p, &TablePage::actionsChanged, this, &MainWindow::updateActions);
        connect(p, &TablePage::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    }
    connect(m_tenants, &TenantsPage::activeTenantRequested, m_banner, &TenantBanner::setActiveTenant);
}

void MainWindow::setupActions()
{
    Ui::MainWindow *ui = m_ui.get();
    ui->actionNewTenant->setIcon(Icons::get(QStringLiteral("tenant")));
    ui->actionNewClient->setIcon(Icons::get(QStringLiteral("client")));
    ui->actionEdit->setIcon(Icons::get(QStringLiteral("edit")));
    ui->actionDelete->setIcon(Icons::get(QStringLiteral("delete")));
    ui->actionSetSecret->setIcon(Icons::get(QStringLiteral("key")));
    ui->actionFilter->setIcon(Icons::get(QStringLiteral("filter")));
    ui->actionTestConnection->setIcon(Icons::get(QStringLiteral("test")));
    ui->actionForgetToken->setIcon(Icons::get(QStringLiteral("forget")));
    ui->actionTestConnection->setIconText(tr("Test connection"));
    ui->actionQuit->setIcon(Icons::get(QStringLiteral("quit")));
    ui->actionAbout->setIcon(Icons::get(QStringLiteral("about")));
    ui->actionNewTenant->setIconText(tr("New tenant"));
    ui->actionNewClient->setIconText(tr("New API client"));
    ui->actionEdit->setIconText(tr("Edit"));
    ui->actionDelete->setIconText(tr("Delete"));
    ui->actionSetSecret->setIconText(tr("Set secret"));
    // Ctrl+Q, and the platform's quit key where it is another one (on Linux it is Ctrl+Q too: the
    // same key twice is an "ambiguous shortcut" and does nothing).
    QList<QKeySequence> quitKeys = {QKeySequence(tr("Ctrl+Q"))};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Quit))
        if (!quitKeys.contains(k))
            quitKeys << k;
    ui->actionQuit->setShortcuts(quitKeys);
    ui->actionDelete->setShortcuts({QKeySequence::Delete});
    ui->actionFilter->setShortcuts({QKeySequence::Find});
    for (QAction *a : {ui->actionNewTenant, ui->actionNewClient, ui->actionEdit, ui->actionDelete, ui->actionFilter,
                       ui->actionTestConnection})
        a->setToolTip(QStringLiteral("%1 (%2)").arg(a->iconText(), a->shortcut().toString(QKeySequence::NativeText)));

    connect(ui->actionNewTenant, &QAction::triggered, this, [this] {
        showPage(TenantsPageIndex);
        m_tenants->addItem();
    });
    connect(ui->actionNewClient, &QAction::triggered, this, &MainWindow::newClient);
    connect(ui->actionEdit, &QAction::triggered, this, [this] {
        if (TablePage *p = currentTablePage())
            p->editCurrent();
    });
    connect(ui->actionDelete, &QAction::triggered, this, [this] {
        if (TablePage *p = currentTablePage())
            p->deleteCurrent();
    });
    connect(ui->actionSetSecret, &QAction::triggered, m_clients, &ApiClientsPage::setSecretOfCurrent);
    connect(ui->actionTestConnection, &QAction::triggered, this, [this] {
        showPage(ClientsPageIndex);
        m_clients->testCurrent();
    });
    connect(ui->actionForgetToken, &QAction::triggered, m_clients, &ApiClientsPage::forgetCurrent);
    connect(ui->actionFilter, &QAction::triggered, this, [this] {
        if (TablePage *p = currentTablePage())
            p->focusFilter();
    });
    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionAbout, &QAction::triggered, this, &MainWindow::about);
    auto *showZid = new QAction(tr("ZIdentity &clients"), this);
    showZid->setObjectName(QStringLiteral("actionShowZid"));
    showZid->setShortcut(QKeySequence(tr("Ctrl+6")));
    showZid->setStatusTip(tr("Show the tenant's ZIdentity API clients"));
    ui->menuView->addAction(showZid);
    const QList<QAction *> pageActions = {ui->actionShowTenants, ui->actionShowClients, ui->actionShowSegments,
                                          ui->actionShowZia, ui->actionShowTools, showZid};
    for (int i = 0; i < pageActions.size(); ++i)
        connect(pageActions[i], &QAction::triggered, this, [this, i] { showPage(i); });
}

void MainWindow::newClient()
{
    showPage(ClientsPageIndex);
    m_clients->addItem();
}

void MainWindow::setupStatusBar()
{
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_configLabel = new QLabel(this);
    m_configLabel->setObjectName(QStringLiteral("configLabel"));
    m_keychainLabel = new QLabel(tr("Keychain: checking…"), this);
    m_keychainLabel->setObjectName(QStringLiteral("keychainLabel"));
    for (QLabel *l : {m_countsLabel, m_configLabel, m_keychainLabel}) {
        l->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(l);
    }
    TenantStore *store = m_services->store();
    connect(store, &TenantStore::tenantInserted, this, &MainWindow::updateCounts);
    connect(store, &TenantStore::tenantRemoved, this, &MainWindow::updateCounts);
    connect(store, &TenantStore::clientInserted, this, &MainWindow::updateCounts);
    connect(store, &TenantStore::clientRemoved, this, &MainWindow::updateCounts);
    connect(store, &TenantStore::reset, this, &MainWindow::updateCounts);
    connect(store, &TenantStore::reset, this, &MainWindow::updateConfigStatus);
    updateCounts();
    updateConfigStatus();
}

void MainWindow::updateCounts()
{
    const TenantStore *s = m_services->store();
    const int tenants = int(s->tenants().size());
    const int clients = int(s->clients().size());
    m_countsLabel->setText((tenants == 1 ? tr("1 tenant") : tr("%1 tenants").arg(tenants))
                           + QStringLiteral(" · ")
                           + (clients == 1 ? tr("1 API client") : tr("%1 API clients").arg(clients)));
    updateActions();
}

void MainWindow::updateConfigStatus()
{
    const TenantStore *s = m_services->store();
    QString text;
    if (s->isReadOnly())
        text = tr("Config: read-only");
    else if (!s->warnings().isEmpty())
        text = s->warnings().size() == 1 ? tr("Config: 1 warning")
                                         : tr("Config: %1 warnings").arg(s->warnings().size());
    else
        text = tr("Config: OK");
    m_configLabel->setText(text);
    QStringList tip{QDir::toNativeSeparators(s->configPath())};
    tip << s->warnings();
    m_configLabel->setToolTip(tip.join(QLatin1Char('\n')));
    const bool ro = s->isReadOnly();
    m_tenants->setReadOnly(ro);
    m_clients->setReadOnly(ro);
    m_segments->setReadOnly(ro);
    m_zidPage->setReadOnly(ro);
    updateActions();
}

void MainWindow::showStoreWarnings()
{
    const TenantStore *s = m_services->store();
    for (const QString &w : s->warnings()) {
        if (m_shownWarnings.contains(w))
            continue;
        m_shownWarnings << w;
        const bool ro = w == s->readOnlyReason();
        MessageBar *bar = addMessageBar(ro ? MessageBar::Type::Error : MessageBar::Type::Warning,
                                        ro ? tr("Read-only: %1").arg(w) : w);
        bar->setObjectName(ro ? QStringLiteral("readOnlyBar") : QStringLiteral("configWarningBar"));
    }
}

MessageBar *MainWindow::addMessageBar(MessageBar::Type type, const QString &text)
{
    auto *bar = new MessageBar(type, text, m_ui->topArea);
    m_ui->topLayout->addWidget(bar);
    statusBar()->showMessage(text, 10000);
    return bar;
}

QList<MessageBar *> MainWindow::messageBars() const { return m_ui->topArea->findChildren<MessageBar *>(); }

void MainWindow::setupConfigWatch()
{
    // The CLI or a second window may change config.json: follow it (the store merges changes).
    m_watcher = new QFileSystemWatcher(this);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    if (QDir(m_services->configDir()).exists())
        m_watcher->addPath(m_services->configDir());
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer, qOverload<>(&QTimer::start));
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        m_services->store()->reloadIfChanged();
        showStoreWarnings();
    });
}

void MainWindow::startKeychainProbe()
{
    m_keychainLabel->setText(tr("Keychain: checking…"));
    SecretJob *job = m_services->keychain()->probe();
    connect(job, &SecretJob::slow, this, [this] {
        m_keychainLabel->setText(tr("Keychain: waiting (an unlock prompt may be open)…"));
    });
    connect(job, &SecretJob::finished, this, &MainWindow::onKeychainProbed);
}

void MainWindow::onKeychainProbed(const SecretResult &result)
{
    m_keychainProbed = true;
    const QString service = m_services->keychain()->service();
    if (result.ok()) {
        m_keychainLabel->setText(tr("Keychain: ready"));
        m_keychainLabel->setToolTip(tr("OS keychain usable (service “%1”)").arg(service));
        return;
    }
    QString state;
    switch (result.status) {
    case SecretStatus::Denied: state = tr("locked"); break;
    case SecretStatus::Timeout: state = tr("not answering"); break;
    default: state = tr("unavailable"); break;
    }
    QString reason = result.message;
    const QString shortReason = reason.size() > 90 ? reason.left(88) + QStringLiteral("…") : reason;
    m_keychainLabel->setText(tr("Keychain: %1 — %2").arg(state, shortReason));
    m_keychainLabel->setToolTip(reason);
    MessageBar *bar = addMessageBar(MessageBar::Type::Error,
                                    tr("Keychain %1: secrets cannot be stored or read until this is "
                                       "fixed. %2")
                                        .arg(state, reason));
    bar->setObjectName(QStringLiteral("keychainBar"));
}

void MainWindow::onActiveTenantChanged(const QString &tenantId)
{
    m_services->settings()->setValue(settingskey::activeTenant(), tenantId);
    m_clients->setActiveTenant(tenantId);
    m_zia->setActiveTenant(tenantId);
    m_segments->setActiveTenant(tenantId);
    m_zidPage->setActiveTenant(tenantId);
    const Tenant *t = m_services->store()->tenant(tenantId);
    setWindowTitle(t ? tr("%1 — zconsole").arg(t->name) : tr("zconsole"));
}

TablePage *MainWindow::currentTablePage() const
{
    return qobject_cast<TablePage *>(m_ui->pages->currentWidget());
}

int MainWindow::currentPage() const { return m_ui->pages->currentIndex(); }

void MainWindow::showPage(int page) { m_ui->sidebar->setCurrentRow(page); }

bool MainWindow::isReadOnly() const { return m_services->store()->isReadOnly(); }

QString MainWindow::countsText() const { return m_countsLabel->text(); }
QString MainWindow::keychainText() const { return m_keychainLabel->text(); }
QString MainWindow::tokensText() const { return m_indicators->tokensText(); }
QString MainWindow::ziaText() const { return m_indicators->ziaText(); }
TrayNotifier *MainWindow::tray() const { return m_indicators->tray(); }

QString MainWindow::sidebarBadge(int page) const
{
    const QListWidgetItem *item = m_ui->sidebar->item(page);
    return item ? item->data(SidebarDelegate::BadgeRole).toString() : QString();
}
QString MainWindow::configText() const { return m_configLabel->text(); }

void MainWindow::updateActions()
{
    if (!m_tenants || !m_clients || !m_ui->actionNewTenant)
        return;
    const bool ro = isReadOnly();
    TablePage *page = currentTablePage();
    m_ui->actionNewTenant->setEnabled(!ro);
    m_ui->actionNewClient->setEnabled(m_clients->canAdd());
    m_ui->actionEdit->setEnabled(page && page->canEdit());
    m_ui->actionDelete->setEnabled(page && page->canDelete());
    m_ui->actionSetSecret->setEnabled(page == m_clients && m_clients->canSetSecret());
    m_ui->actionTestConnection->setEnabled(page == m_clients && m_clients->canTestConnection());
    m_ui->actionForgetToken->setEnabled(page == m_clients && m_clients->canForgetToken());
    m_ui->actionFilter->setEnabled(page != nullptr);
}

void MainWindow::restoreSettings()
{
    QSettings *s = m_services->settings();
    if (!restoreGeometry(s->value(settingskey::geometry()).toByteArray()))
        resize(1180, 700);
    restoreState(s->value(settingskey::windowState()).toByteArray());
    m_ui->splitter->restoreState(s->value(settingskey::splitter()).toByteArray());
    m_tenants->restoreState(s);
    m_clients->restoreState(s);
    m_segments->restoreState(s);
    m_zia->restoreState(s);
    m_tools->restoreState(s);
    m_zidPage->restoreState(s);
    showPage(qBound(0, s->value(settingskey::currentPage(), 0).toInt(), m_ui->pages->count() - 1));
    m_banner->setActiveTenant(s->value(settingskey::activeTenant()).toString());
}

void MainWindow::saveSettings()
{
    QSettings *s = m_services->settings();
    s->setValue(settingskey::geometry(), saveGeometry());
    s->setValue(settingskey::windowState(), saveState());
    s->setValue(settingskey::splitter(), m_ui->splitter->saveState());
    s->setValue(settingskey::currentPage(), currentPage());
    m_tenants->saveState(s);
    m_clients->saveState(s);
    m_segments->saveState(s);
    m_zia->saveState(s);
    m_tools->saveState(s);
    m_zidPage->saveState(s);
    s->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const QStringList pending = m_services->zia()->tenantsWithPendingChanges();
    if (!pending.isEmpty() && !m_quitConfirmed) {
        // Ask (without a nested event loop); on "yes" close() runs again.
        event->ignore();
        confirmQuitWithPending(pending);
        return;
    }
    m_quitConfirmed = false;
    saveSettings();
    event->accept();
}

void MainWindow::confirmQuitWithPending(const QStringList &tenantIds)
{
    if (m_askingQuit)
        return;
    m_askingQuit = true;
    const Confirm::Request req = QuitGuard::pendingChangesRequest(m_services, tenantIds);
    Confirm::ask(this, req, this, [this](bool yes) {
        m_askingQuit = false;
        if (!yes) {
            showPage(ZiaPageIndex);
            statusBar()->showMessage(tr("Not quitting: the ZIA page shows the pending changes"), 8000);
            return;
        }
        m_quitConfirmed = true;
        close();
    });
}

void MainWindow::about()
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About zconsole"));
    box->setIconPixmap(Icons::get(QStringLiteral("zconsole")).pixmap(64, 64));
    box->setText(tr("<b>zconsole %1</b>").arg(QStringLiteral(ZCONSOLE_VERSION)));
    box->setInformativeText(
        tr("Console and offline credential manager for Zscaler (ZPA, ZIA, ZIdentity) and "
           "Palo Alto SaaS Security tenants.\n\nSecrets live only in the OS keychain (service “%1”).\n"
           "Configuration: %2\nQt %3")
            .arg(m_services->keychain()->service(), QDir::toNativeSeparators(m_services->configDir()),
                 QString::fromLatin1(qVersion())));
    box->open();
}

} // namespace zc
