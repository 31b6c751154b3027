#include "ApiClientDialog.h"

#include "ui_ApiClientDialog.h"

#include "KeychainWaitDialog.h"
#include "SecretWriter.h"
#include "core/Endpoints.h"
#include "store/ClientSecrets.h"
#include "store/TenantStore.h"

#include <QFileDialog>
#include <QPushButton>

namespace zc {

namespace {
const QStringList &profileFields()
{
    static const QStringList f = {QStringLiteral("name"),     QStringLiteral("tenant"),
                                  QStringLiteral("clientId"), QStringLiteral("username"),
                                  QStringLiteral("scope"),    QStringLiteral("region"),
                                  QStringLiteral("tokenUrl"), QStringLiteral("clientAuth"),
                                  QStringLiteral("baseUrl"),  QStringLiteral("caFile"),
                                  QStringLiteral("notes")};
    return f;
}
} // namespace

ApiClientDialog::ApiClientDialog(ClientSecrets *secrets, const QString &clientId,
                                 const QString &defaultTenantId, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ApiClientDialog>())
    , m_secrets(secrets)
    , m_store(secrets->store())
    , m_writer(new SecretWriter(secrets, this, this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("apiClientDialog"));
    if (const ApiClient *c = m_store->client(clientId))
        m_original = *c;
    setWindowTitle(isNew() ? tr("New API client") : tr("Edit API client “%1”").arg(m_original.name));

    for (const Tenant &t : m_store->tenants())
        m_ui->tenantCombo->addItem(t.name, t.id);
    for (const AuthKindInfo &k : authKinds())
        m_ui->kindCombo->addItem(tr("%1 — %2").arg(k.label, k.name), int(k.kind));
    m_ui->regionCombo->addItem(tr("(choose a region)"), QString());
    for (const SaasRegion &r : saasRegions())
        m_ui->regionCombo->addItem(tr("%1 — %2").arg(r.label, r.code), r.code);
    m_ui->clientAuthCombo->addItem(tr("HTTP Basic header (client_secret_basic)"), int(ClientAuthStyle::Basic));
    m_ui->clientAuthCombo->addItem(tr("In the request body (client_secret_post)"), int(ClientAuthStyle::Body));

    for (const QString &f : profileFields()) {
        if (f == QLatin1String("clientAuth"))
            continue;
        m_errors.add(f, findChild<QLabel *>(f + QStringLiteral("Error")), m_ui->form);
    }
    m_ui->form->setRowVisible(m_ui->clientAuthError, false); // no messages of their own
    m_ui->form->setRowVisible(m_ui->kindError, false);
    m_ui->notesEdit->setMaximumHeight(m_ui->notesEdit->fontMetrics().lineSpacing() * 4 + 12);
    m_ui->tenantCombo->setMinimumContentsLength(24);
    m_ui->tenantCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    FieldErrors::styleErrorLabel(m_ui->storeError);
    m_ui->storeError->hide();

    ApiClient initial = m_original;
    if (isNew())
        initial.tenantId = defaultTenantId;
    fillForm(initial);
    if (!isNew())
        m_errors.showAll();

    auto touchAnd = [this](const QString &field) {
        return [this, field] {
            m_errors.touch(field);
            revalidate();
        };
    };
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("name")));
    connect(m_ui->clientIdEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("clientId")));
    connect(m_ui->usernameEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("username")));
    connect(m_ui->scopeEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("scope")));
    connect(m_ui->tokenUrlEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("tokenUrl")));
    connect(m_ui->baseUrlEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("baseUrl")));
    connect(m_ui->caFileEdit, &QLineEdit::textChanged, this, touchAnd(QStringLiteral("caFile")));
    connect(m_ui->notesEdit, &QPlainTextEdit::textChanged, this, touchAnd(QStringLiteral("notes")));
    connect(m_ui->regionCombo, &QComboBox::currentIndexChanged, this, touchAnd(QStringLiteral("region")));
    connect(m_ui->tenantCombo, &QComboBox::currentIndexChanged, this, touchAnd(QStringLiteral("tenant")));
    connect(m_ui->clientAuthCombo, &QComboBox::currentIndexChanged, this, &ApiClientDialog::revalidate);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, &ApiClientDialog::onKindChanged);
    connect(m_ui->secretFields, &SecretFieldsWidget::changed, this, &ApiClientDialog::revalidate);
    connect(m_ui->caFileButton, &QPushButton::clicked, this, &ApiClientDialog::chooseCaFile);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ApiClientDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ApiClientDialog::reject);
    connect(m_writer, &SecretWriter::finished, this, &ApiClientDialog::onSecretsWritten);

    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setDefault(true); // Enter saves
    onKindChanged();
    m_ui->nameEdit->setFocus();
}

