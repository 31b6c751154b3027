#include "core/Cloud.h"

#include <QRegularExpression>

namespace zc {

const QList<CloudInfo> &Clouds::known()
{
    // ZPA hosts per cloud follow the SDK tables; the OneAPI cloud value drives the ZIdentity
    // token host. Pairings for zscalerten and zspreview are UNCONFIRMED (override per client).
    static const QList<CloudInfo> clouds = {
        {QStringLiteral("zscaler"), QStringLiteral("zscaler.net (production)"),
         QStringLiteral("zsapi.zscaler.net"), QStringLiteral("config.private.zscaler.com"), {},
         QStringLiteral("csbapi.zscaler.net")},
        {QStringLiteral("zscalerone"), QStringLiteral("zscalerone.net"),
         QStringLiteral("zsapi.zscalerone.net"), QStringLiteral("config.private.zscaler.com"), {},
         QStringLiteral("csbapi.zscalerone.net")},
        {QStringLiteral("zscalertwo"), QStringLiteral("zscalertwo.net"),
         QStringLiteral("zsapi.zscalertwo.net"), QStringLiteral("config.private.zscaler.com"), {},
         QStringLiteral("csbapi.zscalertwo.net")},
        {QStringLiteral("zscalerthree"), QStringLiteral("zscalerthree.net"),
         QStringLiteral("zsapi.zscalerthree.net"), QStringLiteral("config.private.zscaler.com"),
         {}, QStringLiteral("csbapi.zscalerthree.net")},
        {QStringLiteral("zscloud"), QStringLiteral("zscloud.net"),
         QStringLiteral("zsapi.zscloud.net"), QStringLiteral("config.private.zscaler.com"), {},
         QStringLiteral("csbapi.zscloud.net")},
        {QStringLiteral("zscalerbeta"), QStringLiteral("zscalerbeta.net (beta)"),
         QStringLiteral("zsapi.zscalerbeta.net"), QStringLiteral("config.zpabeta.net"),
         QStringLiteral("beta"), QStringLiteral("csbapi.zscalerbeta.net")},
        {QStringLiteral("zscalergov"), QStringLiteral("zscalergov.net (GOV)"),
         QStringLiteral("zsapi.zscalergov.net"), QStringLiteral("config.zpagov.net"),
         QStringLiteral("gov"), QStringLiteral("csbapi.zscalergov.net")},
        {QStringLiteral("zscalerten"), QStringLiteral("zscalerten.net (GOV US)"),
         QStringLiteral("zsapi.zscalerten.net"), QStringLiteral("config.zpagov.us"),
         QStringLiteral("govus"), QStringLiteral("csbapi.zscalerten.net")},
        {QStringLiteral("zspreview"), QStringLiteral("zspreview.net (preview)"),
         QStringLiteral("admin.zspreview.net"), QStringLiteral("config.zpapreview.net"), {},
         QStringLiteral("csbapi.zspreview.net")},
        {QStringLiteral("zpatwo"), QStringLiteral("zpatwo.net (ZPA two)"),
         QStringLiteral("zsapi.zscalertwo.net"), QStringLiteral("config.zpatwo.net"), {},
         QStringLiteral("csbapi.zscalertwo.net")},
    };
    return clouds;
}

const CloudInfo *Clouds::find(const QString &id)
{
    for (const auto &c : known())
        if (c.id.compare(id, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

bool Clouds::isValidHost(const QString &host)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?$)"));
    return re.match(host).hasMatch();
}

} // namespace zc
