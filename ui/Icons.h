#pragma once

#include <QIcon>
#include <QString>

namespace zc {

// Icons of the GUI by name ("add", "edit", "delete", "key", "filter", "tenant", "client",
// "segments", "zia", "tools", "about", "quit", "warning", "lock", "zconsole", "ok", "test",
// "forget", "activate", "refresh", "export", "stop", "search").
// Uses resources/icons/<name>.svg when Qt's SVG image plugin is installed (qt6-svg-plugins),
// otherwise paints the same glyph with QPainter, so the window never shows blank buttons.
class Icons
{
public:
    static QIcon get(const QString &name);
    static bool svgSupported();
    // Makes sure the resources of the static zconsole_ui library are registered.
    static void initResources();
};

} // namespace zc
