#include "core/ColorName.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace zc {

namespace {

// The SVG 1.0 colour keywords and "transparent", sorted (QColor::colorNames()).
constexpr std::array<std::string_view, 148> kNames = {
    "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige", "bisque", "black",
    "blanchedalmond", "blue", "blueviolet", "brown", "burlywood", "cadetblue", "chartreuse",
    "chocolate", "coral", "cornflowerblue", "cornsilk", "crimson", "cyan", "darkblue",
    "darkcyan", "darkgoldenrod", "darkgray", "darkgreen", "darkgrey", "darkkhaki",
    "darkmagenta", "darkolivegreen", "darkorange", "darkorchid", "darkred", "darksalmon",
    "darkseagreen", "darkslateblue", "darkslategray", "darkslategrey", "darkturquoise",
    "darkviolet", "deeppink", "deepskyblue", "dimgray", "dimgrey", "dodgerblue", "firebrick",
    "floralwhite", "forestgreen", "fuchsia", "gainsboro", "ghostwhite", "gold", "goldenrod",
    "gray", "green", "greenyellow", "grey", "honeydew", "hotpink", "indianred", "indigo",
    "ivory", "khaki", "lavender", "lavenderblush", "lawngreen", "lemonchiffon", "lightblue",
    "lightcoral", "lightcyan", "lightgoldenrodyellow", "lightgray", "lightgreen", "lightgrey",
    "lightpink", "lightsalmon", "lightseagreen", "lightskyblue", "lightslategray",
    "lightslategrey", "lightsteelblue", "lightyellow", "lime", "limegreen", "linen", "magenta",
    "maroon", "mediumaquamarine", "mediumblue", "mediumorchid", "mediumpurple",
    "mediumseagreen", "mediumslateblue", "mediumspringgreen", "mediumturquoise",
    "mediumvioletred", "midnightblue", "mintcream", "mistyrose", "moccasin", "navajowhite",
    "navy", "oldlace", "olive", "olivedrab", "orange", "orangered", "orchid", "palegoldenrod",
    "palegreen", "paleturquoise", "palevioletred", "papayawhip", "peachpuff", "peru", "pink",
    "plum", "powderblue", "purple", "red", "rosybrown", "royalblue", "saddlebrown", "salmon",
    "sandybrown", "seagreen", "seashell", "sienna", "silver", "skyblue", "slateblue",
    "slategray", "slategrey", "snow", "springgreen", "steelblue", "tan", "teal", "thistle",
    "tomato", "transparent", "turquoise", "violet", "wheat", "white", "whitesmoke", "yellow",
    "yellowgreen",
};

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

} // namespace

bool isValidColorName(QStringView name)
{
    if (name.startsWith(u'#')) {
        const QStringView digits = name.mid(1);
        const qsizetype n = digits.size();
        return (n == 3 || n == 6 || n == 8 || n == 9 || n == 12)
               && std::all_of(digits.begin(), digits.end(), isHex);
    }
    if (name.size() > 255)
        return false;
    std::string key;
    for (const QChar c : name) {
        if (c == u'\0')
            break; // QColor reads the name as a C string
        if (c == u' ' || c == u'\t')
            continue;
        if (c.unicode() > 0x7f)
            return false; // no colour name has a non-ASCII letter
        key.push_back(char(c.toLower().unicode()));
    }
    return std::binary_search(kNames.begin(), kNames.end(), std::string_view(key));
}

} // namespace zc
