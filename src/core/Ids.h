#pragma once

#include <QString>

namespace zc {

// Stable ASCII identifiers ("t-1f3a…", "c-9b2e…") that name config entries and keychain
// entries. Display names never reach the keychain.
QString newTenantId();
QString newClientId();
bool isStableId(const QString &id);

} // namespace zc
