#include "QuitGuard.h"

#include "services/AppServices.h"
#include "services/ZiaService.h"

namespace zc {

Confirm::Request QuitGuard::pendingChangesRequest(const AppServices *services, const QStringList &tenantIds)
{
    QStringList names;
    bool legacy = false;
    for (const QString &id : tenantIds) {
        if (const Tenant *t = services->store()->tenant(id))
            names << QStringLiteral("“%1”").arg(t->name);
        for (const ApiClient &c : services->zia()->ziaClientsOf(id))
            legacy = legacy || c.kind == AuthKind::ZiaLegacy;
    }
    Confirm::Request req;
    req.title = tr("ZIA changes not activated");
    req.text = names.size() == 1 ? tr("Tenant %1 has ZIA changes that are not activated. Quit anyway?").arg(names.first())
                                 : tr("Tenants %1 have ZIA changes that are not activated. Quit anyway?")
                                       .arg(names.join(QStringLiteral(", ")));
    req.details = tr("Pending changes stay saved but not in effect until someone activates them (ZIA page, "
                     "Activate…).");
    if (legacy)
        req.details += QLatin1Char(' ')
                       + tr("A ZIA legacy API session left open ends by itself after its idle timeout, and ending "
                            "the session ACTIVATES the pending changes.");
    req.acceptLabel = tr("Quit anyway");
    return req;
}

} // namespace zc
