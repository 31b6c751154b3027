#include "core/CredentialExport.h"

#include "core/Ids.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace zc::credentialExport {

namespace {
QJsonObject strip(QJsonObject o)
{
    for (const char *k : {"id", "tenantId", "created", "modified", "secretsSetAt"})
        o.remove(QLatin1String(k));
    return o;
}
} // namespace

QByteArray write(const QList<Tenant> &tenants, const QList<ApiClient> &clients)
{
    QJsonArray ts;
    for (const Tenant &t : tenants) {
        QJsonObject o = strip(t.toJson());
        // The admin profile by name: ids are this machine's.
        for (const ApiClient &c : clients)
            if (c.id == t.zidAdminClient)
                o.insert(QStringLiteral("zidAdminClient"), c.name);
        QJsonArray cs;
        for (const ApiClient &c : clients)
            if (c.tenantId == t.id)
                cs.append(strip(c.toJson()));
        o.insert(QStringLiteral("clients"), cs);
        ts.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("zconsole-export")},
                                     {QStringLiteral("version"), Version},
                                     {QStringLiteral("tenants"), ts}})
        .toJson(QJsonDocument::Indented);
}

bool read(const QByteArray &bytes, backup::Definitions *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != QLatin1String("zconsole-export")) {
        *error = QCoreApplication::translate("zc", "not a zconsole export (no \"format\": \"zconsole-export\")");
        return false;
    }
    if (root.value(QStringLiteral("version")).toInt() > Version) {
        *error = QCoreApplication::translate("zc", "the export has version %1; this zconsole reads version %2")
                     .arg(root.value(QStringLiteral("version")).toInt())
                     .arg(Version);
        return false;
    }
    for (const QJsonValue &tv : root.value(QStringLiteral("tenants")).toArray()) {
        const QJsonObject to = tv.toObject();
        Tenant t = Tenant::fromJson(strip(to));
        t.id = newTenantId();
        out->tenants.append(t);
        for (const QJsonValue &cv : to.value(QStringLiteral("clients")).toArray()) {
            ApiClient c = ApiClient::fromJson(strip(cv.toObject()));
            c.id = newClientId();
            c.tenantId = t.id;
            c.secretsSetAt.clear();
            out->clients.append(c);
        }
    }
    return true;
}

} // namespace zc::credentialExport
