#pragma once

#include "AuthRuntime.h"

#include "core/UrlLookup.h"

#include <QJsonArray>

namespace zc::cli {

// Registers the client with the runtime's broker and checks that its kind is one `accepts`
// takes; null with *rc set (and the error printed) otherwise. `needs` names what the command
// needs, e.g. "a zia-legacy, zia-oauth or oneapi-* client".
const ApiClient *addClientOfKind(CliContext &ctx, AuthRuntime &rt, const QString &name,
                                 bool (*accepts)(AuthKind), const QString &needs, int *rc);

// The tenant of a client (from the store); null if unknown.
const Tenant *tenantOf(CliContext &ctx, const ApiClient &client);

// "line 3: \"foo bar\": contains whitespace…" for each refused input, on stderr.
void printUrlIssues(CliContext &ctx, const UrlLookupInput &input);
QJsonArray urlIssuesJson(const UrlLookupInput &input);

// What a person must know after a ZIA change: nothing takes effect until activated, and a
// zia-legacy session activates pending changes by itself when it ends.
QString pendingNote(const ApiClient &client, const Tenant &tenant);

// Reads standard input to the end (UTF-8).
QString readAllStdin();
bool stdinIsTerminal();

} // namespace zc::cli
