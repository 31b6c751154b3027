#include "ApiClientsPage.h"

#include "ui_ApiClientsPage.h"

#include "ApiClientDialog.h"
#include "services/AppServices.h"
#include "SettingsKeys.h"
#include "Confirm.h"
#include "Icons.h"
#include "MessageBar.h"
#include "SetSecretDialog.h"
#include "TableView.h"
// ApiClientTableModel.h holds a QPointer<TokenStatusSource> with only a forward declaration:
// the complete type must come first (see the report to the models owner).
#include "core/TokenStatusSource.h"
#include "models/ApiClientTableModel.h"
#include "models/ClientFilterProxy.h"
#include "services/SessionWorker.h"
#include "services/TokenController.h"
#include "services/TokenTracker.h"
#include "tokens/TokenStyle.h"

#include <QHeaderView>
#include <QMenu>
#include <QSettings>

namespace zc {

ApiClientsPage::ApiClientsPage(AppServices *services, QWidget *parent)
    : TablePage(services, parent)
    , m_ui(std::make_unique<Ui::ApiClientsPage>())
    , m_model(new ApiClientTableModel(services->store(), this))
    , m_clientProxy(new ClientFilterProxy(this))
{
    m_clientProxy->setTokenDecoration(&TokenStyle::icon, TokenStyle::color(TokenState::Error));
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("apiClientsPage"));
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.25);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    setupTable(m_ui->tableView, m_ui->filterEdit, m_ui->addButton, m_ui->editButton,
               m_ui->deleteButton, m_model, m_clientProxy, settingskey::clientsHeader());
    // Name, Tenant, Kind, Identity, Secrets, Endpoint (Modified stretches).
    m_ui->tableView->setInitialColumnWidths({20, 18, 13, 22, 22, 24, 16});
    setupTokens();
    m_ui->secretButton->setIcon(Icons::get(QStringLiteral("key")));
    connect(m_ui->secretButton, &QPushButton::clicked, this, &ApiClientsPage::setSecretOfCurrent);
    connect(m_ui->onlyActiveCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_services->settings()->setValue(settingskey::clientsOnlyActive(), on);
        applyTenantFilter();
    });
    connect(this, &TablePage::actionsChanged, this, [this] {
        m_ui->secretButton->setEnabled(canSetSecret());
        m_ui->testButton->setEnabled(canTestConnection());
        m_ui->forgetButton->setEnabled(canForgetToken());
    });
    // The "no tenants" hint and the Add button follow the tenant list.
    connect(services->store(), &TenantStore::tenantInserted, this, &ApiClientsPage::updateActions);
    connect(services->store(), &TenantStore::tenantRemoved, this, &ApiClientsPage::updateActions);
    connect(services->store(), &TenantStore::reset, this, &ApiClientsPage::updateActions);
    m_ui->onlyActiveCheck->setChecked(services->settings()->value(settingskey::clientsOnlyActive(), false).toBool());
    updateActions();
}

void ApiClientsPage::restoreState(QSettings *settings)
{
    TablePage::restoreState(settings);
    showTokenColumnsOnce();
}

ApiClientsPage::~ApiClientsPage() = default;

void ApiClientsPage::setupTokens()
{
    m_result = new MessageBar(MessageBar::Type::Info, QString(), this);
    m_result->setObjectName(QStringLiteral("connectionResultBar"));
    m_result->hide();
    m_ui->pageLayout->insertWidget(m_ui->pageLayout->indexOf(m_ui->tableView) + 1, m_result);
    m_ui->testButton->setIcon(Icons::get(QStringLiteral("test")));
    m_ui->forgetButton->setIcon(Icons::get(QStringLiteral("forget")));
    for (QPushButton *b : {m_ui->testButton, m_ui->forgetButton})
        b->setToolTip(b->statusTip());
    QPalette dim = m_ui->tokenHint->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::Disabled, QPalette::WindowText));
    m_ui->tokenHint->setPalette(dim);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ApiClientsPage::testCurrent);
    connect(m_ui->forgetButton, &QPushButton::clicked, this, &ApiClientsPage::forgetCurrent);

    TokenController *tc = m_services->tokenController();
    TokenTracker *tracker = m_services->tokens();
    if (!tc || !tracker) {
        // No session: the token columns would stay empty (the header menu still shows them).
        for (int c = ApiClientTableModel::State; c < ApiClientTableModel::ColumnCount; ++c)
            m_ui->tableView->setColumnHidden(c, true);
        return;
    }
    m_model->setTokenSource(tracker);
    connect(tc, &TokenController::testFinished, this, &ApiClientsPage::onTestFinished);
    connect(tracker, &TokenStatusSource::statusChanged, this, [this](const QString &id) {
        if (id == currentId())
            updateActions();
    });
}

