#include "ZidInventoryPage.h"

#include "ApiClientDialog.h"
#include "Confirm.h"
#include "Icons.h"
#include "MessageBar.h"
#include "RotationWizard.h"
#include "ZidClientDialog.h"
#include "SettingsKeys.h"
#include "TableView.h"
#include "models/ModelRoles.h"
#include "models/TableFilterProxy.h"
#include "models/ZidInventoryModel.h"
#include "services/AppServices.h"
#include "services/ZidInventorySync.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"
#include "tokens/TokenStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace zc {

namespace {
QString ageOf(const QDateTime &at, const QDateTime &now)
{
    const qint64 s = qMax<qint64>(0, at.secsTo(now));
    if (s < 60)
        return ZidInventoryPage::tr("synced just now");
    if (s < 3600)
        return ZidInventoryPage::tr("synced %n min ago", nullptr, int(s / 60));
    if (s < 48 * 3600)
        return ZidInventoryPage::tr("synced %n h ago", nullptr, int(s / 3600));
    return ZidInventoryPage::tr("synced %n days ago", nullptr, int(s / 86400));
}
} // namespace

ZidInventoryPage::ZidInventoryPage(AppServices *services, QWidget *parent)
    : TablePage(services, parent)
    , m_model(new ZidInventoryModel(this))
    , m_sync(new ZidInventorySync(services->zid(), services->store(), this))
{
    setObjectName(QStringLiteral("zidInventoryPage"));
    ZidInventoryModel::Palette palette;
    palette.expiredBackground = TokenStyle::color(TokenState::Error);
    palette.weekText = TokenStyle::color(TokenState::Error);
    palette.monthText = TokenStyle::color(TokenState::Expiring).darker(130); // readable on white
    m_model->setPalette(palette);

    m_title = new QLabel(tr("ZIdentity clients"), this);
    QFont title = m_title->font();
    title.setPointSizeF(title.pointSizeF() * 1.25);
    title.setBold(true);
    m_title->setFont(title);

    m_syncButton = new QPushButton(Icons::get(QStringLiteral("refresh")), tr("&Sync"), this);
    m_syncButton->setObjectName(QStringLiteral("syncButton"));
    m_syncButton->setToolTip(tr("Read the tenant's API clients and their secrets' dates from ZIdentity (F5)"));
    m_cancelButton = new QPushButton(Icons::get(QStringLiteral("stop")), tr("C&ancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelSyncButton"));
    m_cancelButton->setToolTip(tr("Stop the sync; the last synced inventory stays"));
    m_age = new QLabel(this);
    m_age->setObjectName(QStringLiteral("syncAgeLabel"));
    auto *filter = new QLineEdit(this);
    filter->setObjectName(QStringLiteral("filterEdit"));
    filter->setToolTip(tr("Filter by name, client id or profile (Ctrl+F)"));
    filter->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addSpacing(12);
    top->addWidget(m_syncButton);
    top->addWidget(m_cancelButton);
    top->addWidget(m_age, 1);
    top->addWidget(filter);

    m_bar = new MessageBar(MessageBar::Type::Info, QString(), this);
    m_bar->setObjectName(QStringLiteral("zidMessageBar"));
    m_bar->hide();

    auto *view = new TableView(this);
    view->setObjectName(QStringLiteral("tableView"));
    view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *create = new QPushButton(tr("&Create local profile…"), this);
    create->setObjectName(QStringLiteral("createProfileButton"));
    create->setStatusTip(tr("Add a OneAPI profile for the selected remote client (its secret is typed in the dialog)"));
    auto *edit = new QPushButton(tr("&Edit profile…"), this);
    edit->setObjectName(QStringLiteral("editProfileButton"));
    edit->setStatusTip(tr("Edit the local profile of the selected row (F2)"));
    auto *del = new QPushButton(tr("&Delete remote client…"), this);
    del->setObjectName(QStringLiteral("deleteRemoteButton"));
    del->setStatusTip(tr("Delete the selected client on the ZIdentity server (asks first)"));
    m_rotateButton = new QPushButton(Icons::get(QStringLiteral("key")), tr("&Rotate secret…"), this);
    m_rotateButton->setObjectName(QStringLiteral("rotateButton"));
    m_rotateButton->setToolTip(tr("Renew the selected profile's secret (or key pair) safely (Ctrl+R)"));
    m_rotateButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_newRemoteButton = new QPushButton(Icons::get(QStringLiteral("add")), tr("&New client…"), this);
    m_newRemoteButton->setObjectName(QStringLiteral("newRemoteButton"));
    m_newRemoteButton->setToolTip(tr("Create an API client on the ZIdentity server, with a working local profile"));
    m_editRemoteButton = new QPushButton(Icons::get(QStringLiteral("edit")), tr("Edit c&lient…"), this);
    m_editRemoteButton->setObjectName(QStringLiteral("editRemoteButton"));
    m_editRemoteButton->setToolTip(tr("Edit the selected client on the ZIdentity server"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_newRemoteButton);
    bottom->addWidget(m_editRemoteButton);
    bottom->addWidget(create);
    bottom->addWidget(edit);
    bottom->addWidget(m_rotateButton);
    bottom->addStretch(1);
    bottom->addWidget(del);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_bar);
    layout->addWidget(view, 1);
    layout->addLayout(bottom);

    setupTable(view, filter, create, edit, del, m_model, new TableFilterProxy(this), settingskey::zidHeader());
    view->setInitialColumnWidths({28, 24, 18, 9, 11, 10, 22, 8, 12, 9, 10, 12});
    view->sortByColumn(ZidInventoryModel::DaysLeft, Qt::AscendingOrder);
    setTabOrder(m_syncButton, m_cancelButton);
    setTabOrder(m_cancelButton, filter);
    setTabOrder(filter, view);
    setTabOrder(view, create);
    setTabOrder(create, edit);
    setTabOrder(edit, m_rotateButton);
    setTabOrder(m_rotateButton, del);
    connect(m_rotateButton, &QPushButton::clicked, this, &ZidInventoryPage::rotateCurrent);
    connect(m_newRemoteButton, &QPushButton::clicked, this, &ZidInventoryPage::newRemoteClient);
    connect(m_editRemoteButton, &QPushButton::clicked, this, &ZidInventoryPage::editRemoteClient);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_rotateButton->setEnabled(canRotate());
        m_editRemoteButton->setEnabled(canEditRemote());
    });

    new QShortcut(QKeySequence::Refresh, this, this, &ZidInventoryPage::sync, Qt::WidgetWithChildrenShortcut);
    connect(m_syncButton, &QPushButton::clicked, this, &ZidInventoryPage::sync);
    connect(m_cancelButton, &QPushButton::clicked, this, &ZidInventoryPage::cancelSync);
    connect(m_sync, &ZidInventorySync::progress, this, [this](qint64 done, qint64 total) {
        showBar(int(MessageBar::Type::Info),
                tr("Syncing the ZIdentity clients of “%1”… %2 of %3 read").arg(tenantName()).arg(done).arg(total), true);
    });
    connect(m_sync, &ZidInventorySync::finished, this, &ZidInventoryPage::onSyncFinished);

    TenantStore *store = services->store();
    for (auto sig : {&TenantStore::clientInserted, &TenantStore::clientChanged})
        connect(store, sig, this, &ZidInventoryPage::reload);
    connect(store, &TenantStore::clientRemoved, this, &ZidInventoryPage::reload);
    connect(store, &TenantStore::reset, this, &ZidInventoryPage::reload);
    connect(store, &TenantStore::tenantChanged, this, &ZidInventoryPage::updateSyncState);

    m_ageTimer = new QTimer(this);
    m_ageTimer->setInterval(30'000);
    connect(m_ageTimer, &QTimer::timeout, this, &ZidInventoryPage::updateSyncState);
    m_ageTimer->start();
    reload();
}

