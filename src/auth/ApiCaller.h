#pragma once

#include "auth/TokenBroker.h"
#include "net/RequestPolicy.h"

#include <QObject>
#include <QSet>

namespace zc {

// One authenticated API request, relative to the client's base URL.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path;          // "/zia/api/v1/status", "/mgmtconfig/v1/admin/customers/1/application?page=1"
    QByteArray body;       // JSON unless a Content-Type header says otherwise
    HttpHeaders headers;
    QString rateKey;       // "" = ApiCaller::defaultRateKey()
    int timeoutMs = 0;     // 0 = the API's (ApiRules::timeoutMs)
    qint64 maxBodyBytes = 0; // 0 = the API's (ApiRules::maxBodyBytes)
    bool retry = true;
    // Told before each retry of this call (SendOptions::onRetry).
    std::function<void(const QString &reason, qint64 delayMs, int attempt)> onRetry;
};

// What the services (ZpaApi, ZiaApi, …) call: adds the client's credential the way its scheme
// wants (Bearer, JSESSIONID cookie, X-API-KEY, api_token), sends through the HttpPipeline
// (rate limit per tenant+service+method class, RetryPolicy; budgets, timeouts and body caps from
// RequestPolicy's table), and recovers from a 401 exactly
// once: the refused token is invalidated (concurrent 401s share one re-auth) and the request is
// sent again with a fresh one; a second 401 is returned as an Authentication error naming the
// client. zia-oauth: the first 401 of a new token is retried once after
// AuthSettings::ziaOAuthFirst401DelayMs with the same token (the service caches the IdP's keys).
class ApiCaller : public QObject
{
    Q_OBJECT
public:
    explicit ApiCaller(TokenBroker *broker, QObject *parent = nullptr);

    TokenBroker *broker() const { return m_broker; }
    // The APIs' request policy (budgets, pacing queries), the pipeline's.
    RequestPolicy *policy() const;

    void call(const QString &clientId, const ApiRequest &request, QObject *ctx,
              HttpClient::Callback done, CancelHandle cancel = {});

    // The URL a request path resolves to for a client (empty if the client is unknown).
    QUrl urlFor(const QString &clientId, const QString &path) const;

    // zpa | zia | ziam | saas | apptotal | sandbox | oneapi: whose rules (RequestPolicy) apply.
    static QString serviceOf(const AuthTarget &target, const ApiRequest &request);
    // "<tenantId>/<service>/<read|write>" (RequestPolicy::rateKey).
    static QString defaultRateKey(const AuthTarget &target, const ApiRequest &request);

private:
    struct Call;
    void step(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, HttpResponse response);

    TokenBroker *m_broker;
    QSet<QString> m_delayedRetries; // "<client>#<generation>" that had their zia-oauth delay
};

} // namespace zc