void ApiClientsPage::showTokenColumnsOnce()
{
    // Earlier versions hid the token columns (nothing fed them): show them once, next to the
    // kind, where an admin looks first; later the person's own header layout wins.
    QSettings *s = m_services->settings();
    if (!m_model->tokenSource() || s->value(settingskey::clientsTokenColumns(), false).toBool())
        return;
    s->setValue(settingskey::clientsTokenColumns(), true);
    QHeaderView *h = m_ui->tableView->horizontalHeader();
    for (int c = ApiClientTableModel::State; c < ApiClientTableModel::ColumnCount; ++c)
        h->setSectionHidden(c, false);
    h->moveSection(h->visualIndex(ApiClientTableModel::State), h->visualIndex(ApiClientTableModel::Kind) + 1);
    h->moveSection(h->visualIndex(ApiClientTableModel::ExpiresIn), h->visualIndex(ApiClientTableModel::State) + 1);
    h->moveSection(h->visualIndex(ApiClientTableModel::LastError), h->visualIndex(ApiClientTableModel::ExpiresIn) + 1);
    const int ch = fontMetrics().averageCharWidth();
    m_ui->tableView->setColumnWidth(ApiClientTableModel::State, 10 * ch + 36);
    m_ui->tableView->setColumnWidth(ApiClientTableModel::ExpiresIn, 19 * ch + 16);
    m_ui->tableView->setColumnWidth(ApiClientTableModel::LastError, 26 * ch + 16);
    m_ui->tableView->setColumnWidth(ApiClientTableModel::Modified, 16 * ch + 16);
}

QString ApiClientsPage::clientName(const QString &clientId) const
{
    const ApiClient *c = m_services->store()->client(clientId);
    return c ? c->name : clientId;
}

bool ApiClientsPage::canTestConnection() const
{
    const QString id = currentId();
    return !id.isEmpty() && !m_testing.contains(id);
}

bool ApiClientsPage::canForgetToken() const
{
    const QString id = currentId();
    return !id.isEmpty() && m_services->tokens()
           && m_services->tokens()->status(id).state != TokenState::NoToken;
}

void ApiClientsPage::showResult(int type, const QString &text, bool busy)
{
    m_result->setType(MessageBar::Type(type));
    m_result->setText(text);
    m_result->setBusy(busy);
    m_result->show();
}

void ApiClientsPage::testCurrent()
{
    const QString id = currentId();
    if (id.isEmpty() || !canTestConnection())
        return;
    const QString name = clientName(id);
    if (!m_services->sessionWorker() || !m_services->sessionWorker()->isRunning()) {
        showResult(int(MessageBar::Type::Error),
                   tr("“%1”: cannot test: the background session worker is not running.").arg(name), false);
        return;
    }
    m_testing << id;
    showResult(int(MessageBar::Type::Info), tr("Testing the connection of “%1”…").arg(name), true);
    emit statusMessage(tr("Testing the connection of “%1”…").arg(name));
    updateActions();
    m_services->tokenController()->testConnection(id);
}

void ApiClientsPage::onTestFinished(const QString &clientId, bool ok, const QString &message)
{
    m_testing.removeAll(clientId);
    const QString name = clientName(clientId);
    const QString text = ok ? tr("“%1”: %2").arg(name, message) : tr("“%1”: connection failed: %2").arg(name, message);
    showResult(int(ok ? MessageBar::Type::Success : MessageBar::Type::Error), text, !m_testing.isEmpty());
    emit statusMessage(text);
    updateActions();
}

void ApiClientsPage::forgetCurrent()
{
    const QString id = currentId();
    const ApiClient *c = m_services->store()->client(id);
    if (!c || !canForgetToken())
        return;
    const QString name = c->name;
    auto forget = [this, id, name] {
        m_services->tokenController()->forgetToken(id);
        emit statusMessage(tr("Forgot the token of “%1”; a new one is fetched when next needed").arg(name));
    };
    if (c->kind != AuthKind::ZiaLegacy) {
        forget();
        return;
    }
    // A ZIA session is not ended by forgetting it: it idles out on the server, and that
    // activates the tenant's pending changes.
    Confirm::Request req;
    req.title = tr("Forget ZIA session");
    req.text = tr("Forget the ZIA API session of “%1”?").arg(name);
    req.details = tr("The session is not ended on the server: it ends by itself after its idle timeout, and a ZIA "
                     "session that ends ACTIVATES every pending change of the tenant, including other admins' "
                     "changes.");
    req.acceptLabel = tr("Forget session");
    Confirm::ask(this, req, this, [forget](bool yes) {
        if (yes)
            forget();
    });
}

bool ApiClientsPage::canAdd() const
{
    return TablePage::canAdd() && !m_services->store()->tenants().isEmpty();
}

bool ApiClientsPage::canSetSecret() const
{
    return !isReadOnly() && !currentId().isEmpty();
}

void ApiClientsPage::setActiveTenant(const QString &tenantId)
{
    m_activeTenant = tenantId;
    applyTenantFilter();
}

void ApiClientsPage::setOnlyActiveTenant(bool on) { m_ui->onlyActiveCheck->setChecked(on); }

bool ApiClientsPage::onlyActiveTenant() const { return m_ui->onlyActiveCheck->isChecked(); }

void ApiClientsPage::applyTenantFilter()
{
    m_ui->onlyActiveCheck->setEnabled(!m_activeTenant.isEmpty());
    m_clientProxy->setTenantFilter(onlyActiveTenant() ? m_activeTenant : QString());
    updateActions();
}

