#include "TypedConfirmDialog.h"

#include "Icons.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace zc {

TypedConfirmDialog::TypedConfirmDialog(const Confirm::Request &request, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
    , m_edit(new QLineEdit(this))
    , m_accept(nullptr)
    , m_cancel(nullptr)
{
    setObjectName(QStringLiteral("typedConfirmDialog"));
    setWindowTitle(request.title);
    setModal(true);

    auto *icon = new QLabel(this);
    const int side = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(Icons::get(QStringLiteral("lock")).pixmap(side, side));
    icon->setAlignment(Qt::AlignTop);

    auto *text = new QLabel(request.text, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    QFont bold = text->font();
    bold.setBold(true);
    text->setFont(bold);
    auto *details = new QLabel(request.details, this);
    details->setWordWrap(true);
    details->setTextFormat(Qt::PlainText);
    details->setVisible(!request.details.isEmpty());

    auto *prompt = new QLabel(tr("This is a protected tenant. Type its name, <b>%1</b>, to confirm:")
                                  .arg(request.typedName.toHtmlEscaped()),
                              this);
    prompt->setTextFormat(Qt::RichText);
    prompt->setWordWrap(true);
    prompt->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("typedNameEdit"));
    m_edit->setAccessibleName(tr("Tenant name to confirm"));
    m_edit->setPlaceholderText(request.typedName);

    auto *buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(request.acceptLabel.isEmpty() ? tr("Delete") : request.acceptLabel,
                                  QDialogButtonBox::AcceptRole);
    m_accept->setObjectName(QStringLiteral("confirmButton"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &TypedConfirmDialog::updateButton);

    auto *textCol = new QVBoxLayout;
    textCol->addWidget(text);
    textCol->addWidget(details);
    textCol->addSpacing(8);
    textCol->addWidget(prompt);
    textCol->addWidget(m_edit);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addLayout(textCol, 1);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(row);
    outer->addWidget(buttons);
    setMinimumWidth(440);
    updateButton();
    m_edit->setFocus();
}

void TypedConfirmDialog::updateButton()
{
    // Enter confirms only once the name matches; until then it cancels.
    const bool match = Confirm::typedNameMatches(m_request, m_edit->text());
    m_accept->setEnabled(match);
    m_accept->setDefault(match);
    m_cancel->setDefault(!match);
}

} // namespace zc