ZidInventoryPage::~ZidInventoryPage() = default;

bool ZidInventoryPage::isSyncing() const { return m_sync->isRunning(); }

QString ZidInventoryPage::tenantName() const
{
    const Tenant *t = m_services->store()->tenant(m_tenantId);
    return t ? t->name : QString();
}

void ZidInventoryPage::setActiveTenant(const QString &tenantId)
{
    if (tenantId == m_tenantId)
        return;
    m_tenantId = tenantId;
    m_bar->hide();
    reload();
}

void ZidInventoryPage::reloadCache()
{
    m_services->zid()->cache()->load();
    reload();
}

void ZidInventoryPage::reload()
{
    const QString keep = currentId();
    QList<ApiClient> profiles;
    for (const ApiClient &c : m_services->store()->clients())
        if (c.tenantId == m_tenantId)
            profiles << c;
    const ZidInventoryCache::Inventory inv = m_services->zid()->cache()->inventory(m_tenantId);
    m_model->setData(profiles, m_tenantId.isEmpty() ? QList<ZidApiClient>() : inv.clients,
                     QDateTime::currentDateTimeUtc(), m_services->zid()->cache()->seenAll());
    if (!keep.isEmpty())
        selectId(keep);
    updateSyncState();
    updateActions();
    m_rotateButton->setEnabled(canRotate());
    m_editRemoteButton->setEnabled(canEditRemote());
    m_newRemoteButton->setEnabled(!isReadOnly() && !m_sync->adminFor(m_tenantId).isEmpty());
}