ApiClientDialog::~ApiClientDialog() = default;

void ApiClientDialog::prefill(const ApiClient &draft)
{
    if (!isNew())
        return;
    fillForm(draft);
    m_errors.showAll();
    onKindChanged();
    revalidate();
}

void ApiClientDialog::fillForm(const ApiClient &c)
{
    m_ui->nameEdit->setText(c.name);
    m_ui->tenantCombo->setCurrentIndex(qMax(0, m_ui->tenantCombo->findData(c.tenantId)));
    m_ui->kindCombo->setCurrentIndex(qMax(0, m_ui->kindCombo->findData(int(c.kind))));
    m_ui->clientIdEdit->setText(c.clientId);
    m_ui->usernameEdit->setText(c.username);
    m_ui->scopeEdit->setText(c.scope);
    m_ui->regionCombo->setCurrentIndex(qMax(0, m_ui->regionCombo->findData(c.region)));
    m_ui->tokenUrlEdit->setText(c.tokenUrl);
    m_ui->clientAuthCombo->setCurrentIndex(qMax(0, m_ui->clientAuthCombo->findData(int(c.clientAuth))));
    m_ui->baseUrlEdit->setText(c.baseUrl);
    m_ui->caFileEdit->setText(c.caFile);
    m_ui->notesEdit->setPlainText(c.notes);
}

const Tenant *ApiClientDialog::selectedTenant() const
{
    return m_store->tenant(m_ui->tenantCombo->currentData().toString());
}

ApiClient ApiClientDialog::clientFromForm() const
{
    ApiClient c = m_original;
    c.name = m_ui->nameEdit->text().trimmed();
    c.tenantId = m_ui->tenantCombo->currentData().toString();
    c.kind = AuthKind(m_ui->kindCombo->currentData().toInt());
    const AuthKindInfo &k = authKindInfo(c.kind);
    auto shown = [this](const QString &f) { return isFieldShown(f); };
    c.clientId = k.needsClientId ? m_ui->clientIdEdit->text().trimmed() : QString();
    c.username = k.needsUsername ? m_ui->usernameEdit->text().trimmed() : QString();
    c.scope = k.needsScope ? m_ui->scopeEdit->text().trimmed() : QString();
    c.region = k.needsRegion ? m_ui->regionCombo->currentData().toString() : QString();
    c.tokenUrl = shown(QStringLiteral("tokenUrl")) ? m_ui->tokenUrlEdit->text().trimmed() : QString();
    c.clientAuth = ClientAuthStyle(m_ui->clientAuthCombo->currentData().toInt());
    c.baseUrl = m_ui->baseUrlEdit->text().trimmed();
    c.caFile = m_ui->caFileEdit->text().trimmed();
    c.notes = m_ui->notesEdit->toPlainText();
    return c;
}

QWidget *ApiClientDialog::fieldWidget(const QString &field) const
{
    if (field == QLatin1String("caFile"))
        return m_ui->caFileEdit;
    for (const char *suffix : {"Edit", "Combo"})
        if (auto *w = findChild<QWidget *>(field + QLatin1String(suffix)))
            return w;
    return nullptr;
}

