#include "MessageBar.h"

#include "Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

namespace zc {

MessageBar::MessageBar(Type type, const QString &text, QWidget *parent)
    : QFrame(parent)
    , m_type(type)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_close(new QToolButton(this))
{
    setAttribute(Qt::WA_StyledBackground);
    m_icon->setAlignment(Qt::AlignTop);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(90);
    m_busy->setMaximumHeight(10);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->hide();
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        emit closed();
    });

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 4, 6);
    row->addWidget(m_icon);
    row->addWidget(m_text, 1);
    row->addWidget(m_busy, 0, Qt::AlignVCenter);
    row->addWidget(m_close, 0, Qt::AlignTop);
    setType(type);
    setText(text);
}

void MessageBar::setType(Type type)
{
    m_type = type;
    QString bg, border;
    QString icon;
    switch (type) {
    case Type::Info:
        bg = QStringLiteral("#e8f1fb");
        border = QStringLiteral("#7aa7d9");
        icon = QStringLiteral("about");
        break;
    case Type::Warning:
        bg = QStringLiteral("#fff6e0");
        border = QStringLiteral("#e0a526");
        icon = QStringLiteral("warning");
        break;
    case Type::Error:
        bg = QStringLiteral("#fdecea");
        border = QStringLiteral("#d9534f");
        icon = QStringLiteral("warning");
        break;
    case Type::Success:
        bg = QStringLiteral("#e8f5e9");
        border = QStringLiteral("#66bb6a");
        icon = QStringLiteral("ok");
        break;
    }
    setStyleSheet(QStringLiteral("zc--MessageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                                 " QLabel { color: #1f2933; }")
                      .arg(bg, border));
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(Icons::get(icon).pixmap(side, side));
}

void MessageBar::setBusy(bool busy) { m_busy->setVisible(busy); }

bool MessageBar::isBusy() const { return m_busy->isVisibleTo(this); }

QString MessageBar::text() const { return m_text->text(); }

void MessageBar::setText(const QString &text)
{
    m_text->setText(text);
    setAccessibleDescription(text);
}

void MessageBar::setClosable(bool closable) { m_close->setVisible(closable); }

} // namespace zc
