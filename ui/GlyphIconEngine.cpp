#include "GlyphIconEngine.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace zc {

namespace {
const QStringList &glyphNames()
{
    static const QStringList names = {
        QStringLiteral("add"),      QStringLiteral("edit"),   QStringLiteral("delete"),
        QStringLiteral("key"),      QStringLiteral("filter"), QStringLiteral("tenant"),
        QStringLiteral("client"),   QStringLiteral("segments"), QStringLiteral("zia"),
        QStringLiteral("tools"),    QStringLiteral("about"),  QStringLiteral("quit"),
        QStringLiteral("warning"),  QStringLiteral("lock"),   QStringLiteral("zconsole"),
        QStringLiteral("ok"),       QStringLiteral("test"),   QStringLiteral("forget"),
        QStringLiteral("activate"), QStringLiteral("refresh"), QStringLiteral("export"),
        QStringLiteral("stop"),     QStringLiteral("search"),
    };
    return names;
}

QPainterPath polyline(std::initializer_list<QPointF> pts, bool close = false)
{
    QPainterPath p;
    bool first = true;
    for (const QPointF &pt : pts) {
        if (first)
            p.moveTo(pt);
        else
            p.lineTo(pt);
        first = false;
    }
    if (close)
        p.closeSubpath();
    return p;
}

QPainterPath segment(qreal x1, qreal y1, qreal x2, qreal y2)
{
    return polyline({{x1, y1}, {x2, y2}});
}
} // namespace

GlyphIconEngine::GlyphIconEngine(const QString &name)
    : m_name(name)
{
}

bool GlyphIconEngine::hasGlyph(const QString &name) { return glyphNames().contains(name); }

QIconEngine *GlyphIconEngine::clone() const { return new GlyphIconEngine(m_name); }

QPixmap GlyphIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    QPixmap pm(size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    paint(&p, QRect(QPoint(0, 0), size), mode, state);
    return pm;
}

void GlyphIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal side = qMin(rect.width(), rect.height());
    painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
    painter->scale(side / 24.0, side / 24.0);
    paintGlyph(painter, mode);
    painter->restore();
}

