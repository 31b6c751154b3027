#include "PlaceholderPage.h"

#include "Icons.h"

#include <QLabel>
#include <QVBoxLayout>

namespace zc {

PlaceholderPage::PlaceholderPage(const QString &iconName, const QString &title, const QString &text,
                                 QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(text, this))
{
    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::get(iconName).pixmap(48, 48, QIcon::Disabled));
    icon->setAlignment(Qt::AlignCenter);
    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    heading->setFont(f);
    heading->setAlignment(Qt::AlignCenter);
    m_text->setObjectName(QStringLiteral("placeholderText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addWidget(heading);
    layout->addWidget(m_text);
    layout->addStretch(3);
    setAccessibleName(title);
    setAccessibleDescription(text);
}

QString PlaceholderPage::text() const { return m_text->text(); }

} // namespace zc
