#pragma once

#include <QStyledItemDelegate>

namespace zc {

// Paints a cell's text as a coloured pill (the colour from `colorRole`), e.g. ZIA states.
class BadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    BadgeDelegate(int colorRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_colorRole;
};

} // namespace zc