bool ApiClientDialog::isFieldShown(const QString &field) const
{
    if (field == QLatin1String("caFile"))
        return m_ui->form->isRowVisible(m_ui->caFileRow);
    QWidget *w = fieldWidget(field);
    return w && m_ui->form->isRowVisible(w);
}

void ApiClientDialog::onKindChanged()
{
    const auto kind = AuthKind(m_ui->kindCombo->currentData().toInt());
    const AuthKindInfo &k = authKindInfo(kind);
    const bool hasTokenEndpoint = kind != AuthKind::AppTotalKey && kind != AuthKind::SandboxToken;
    m_ui->form->setRowVisible(m_ui->clientIdEdit, k.needsClientId);
    m_ui->form->setRowVisible(m_ui->usernameEdit, k.needsUsername);
    m_ui->form->setRowVisible(m_ui->scopeEdit, k.needsScope);
    m_ui->form->setRowVisible(m_ui->regionCombo, k.needsRegion);
    m_ui->form->setRowVisible(m_ui->tokenUrlEdit,
                              k.needsTokenUrl || hasTokenEndpoint || !m_ui->tokenUrlEdit->text().isEmpty());
    m_ui->form->setRowVisible(m_ui->clientAuthCombo, kind == AuthKind::ZiaOAuth);
    m_ui->tokenUrlLabel->setText(k.needsTokenUrl ? tr("T&oken URL (IdP):") : tr("T&oken URL:"));
    const ApiClient *existing = (!isNew() && m_original.kind == kind) ? &m_original : nullptr;
    m_ui->secretFields->setFields(k.secrets, existing);
    m_ui->secretsGroup->setToolTip(k.label);
    revalidate();
}

void ApiClientDialog::updatePlaceholders()
{
    const Tenant *t = selectedTenant();
    ApiClient c = clientFromForm();
    const AuthKindInfo &k = c.info();
    c.tokenUrl.clear();
    c.baseUrl.clear();
    const ClientEndpoints e = t ? Endpoints::forClient(c, *t) : ClientEndpoints();
    if (k.needsTokenUrl)
        m_ui->tokenUrlEdit->setPlaceholderText(tr("required: the token endpoint of your identity provider"));
    else if (!e.tokenUrl.isEmpty() && !e.tokenUrl.startsWith(QLatin1String("https://.")))
        m_ui->tokenUrlEdit->setPlaceholderText(tr("default: %1").arg(e.tokenUrl));
    else
        m_ui->tokenUrlEdit->setPlaceholderText(tr("optional override"));
    m_ui->baseUrlEdit->setPlaceholderText(e.baseUrl.isEmpty() ? tr("optional override")
                                                               : tr("default: %1").arg(e.baseUrl));
}

ValidationIssues ApiClientDialog::currentIssues() const
{
    const ApiClient c = clientFromForm();
    ValidationIssues issues = c.validateWithFiles(selectedTenant());
    if (!c.name.isEmpty())
        for (const ApiClient &o : m_store->clients())
            if (o.id != c.id && o.name.trimmed().compare(c.name, Qt::CaseInsensitive) == 0) {
                issues.append({QStringLiteral("name"),
                               tr("An API client named “%1” already exists").arg(o.name)});
                break;
            }
    if (m_store->tenants().isEmpty())
        issues.append({QStringLiteral("tenant"), tr("Add a tenant first")});
    return issues;
}