QString ZidInventoryPage::syncAgeText() const { return m_age->text(); }

void ZidInventoryPage::updateSyncState()
{
    const bool running = m_sync->isRunning();
    m_syncButton->setEnabled(!running && !m_tenantId.isEmpty());
    m_cancelButton->setEnabled(running);
    m_cancelButton->setVisible(running);
    const Tenant *t = m_services->store()->tenant(m_tenantId);
    m_title->setText(t ? tr("ZIdentity clients — %1").arg(t->name) : tr("ZIdentity clients"));
    if (!t) {
        m_age->setText(tr("Choose a tenant to see its ZIdentity clients."));
        return;
    }
    const QDateTime at = m_services->zid()->cache()->inventory(m_tenantId).syncedAt;
    QString why;
    const bool canSync = !m_sync->adminFor(m_tenantId, &why).isEmpty();
    if (!at.isValid()) {
        m_age->setText(canSync ? tr("never synced — press Sync (F5) to read the tenant's clients")
                               : tr("never synced — %1").arg(why));
        m_age->setToolTip(QString());
        return;
    }
    m_age->setText(tr("%1 · shown from the last sync, also offline").arg(ageOf(at, QDateTime::currentDateTimeUtc())));
    m_age->setToolTip(QLocale().toString(at.toLocalTime(), QLocale::LongFormat));
}

void ZidInventoryPage::showBar(int type, const QString &text, bool busy)
{
    m_bar->setType(MessageBar::Type(type));
    m_bar->setText(text);
    m_bar->setBusy(busy);
    m_bar->setClosable(!busy);
    m_bar->show();
}

void ZidInventoryPage::sync()
{
    if (m_sync->isRunning())
        return;
    QString error;
    if (!m_sync->start(m_tenantId, &error)) {
        showBar(int(MessageBar::Type::Error), tr("Cannot sync: %1").arg(error));
        return;
    }
    showBar(int(MessageBar::Type::Info), tr("Syncing the ZIdentity clients of “%1”…").arg(tenantName()), true);
    updateSyncState();
    updateActions();
}

void ZidInventoryPage::cancelSync() { m_sync->cancel(); }

