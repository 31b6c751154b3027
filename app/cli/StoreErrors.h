#pragma once

#include "CliContext.h"
#include "store/TenantStore.h"

namespace zc::cli {

// Prints a failed store result (each validation issue on its own line, or as JSON) and returns
// the exit code (2 for invalid input, 7 for config I/O).
int failStore(CliContext &ctx, const StoreResult &r);

// Looks up a tenant / client by name (or id); prints "no such …" (exit 7) when missing.
const Tenant *requireTenant(CliContext &ctx, const QString &name, int *rc);
const ApiClient *requireClient(CliContext &ctx, const QString &name, int *rc);

// Asks "Type the tenant's name to confirm" on a terminal, or checks --confirm; for protected
// tenants. Returns true if confirmed.
bool confirmProtected(CliContext &ctx, const Tenant &t, const QString &action);
// y/N on a terminal; false when not a terminal.
bool askYesNo(CliContext &ctx, const QString &question);

} // namespace zc::cli