void ApiClientDialog::revalidate()
{
    updatePlaceholders();
    const ValidationIssues issues = currentIssues();
    ValidationIssues pending;
    const ValidationIssues rest = m_errors.show(issues, &pending);
    FieldErrors::showHint(m_ui->hintLabel, pending);
    const ValidationIssues secretIssues = m_ui->secretFields->check();
    m_ui->secretFields->showIssues(secretIssues);
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    const bool valid = issues.isEmpty() && secretIssues.isEmpty();
    ok->setEnabled(valid && !m_busy && !m_store->isReadOnly());
    ok->setToolTip(valid ? QString() : joinIssues(issues + secretIssues));
    if (m_busy)
        return;
    QStringList general;
    if (m_store->isReadOnly())
        general << tr("The configuration is read-only: %1").arg(m_store->readOnlyReason());
    else if (!rest.isEmpty())
        general << joinIssues(rest);
    if (!m_keychainError.isEmpty())
        general << m_keychainError;
    m_ui->storeError->setText(general.join(QLatin1Char('\n')));
    m_ui->storeError->setVisible(!general.isEmpty());
}

QString ApiClientDialog::hintText() const
{
    return m_ui->hintLabel->isVisibleTo(this) ? m_ui->hintLabel->text() : QString();
}

QString ApiClientDialog::storeErrorText() const
{
    return m_ui->storeError->isVisibleTo(this) ? m_ui->storeError->text() : QString();
}

void ApiClientDialog::chooseCaFile()
{
    auto *dlg = new QFileDialog(this, tr("Choose a CA file"), m_ui->caFileEdit->text(),
                                tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    connect(dlg, &QFileDialog::fileSelected, this,
            [this](const QString &path) { m_ui->caFileEdit->setText(path); });
    dlg->open();
}

void ApiClientDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_ui->secretsGroup), static_cast<QWidget *>(m_ui->nameEdit)})
        w->setEnabled(!busy);
    revalidate();
}

void ApiClientDialog::accept()
{
    if (m_busy)
        return;
    m_keychainError.clear();
    m_errors.showAll();
    const ValidationIssues issues = currentIssues() + m_ui->secretFields->check();
    if (!issues.isEmpty()) {
        revalidate();
        return;
    }
    const ApiClient c = clientFromForm();
    const StoreResult r = isNew() ? m_store->addClient(c) : m_store->updateClient(c);
    if (!r.ok) {
        m_errors.show(r.issues);
        m_ui->storeError->setText(tr("Not saved: %1").arg(r.message()));
        m_ui->storeError->show();
        return;
    }
    // From here on the profile exists: a retry updates it instead of adding a second one.
    if (const ApiClient *saved = m_store->client(r.id))
        m_original = *saved;
    setWindowTitle(tr("Edit API client “%1”").arg(m_original.name));
    const QList<SecretField> filled = m_ui->secretFields->filledFields();
    if (filled.isEmpty()) {
        emit saved(m_original.id);
        QDialog::accept();
        return;
    }
    setBusy(true);
    m_ui->storeError->setText(tr("Storing in the OS keychain…"));
    m_ui->storeError->show();
    m_writer->begin();
    for (SecretField f : filled)
        m_writer->write(m_original.id, f, m_ui->secretFields->take(f));
    m_writer->end();
}

void ApiClientDialog::onSecretsWritten(const QList<SecretField> &stored, const ApiError &error)
{
    Q_UNUSED(stored);
    if (const ApiClient *now = m_store->client(m_original.id))
        m_original = *now;
    m_busy = false;
    m_ui->secretsGroup->setEnabled(true);
    m_ui->nameEdit->setEnabled(true);
    m_ui->secretFields->setFields(m_original.secretFields(), &m_original);
    if (!error) {
        m_ui->storeError->hide();
        emit saved(m_original.id);
        QDialog::accept();
        return;
    }
    const QString what = error.kind == ErrorKind::Cancelled
        ? tr("You stopped waiting for the keychain.")
        : error.message;
    m_keychainError = tr("The profile “%1” was saved, but a secret was NOT stored in the keychain: "
                         "%2\nType the secret again and press OK to retry, or set it later with "
                         "Set secret….")
                          .arg(m_original.name, what);
    revalidate();
}

void ApiClientDialog::reject()
{
    if (m_busy)
        m_writer->waitDialog()->cancelJobs();
    m_ui->secretFields->clearAll();
    QDialog::reject();
}

} // namespace zc
