#include "Icons.h"

#include "GlyphIconEngine.h"

#include <QFile>
#include <QHash>
#include <QImageReader>

// Q_INIT_RESOURCE must be used outside any namespace; it also pulls the resource object of the
// static library into the link.
static void zcInitUiResources() { Q_INIT_RESOURCE(zconsole); }

namespace zc {

void Icons::initResources()
{
    static const bool done = [] {
        zcInitUiResources();
        return true;
    }();
    Q_UNUSED(done);
}

bool Icons::svgSupported()
{
    static const bool ok = QImageReader::supportedImageFormats().contains("svg");
    return ok;
}

QIcon Icons::get(const QString &name)
{
    initResources();
    static QHash<QString, QIcon> cache;
    auto it = cache.constFind(name);
    if (it != cache.cend())
        return *it;
    QIcon icon;
    const QString path = QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
    if (svgSupported() && QFile::exists(path))
        icon = QIcon(path);
    else if (GlyphIconEngine::hasGlyph(name))
        icon = QIcon(new GlyphIconEngine(name));
    cache.insert(name, icon);
    return icon;
}

} // namespace zc
