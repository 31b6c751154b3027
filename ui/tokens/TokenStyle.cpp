#include "TokenStyle.h"

#include "services/TokenTracker.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace zc {

QColor TokenStyle::color(TokenState state)
{
    switch (state) {
    case TokenState::NoToken: return QColor(0x9a, 0xa5, 0xb1);
    case TokenState::Valid: return QColor(0x2e, 0x7d, 0x32);
    case TokenState::Expiring: return QColor(0xe0, 0x8e, 0x0b);
    case TokenState::Expired: return QColor(0x8d, 0x4e, 0x2a);
    case TokenState::Error: return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::gray;
}

QIcon TokenStyle::icon(TokenState state)
{
    static QHash<int, QIcon> cache;
    auto it = cache.constFind(int(state));
    if (it != cache.cend())
        return *it;
    QIcon icon;
    for (int side : {16, 32}) {
        QPixmap pm(side, side);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor c = color(state);
        const qreal r = side * 0.30;
        const QPointF centre(side / 2.0, side / 2.0);
        if (state == TokenState::NoToken) {
            p.setPen(QPen(c, side / 10.0));
            p.setBrush(Qt::NoBrush);
        } else {
            p.setPen(QPen(c.darker(130), side / 16.0));
            p.setBrush(c);
        }
        p.drawEllipse(centre, r, r);
        if (state == TokenState::Error || state == TokenState::Expired) {
            p.setPen(QPen(Qt::white, side / 10.0, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(centre.x(), centre.y() - r * 0.55), QPointF(centre.x(), centre.y() + r * 0.1));
            p.drawPoint(QPointF(centre.x(), centre.y() + r * 0.5));
        }
        p.end();
        icon.addPixmap(pm);
    }
    cache.insert(int(state), icon);
    return icon;
}

QString TokenStyle::summary(const TokenTracker *tracker)
{
    return tracker ? tracker->summaryParts().join(QStringLiteral(" · ")) : QString();
}

} // namespace zc
