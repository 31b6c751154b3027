#include "ZidClientDialog.h"
#include "ui_ZidClientDialog.h"

#include "Confirm.h"
#include "FieldErrors.h"
#include "SecretClipboard.h"
#include "services/AppServices.h"
#include "services/ZidentityService.h"
#include "store/TenantStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace zc {

namespace {
constexpr qint64 kMaxPemBytes = 64 * 1024;

QStringList changedFields(const ZidApiClient &a, const ZidApiClient &b)
{
    QStringList out;
    if (a.name != b.name) out << ZidClientDialog::tr("name");
    if (a.description != b.description) out << ZidClientDialog::tr("description");
    if (a.status != b.status) out << ZidClientDialog::tr("status");
    if (a.accessTokenLifeTime != b.accessTokenLifeTime) out << ZidClientDialog::tr("token lifetime");
    if (a.authType != b.authType || a.jwksUrl != b.jwksUrl || a.publicKeys != b.publicKeys)
        out << ZidClientDialog::tr("authentication");
    if (a.resources != b.resources) out << ZidClientDialog::tr("resources");
    return out;
}
} // namespace

ZidClientDialog::ZidClientDialog(AppServices *services, const QString &tenantId, const QString &adminId,
                                 const QString &remoteId, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ZidClientDialog>())
    , m_services(services)
    , m_tenantId(tenantId)
    , m_adminId(adminId)
    , m_remoteId(remoteId)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("zidClientDialog"));
    for (QLabel *l : {m_ui->nameError, m_ui->lifetimeError, m_ui->authError})
        FieldErrors::styleErrorLabel(l);
    m_ui->resourcesTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ui->resourcesTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_ui->resourcesTable->verticalHeader()->hide();
    m_ui->titleLabel->setText(isNew() ? tr("A new API client of tenant “%1” on ZIdentity").arg(tenantName())
                                      : tr("API client %1 of tenant “%2” on ZIdentity").arg(remoteId, tenantName()));
    setWindowTitle(isNew() ? tr("New ZIdentity API client") : tr("Edit ZIdentity API client"));
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setText(isNew() ? tr("&Create") : tr("&Save"));

    for (QWidget *w : {static_cast<QWidget *>(m_ui->nameEdit), static_cast<QWidget *>(m_ui->descriptionEdit),
                       static_cast<QWidget *>(m_ui->jwksEdit), static_cast<QWidget *>(m_ui->profileNameEdit)})
        connect(qobject_cast<QLineEdit *>(w), &QLineEdit::textChanged, this, &ZidClientDialog::revalidate);
    connect(m_ui->pemPathEdit, &QLineEdit::editingFinished, this, [this] {
        m_pem.clear();
        QFile f(m_ui->pemPathEdit->text().trimmed());
        if (f.open(QIODevice::ReadOnly) && f.size() <= kMaxPemBytes)
            m_pem = f.readAll();
        revalidate();
    });
    connect(m_ui->pemBrowseButton, &QPushButton::clicked, this, &ZidClientDialog::choosePem);
    connect(m_ui->enabledCheck, &QCheckBox::toggled, this, &ZidClientDialog::revalidate);
    for (QSpinBox *s : {m_ui->lifetimeSpin, m_ui->validitySpin})
        connect(s, &QSpinBox::valueChanged, this, &ZidClientDialog::revalidate);
    for (QRadioButton *r : {m_ui->secretRadio, m_ui->generatedRadio, m_ui->pemRadio, m_ui->jwksRadio})
        connect(r, &QRadioButton::toggled, this, [this] {
            updateAuthRows();
            revalidate();
        });
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateAuthRows();
        revalidate();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ZidClientDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ZidClientDialog::reject);

    fillProfiles();
    if (!isNew()) {
        for (QRadioButton *r : {m_ui->secretRadio, m_ui->generatedRadio})
            r->setEnabled(false);
        m_ui->validitySpin->setEnabled(false);
        m_ui->profileCombo->setEnabled(false);
        m_ui->profileNameEdit->setEnabled(false);
        reloadFromServer();
    } else {
        m_clientLoaded = true;
    }
    m_ui->resourcesState->setText(tr("Reading the tenant's resource servers…"));
    m_services->zid()->resourceServers(m_adminId, this, [this](const ZidResourceServersReply &r) {
        m_serversLoaded = true;
        if (r.error.isError()) {
            m_ui->resourcesState->setText(tr("The resource servers could not be read (%1): the client's resources are "
                                             "kept as they are.").arg(r.error.toString()));
        } else {
            m_servers = r.servers;
            m_ui->resourcesState->setText(tr("Choose at most one role per service; a service without a role is not "
                                             "reachable with this client."));
        }
        // The client's roles when it was read first, else what the form holds (a new client: none).
        fillServers(m_clientLoaded && !isNew() ? ZidClientRules::draftOf(m_asRead, m_servers).scopeOfService
                                               : draft().scopeOfService);
        showKeptRoles();
        revalidate();
    });
    updateAuthRows();
    revalidate();
}