void GlyphIconEngine::paintGlyph(QPainter *p, QIcon::Mode mode) const
{
    QColor ink(0x3b, 0x4a, 0x5a);
    if (m_name == QLatin1String("warning"))
        ink = QColor(0xb4, 0x53, 0x09);
    else if (m_name == QLatin1String("lock"))
        ink = QColor(0xb9, 0x1c, 0x1c);
    else if (m_name == QLatin1String("ok"))
        ink = QColor(0x2e, 0x7d, 0x32);
    if (mode == QIcon::Disabled)
        ink = QColor(0xa0, 0xa6, 0xad);
    QPen pen(ink, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    QPainterPath path;
    const QString &n = m_name;
    if (n == QLatin1String("add")) {
        path.addPath(segment(12, 5, 12, 19));
        path.addPath(segment(5, 12, 19, 12));
    } else if (n == QLatin1String("edit")) {
        path.addPath(polyline({{4, 20}, {8, 20}, {19, 9}, {15, 5}, {4, 16}}, true));
        path.addPath(segment(13.5, 6.5, 17.5, 10.5));
    } else if (n == QLatin1String("delete")) {
        path.addPath(segment(4, 7, 20, 7));
        path.addPath(polyline({{9, 7}, {9, 4}, {15, 4}, {15, 7}}));
        path.addPath(polyline({{6, 7}, {7, 20}, {17, 20}, {18, 7}}));
        path.addPath(segment(10, 11, 10, 17));
        path.addPath(segment(14, 11, 14, 17));
    } else if (n == QLatin1String("key")) {
        path.addEllipse(QPointF(8, 15), 4, 4);
        path.addPath(segment(11, 12, 19, 4));
        path.addPath(segment(16, 7, 19, 10));
        path.addPath(segment(14, 9, 16, 11));
    } else if (n == QLatin1String("filter")) {
        path.addPath(polyline({{4, 5}, {20, 5}, {14, 12.5}, {14, 19}, {10, 17}, {10, 12.5}}, true));
    } else if (n == QLatin1String("tenant")) {
        path.addPath(polyline({{5, 20}, {5, 5}, {14, 5}, {14, 20}}));
        path.addPath(polyline({{14, 10}, {19, 10}, {19, 20}}));
        path.addPath(segment(3, 20, 21, 20));
        for (qreal y : {8.0, 12.0, 16.0})
            path.addPath(segment(8, y, 11, y));
    } else if (n == QLatin1String("client")) {
        path.addRoundedRect(QRectF(3, 6, 18, 12), 2, 2);
        path.addEllipse(QPointF(8.5, 12), 2, 2);
        path.addPath(segment(13, 10, 18, 10));
        path.addPath(segment(13, 14, 16, 14));
    } else if (n == QLatin1String("segments")) {
        for (qreal x : {4.0, 14.0})
            for (qreal y : {4.0, 14.0})
                path.addRoundedRect(QRectF(x, y, 6, 6), 1, 1);
    } else if (n == QLatin1String("zia")) {
        path.moveTo(12, 3);
        path.lineTo(19, 6);
        path.lineTo(19, 11);
        path.cubicTo(19, 15.5, 16, 19, 12, 21);
        path.cubicTo(8, 19, 5, 15.5, 5, 11);
        path.lineTo(5, 6);
        path.closeSubpath();
        path.addPath(polyline({{9, 12}, {11, 14}, {15, 10}}));
    } else if (n == QLatin1String("tools")) {
        path.addPath(segment(5, 19, 13, 11));
        path.arcMoveTo(QRectF(12, 3, 9, 9), 200);
        path.arcTo(QRectF(12, 3, 9, 9), 200, 250);
    } else if (n == QLatin1String("about")) {
        path.addEllipse(QPointF(12, 12), 9, 9);
        path.addPath(segment(12, 11, 12, 17));
        path.addPath(segment(12, 7.5, 12, 8));
    } else if (n == QLatin1String("quit")) {
        path.addPath(segment(12, 3, 12, 11));
        path.arcMoveTo(QRectF(5, 5.5, 14, 14), 125);
        path.arcTo(QRectF(5, 5.5, 14, 14), 125, 290);
    } else if (n == QLatin1String("warning")) {
        path.addPath(polyline({{12, 4}, {21, 20}, {3, 20}}, true));
        path.addPath(segment(12, 10, 12, 14));
        path.addPath(segment(12, 17, 12, 17.5));
    } else if (n == QLatin1String("lock")) {
        path.addRoundedRect(QRectF(5, 11, 14, 9), 1.5, 1.5);
        path.moveTo(8, 11);
        path.lineTo(8, 8);
        path.arcTo(QRectF(8, 4, 8, 8), 180, -180);
        path.lineTo(16, 11);
    } else if (n == QLatin1String("ok")) {
        path.addEllipse(QPointF(12, 12), 9, 9);
        path.addPath(polyline({{8, 12.5}, {10.5, 15}, {16, 9.5}}));
    } else if (n == QLatin1String("test")) {
        path.addPath(polyline({{3, 12}, {7, 12}, {9, 7}, {13, 17}, {15, 12}, {21, 12}}));
    } else if (n == QLatin1String("forget")) {
        path.addPath(segment(7, 20, 19, 20));
        path.addPath(polyline({{5, 16}, {14, 5}, {20, 10}, {12, 20}, {8, 20}}, true));
        path.addPath(segment(10, 10, 16, 15));
    } else if (n == QLatin1String("activate")) {
        path.addEllipse(QPointF(12, 12), 9, 9);
        path.addPath(polyline({{10, 8.5}, {10, 15.5}, {15.5, 12}}, true));
    } else if (n == QLatin1String("refresh")) {
        path.arcMoveTo(QRectF(4, 4, 16, 16), 45);
        path.arcTo(QRectF(4, 4, 16, 16), 45, 315);
        path.addPath(polyline({{20, 4}, {20, 9}, {15, 9}}));
    } else if (n == QLatin1String("export")) {
        path.addPath(segment(12, 4, 12, 15));
        path.addPath(polyline({{7.5, 10.5}, {12, 15}, {16.5, 10.5}}));
        path.addPath(segment(5, 19, 19, 19));
    } else if (n == QLatin1String("stop")) {
        path.addEllipse(QPointF(12, 12), 9, 9);
        path.addPath(segment(9, 9, 15, 15));
        path.addPath(segment(15, 9, 9, 15));
    } else if (n == QLatin1String("search")) {
        path.addEllipse(QPointF(10.5, 10.5), 6, 6);
        path.addPath(segment(15, 15, 20, 20));
    } else if (n == QLatin1String("zconsole")) {
        p->setPen(Qt::NoPen);
        p->setBrush(mode == QIcon::Disabled ? ink : QColor(0x1f, 0x4e, 0x79));
        p->drawRoundedRect(QRectF(1.5, 1.5, 21, 21), 4.5, 4.5);
        p->setBrush(Qt::white);
        p->drawPath(polyline({{6.75, 7.5}, {17.25, 7.5}, {17.25, 9.75}, {9.75, 15}, {17.25, 15},
                              {17.25, 17.25}, {6.75, 17.25}, {6.75, 15}, {14.25, 9.75}, {6.75, 9.75}},
                             true));
        p->setPen(QPen(Qt::white, 0.75));
        p->setBrush(QColor(0x3c, 0xb3, 0x71));
        p->drawEllipse(QPointF(18, 18), 2.6, 2.6);
        return;
    }
    p->drawPath(path);
}

} // namespace zc