QString ApiClientsPage::emptyText() const
{
    if (m_services->store()->tenants().isEmpty())
        return tr("No API clients yet.\nAdd a tenant first (Ctrl+N), then its API clients (Ctrl+Shift+N).");
    return tr("No API clients yet.\nAdd one with “Add…” or New API client (Ctrl+Shift+N).");
}

QString ApiClientsPage::noMatchText() const
{
    if (!m_clientProxy->tenantFilter().isEmpty() && filterEdit()->text().isEmpty()) {
        const Tenant *t = m_services->store()->tenant(m_clientProxy->tenantFilter());
        return tr("The tenant “%1” has no API clients yet.").arg(t ? t->name : QString());
    }
    return TablePage::noMatchText();
}

void ApiClientsPage::fillContextMenu(QMenu *menu)
{
    TablePage::fillContextMenu(menu);
    menu->insertSeparator(menu->actions().value(1));
    QAction *secret = new QAction(Icons::get(QStringLiteral("key")), tr("Set &secret…"), menu);
    secret->setEnabled(canSetSecret());
    connect(secret, &QAction::triggered, this, &ApiClientsPage::setSecretOfCurrent);
    menu->insertAction(menu->actions().value(1), secret);
    QAction *first = menu->actions().value(0);
    QAction *test = new QAction(Icons::get(QStringLiteral("test")), tr("&Test connection"), menu);
    test->setShortcut(QKeySequence(tr("Ctrl+T")));
    test->setEnabled(canTestConnection());
    connect(test, &QAction::triggered, this, &ApiClientsPage::testCurrent);
    QAction *forget = new QAction(Icons::get(QStringLiteral("forget")), tr("&Forget token"), menu);
    forget->setEnabled(canForgetToken());
    connect(forget, &QAction::triggered, this, &ApiClientsPage::forgetCurrent);
    menu->insertAction(first, test);
    menu->insertAction(first, forget);
    menu->insertSeparator(first);
}

void ApiClientsPage::addItem()
{
    if (!canAdd())
        return;
    auto *dlg = new ApiClientDialog(m_services->secrets(), QString(), m_activeTenant, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &ApiClientDialog::saved, this, [this](const QString &id) {
        filterEdit()->clear();
        selectId(id);
        if (const ApiClient *c = m_services->store()->client(id))
            emit statusMessage(tr("Saved API client “%1”").arg(c->name));
    });
    dlg->open();
}

void ApiClientsPage::editCurrent()
{
    const QString id = currentId();
    if (id.isEmpty() || !canEdit())
        return;
    auto *dlg = new ApiClientDialog(m_services->secrets(), id, QString(), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &ApiClientDialog::saved, this, [this](const QString &savedId) {
        selectId(savedId);
        if (const ApiClient *c = m_services->store()->client(savedId))
            emit statusMessage(tr("Saved API client “%1”").arg(c->name));
    });
    dlg->open();
}

void ApiClientsPage::setSecretOfCurrent()
{
    const QString id = currentId();
    if (id.isEmpty() || !canSetSecret())
        return;
    auto *dlg = new SetSecretDialog(m_services->secrets(), id, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, id] {
        if (const ApiClient *c = m_services->store()->client(id))
            emit statusMessage(tr("Stored the secret of “%1” in the OS keychain").arg(c->name));
    });
    dlg->open();
}

void ApiClientsPage::deleteCurrent()
{
    if (canDelete())
        deleteClient(currentId());
}

void ApiClientsPage::deleteClient(const QString &clientId)
{
    const ApiClient *c = m_services->store()->client(clientId);
    if (!c)
        return;
    const Tenant *t = m_services->store()->tenant(c->tenantId);
    QStringList stored;
    for (SecretField f : c->secretFields())
        if (c->hasSecret(f))
            stored << secretFieldName(f);
    Confirm::Request req;
    req.title = tr("Delete API client");
    req.text = tr("Delete the API client “%1” of tenant “%2”?").arg(c->name, t ? t->name : QString());
    req.details = stored.isEmpty()
        ? tr("Its keychain entries (none recorded) are cleaned up too. This cannot be undone.")
        : tr("This also deletes its keychain entries (%1). This cannot be undone.")
              .arg(stored.join(QStringLiteral(", ")));
    req.acceptLabel = tr("Delete client");
    const QString name = c->name;
    Confirm::ask(this, req, this, [this, clientId, name](bool yes) {
        if (!yes) {
            emit statusMessage(tr("Nothing deleted"));
            return;
        }
        m_services->secrets()->removeClient(clientId, this, [this, name](const ApiError &e) {
            if (!e) {
                emit statusMessage(tr("Deleted API client “%1” and its keychain entries").arg(name));
                return;
            }
            if (e.kind == ErrorKind::Keychain || e.kind == ErrorKind::Cancelled)
                showError(tr("Delete API client"),
                          tr("“%1” was removed from the configuration, but its keychain entries "
                             "could not be deleted: %2")
                              .arg(name, e.message));
            else
                showError(tr("Delete API client"), tr("“%1” was not deleted: %2").arg(name, e.message));
        });
    });
}

} // namespace zc