ZidClientDialog::~ZidClientDialog()
{
    disconnect(m_stepConnection);
}

QString ZidClientDialog::tenantName() const
{
    const Tenant *t = m_services->store()->tenant(m_tenantId);
    return t ? t->name : m_tenantId;
}

bool ZidClientDialog::isProtected() const
{
    const Tenant *t = m_services->store()->tenant(m_tenantId);
    return t && t->isProtected;
}

void ZidClientDialog::fillProfiles()
{
    m_ui->profileCombo->clear();
    m_ui->profileCombo->addItem(tr("A new profile"), QString());
    for (const ApiClient &c : m_services->store()->clients())
        if (c.tenantId == m_tenantId && c.kind == AuthKind::OneApiSecret && !c.hasSecret(SecretField::Secret))
            m_ui->profileCombo->addItem(tr("%1 (no secret yet)").arg(c.name), c.id);
}

void ZidClientDialog::reloadFromServer()
{
    m_clientLoaded = false;
    setBusy(true, tr("Reading the client from the server…"));
    m_services->zid()->client(m_adminId, m_remoteId, this, [this](const ZidClientReply &r) {
        setBusy(false);
        if (r.error.isError()) {
            showMessage(tr("The client could not be read: %1").arg(r.error.toString()), true);
            m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
            return;
        }
        m_asRead = r.client;
        m_conflict = false;
        m_clientLoaded = true;
        const ZidClientRules::Draft d = ZidClientRules::draftOf(m_asRead, m_servers);
        fillForm(d);
        const bool secret = m_asRead.authType.isEmpty() || m_asRead.authType == zidAuth::Secret;
        m_ui->pemRadio->setEnabled(!secret);
        m_ui->jwksRadio->setEnabled(!secret);
        if (secret)
            m_ui->authGroup->setTitle(tr("Client authentication: a secret (renewed with Rotate secret… on the clients page)"));
        showMessage(QString(), false);
        fillServers(d.scopeOfService); // empty until the servers are known: then they fill it
        showKeptRoles();
        revalidate();
    });
}

void ZidClientDialog::fillForm(const ZidClientRules::Draft &d)
{
    m_ui->nameEdit->setText(d.name);
    m_ui->descriptionEdit->setText(d.description);
    m_ui->enabledCheck->setChecked(d.enabled);
    m_ui->lifetimeSpin->setValue(d.lifetimeMinutes);
    switch (d.auth) {
    case ZidClientRules::Auth::Secret: m_ui->secretRadio->setChecked(true); break;
    case ZidClientRules::Auth::GeneratedKey: m_ui->generatedRadio->setChecked(true); break;
    case ZidClientRules::Auth::PublicKeyPem: m_ui->pemRadio->setChecked(true); break;
    case ZidClientRules::Auth::JwksUrl: m_ui->jwksRadio->setChecked(true); break;
    }
    m_ui->jwksEdit->setText(d.jwksUrl);
    m_pem = d.publicKeyPem;
    m_ui->pemPathEdit->setPlaceholderText(m_pem.isEmpty() ? tr("/path/to/public.pem") : tr("(the key on the server)"));
}

