#pragma once

#include "core/Clock.h"
#include "net/HttpClient.h"
#include "net/RateLimiter.h"
#include "net/RequestPolicy.h"
#include "net/RetryPolicy.h"

#include <QObject>
#include <memory>

namespace zc {

struct SendOptions
{
    QString rateKey;      // RateLimiter key ("" = not paced)
    bool retry = true;    // apply the RetryPolicy
    // Called before each wait for a retry (why, how long, the attempt that follows), in this
    // thread, for progress displays of one call (HttpPipeline::retryScheduled tells everyone).
    std::function<void(const QString &reason, qint64 delayMs, int attempt)> onRetry;
};

// HttpClient + RateLimiter + RetryPolicy: what every API call goes through. Paces the call
// under its rate key (the key's budgets installed from RequestPolicy's table on its first use),
// sends it, and on 429 / 503 / 504 / edit lock / network error waits as the
// policy says (a 429 pauses the whole key) and sends again. Non-2xx replies that are not
// retried come back with `error` set from the body (ZPA / ZIA / OAuth / gateway / SaaS shapes).
// Lives in the thread of its HttpClient.
class HttpPipeline : public QObject
{
    Q_OBJECT
public:
    HttpPipeline(HttpClient *client, RateLimiter *limiter, Clock *clock = Clock::system(),
                 QObject *parent = nullptr);

    HttpClient *client() const { return m_client; }
    // The APIs' budgets, timeouts and body caps; pacing queries and test seams.
    RequestPolicy *policy() { return &m_requestPolicy; }
    Clock *clock() const { return m_clock; }
    RetryPolicy &retryPolicy() { return m_policy; }
    void setRetryPolicy(const RetryPolicy &p) { m_policy = p; }

    // Calls `done` exactly once in this thread unless `ctx` dies first.
    void send(const HttpRequest &request, const SendOptions &options, QObject *ctx,
              HttpClient::Callback done, CancelHandle cancel = {});

signals:
    // A call waits before sending again (for progress displays): why, and for how long.
    void retryScheduled(const QString &endpoint, const QString &reason, qint64 delayMs, int attempt);

private:
    struct Call;
    void attempt(const std::shared_ptr<Call> &call);
    void onResponse(const std::shared_ptr<Call> &call, HttpResponse response);
    void deliver(const std::shared_ptr<Call> &call, HttpResponse response);

    HttpClient *m_client;
    RateLimiter *m_limiter;
    Clock *m_clock;
    RetryPolicy m_policy;
    RequestPolicy m_requestPolicy;
};

} // namespace zc
