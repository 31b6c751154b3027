#include "core/Tenant.h"

#include "core/Cloud.h"
#include "core/ColorName.h"
#include "core/Ids.h"

#include <QRegularExpression>
#include <QUrl>

namespace zc {

namespace {
bool isDigits(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+$"));
    return re.match(s).hasMatch();
}
QString iso(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }
} // namespace

ValidationIssues Tenant::validate() const
{
    ValidationIssues out;
    if (name.trimmed().isEmpty())
        out.append({QStringLiteral("name"), QObject::tr("Tenant name must not be empty")});
    else if (name.size() > 200)
        out.append({QStringLiteral("name"), QObject::tr("Tenant name is longer than 200 characters")});
    else if (name.contains(QChar(0)) || name.contains(QLatin1Char('\n')))
        out.append({QStringLiteral("name"), QObject::tr("Tenant name must be one line of text")});
    if (cloud == Clouds::customId()) {
        if (!Clouds::isValidHost(customHost))
            out.append({QStringLiteral("cloud"),
                        QObject::tr("Custom cloud needs a valid host name, e.g. zsapi.example.net")});
    } else if (!Clouds::isKnown(cloud)) {
        out.append({QStringLiteral("cloud"),
                    QObject::tr("Unknown cloud \"%1\": choose a known cloud or give a host name")
                        .arg(cloud)});
    }
    if (!zpaCustomerId.isEmpty() && (!isDigits(zpaCustomerId) || zpaCustomerId.size() > 20))
        out.append({QStringLiteral("zpaCustomerId"),
                    QObject::tr("ZPA customer id must contain digits only (at most 20)")});
    if (!ziaOrgId.isEmpty() && (!isDigits(ziaOrgId) || ziaOrgId.size() > 20))
        out.append({QStringLiteral("ziaOrgId"),
                    QObject::tr("ZIA organisation id must contain digits only (at most 20)")});
    static const QRegularExpression vanityRe(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    if (!vanity.isEmpty() && !vanityRe.match(vanity).hasMatch())
        out.append({QStringLiteral("vanity"),
                    QObject::tr("Vanity domain must be one DNS label, e.g. \"acme\" of acme.zslogin.net")});
    if (!color.isEmpty() && !isValidColorName(color))
        out.append({QStringLiteral("color"), QObject::tr("Colour must look like #1e90ff")});
    if (notes.size() > 10000)
        out.append({QStringLiteral("notes"), QObject::tr("Notes are longer than 10,000 characters")});
    if (!zidRoute.isEmpty() && zidRoute != QLatin1String("gateway") && zidRoute != QLatin1String("direct"))
        out.append({QStringLiteral("zidRoute"), QObject::tr("ZIdentity route must be \"gateway\" or \"direct\"")});
    if (!zidDirectUrl.isEmpty()) {
        const QUrl u(zidDirectUrl, QUrl::StrictMode);
        if (!u.isValid() || u.scheme() != QLatin1String("https") || u.host().isEmpty())
            out.append({QStringLiteral("zidDirectUrl"), QObject::tr("ZIdentity URL must be an https:// address, e.g. https://acme-admin.zslogin.net")});
    }
    if (!id.isEmpty() && !isStableId(id))
        out.append({QStringLiteral("id"), QObject::tr("Invalid tenant id \"%1\"").arg(id)});
    return out;
}

QJsonObject Tenant::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("cloud"), cloud},
                  {QStringLiteral("protected"), isProtected}};
    auto put = [&o](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    put("customHost", customHost);
    put("vanity", vanity);
    put("zpaCustomerId", zpaCustomerId);
    put("ziaOrgId", ziaOrgId);
    put("notes", notes);
    put("color", color);
    put("zidAdminClient", zidAdminClient);
    put("zidRoute", zidRoute);
    put("zidDirectUrl", zidDirectUrl);
    put("created", iso(created));
    put("modified", iso(modified));
    return o;
}

Tenant Tenant::fromJson(const QJsonObject &o)
{
    Tenant t;
    t.id = o.value(QStringLiteral("id")).toString();
    t.name = o.value(QStringLiteral("name")).toString();
    t.cloud = o.value(QStringLiteral("cloud")).toString();
    t.customHost = o.value(QStringLiteral("customHost")).toString();
    t.vanity = o.value(QStringLiteral("vanity")).toString();
    t.zpaCustomerId = o.value(QStringLiteral("zpaCustomerId")).toString();
    t.ziaOrgId = o.value(QStringLiteral("ziaOrgId")).toString();
    t.notes = o.value(QStringLiteral("notes")).toString();
    t.color = o.value(QStringLiteral("color")).toString();
    t.zidAdminClient = o.value(QStringLiteral("zidAdminClient")).toString();
    t.zidRoute = o.value(QStringLiteral("zidRoute")).toString();
    t.zidDirectUrl = o.value(QStringLiteral("zidDirectUrl")).toString();
    t.isProtected = o.value(QStringLiteral("protected")).toBool();
    t.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
    t.modified = QDateTime::fromString(o.value(QStringLiteral("modified")).toString(), Qt::ISODate);
    return t;
}

QString Tenant::normalizeVanity(const QString &input)
{
    QString v = input.trimmed();
    if (v.contains(QStringLiteral("://")))
        v = QUrl(v).host();
    while (v.endsWith(QLatin1Char('/')))
        v.chop(1);
    const int dot = v.indexOf(QLatin1Char('.'));
    if (dot > 0)
        v = v.left(dot); // acme.zslogin.net, acme.zsloginbeta.net, acme.zidentitygov.net
    if (v.endsWith(QStringLiteral("-admin")))
        v.chop(6);
    return v.toLower();
}

void Tenant::setCloudFromInput(const QString &input)
{
    const QString in = input.trimmed();
    if (const CloudInfo *c = Clouds::find(in)) {
        cloud = c->id;
        customHost.clear();
    } else if (in.endsWith(QStringLiteral(".net")) && Clouds::find(in.chopped(4))) {
        cloud = Clouds::find(in.chopped(4))->id; // "zscalerbeta.net"
        customHost.clear();
    } else if (in.contains(QLatin1Char('.'))) {
        cloud = Clouds::customId();
        customHost = in.contains(QStringLiteral("://")) ? QUrl(in).authority() : in;
    } else {
        cloud = in; // left for validate() to report
        customHost.clear();
    }
}

QString Tenant::cloudDisplay() const
{
    if (cloud == Clouds::customId())
        return customHost;
    return cloud;
}

} // namespace zc
