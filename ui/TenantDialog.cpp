#include "TenantDialog.h"

#include "ui_TenantDialog.h"

#include "Confirm.h"
#include "core/Cloud.h"
#include "store/TenantStore.h"

#include <QColorDialog>
#include <QPushButton>

namespace zc {

TenantDialog::TenantDialog(TenantStore *store, const QString &tenantId, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TenantDialog>())
    , m_store(store)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("tenantDialog"));
    if (const Tenant *t = store->tenant(tenantId))
        m_original = *t;
    setWindowTitle(isNew() ? tr("New tenant") : tr("Edit tenant “%1”").arg(m_original.name));

    for (const CloudInfo &c : Clouds::known())
        m_ui->cloudCombo->addItem(c.label, c.id);

    m_errors.add(QStringLiteral("name"), m_ui->nameError, m_ui->form);
    m_errors.add(QStringLiteral("cloud"), m_ui->cloudError, m_ui->form);
    m_errors.add(QStringLiteral("vanity"), m_ui->vanityError, m_ui->form);
    m_errors.add(QStringLiteral("zpaCustomerId"), m_ui->zpaError, m_ui->form);
    m_errors.add(QStringLiteral("ziaOrgId"), m_ui->ziaError, m_ui->form);
    m_errors.add(QStringLiteral("color"), m_ui->colorError, m_ui->form);
    m_errors.add(QStringLiteral("notes"), m_ui->notesError, m_ui->form);
    m_ui->notesEdit->setMaximumHeight(m_ui->notesEdit->fontMetrics().lineSpacing() * 5 + 12);
    FieldErrors::styleErrorLabel(m_ui->storeError);
    m_ui->storeError->hide();

    Tenant initial = m_original;
    if (isNew())
        initial.cloud = Clouds::known().constFirst().id;
    fillForm(initial);
    if (!isNew())
        m_errors.showAll(); // an existing tenant: say at once if something is off

    auto touchAnd = [this](const QString &field) {
        return [this, field] {
            m_errors.touch(field);
            revalidate();
        };
    };
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("name")));
    connect(m_ui->cloudCombo, &QComboBox::currentTextChanged, this, touchAnd(QStringLiteral("cloud")));
    connect(m_ui->vanityEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("vanity")));
    connect(m_ui->zpaEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("zpaCustomerId")));
    connect(m_ui->ziaEdit, &QLineEdit::textEdited, this, touchAnd(QStringLiteral("ziaOrgId")));
    connect(m_ui->notesEdit, &QPlainTextEdit::textChanged, this, touchAnd(QStringLiteral("notes")));
    connect(m_ui->protectedCheck, &QCheckBox::toggled, this, &TenantDialog::revalidate);
    connect(m_ui->vanityEdit, &QLineEdit::editingFinished, this, [this] {
        const QString normal = Tenant::normalizeVanity(m_ui->vanityEdit->text());
        if (normal != m_ui->vanityEdit->text()) {
            m_ui->vanityEdit->setText(normal);
            revalidate();
        }
    });
    connect(m_ui->colorButton, &QPushButton::clicked, this, &TenantDialog::chooseColor);
    connect(m_ui->colorClearButton, &QPushButton::clicked, this, [this] { setColor(QString()); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &TenantDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &TenantDialog::reject);

    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setDefault(true); // Enter saves
    revalidate();
    m_ui->nameEdit->setFocus();
}

TenantDialog::~TenantDialog() = default;

void TenantDialog::fillForm(const Tenant &t)
{
    m_ui->nameEdit->setText(t.name);
    const int idx = m_ui->cloudCombo->findData(t.cloud);
    if (idx >= 0)
        m_ui->cloudCombo->setCurrentIndex(idx);
    else
        m_ui->cloudCombo->setEditText(t.cloudDisplay());
    m_ui->vanityEdit->setText(t.vanity);
    m_ui->zpaEdit->setText(t.zpaCustomerId);
    m_ui->ziaEdit->setText(t.ziaOrgId);
    m_ui->protectedCheck->setChecked(t.isProtected);
    m_ui->notesEdit->setPlainText(t.notes);
    setColor(t.color);
}

QString TenantDialog::cloudInput() const
{
    // A chosen list entry shows its label ("zscalerbeta.net (beta)"): map it back to the id.
    const QString text = m_ui->cloudCombo->currentText().trimmed();
    const int idx = m_ui->cloudCombo->findText(text, Qt::MatchFixedString);
    return idx >= 0 ? m_ui->cloudCombo->itemData(idx).toString() : text;
}

