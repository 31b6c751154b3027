#include "BadgeDelegate.h"

#include <QPainter>

namespace zc {

BadgeDelegate::BadgeDelegate(int colorRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_colorRole(colorRole)
{
}

void BadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    option.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, option.widget);
    if (text.isEmpty())
        return;
    QFont font = option.font;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics fm(font);
    const int w = fm.horizontalAdvance(text) + 14;
    const int h = qMin(option.rect.height() - 4, fm.height() + 4);
    const QRect pill(option.rect.left() + 4, option.rect.center().y() - h / 2 + 1, w, h);
    QColor c = index.data(m_colorRole).value<QColor>();
    if (!c.isValid())
        c = option.palette.color(QPalette::Mid);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(c);
    painter->drawRoundedRect(pill, 4, 4);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace zc