void ZidClientDialog::fillServers(const QHash<QString, QString> &chosen)
{
    m_ui->resourcesTable->setRowCount(0);
    for (const ZidResourceServer &s : m_servers)
        for (const ZidResourceServer::Service &svc : s.services) {
            const int row = m_ui->resourcesTable->rowCount();
            m_ui->resourcesTable->insertRow(row);
            auto *name = new QTableWidgetItem(svc.displayName.isEmpty() ? svc.name : svc.displayName);
            name->setData(Qt::UserRole, svc.id);
            name->setFlags(Qt::ItemIsEnabled);
            m_ui->resourcesTable->setItem(row, 0, name);
            auto *combo = new QComboBox(m_ui->resourcesTable);
            combo->setAccessibleName(tr("Role for %1").arg(name->text()));
            combo->addItem(tr("(none)"), QString());
            for (const ZidScope &sc : svc.scopes)
                combo->addItem(sc.name, sc.id);
            const int at = combo->findData(chosen.value(svc.id));
            combo->setCurrentIndex(at < 0 ? 0 : at);
            connect(combo, &QComboBox::currentIndexChanged, this, &ZidClientDialog::revalidate);
            m_ui->resourcesTable->setCellWidget(row, 1, combo);
        }
}

void ZidClientDialog::showKeptRoles()
{
    if (!m_clientLoaded || !m_serversLoaded || m_servers.isEmpty() || isNew())
        return;
    const int kept = ZidClientRules::unofferedScopes(m_asRead, m_servers);
    m_ui->resourcesState->setText(
        kept ? tr("Choose at most one role per service. The client also holds %n role(s) the resource servers do not "
                  "offer; they are kept as they are.", nullptr, kept)
             : tr("Choose at most one role per service; a service without a role is not reachable with this client."));
}

bool ZidClientDialog::chooseScope(const QString &serviceId, const QString &scopeId)
{
    for (int row = 0; row < m_ui->resourcesTable->rowCount(); ++row)
        if (m_ui->resourcesTable->item(row, 0)->data(Qt::UserRole).toString() == serviceId) {
            auto *combo = qobject_cast<QComboBox *>(m_ui->resourcesTable->cellWidget(row, 1));
            const int at = combo->findData(scopeId);
            if (at < 0)
                return false;
            combo->setCurrentIndex(at);
            return true;
        }
    return false;
}

ZidClientRules::Draft ZidClientDialog::draft() const
{
    ZidClientRules::Draft d;
    d.name = m_ui->nameEdit->text();
    d.description = m_ui->descriptionEdit->text();
    d.enabled = m_ui->enabledCheck->isChecked();
    d.lifetimeMinutes = m_ui->lifetimeSpin->value();
    d.auth = m_ui->generatedRadio->isChecked() ? ZidClientRules::Auth::GeneratedKey
        : m_ui->pemRadio->isChecked()          ? ZidClientRules::Auth::PublicKeyPem
        : m_ui->jwksRadio->isChecked()         ? ZidClientRules::Auth::JwksUrl
                                               : ZidClientRules::Auth::Secret;
    d.secretValidityDays = m_ui->validitySpin->value();
    d.publicKeyPem = m_pem;
    d.jwksUrl = m_ui->jwksEdit->text();
    for (int row = 0; row < m_ui->resourcesTable->rowCount(); ++row) {
        auto *combo = qobject_cast<QComboBox *>(m_ui->resourcesTable->cellWidget(row, 1));
        const QString scope = combo ? combo->currentData().toString() : QString();
        if (!scope.isEmpty())
            d.scopeOfService.insert(m_ui->resourcesTable->item(row, 0)->data(Qt::UserRole).toString(), scope);
    }
    return d;
}

