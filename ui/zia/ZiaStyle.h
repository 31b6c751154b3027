#pragma once

#include "core/ZiaActivation.h"

#include <QColor>
#include <QCoreApplication>

namespace zc {

// How ZIA activation states look everywhere (page badge, sidebar badge, status bar, table):
// ACTIVE green, PENDING amber, INPROGRESS blue, unknown grey; the badge text is the API's
// spelling so that admins recognise it from the ZIA admin portal.
class ZiaStyle
{
    Q_DECLARE_TR_FUNCTIONS(zc::ZiaStyle)

public:
    static QColor color(ZiaActivationState state);
    static QString badgeText(ZiaActivationState state); // "ACTIVE", …; "—" when unknown
    static QString describe(ZiaActivationState state);  // one sentence for tooltips
    // The style sheet of a pill-shaped badge label in that state's colour.
    static QString badgeStyleSheet(ZiaActivationState state, bool large = false);
};

} // namespace zc