void ZidInventoryPage::onSyncFinished(const ZidentityService::SyncResult &r)
{
    updateSyncState();
    if (r.error.kind == ErrorKind::Cancelled && r.clients.isEmpty()) {
        showBar(int(MessageBar::Type::Info), r.error.message);
        updateActions();
        return;
    }
    if (r.error.isError() && r.clients.isEmpty()) {
        const QDateTime at = m_services->zid()->cache()->inventory(r.tenantId).syncedAt;
        showBar(int(MessageBar::Type::Error),
                at.isValid() ? tr("Sync failed: %1 The clients shown are those of the last sync (%2).")
                                   .arg(r.error.toString(), QLocale().toString(at.toLocalTime(), QLocale::ShortFormat))
                             : tr("Sync failed: %1").arg(r.error.toString()));
        updateActions();
        return;
    }
    if (r.tenantId == m_tenantId)
        reload();
    const int linked = m_model->countOf(ZidInventoryModel::Link::Linked);
    QString text = tr("Synced %n client(s)", nullptr, int(r.clients.size()))
        + tr(", %n linked to a local profile", nullptr, linked);
    MessageBar::Type type = MessageBar::Type::Success;
    if (r.secretsFailed) {
        type = MessageBar::Type::Warning;
        text += tr(". The secrets of %n client(s) could not be read (their last known dates are kept): %1", nullptr,
                   r.secretsFailed).arg(r.error.message);
    }
    if (!r.cacheError.isEmpty()) {
        type = MessageBar::Type::Warning;
        text += tr(". The offline copy could not be written: %1").arg(r.cacheError);
    }
    showBar(int(type), text);
    emit statusMessage(text);
    emit inventorySynced(r.tenantId);
}

int ZidInventoryPage::currentSourceRow() const
{
    const QString id = currentId();
    if (id.isEmpty())
        return -1;
    const QModelIndexList rows = view()->selectionModel()->selectedRows();
    return rows.size() == 1 ? proxy()->mapToSource(rows.first()).row() : -1;
}

bool ZidInventoryPage::canAdd() const
{
    const int row = currentSourceRow();
    return !isReadOnly() && row >= 0 && m_model->linkAt(row) == ZidInventoryModel::Link::RemoteOnly;
}

bool ZidInventoryPage::canEdit() const
{
    const int row = currentSourceRow();
    return !isReadOnly() && row >= 0 && m_model->linkAt(row) != ZidInventoryModel::Link::RemoteOnly;
}

bool ZidInventoryPage::canDelete() const { return canEditRemote(); }

bool ZidInventoryPage::canEditRemote() const
{
    const int row = currentSourceRow();
    return !isReadOnly() && row >= 0 && m_model->linkAt(row) != ZidInventoryModel::Link::LocalOnly
        && !m_sync->isRunning() && !m_sync->adminFor(m_tenantId).isEmpty();
}

QString ZidInventoryPage::rotationProfile() const
{
    const int row = currentSourceRow();
    if (row < 0 || m_model->linkAt(row) == ZidInventoryModel::Link::RemoteOnly)
        return {};
    return m_model->index(row, 0).data(ZidInventoryModel::ProfileIdRole).toString();
}

QString ZidInventoryPage::rotationAdmin() const
{
    // As the CLI: the tenant's ZIdentity admin, else the profile rotating its own secret.
    const QString admin = m_sync->adminFor(m_tenantId);
    return admin.isEmpty() ? rotationProfile() : admin;
}

bool ZidInventoryPage::canRotate() const
{
    if (isReadOnly() || m_sync->isRunning())
        return false;
    const ApiClient *p = m_services->store()->client(rotationProfile());
    return p && ZidentityService::isAdminKind(p->kind) && !p->clientId.isEmpty()
        && (p->hasSecret(SecretField::Secret) || p->hasSecret(SecretField::PrivateKey));
}