ValidationIssues ZidClientDialog::currentIssues() const
{
    const ZidClientRules::Draft d = draft();
    ValidationIssues issues = ZidClientRules::validate(d, m_servers, isNew());
    const bool needsProfile = isNew() && (d.auth == ZidClientRules::Auth::Secret || d.auth == ZidClientRules::Auth::GeneratedKey);
    if (needsProfile && m_ui->profileCombo->currentData().toString().isEmpty()) {
        const QString name = m_ui->profileNameEdit->text().trimmed();
        if (name.isEmpty())
            issues.append({QStringLiteral("profileName"), tr("Name the local profile that keeps the credential")});
        else if (m_services->store()->clientByName(name))
            issues.append({QStringLiteral("profileName"), tr("A profile named “%1” exists already").arg(name)});
    }
    return issues;
}

QString ZidClientDialog::errorText(const QString &field) const { return messageFor(currentIssues(), field); }

void ZidClientDialog::revalidate()
{
    const ValidationIssues issues = currentIssues();
    const bool nameTouched = m_ui->nameEdit->isModified() || !m_ui->nameEdit->text().isEmpty();
    const QString nameMsg = nameTouched ? messageFor(issues, QStringLiteral("name")) : QString();
    m_ui->nameError->setText(nameMsg);
    m_ui->nameError->setVisible(!nameMsg.isEmpty());
    const QString life = messageFor(issues, QStringLiteral("lifetime"));
    m_ui->lifetimeError->setText(life);
    m_ui->lifetimeError->setVisible(!life.isEmpty());
    QStringList auth;
    for (const char *f : {"validity", "publicKey", "jwksUrl", "profileName", "resources"}) {
        const QString m = messageFor(issues, QLatin1String(f));
        if (!m.isEmpty() && (qstrcmp(f, "publicKey") != 0 || !m_ui->pemPathEdit->text().isEmpty() || !m_pem.isEmpty()))
            auth << m;
    }
    m_ui->authError->setText(auth.join(QLatin1Char('\n')));
    m_ui->authError->setVisible(!auth.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(!m_busy && m_clientLoaded && issues.isEmpty());
}

void ZidClientDialog::updateAuthRows()
{
    const bool secret = m_ui->secretRadio->isChecked();
    const bool generated = m_ui->generatedRadio->isChecked();
    const bool newProfile = m_ui->profileCombo->currentData().toString().isEmpty();
    m_ui->validitySpin->setEnabled(isNew() && secret);
    m_ui->profileCombo->setEnabled(isNew() && secret && m_ui->profileCombo->count() > 1);
    if (generated && !newProfile)
        m_ui->profileCombo->setCurrentIndex(0); // a key pair always gets a profile of its own
    m_ui->profileNameEdit->setEnabled(isNew() && (secret || generated) && newProfile);
    if (m_ui->profileNameEdit->text().isEmpty() && isNew())
        m_ui->profileNameEdit->setPlaceholderText(tr("e.g. %1").arg(m_ui->nameEdit->text().isEmpty()
                                                                       ? QStringLiteral("terraform-prod")
                                                                       : m_ui->nameEdit->text()));
    m_ui->pemPathEdit->setEnabled(m_ui->pemRadio->isChecked());
    m_ui->pemBrowseButton->setEnabled(m_ui->pemRadio->isChecked());
    m_ui->jwksEdit->setEnabled(m_ui->jwksRadio->isChecked());
}

void ZidClientDialog::choosePem()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Public key"), QString(),
                                                      tr("PEM public keys (*.pem *.pub *.crt);;All files (*)"));
    if (file.isEmpty())
        return;
    m_ui->pemPathEdit->setText(file);
    emit m_ui->pemPathEdit->editingFinished();
}

void ZidClientDialog::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_ui->nameEdit), static_cast<QWidget *>(m_ui->authGroup),
                       static_cast<QWidget *>(m_ui->resourcesGroup), static_cast<QWidget *>(m_ui->descriptionEdit)})
        w->setEnabled(!busy);
    if (busy)
        showMessage(text, false);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    revalidate();
}

