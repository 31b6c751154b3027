#pragma once

#include "core/TokenStatus.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>

namespace zc {

class TokenTracker;

// How token states look in the GUI: a coloured dot per state (grey no token, green valid,
// amber expiring, red-brown expired, red error) and the status-bar summary
// ("12 tokens valid · 1 expiring · 2 errors").
class TokenStyle
{
    Q_DECLARE_TR_FUNCTIONS(zc::TokenStyle)

public:
    static QColor color(TokenState state);
    static QIcon icon(TokenState state);
    static QString summary(const TokenTracker *tracker);
};

} // namespace zc
