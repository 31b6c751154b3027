#include "SetSecretDialog.h"

#include "FieldErrors.h"
#include "KeychainWaitDialog.h"
#include "SecretFieldsWidget.h"
#include "SecretWriter.h"
#include "store/ClientSecrets.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace zc {

SetSecretDialog::SetSecretDialog(ClientSecrets *secrets, const QString &clientId, QWidget *parent)
    : QDialog(parent)
    , m_secrets(secrets)
    , m_clientId(clientId)
    , m_fields(new SecretFieldsWidget(this))
    , m_writer(new SecretWriter(secrets, this, this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("setSecretDialog"));
    const ApiClient *c = secrets->store()->client(clientId);
    const QString name = c ? c->name : clientId;
    setWindowTitle(tr("Set secret of “%1”").arg(name));
    auto *intro = new QLabel(c ? tr("%1 (%2). The values go straight into the OS keychain.")
                                     .arg(c->info().label, c->info().name)
                               : tr("This API client no longer exists."),
                             this);
    intro->setWordWrap(true);
    if (c)
        m_fields->setFields(c->secretFields(), c);
    FieldErrors::styleErrorLabel(m_error);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Store in keychain"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_fields);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    connect(m_fields, &SecretFieldsWidget::changed, this, &SetSecretDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SetSecretDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SetSecretDialog::reject);
    connect(m_writer, &SecretWriter::finished, this, &SetSecretDialog::onWritten);
    revalidate();
    if (c && !c->secretFields().isEmpty())
        if (QWidget *w = m_fields->inputFor(c->secretFields().constFirst()))
            w->setFocus();
}

QString SetSecretDialog::errorText() const { return m_error->isVisibleTo(this) ? m_error->text() : QString(); }

void SetSecretDialog::revalidate()
{
    const ValidationIssues issues = m_fields->check();
    m_fields->showIssues(issues);
    const bool ro = m_secrets->store()->isReadOnly();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_writer->isRunning() && issues.isEmpty() && !m_fields->filledFields().isEmpty() && !ro);
}

void SetSecretDialog::accept()
{
    if (m_writer->isRunning())
        return;
    const QList<SecretField> filled = m_fields->filledFields();
    if (filled.isEmpty() || !m_fields->check().isEmpty())
        return;
    m_error->hide();
    m_fields->setEnabled(false);
    m_writer->begin();
    for (SecretField f : filled)
        m_writer->write(m_clientId, f, m_fields->take(f));
    m_writer->end();
    revalidate();
}

void SetSecretDialog::onWritten(const QList<SecretField> &, const ApiError &error)
{
    m_fields->setEnabled(true);
    if (!error) {
        QDialog::accept();
        return;
    }
    m_error->setText(error.kind == ErrorKind::Cancelled
                         ? tr("You stopped waiting for the keychain; the secret was NOT stored.")
                         : tr("The secret was NOT stored: %1").arg(error.message));
    m_error->show();
    if (const ApiClient *c = m_secrets->store()->client(m_clientId))
        m_fields->setFields(c->secretFields(), c);
    revalidate();
}

void SetSecretDialog::reject()
{
    if (m_writer->isRunning())
        m_writer->waitDialog()->cancelJobs();
    m_fields->clearAll();
    QDialog::reject();
}

} // namespace zc
