#include "SecretFieldsWidget.h"

#include "store/ClientSecrets.h"
#include "store/SecretStore.h"

#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace zc {

namespace {
QLabel *makeErrorLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setStyleSheet(QStringLiteral("color: #c62828;"));
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->hide();
    return l;
}
} // namespace

SecretFieldsWidget::SecretFieldsWidget(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_hint(new QLabel(this))
{
    m_hint->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("secretHint"));
    QPalette pal = m_hint->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText));
    m_hint->setPalette(pal);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(m_form);
    outer->addWidget(m_hint);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
}

void SecretFieldsWidget::setFields(const QList<SecretField> &fields, const ApiClient *existing)
{
    clearAll();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_lines.clear();
    m_pems.clear();
    m_errors.clear();
    m_fields = fields;

    bool anyStored = false;
    for (SecretField f : fields) {
        const bool stored = existing && existing->hasSecret(f);
        anyStored = anyStored || stored;
        const QString status = stored
            ? tr("stored %1").arg(QLocale().toString(existing->secretsSetAt.value(f).toLocalTime(),
                                                      QLocale::ShortFormat))
            : tr("not stored yet");
        auto *label = new QLabel(secretFieldLabel(f) + QLatin1Char(':'), this);
        QWidget *input = nullptr;
        if (f == SecretField::PrivateKey) {
            auto *box = new QWidget(this);
            auto *col = new QVBoxLayout(box);
            col->setContentsMargins(0, 0, 0, 0);
            auto *pem = new QPlainTextEdit(box);
            pem->setObjectName(QStringLiteral("secret_") + secretFieldName(f));
            pem->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            pem->setPlaceholderText(stored ? tr("(%1; paste a new key to replace it)").arg(status)
                                           : tr("Paste the PEM private key (PKCS#8, RSA or EC) or load it from a file"));
            pem->setTabChangesFocus(true);
            pem->setMinimumHeight(90);
            pem->setAccessibleName(secretFieldLabel(f));
            auto *load = new QPushButton(tr("Load from file…"), box);
            load->setObjectName(QStringLiteral("loadPemButton"));
            load->setAutoDefault(false);
            connect(load, &QPushButton::clicked, this, [this, pem] { loadPemFile(pem); });
            connect(pem, &QPlainTextEdit::textChanged, this, &SecretFieldsWidget::changed);
            col->addWidget(pem);
            col->addWidget(load, 0, Qt::AlignLeft);
            m_pems.insert(f, pem);
            label->setBuddy(pem);
            input = box;
        } else {
            auto *line = new QLineEdit(this);
            line->setObjectName(QStringLiteral("secret_") + secretFieldName(f));
            line->setEchoMode(QLineEdit::Password);
            line->setClearButtonEnabled(true);
            line->setPlaceholderText(stored ? tr("(%1; type to replace)").arg(status) : status);
            line->setAccessibleName(secretFieldLabel(f));
            connect(line, &QLineEdit::textChanged, this, &SecretFieldsWidget::changed);
            m_lines.insert(f, line);
            label->setBuddy(line);
            input = line;
        }
        m_form->addRow(label, input);
        QLabel *err = makeErrorLabel(this);
        m_errors.insert(f, err);
        m_form->addRow(QString(), err);
        m_form->setRowVisible(err, false);
    }
    m_hint->setText(anyStored
                        ? tr("Secrets are stored in the OS keychain; leave a field empty to keep "
                             "the current value.")
                        : tr("Secrets are stored in the OS keychain, never in files. You can also "
                             "set them later."));
}

QWidget *SecretFieldsWidget::inputFor(SecretField field) const
{
    if (auto *l = m_lines.value(field))
        return l;
    return m_pems.value(field);
}

bool SecretFieldsWidget::isFilled(SecretField field) const
{
    if (auto *l = m_lines.value(field))
        return !l->text().isEmpty();
    if (auto *p = m_pems.value(field))
        return !p->document()->isEmpty();
    return false;
}

QList<SecretField> SecretFieldsWidget::filledFields() const
{
    QList<SecretField> out;
    for (SecretField f : m_fields)
        if (isFilled(f))
            out << f;
    return out;
}

QByteArray SecretFieldsWidget::take(SecretField field)
{
    QByteArray out;
    if (auto *l = m_lines.value(field)) {
        out = l->text().toUtf8();
        l->clear();
    } else if (auto *p = m_pems.value(field)) {
        out = p->toPlainText().trimmed().toUtf8();
        if (!out.isEmpty())
            out.append('\n');
        p->clear();
    }
    return out;
}

void SecretFieldsWidget::clearAll()
{
    for (auto *l : std::as_const(m_lines))
        l->clear();
    for (auto *p : std::as_const(m_pems))
        p->clear();
}

ValidationIssues SecretFieldsWidget::check() const
{
    ValidationIssues out;
    for (SecretField f : m_fields) {
        if (!isFilled(f))
            continue;
        QByteArray v;
        if (auto *l = m_lines.value(f))
            v = l->text().toUtf8();
        else if (auto *p = m_pems.value(f))
            v = p->toPlainText().trimmed().toUtf8();
        const ApiError e = ClientSecrets::checkValue(f, v);
        SecretStore::wipe(v);
        if (e)
            out.append({secretFieldName(f), e.message});
    }
    return out;
}

void SecretFieldsWidget::showIssues(const ValidationIssues &issues)
{
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QString msg = messageFor(issues, secretFieldName(it.key()));
        it.value()->setText(msg);
        m_form->setRowVisible(it.value(), !msg.isEmpty());
    }
}

void SecretFieldsWidget::loadPemFile(QPlainTextEdit *edit)
{
    auto *dlg = new QFileDialog(this, tr("Load private key"), QString(),
                                tr("PEM files (*.pem *.key);;All files (*)"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    connect(dlg, &QFileDialog::fileSelected, this, [this, edit](const QString &path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly) || f.size() > 64 * 1024) {
            const QString msg = f.isOpen() ? tr("%1 is larger than 64 KB").arg(path)
                                           : tr("Cannot read %1: %2").arg(path, f.errorString());
            showIssues({{secretFieldName(SecretField::PrivateKey), msg}});
            return;
        }
        QByteArray bytes = f.readAll();
        edit->setPlainText(QString::fromUtf8(bytes));
        SecretStore::wipe(bytes);
    });
    dlg->open();
}

} // namespace zc
