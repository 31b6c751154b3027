#include "ApiClientsPage.h"

#include "ui_ApiClientsPage.h"

#include "ApiClientDialog.h"
#include "AppServices.h"
#include "ClientFilterProxy.h"
#include "Confirm.h"
#include "Icons.h"
#include "SetSecretDialog.h"
// ApiClientTableModel.h holds a QPointer<TokenStatusSource> with only a forward declaration:
// the complete type must come first (see the report to the models owner).
#include "core/TokenStatusSource.h"
#include "models/ApiClientTableModel.h"

#include <QMenu>

namespace zc {

ApiClientsPage::ApiClientsPage(AppServices *services, QWidget *parent)
    : TablePage(services, parent)
    , m_ui(std::make_unique<Ui::ApiClientsPage>())
    , m_model(new ApiClientTableModel(services->store(), this))
    , m_clientProxy(new ClientFilterProxy(this))
{
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
    // The token columns stay empty until the session worker feeds the model: hidden by default
    // (the header menu shows them; a saved header state wins).
    if (!m_model->tokenSource())
        for (int c = ApiClientTableModel::State; c < ApiClientTableModel::ColumnCount; ++c)
            m_ui->tableView->setColumnHidden(c, true);
    m_ui->secretButton->setIcon(Icons::get(QStringLiteral("key")));
    connect(m_ui->secretButton, &QPushButton::clicked, this, &ApiClientsPage::setSecretOfCurrent);
    connect(m_ui->onlyActiveCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_services->settings()->setValue(settingskey::clientsOnlyActive(), on);
        applyTenantFilter();
    });
    connect(this, &TablePage::actionsChanged, this,
            [this] { m_ui->secretButton->setEnabled(canSetSecret()); });
    // The "no tenants" hint and the Add button follow the tenant list.
    connect(services->store(), &TenantStore::tenantInserted, this, &ApiClientsPage::updateActions);
    connect(services->store(), &TenantStore::tenantRemoved, this, &ApiClientsPage::updateActions);
    connect(services->store(), &TenantStore::reset, this, &ApiClientsPage::updateActions);
    m_ui->onlyActiveCheck->setChecked(services->settings()->value(settingskey::clientsOnlyActive(), false).toBool());
    updateActions();
}

ApiClientsPage::~ApiClientsPage() = default;

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
