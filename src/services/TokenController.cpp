#include "services/TokenController.h"

#include "auth/ApiCaller.h"
#include "services/SessionWorker.h"
#include "services/TokenTracker.h"

namespace zc {

TokenController::TokenController(SessionWorker *worker, TokenTracker *tracker, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_tracker(tracker)
{
    connect(worker, &SessionWorker::statusChanged, tracker, &TokenTracker::update);
    connect(tracker, &TokenTracker::summaryChanged, this, &TokenController::summaryChanged);
}

QString TokenController::signOutWarning()
{
    return tr("Ending a ZIA API session activates every pending change of the tenant, including "
              "other admins' changes. Continue?");
}

QString TokenController::describe(const ConnectionTestResult &r)
{
    if (!r.ok)
        return r.error.toString();
    QString s = tr("Connection OK: token in %1 ms").arg(r.tokenMs);
    if (!r.endpoint.isEmpty())
        s += tr("; %1 -> %2 in %3 ms").arg(r.endpoint).arg(r.httpStatus).arg(r.requestMs);
    if (r.token.source == ExpirySource::None)
        s += tr("; no stated expiry");
    else if (r.token.expiresUtc.isValid() && r.token.source != ExpirySource::StaticKey)
        s += tr("; expires %1").arg(r.token.expiresUtc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    if (!r.note.isEmpty())
        s += QStringLiteral(" (") + r.note + QLatin1Char(')');
    return s;
}

void TokenController::testConnection(const QString &clientId)
{
    emit testStarted(clientId);
    ConnectionTest::run(m_worker->caller(), clientId, this,
                        [this](const ConnectionTestResult &r) { emit testFinished(r.clientId, r.ok, describe(r)); });
}

void TokenController::forgetToken(const QString &clientId)
{
    m_worker->forgetToken(clientId);
    emit tokenForgotten(clientId);
}

void TokenController::signOut(const QString &clientId)
{
    m_worker->broker()->signOut(clientId, this, [this, clientId](const ApiError &e) {
        emit signedOut(clientId, !e.isError(), e.isError() ? e.toString() : tr("Session ended"));
    });
}

} // namespace zc
