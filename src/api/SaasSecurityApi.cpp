#include "api/SaasSecurityApi.h"

#include "net/ErrorBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace zc {

namespace {
QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return {};
}
} // namespace

SaasIncident SaasIncident::fromJson(const QJsonObject &o)
{
    SaasIncident i;
    i.id = text(o, "incident_id");
    i.state = text(o, "state");
    i.status = text(o, "status");
    i.severity = text(o, "severity");
    i.category = text(o, "category");
    i.appId = text(o, "app_id");
    i.appName = text(o, "app_name");
    i.appType = text(o, "app_type");
    i.assetName = text(o, "asset_name");
    i.assetOwner = text(o, "asset_owner_name");
    if (i.assetOwner.isEmpty())
        i.assetOwner = text(o, "asset_owner_email");
    i.exposureLevel = text(o, "exposure_level");
    i.createdAt = QDateTime::fromString(text(o, "created_at"), Qt::ISODateWithMs);
    i.updatedAt = QDateTime::fromString(text(o, "updated_at"), Qt::ISODateWithMs);
    i.raw = o;
    return i;
}

SaasSecurityApi::SaasSecurityApi(ApiCaller *caller, QObject *parent)
    : QObject(parent)
    , m_caller(caller)
{
    qRegisterMetaType<zc::SaasIncidentsReply>();
}

void SaasSecurityApi::incidents(const QString &clientId, int limit, QObject *ctx,
                                std::function<void(const SaasIncidentsReply &)> done, CancelHandle cancel)
{
    const AuthTarget *t = m_caller->broker()->target(clientId);
    if (!t || t->client.kind != AuthKind::SaasSecurity || limit < 1 || limit > MaxLimit) {
        SaasIncidentsReply r;
        r.error = !t ? ApiError::make(ErrorKind::Config, tr("unknown API client %1").arg(clientId))
                  : t->client.kind != AuthKind::SaasSecurity
                      ? ApiError::make(ErrorKind::Config, tr("%1 is a %2 client: incidents need a saas-security client")
                                                              .arg(t->label(), authKindName(t->client.kind)))
                      : ApiError::make(ErrorKind::Usage, tr("the limit must be 1 to %1").arg(MaxLimit));
        QTimer::singleShot(0, ctx ? ctx : this, [done, r] { done(r); });
        return;
    }
    ApiRequest req;
    req.path = QStringLiteral("/incident/api/incidents/delta?limit=") + QString::number(std::max(limit, int(MinLimit)));
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    m_caller->call(clientId, req, this, [done, guard, hasCtx, limit](const HttpResponse &r) {
        SaasIncidentsReply rep;
        if (!r.ok()) {
            rep.error = r.error.isError() ? r.error : apiErrorFromResponse(r);
        } else {
            const QJsonDocument doc = QJsonDocument::fromJson(r.body);
            const QJsonValue res = doc.object().value(QLatin1String("resources"));
            if (!doc.isObject() || !res.isArray()) {
                rep.error = r.parseError(QObject::tr("the incident list has no \"resources\" array"));
                rep.error.httpStatus = r.status;
            } else {
                for (const QJsonValue &v : res.toArray())
                    if (v.isObject() && rep.incidents.size() < limit)
                        rep.incidents.append(SaasIncident::fromJson(v.toObject()));
                rep.nextPath = doc.object().value(QLatin1String("nextPath")).toString();
            }
        }
        if (hasCtx && !guard)
            return;
        done(rep);
    }, cancel);
}

} // namespace zc
