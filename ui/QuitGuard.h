#pragma once

#include "Confirm.h"

#include <QCoreApplication>
#include <QStringList>

namespace zc {

class AppServices;

// What the main window asks before quitting while ZIA tenants have changes that are not
// activated: it names the tenants, says the changes stay pending, and — when a tenant has a
// zia-legacy client — that a session left to idle out ACTIVATES them.
class QuitGuard
{
    Q_DECLARE_TR_FUNCTIONS(zc::QuitGuard)

public:
    static Confirm::Request pendingChangesRequest(const AppServices *services, const QStringList &tenantIds);
};

} // namespace zc
