#include "SidebarDelegate.h"

#include <QPainter>

namespace zc {

void SidebarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString badge = index.data(BadgeRole).toString();
    if (badge.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QFont font = option.font;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.78);
    const QFontMetrics fm(font);
    const int w = fm.horizontalAdvance(badge) + 10;
    const int h = fm.height() + 2;
    const QRect pill(option.rect.right() - w - 6, option.rect.center().y() - h / 2, w, h);

    // Section names are short: the badge sits in the free space at the right of the row.
    QStyledItemDelegate::paint(painter, option, index);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor c = index.data(BadgeColorRole).value<QColor>();
    if (!c.isValid())
        c = option.palette.color(QPalette::Mid);
    painter->setPen(Qt::NoPen);
    painter->setBrush(c);
    painter->drawRoundedRect(pill, h / 2.0, h / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(pill, Qt::AlignCenter, badge);
    painter->restore();
}

QSize SidebarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(BadgeRole).toString().isEmpty())
        s.rwidth() += option.fontMetrics.horizontalAdvance(index.data(BadgeRole).toString()) + 20;
    return s;
}

} // namespace zc
