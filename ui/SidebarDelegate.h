#pragma once

#include <QStyledItemDelegate>

namespace zc {

// Paints the sidebar's sections with an optional badge at the right: a rounded pill with the
// text of BadgeRole in the colour of BadgeColorRole (the ZIA section shows PENDING, …).
class SidebarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int BadgeRole = Qt::UserRole + 40;
    static constexpr int BadgeColorRole = Qt::UserRole + 41;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace zc
