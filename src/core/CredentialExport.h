#pragma once

#include "core/BackupFormat.h"

#include <QByteArray>
#include <QString>

namespace zc {

// The shareable JSON of tenant and client definitions (`zconsole-cli export` / `import`): no
// secret, no token, no keychain key and no local id, so a team can keep it in git.
//   {"format": "zconsole-export", "version": 1,
//    "tenants": [{<tenant fields>, "clients": [{<client fields>}, …]}, …]}
namespace credentialExport {
inline constexpr int Version = 1;
QByteArray write(const QList<Tenant> &tenants, const QList<ApiClient> &clients);
// The definitions with fresh ids (clients name their tenant by it); false + *error.
bool read(const QByteArray &bytes, backup::Definitions *out, QString *error);
} // namespace credentialExport

} // namespace zc
