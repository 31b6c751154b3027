#include "api/SaasSecurityApi.h"

#include "net/ErrorBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace zc {

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
