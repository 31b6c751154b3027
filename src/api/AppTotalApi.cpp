#include "api/AppTotalApi.h"

#include "core/ZiaActivation.h"
#include "net/ErrorBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace zc {

AppTotalApi::AppTotalApi(ApiCaller *caller, AppTotalQuota *quota, QObject *parent)
    : QObject(parent)
    , m_caller(caller)
    , m_quota(quota)
{
    qRegisterMetaType<zc::AppTotalReply>();
}

bool AppTotalApi::isAppTotalKind(AuthKind kind)
{
    return kind == AuthKind::AppTotalKey || kind == AuthKind::OneApiSecret || kind == AuthKind::OneApiJwt;
}

void AppTotalApi::app(const QString &clientId, const QString &appId, QObject *ctx,
                      std::function<void(const AppTotalReply &)> done, CancelHandle cancel)
{
    const AuthTarget *t = m_caller->broker()->target(clientId);
    auto later = [this, ctx, done](const AppTotalReply &r) {
        QTimer::singleShot(0, ctx ? ctx : this, [done, r] { done(r); });
    };
    AppTotalReply refused;
    if (!t || !isAppTotalKind(t->client.kind)) {
        refused.error = ApiError::make(ErrorKind::Config, t ? tr("%1 is a %2 client: AppTotal needs an apptotal-key (or oneapi-*) client")
                                                                  .arg(t->label(), authKindName(t->client.kind))
                                                            : tr("unknown API client %1").arg(clientId));
        later(refused);
        return;
    }
    if (appId.trimmed().isEmpty()) {
        refused.error = ApiError::make(ErrorKind::Usage, tr("an app id is needed"));
        later(refused);
        return;
    }
    if (m_quota && m_quota->isSpentToday(clientId)) {
        const QDateTime reset = m_quota->resetsAtUtc();
        const AppTotalQuota::Entry e = m_quota->entry(clientId);
        refused.remaining = 0;
        refused.error = ApiError::make(
            ErrorKind::RateLimited,
            tr("the AppTotal daily quota of %1 is spent (X-Rate-Limit-Remaining was 0 at %2 UTC); it resets at "
               "%3 UTC, in %4. No request was sent.")
                .arg(t->label(), e.updatedUtc.toString(QStringLiteral("HH:mm")), reset.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     ziaActivation::durationText(m_caller->broker()->clock()->nowUtc().msecsTo(reset))));
        refused.error.code = QStringLiteral("QUOTA_SPENT");
        refused.error.retryAfterSeconds = int(m_caller->broker()->clock()->nowUtc().secsTo(reset));
        later(refused);
        return;
    }
    const bool gateway = t->client.kind != AuthKind::AppTotalKey;
    const QString id = QString::fromLatin1(QUrl::toPercentEncoding(appId.trimmed()));
    ApiRequest req;
    if (gateway)
        req.path = QStringLiteral("/zia/api/v1/apps/app?appId=") + id;
    else
        req.path = (t->endpoints.apiPrefix.isEmpty() ? QStringLiteral("/v1") : t->endpoints.apiPrefix)
                   + QStringLiteral("/apps/app?app_id=") + id;
    req.retry = false; // every call spends the daily quota
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    const QString label = t->label();
    const QString appIdText = appId.trimmed();
    m_caller->call(clientId, req, this, [this, clientId, label, appIdText, done, guard, hasCtx](const HttpResponse &r) {
        AppTotalReply rep;
        rep.sent = r.status > 0;
        const QByteArray remaining = r.header("x-rate-limit-remaining");
        bool ok = false;
        const int n = remaining.trimmed().toInt(&ok);
        if (ok && n >= 0) {
            rep.remaining = n;
        } else if (r.status == 429) {
            rep.remaining = 0;
        }
        if (rep.remaining >= 0 && m_quota) {
            m_quota->record(clientId, rep.remaining);
            emit quotaChanged(clientId, rep.remaining);
        }
        if (r.status == 404) {
            rep.notFound = true;
            rep.error = ApiError::make(ErrorKind::Api, tr("the AppTotal catalogue has no app with id \"%1\"").arg(appIdText), r.endpoint);
            rep.error.httpStatus = 404;
        } else if (!r.ok()) {
            rep.error = r.error.isError() ? r.error : apiErrorFromResponse(r);
            if (r.status == 429)
                rep.error.message = tr("%1: the AppTotal daily quota is spent: %2").arg(label, rep.error.message);
        } else {
            const QJsonDocument doc = QJsonDocument::fromJson(r.body);
            QJsonObject o = doc.object();
            if (doc.isArray() && !doc.array().isEmpty())
                o = doc.array().first().toObject();
            if (o.isEmpty()) {
                rep.error = r.parseError(tr("the AppTotal reply is not an app object"));
                rep.error.httpStatus = r.status;
            } else {
                rep.app = AppTotalApp::fromJson(o);
            }
        }
        if (hasCtx && !guard)
            return;
        done(rep);
    }, cancel);
}

} // namespace zc
