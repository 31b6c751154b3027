#include "services/ConnectionTest.h"

#include "net/ErrorBody.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>

namespace zc {

ApiRequest ConnectionTest::probeFor(const AuthTarget &t, QString *note)
{
    ApiRequest r;
    r.retry = false;
    QString n;
    const QString customer = t.tenant.zpaCustomerId;
    switch (t.client.kind) {
    case AuthKind::OneApiSecret:
    case AuthKind::OneApiJwt:
        if (!customer.isEmpty() && t.tenant.ziaOrgId.isEmpty())
            r.path = QStringLiteral("/zpa/mgmtconfig/v1/admin/customers/%1/application?page=1&pagesize=1").arg(customer);
        else
            r.path = QStringLiteral("/zia/api/v1/status");
        break;
    case AuthKind::ZpaLegacy:
        if (!customer.isEmpty())
            r.path = QStringLiteral("/mgmtconfig/v1/admin/customers/%1/application?page=1&pagesize=1").arg(customer);
        else
            n = QObject::tr("the tenant has no ZPA customer id, so only the sign-in was tested");
        break;
    case AuthKind::ZiaLegacy:
    case AuthKind::ZiaOAuth: r.path = QStringLiteral("/api/v1/status"); break;
    case AuthKind::SaasSecurity: r.path = QStringLiteral("/incident/api/incidents/delta?limit=10"); break;
    case AuthKind::AppTotalKey:
        r.path = QStringLiteral("/v1/apps/app?app_id=1");
        n = QObject::tr("a 404 (unknown app) means the key was accepted");
        break;
    case AuthKind::SandboxToken: r.path = QStringLiteral("/zscsb/quota"); break;
    }
    r.timeoutMs = RequestPolicy::rules(ApiCaller::serviceOf(t, r)).probeTimeoutMs;
    if (note)
        *note = n;
    return r;
}

bool ConnectionTest::accepts(const AuthTarget &t, int status)
{
    if (status >= 200 && status < 300)
        return true;
    return t.client.kind == AuthKind::AppTotalKey && status == 404;
}

void ConnectionTest::run(ApiCaller *caller, const QString &clientId, QObject *ctx,
                         std::function<void(const ConnectionTestResult &)> done)
{
    auto res = std::make_shared<ConnectionTestResult>();
    res->clientId = clientId;
    TokenBroker *broker = caller->broker();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    auto finish = [guard, hasCtx, done, res, broker] {
        res->token = broker->status(res->clientId);
        if ((!hasCtx || guard) && done)
            done(*res);
    };
    broker->token(clientId, ctx, [caller, broker, clientId, ctx, res, clock, finish](const Token &, const ApiError &error) {
        res->tokenMs = clock->elapsed();
        if (error) {
            res->error = error;
            finish();
            return;
        }
        const AuthTarget *t = broker->target(clientId);
        if (!t) {
            res->error = ApiError::make(ErrorKind::Config, QObject::tr("the API client was removed"));
            finish();
            return;
        }
        ApiRequest probe = probeFor(*t, &res->note);
        if (probe.path.isEmpty()) {
            res->ok = true;
            finish();
            return;
        }
        const AuthTarget target = *t;
        clock->restart();
        caller->call(clientId, probe, ctx, [res, clock, finish, target](const HttpResponse &r) {
            res->requestMs = clock->elapsed();
            res->endpoint = r.endpoint;
            res->httpStatus = r.status;
            res->requestId = r.requestId;
            if (accepts(target, r.status)) {
                res->ok = true;
            } else {
                res->error = r.error.isError() ? r.error : apiErrorFromResponse(r);
                if (res->error.kind == ErrorKind::Authentication && !res->error.message.contains(target.client.name))
                    res->error.message = target.label() + QStringLiteral(": ") + res->error.message;
            }
            finish();
        });
    });
}

} // namespace zc