Tenant TenantDialog::tenantFromForm() const
{
    Tenant t = m_original;
    t.name = m_ui->nameEdit->text().trimmed();
    t.setCloudFromInput(cloudInput());
    t.vanity = Tenant::normalizeVanity(m_ui->vanityEdit->text());
    t.zpaCustomerId = m_ui->zpaEdit->text().trimmed();
    t.ziaOrgId = m_ui->ziaEdit->text().trimmed();
    t.color = m_color;
    t.isProtected = m_ui->protectedCheck->isChecked();
    t.notes = m_ui->notesEdit->toPlainText();
    return t;
}

ValidationIssues TenantDialog::currentIssues() const
{
    const Tenant t = tenantFromForm();
    ValidationIssues issues = t.validate();
    if (!t.name.isEmpty()) {
        for (const Tenant &o : m_store->tenants())
            if (o.id != t.id && o.name.trimmed().compare(t.name, Qt::CaseInsensitive) == 0) {
                issues.append({QStringLiteral("name"),
                               tr("A tenant named “%1” already exists").arg(o.name)});
                break;
            }
    }
    return issues;
}

void TenantDialog::revalidate()
{
    const ValidationIssues issues = currentIssues();
    ValidationIssues pending;
    const ValidationIssues rest = m_errors.show(issues, &pending);
    FieldErrors::showHint(m_ui->hintLabel, pending);
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(issues.isEmpty() && !m_store->isReadOnly());
    ok->setToolTip(issues.isEmpty() ? QString() : joinIssues(issues));
    QString general = rest.isEmpty() ? QString() : joinIssues(rest);
    if (m_store->isReadOnly())
        general = tr("The configuration is read-only: %1").arg(m_store->readOnlyReason());
    m_ui->storeError->setText(general);
    m_ui->storeError->setVisible(!general.isEmpty());
}

QString TenantDialog::storeErrorText() const
{
    return m_ui->storeError->isVisibleTo(this) ? m_ui->storeError->text() : QString();
}

void TenantDialog::setColor(const QString &color)
{
    m_color = color.isEmpty() ? QString() : QColor(color).name();
    const QString shown = m_color.isEmpty() ? palette().color(QPalette::Mid).name() : m_color;
    m_ui->colorSwatch->setStyleSheet(
        QStringLiteral("background: %1; border: 1px solid #8a8f98; border-radius: 3px;").arg(shown));
    m_ui->colorSwatch->setToolTip(m_color.isEmpty() ? tr("Default (neutral)") : m_color);
    m_ui->colorSwatch->setAccessibleDescription(m_ui->colorSwatch->toolTip());
    m_ui->colorClearButton->setEnabled(!m_color.isEmpty());
    revalidate();
}

void TenantDialog::chooseColor()
{
    auto *dlg = new QColorDialog(m_color.isEmpty() ? QColor(0x1f, 0x4e, 0x79) : QColor(m_color), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowTitle(tr("Banner colour of the tenant"));
    connect(dlg, &QColorDialog::colorSelected, this, [this](const QColor &c) {
        if (c.isValid())
            setColor(c.name());
    });
    dlg->open();
}

void TenantDialog::accept()
{
    m_errors.showAll();
    const ValidationIssues issues = currentIssues();
    if (!issues.isEmpty()) {
        revalidate();
        return;
    }
    const Tenant t = tenantFromForm();
    if (!isNew() && m_original.isProtected && !t.isProtected) {
        // Taking the protection off a production tenant is confirmed like deleting it.
        Confirm::Request req;
        req.title = tr("Remove protection");
        req.text = tr("Remove the protection of “%1”?").arg(m_original.name);
        req.details = tr("Deleting it will then no longer ask for its name to be typed.");
        req.acceptLabel = tr("Remove protection");
        req.typedName = m_original.name;
        Confirm::ask(this, req, this, [this, t](bool yes) {
            if (yes)
                save(t);
        });
        return;
    }
    save(t);
}

void TenantDialog::save(const Tenant &t)
{
    const StoreResult r = isNew() ? m_store->addTenant(t) : m_store->updateTenant(t);
    if (!r.ok) {
        revalidate();
        m_errors.show(r.issues);
        m_ui->storeError->setText(tr("Not saved: %1").arg(r.message()));
        m_ui->storeError->show();
        return;
    }
    m_savedId = r.id;
    emit saved(r.id);
    QDialog::accept();
}

} // namespace zc
