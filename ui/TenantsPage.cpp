#include "TenantsPage.h"

#include "ui_TenantsPage.h"

#include "services/AppServices.h"
#include "SettingsKeys.h"
#include "Confirm.h"
#include "TenantDialog.h"
#include "models/TableFilterProxy.h"
#include "models/TenantTableModel.h"

#include <QMenu>

namespace zc {

TenantsPage::TenantsPage(AppServices *services, QWidget *parent)
    : TablePage(services, parent)
    , m_ui(std::make_unique<Ui::TenantsPage>())
    , m_model(new TenantTableModel(services->store(), this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("tenantsPage"));
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.25);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    setupTable(m_ui->tableView, m_ui->filterEdit, m_ui->addButton, m_ui->editButton,
               m_ui->deleteButton, m_model, new TableFilterProxy(this), settingskey::tenantsHeader());
    // Name, Cloud, Vanity, ZPA, ZIA, Clients, Protected, Notes (Modified stretches).
    m_ui->tableView->setInitialColumnWidths({22, 14, 14, 20, 10, 9, 9, 20});
}

TenantsPage::~TenantsPage() = default;

QString TenantsPage::emptyText() const
{
    return isReadOnly() ? tr("No tenants.")
                        : tr("No tenants yet.\nAdd one with “Add…” or New tenant (Ctrl+N).");
}

void TenantsPage::fillContextMenu(QMenu *menu)
{
    const QString id = currentId();
    QAction *active = menu->addAction(tr("Set as &active tenant"), this,
                                      [this, id] { emit activeTenantRequested(id); });
    active->setEnabled(!id.isEmpty());
    menu->addSeparator();
    TablePage::fillContextMenu(menu);
}

void TenantsPage::addItem()
{
    if (!canAdd())
        return;
    auto *dlg = new TenantDialog(m_services->store(), QString(), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &TenantDialog::saved, this, [this](const QString &id) {
        m_ui->filterEdit->clear();
        selectId(id);
        if (const Tenant *t = m_services->store()->tenant(id))
            emit statusMessage(tr("Added tenant “%1”").arg(t->name));
    });
    dlg->open();
}

void TenantsPage::editCurrent()
{
    const QString id = currentId();
    if (id.isEmpty() || !canEdit())
        return;
    auto *dlg = new TenantDialog(m_services->store(), id, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &TenantDialog::saved, this, [this](const QString &savedId) {
        selectId(savedId);
        if (const Tenant *t = m_services->store()->tenant(savedId))
            emit statusMessage(tr("Saved tenant “%1”").arg(t->name));
    });
    dlg->open();
}

void TenantsPage::deleteCurrent()
{
    if (canDelete())
        deleteTenant(currentId());
}

void TenantsPage::deleteTenant(const QString &tenantId)
{
    const Tenant *t = m_services->store()->tenant(tenantId);
    if (!t)
        return;
    const QList<ApiClient> clients = m_services->store()->clientsOf(tenantId);
    QStringList names;
    for (const ApiClient &c : clients)
        names << QStringLiteral("“%1”").arg(c.name);
    Confirm::Request req;
    req.title = tr("Delete tenant");
    req.text = tr("Delete the tenant “%1”?").arg(t->name);
    req.details = clients.isEmpty()
        ? tr("It has no API clients. This cannot be undone.")
        : (clients.size() == 1
               ? tr("This also deletes its 1 API client (%1) and its secrets in the OS keychain. "
                    "This cannot be undone.")
                     .arg(names.constFirst())
               : tr("This also deletes its %1 API clients (%2) and their secrets in the OS "
                    "keychain. This cannot be undone.")
                     .arg(clients.size())
                     .arg(names.join(QStringLiteral(", "))));
    req.acceptLabel = tr("Delete tenant");
    if (t->isProtected)
        req.typedName = t->name;
    const QString name = t->name;
    const int count = int(clients.size());
    Confirm::ask(this, req, this, [this, tenantId, name, count](bool yes) {
        if (!yes) {
            emit statusMessage(tr("Nothing deleted"));
            return;
        }
        m_services->secrets()->removeTenant(tenantId, this, [this, name, count](const ApiError &e) {
            if (!e) {
                emit statusMessage(count == 1 ? tr("Deleted tenant “%1” and its API client").arg(name)
                                              : tr("Deleted tenant “%1” and %2 API clients").arg(name).arg(count));
                return;
            }
            if (e.kind == ErrorKind::Keychain || e.kind == ErrorKind::Cancelled)
                showError(tr("Delete tenant"),
                          tr("The tenant “%1” was removed from the configuration, but some of its "
                             "keychain entries could not be deleted: %2")
                              .arg(name, e.message));
            else
                showError(tr("Delete tenant"), tr("The tenant “%1” was not deleted: %2").arg(name, e.message));
        });
    });
}

} // namespace zc