void ZidClientDialog::showMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setText(text);
    if (error)
        FieldErrors::styleErrorLabel(m_ui->messageLabel);
    else
        m_ui->messageLabel->setStyleSheet(QString());
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

QString ZidClientDialog::messageText() const { return m_ui->messageLabel->text(); }

void ZidClientDialog::accept()
{
    if (m_busy || !currentIssues().isEmpty() || !m_clientLoaded)
        return;
    if (!isProtected()) {
        send();
        return;
    }
    Confirm::Request req;
    req.title = isNew() ? tr("Create API client") : tr("Update API client");
    req.text = isNew() ? tr("Create the API client “%1” on tenant “%2”?").arg(draft().name.trimmed(), tenantName())
                       : tr("Update the API client “%1” of tenant “%2”?").arg(m_asRead.name, tenantName());
    req.acceptLabel = isNew() ? tr("Create") : tr("Save");
    req.typedName = tenantName();
    Confirm::ask(this, req, this, [this](bool yes) {
        if (yes)
            send();
    });
}

void ZidClientDialog::send()
{
    const ZidClientRules::Draft d = draft();
    QPointer<ZidClientDialog> self(this);
    if (isNew() && (d.auth == ZidClientRules::Auth::Secret || d.auth == ZidClientRules::Auth::GeneratedKey)) {
        ZidClientSetup::Request q;
        q.adminId = m_adminId;
        q.client = ZidClientRules::apply(d, m_servers);
        q.auth = d.auth == ZidClientRules::Auth::Secret ? ZidClientSetup::Auth::Secret : ZidClientSetup::Auth::KeyPair;
        q.validityDays = d.secretValidityDays;
        q.existingProfileId = m_ui->profileCombo->currentData().toString();
        q.profileName = m_ui->profileNameEdit->text().trimmed();
        ZidClientSetup *setup = m_services->clientSetup();
        disconnect(m_stepConnection);
        m_stepConnection = connect(setup, &ZidClientSetup::stepStarted, this, [this](const QString &step) {
            static const QHash<QString, QString> labels = {
                {QStringLiteral("key"), tr("Making an RSA 3072 key pair…")},
                {QStringLiteral("create"), tr("Creating the client on ZIdentity…")},
                {QStringLiteral("secret"), tr("Creating its secret…")},
                {QStringLiteral("profile"), tr("Adding the local profile…")},
                {QStringLiteral("store"), tr("Storing the credential in the keychain…")},
                {QStringLiteral("token"), tr("Getting a first token with it…")}};
            showMessage(labels.value(step, step), false);
        });
        setBusy(true, tr("Creating the client on ZIdentity…"));
        setup->run(q, [self](const ZidClientSetup::Result &r) {
            if (self)
                self->onSetupDone(r);
        });
        return;
    }
    if (isNew()) {
        setBusy(true, tr("Creating the client on ZIdentity…"));
        m_services->zid()->createClient(m_adminId, ZidClientRules::apply(d, m_servers), this,
                                        [this](const ZidentityService::Change &c) {
            setBusy(false);
            if (c.reply.error.isError()) {
                showMessage(tr("The client was not created: %1").arg(c.reply.error.toString()), true);
                return;
            }
            emit saved(c.reply.client.id, QString());
            QDialog::accept();
        });
        return;
    }
    const ZidApiClient edited = ZidClientRules::apply(d, m_servers, m_asRead);
    setBusy(true, tr("Saving the client on ZIdentity…"));
    m_services->zid()->updateClient(m_adminId, edited, m_asRead, this, [this](const ZidentityService::Change &c) {
        setBusy(false);
        if (c.reply.conflict) {
            const QStringList fields = changedFields(m_asRead, c.reply.remote);
            m_asRead = c.reply.remote; // Save again overwrites this version, Reload shows it
            m_conflict = true;
            showMessage(tr("The client was changed on the server since it was opened (%1): nothing was saved. Your "
                           "edits are kept; Save again to overwrite the server's version, or Reload to see it.")
                            .arg(fields.isEmpty() ? tr("its record") : fields.join(QStringLiteral(", "))),
                        true);
            auto *reload = m_ui->buttonBox->findChild<QPushButton *>(QStringLiteral("reloadButton"));
            if (!reload) {
                reload = m_ui->buttonBox->addButton(tr("&Reload"), QDialogButtonBox::ResetRole);
                reload->setObjectName(QStringLiteral("reloadButton"));
                connect(reload, &QPushButton::clicked, this, &ZidClientDialog::reloadFromServer);
            }
            return;
        }
        if (c.reply.error.isError()) {
            showMessage(tr("The client was not saved: %1").arg(c.reply.error.toString()), true);
            return;
        }
        emit saved(c.reply.client.id, QString());
        QDialog::accept();
    });
}

