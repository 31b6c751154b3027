#pragma once

#include <QIconEngine>
#include <QString>

namespace zc {

// Paints zconsole's icons (the shapes of resources/icons/*.svg, on a 24×24 grid) with QPainter.
// The fallback when Qt has no SVG image plugin.
class GlyphIconEngine : public QIconEngine
{
public:
    explicit GlyphIconEngine(const QString &name);

    static bool hasGlyph(const QString &name);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override { return QStringLiteral("zc-glyph"); }

private:
    void paintGlyph(QPainter *p, QIcon::Mode mode) const;

    QString m_name;
};

} // namespace zc
