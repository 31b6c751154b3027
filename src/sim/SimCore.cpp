#include "sim/SimCore.h"

#include "sim/Crypto.h"

namespace zsim {

const QString SimCore::kTenantName = QStringLiteral("Demo Corp");
const QString SimCore::kVanity = QStringLiteral("demo");
const QString SimCore::kCustomerId = QStringLiteral("216196257331281920");
const QString SimCore::kZiaOrgId = QStringLiteral("8956412");
const QString SimCore::kZiaCloud = QStringLiteral("zscalerbeta.net");
const QString SimCore::kZiaScope = QStringLiteral("zscalerbeta.net::8956412::demoRole");

SimCore::SimCore(const SimOptions &o)
    : options(o),
      knobs(o.seed),
      credPrng(o.seed * 0x9E3779B97F4A7C15ULL + 0x1234567ULL),
      requestPrng(o.seed ^ 0xC2B2AE3D27D4EB4FULL)
{
    controlToken = QString::fromLatin1(crypto::base64Url(crypto::randomBytes(24)));
    tokenKey = crypto::randomBytes(32);
    knobs.setStartup(o.knobs);
    knobs.reset();
}

} // namespace zsim