void ZidClientDialog::onSetupDone(const ZidClientSetup::Result &r)
{
    disconnect(m_stepConnection);
    setBusy(false);
    if (!r.ok()) {
        showMessage(tr("The client was not created (step “%1” failed: %2). Nothing was left behind: the local profile "
                       "and the client on the server were removed again.").arg(r.failedStep, r.error.toString()),
                    true);
        return;
    }
    const ApiClient *p = m_services->store()->client(r.profileId);
    const QString where = p ? p->name : r.profileId;
    if (!r.secret.value.isEmpty()) {
        auto *once = new SecretOnceDialog(r.secret.value, where, parentWidget());
        once->setAttribute(Qt::WA_DeleteOnClose);
        once->open();
        emit secretShown(once);
    }
    emit saved(r.client.id, r.profileId);
    QDialog::accept();
}

void ZidClientDialog::reject()
{
    if (m_busy)
        return; // the step in flight finishes (or undoes itself) first
    QDialog::reject();
}

SecretOnceDialog::SecretOnceDialog(const QString &secret, const QString &where, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("secretOnceDialog"));
    setWindowTitle(tr("The new secret"));
    auto *text = new QLabel(tr("ZIdentity shows this secret only now. It is already in the keychain of the profile "
                               "“%1”, so zconsole does not need it again; copy it only if another tool needs it.")
                                .arg(where),
                            this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    m_value = new QLineEdit(secret, this);
    m_value->setObjectName(QStringLiteral("secretValueEdit"));
    m_value->setReadOnly(true);
    m_value->setAccessibleName(tr("The new secret"));
    m_value->setMinimumWidth(fontMetrics().averageCharWidth() * 48);
    auto *copyButton = new QPushButton(tr("&Copy"), this);
    copyButton->setObjectName(QStringLiteral("copyButton"));
    copyButton->setToolTip(tr("Copy to the clipboard; it is cleared again after 30 seconds"));
    m_copied = new QLabel(this);
    m_copied->setObjectName(QStringLiteral("copiedLabel"));
    m_copied->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copyButton, &QPushButton::clicked, this, &SecretOnceDialog::copy);
    connect(SecretClipboard::instance(), &SecretClipboard::cleared, m_copied,
            [this] { m_copied->setText(tr("The clipboard was cleared.")); });
    auto *row = new QHBoxLayout;
    row->addWidget(m_value, 1);
    row->addWidget(copyButton);
    auto *l = new QVBoxLayout(this);
    l->addWidget(text);
    l->addLayout(row);
    l->addWidget(m_copied);
    l->addWidget(buttons);
}

SecretOnceDialog::~SecretOnceDialog() = default;

QString SecretOnceDialog::shownSecret() const { return m_value->text(); }

void SecretOnceDialog::copy()
{
    SecretClipboard::instance()->copy(m_value->text());
    m_copied->setText(tr("Copied. The clipboard is cleared in 30 seconds."));
}

void SecretOnceDialog::done(int r)
{
    m_value->clear();
    QDialog::done(r);
}

} // namespace zc
