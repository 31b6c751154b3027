#include "net/HttpPipeline.h"

#include "net/ErrorBody.h"
#include "net/NetLog.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace zc {

struct HttpPipeline::Call
{
    HttpRequest request;
    SendOptions options;
    QPointer<QObject> ctx;
    bool hasCtx = false;
    HttpClient::Callback done;
    CancelHandle cancel;
    int attempts = 0;
    qint64 editLockWaitedMs = 0;
    bool finished = false;
};

HttpPipeline::HttpPipeline(HttpClient *client, RateLimiter *limiter, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_limiter(limiter)
    , m_clock(clock)
    , m_requestPolicy(limiter)
{
}

void HttpPipeline::send(const HttpRequest &request, const SendOptions &options, QObject *ctx,
                        HttpClient::Callback done, CancelHandle cancel)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->options = options;
    call->ctx = ctx;
    call->hasCtx = ctx != nullptr;
    call->done = std::move(done);
    call->cancel = cancel ? cancel : makeCancelHandle();
    attempt(call);
}

void HttpPipeline::attempt(const std::shared_ptr<Call> &call)
{
    if (call->cancel->isCancelled()) {
        HttpResponse r;
        r.endpoint = call->request.endpoint();
        r.error = ApiError::make(ErrorKind::Cancelled, tr("cancelled"), r.endpoint);
        // Asynchronously, like every other completion.
        QTimer::singleShot(0, this, [this, call, r] { deliver(call, r); });
        return;
    }
    auto go = [this, call] {
        ++call->attempts;
        HttpRequest request = call->request;
        if (!call->options.rateKey.isEmpty() && m_limiter)
            request.onSent = [limiter = QPointer<RateLimiter>(m_limiter), key = call->options.rateKey] {
                if (limiter)
                    limiter->markSent(key); // pace from when it left, not when it was granted
            };
        m_client->send(request, this,
                       [this, call](const HttpResponse &r) { onResponse(call, r); }, call->cancel);
    };
    if (call->options.rateKey.isEmpty() || !m_limiter) {
        go();
    } else {
        m_requestPolicy.ensure(call->options.rateKey);
        m_limiter->acquire(call->options.rateKey, this, go, call->cancel);
    }
}

void HttpPipeline::onResponse(const std::shared_ptr<Call> &call, HttpResponse response)
{
    response.attempts = call->attempts;
    if (response.ok() || call->cancel->isCancelled()) {
        deliver(call, response);
        return;
    }
    if (call->options.retry) {
        const RetryDecision d = m_policy.decide(call->request, response, call->attempts,
                                                call->editLockWaitedMs,
                                                QRandomGenerator::global()->generateDouble(),
                                                m_clock->nowUtc());
        if (d.retry) {
            if (d.reason == RetryDecision::EditLock)
                call->editLockWaitedMs += d.delayMs;
            qCInfo(lcNet).noquote() << call->request.endpoint() << ":"
                                    << RetryDecision::reasonName(d.reason) << "- retrying in"
                                    << d.delayMs << "ms (attempt" << call->attempts + 1 << ")";
            if (call->options.onRetry)
                call->options.onRetry(RetryDecision::reasonName(d.reason), d.delayMs, call->attempts + 1);
            emit retryScheduled(call->request.endpoint(), RetryDecision::reasonName(d.reason),
                                d.delayMs, call->attempts + 1);
            if (d.pauseKey && !call->options.rateKey.isEmpty() && m_limiter) {
                m_limiter->pause(call->options.rateKey, d.delayMs);
                attempt(call); // the paused key holds it back
                return;
            }
            auto *timer = new QTimer(this);
            timer->setSingleShot(true);
            QPointer<QTimer> guard(timer);
            call->cancel->setHook([this, call, guard] {
                if (guard)
                    guard->deleteLater();
                HttpResponse r;
                r.endpoint = call->request.endpoint();
                r.error = ApiError::make(ErrorKind::Cancelled, tr("cancelled"), r.endpoint);
                QTimer::singleShot(0, this, [this, call, r] { deliver(call, r); });
            });
            connect(timer, &QTimer::timeout, this, [this, call, timer] {
                timer->deleteLater();
                call->cancel->clearHook();
                attempt(call);
            });
            timer->start(int(std::min<qint64>(d.delayMs, 24LL * 3600 * 1000)));
            return;
        }
        if (d.giveUp.isError()) {
            response.error = d.giveUp;
            deliver(call, response);
            return;
        }
    }
    if (!response.error.isError())
        response.error = apiErrorFromResponse(response);
    deliver(call, response);
}

void HttpPipeline::deliver(const std::shared_ptr<Call> &call, HttpResponse response)
{
    if (call->finished)
        return;
    call->finished = true;
    call->cancel->clearHook();
    if (call->hasCtx && !call->ctx)
        return;
    auto done = std::move(call->done);
    if (done)
        done(response);
}

} // namespace zc
