#include "ZiaStyle.h"

namespace zc {

QColor ZiaStyle::color(ZiaActivationState state)
{
    switch (state) {
    case ZiaActivationState::Active: return QColor(0x2e, 0x7d, 0x32);
    case ZiaActivationState::Pending: return QColor(0xd9, 0x77, 0x06);
    case ZiaActivationState::InProgress: return QColor(0x15, 0x65, 0xc0);
    case ZiaActivationState::Unknown: break;
    }
    return QColor(0x8a, 0x94, 0x9e);
}

QString ZiaStyle::badgeText(ZiaActivationState state)
{
    return state == ZiaActivationState::Unknown ? QStringLiteral("—") : ziaActivationStateName(state);
}

QString ZiaStyle::describe(ZiaActivationState state)
{
    switch (state) {
    case ZiaActivationState::Active: return tr("ACTIVE: nothing waits for activation.");
    case ZiaActivationState::Pending:
        return tr("PENDING: saved changes (any admin's) are not in effect until someone activates them.");
    case ZiaActivationState::InProgress:
        return tr("INPROGRESS: an activation runs; it cannot be cancelled or undone.");
    case ZiaActivationState::Unknown: break;
    }
    return tr("Status not read yet.");
}

QString ZiaStyle::badgeStyleSheet(ZiaActivationState state, bool large)
{
    return QStringLiteral("background: %1; color: white; font-weight: bold; border-radius: %2px; padding: %3;")
        .arg(color(state).name())
        .arg(large ? 5 : 3)
        .arg(large ? QStringLiteral("4px 12px") : QStringLiteral("1px 6px"));
}

} // namespace zc
