#pragma once

#include <QStringView>

namespace zc {

// Whether `name` is a colour QColor accepts (QColor::isValidColorName in Qt 6.4), checked with
// QtCore alone: "#rgb", "#rrggbb", "#aarrggbb", "#rrrgggbbb", "#rrrrggggbbbb" (hex digits, either
// case), or one of the SVG colour names or "transparent" (case-insensitive, spaces and tabs
// ignored). tests/unit/tst_colorname compares it with QColor itself.
bool isValidColorName(QStringView name);

} // namespace zc