void ZidInventoryPage::rotateCurrent()
{
    if (!canRotate())
        return;
    const QString profileId = rotationProfile(); // the selection may change while the wizard is open
    auto *wizard = new RotationWizard(m_services, profileId, rotationAdmin(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &RotationWizard::rotationFinished, this, [this, profileId](const RotationResult &r) {
        reload();
        emit inventorySynced(m_tenantId);
        const ApiClient *p = m_services->store()->client(profileId);
        if (r.ok())
            emit statusMessage(tr("Rotated the secret of “%1”").arg(p ? p->name : QString()));
    });
    emit rotationWizardOpened(wizard);
    wizard->open();
}

void ZidInventoryPage::acknowledgeRemoteChange()
{
    const int row = currentSourceRow();
    if (row < 0 || !m_model->remoteChangedAt(row))
        return;
    const QString remoteId = m_model->index(row, 0).data(ZidInventoryModel::RemoteIdRole).toString();
    m_services->zid()->acknowledgeRemoteChange(m_tenantId, remoteId);
    reload();
    selectId(remoteId);
}

void ZidInventoryPage::newRemoteClient()
{
    const QString admin = m_sync->adminFor(m_tenantId);
    if (isReadOnly() || admin.isEmpty())
        return;
    auto *dlg = new ZidClientDialog(m_services, m_tenantId, admin, QString(), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &ZidClientDialog::saved, this, [this](const QString &remoteId, const QString &profileId) {
        reload();
        selectId(remoteId);
        const ApiClient *p = m_services->store()->client(profileId);
        showBar(int(MessageBar::Type::Success),
                p ? tr("Created the API client %1 on ZIdentity, with the local profile “%2”, which got a token")
                        .arg(remoteId, p->name)
                  : tr("Created the API client %1 on ZIdentity").arg(remoteId));
        emit inventorySynced(m_tenantId);
    });
    emit clientDialogOpened(dlg);
    dlg->open();
}

void ZidInventoryPage::editRemoteClient()
{
    if (!canEditRemote())
        return;
    const QString remoteId = m_model->index(currentSourceRow(), 0).data(ZidInventoryModel::RemoteIdRole).toString();
    auto *dlg = new ZidClientDialog(m_services, m_tenantId, m_sync->adminFor(m_tenantId), remoteId, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &ZidClientDialog::saved, this, [this](const QString &id, const QString &) {
        reload();
        selectId(id);
        showBar(int(MessageBar::Type::Success), tr("Saved the API client %1 on ZIdentity").arg(id));
        emit inventorySynced(m_tenantId);
    });
    emit clientDialogOpened(dlg);
    dlg->open();
}

void ZidInventoryPage::addItem()
{
    if (!canAdd())
        return;
    const QModelIndex idx = m_model->index(currentSourceRow(), 0);
    const QString remoteId = idx.data(ZidInventoryModel::RemoteIdRole).toString();
    const ZidInventoryCache::Inventory inv = m_services->zid()->cache()->inventory(m_tenantId);
    ApiClient draft;
    draft.tenantId = m_tenantId;
    draft.kind = AuthKind::OneApiSecret;
    draft.clientId = remoteId;
    for (const ZidApiClient &c : inv.clients)
        if (c.id == remoteId) {
            draft.name = c.name;
            if (!c.authType.isEmpty() && c.authType != zidAuth::Secret)
                draft.kind = AuthKind::OneApiJwt;
        }
    // The same tenant's endpoints as the profile the inventory was synced with.
    if (const ApiClient *admin = m_services->store()->client(m_sync->adminFor(m_tenantId))) {
        draft.baseUrl = admin->baseUrl;
        draft.tokenUrl = admin->tokenUrl;
        draft.caFile = admin->caFile;
    }
    auto *dlg = new ApiClientDialog(m_services->secrets(), QString(), m_tenantId, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->prefill(draft);
    connect(dlg, &ApiClientDialog::saved, this, [this, remoteId](const QString &id) {
        selectId(remoteId);
        if (const ApiClient *c = m_services->store()->client(id))
            emit statusMessage(tr("Saved API client “%1”").arg(c->name));
    });
    dlg->open();
}

void ZidInventoryPage::editCurrent()
{
    if (!canEdit())
        return;
    const QString profileId = m_model->index(currentSourceRow(), 0).data(ZidInventoryModel::ProfileIdRole).toString();
    auto *dlg = new ApiClientDialog(m_services->secrets(), profileId, QString(), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &ApiClientDialog::saved, this, [this](const QString &id) {
        if (const ApiClient *c = m_services->store()->client(id))
            emit statusMessage(tr("Saved API client “%1”").arg(c->name));
    });
    dlg->open();
}

void ZidInventoryPage::deleteCurrent()
{
    if (!canDelete())
        return;
    const QModelIndex idx = m_model->index(currentSourceRow(), 0);
    const QString remoteId = idx.data(ZidInventoryModel::RemoteIdRole).toString();
    const QString name = idx.data().toString();
    const QString profile = m_model->index(idx.row(), ZidInventoryModel::Profile).data().toString();
    const Tenant *t = m_services->store()->tenant(m_tenantId);
    if (!t)
        return;
    Confirm::Request req;
    req.title = tr("Delete ZIdentity API client");
    req.text = tr("Delete the API client “%1” (%2) of tenant “%3” on the ZIdentity server?").arg(name, remoteId, t->name);
    req.details = m_model->linkAt(idx.row()) == ZidInventoryModel::Link::Linked
        ? tr("Its tokens stop working, and the local profile “%1” can no longer get any (the profile and its "
             "keychain entry stay). This cannot be undone.").arg(profile)
        : tr("Every token of it stops working. This cannot be undone.");
    req.acceptLabel = tr("Delete on the server");
    if (t->isProtected)
        req.typedName = t->name;
    const QString admin = m_sync->adminFor(m_tenantId);
    Confirm::ask(this, req, this, [this, admin, remoteId, name](bool yes) {
        if (!yes) {
            emit statusMessage(tr("Nothing deleted"));
            return;
        }
        showBar(int(MessageBar::Type::Info), tr("Deleting “%1” on the server…").arg(name), true);
        m_services->zid()->deleteClient(admin, remoteId, this, [this, name](const ZidentityService::Change &c) {
            if (c.reply.error.isError()) {
                showBar(int(MessageBar::Type::Error), tr("“%1” was not deleted: %2").arg(name, c.reply.error.toString()));
                return;
            }
            reload();
            if (!c.auditError.isEmpty())
                showBar(int(MessageBar::Type::Warning),
                        tr("Deleted “%1” on the server, but the audit record was not written: %2").arg(name, c.auditError));
            else
                showBar(int(MessageBar::Type::Success), tr("Deleted “%1” on the ZIdentity server").arg(name));
            emit inventorySynced(m_tenantId);
        });
    });
}

void ZidInventoryPage::fillContextMenu(QMenu *menu)
{
    QAction *create = menu->addAction(tr("&Create local profile…"), this, &ZidInventoryPage::addItem);
    create->setEnabled(canAdd());
    QAction *edit = menu->addAction(Icons::get(QStringLiteral("edit")), tr("&Edit profile…"), this,
                                    &ZidInventoryPage::editCurrent);
    edit->setEnabled(canEdit());
    QAction *editRemote = menu->addAction(tr("Edit c&lient on the server…"), this, &ZidInventoryPage::editRemoteClient);
    editRemote->setEnabled(canEditRemote());
    const int row = currentSourceRow();
    QAction *seen = menu->addAction(tr("&Mark the remote change as seen"), this, &ZidInventoryPage::acknowledgeRemoteChange);
    seen->setEnabled(row >= 0 && m_model->remoteChangedAt(row));
    QAction *rotate = menu->addAction(Icons::get(QStringLiteral("key")), tr("&Rotate secret…"), this,
                                      &ZidInventoryPage::rotateCurrent);
    rotate->setEnabled(canRotate());
    menu->addSeparator();
    QAction *del = menu->addAction(Icons::get(QStringLiteral("delete")), tr("&Delete remote client…"), this,
                                   &ZidInventoryPage::deleteCurrent);
    del->setEnabled(canDelete());
}

QString ZidInventoryPage::emptyText() const
{
    if (m_tenantId.isEmpty())
        return tr("Choose a tenant in the banner to see its ZIdentity clients.");
    return tr("No ZIdentity clients known for this tenant yet: press Sync (F5).");
}

} // namespace zc
