#include "api/ZpaSegmentLister.h"

#include "core/ZpaInternPool.h"

#include <QFuture>
#include <QRandomGenerator>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace zc {

ZpaSegmentLister::ZpaSegmentLister(ZpaApi *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    qRegisterMetaType<zc::ZpaListProgress>();
    qRegisterMetaType<zc::ZpaListResult>();
    qRegisterMetaType<zc::ZpaListOptions>();
    qRegisterMetaType<QList<zc::AppSegment>>();
}

ZpaSegmentLister::~ZpaSegmentLister()
{
    ++m_generation;
    const auto calls = m_calls;
    m_calls.clear();
    for (const CancelHandle &c : calls)
        c->cancel();
}

ZpaListProgress ZpaSegmentLister::currentProgress() const
{
    ZpaListProgress p = m_ledger ? m_ledger->progress() : ZpaListProgress();
    if (!m_tenantId.isEmpty())
        p.waitMs = m_api->readWaitMs(m_tenantId);
    return p;
}

void ZpaSegmentLister::start(const QString &clientId, const ZpaListOptions &options)
{
    if (m_running)
        cancel();
    ++m_generation;
    m_clientId = clientId;
    m_options = options;
    m_options.pageSize = std::clamp(options.pageSize, 1, 500);
    m_options.maxInFlight = std::max(1, options.maxInFlight);
    m_ledger = std::make_unique<ZpaListLedger>(m_options.pageSize, std::max(1, options.maxPages),
                                               std::max(1, options.maxPageAttempts));
    m_pools = std::make_shared<ZpaInternPools>();
    m_running = true;
    m_startedEmitted = false;
    m_result = ZpaListResult();
    m_clock.start();
    QString why;
    if (!m_api->checkClient(clientId, &why)) {
        m_tenantId.clear();
        m_ledger->abort(ApiError::make(ErrorKind::Config, why), true);
        const quint64 gen = m_generation;
        QTimer::singleShot(0, this, [this, gen] {
            if (gen == m_generation)
                finishIfIdle();
        });
        return;
    }
    m_tenantId = m_api->target(clientId)->tenant.id;
    qCInfo(lcZpa).noquote() << "listing application segments of tenant" << m_tenantId << "pagesize"
                            << m_options.pageSize << "in flight" << m_options.maxInFlight;
    pump();
}

void ZpaSegmentLister::pump()
{
    if (!m_running)
        return;
    const quint64 gen = m_generation;
    while (m_ledger->inFlight() < m_options.maxInFlight) {
        const int page = m_ledger->nextPage();
        if (page == 0)
            break;
        request(page);
        if (gen != m_generation)
            return;
    }
    finishIfIdle();
}

void ZpaSegmentLister::request(int page)
{
    CancelHandle cancel = makeCancelHandle();
    m_calls.insert(page, cancel);
    const quint64 gen = m_generation;
    m_api->listSegmentsPageRaw(m_clientId, page, m_options.pageSize, m_options.search, m_options.microtenant, this,
                               [this, gen, page](const HttpResponse &r) { onReply(gen, page, r); }, cancel);
}

bool ZpaSegmentLister::isFatal(const ApiError &e)
{
    switch (e.kind) {
    case ErrorKind::Authentication:
    case ErrorKind::Config:
    case ErrorKind::Tls:
    case ErrorKind::Keychain:
    case ErrorKind::Usage: return true;
    default: return false;
    }
}

bool ZpaSegmentLister::isRetryable(const ApiError &e)
{
    switch (e.kind) {
    case ErrorKind::Network:
    case ErrorKind::Parse: return true;
    case ErrorKind::Api: return e.httpStatus == 0 || e.httpStatus == 408 || e.httpStatus >= 500;
    default: return false;
    }
}

void ZpaSegmentLister::onReply(quint64 generation, int page, const HttpResponse &r)
{
    if (generation != m_generation || !m_running)
        return;
    m_calls.remove(page);
    if (r.error.isError()) {
        failed(page, r.error, isRetryable(r.error), std::max(1, r.attempts));
        return;
    }
    const int sends = std::max(1, r.attempts);
    if (!m_options.parseInThreadPool) {
        onParsed(generation, page, sends, parsePage(r.body, *m_pools, m_options));
        return;
    }
    const QByteArray body = r.body;
    QtConcurrent::run([body, pools = m_pools, options = m_options] {
        return parsePage(body, *pools, options);
    }).then(this, [this, generation, page, sends](AppSegmentPage parsed) {
        onParsed(generation, page, sends, std::move(parsed));
    });
}

AppSegmentPage ZpaSegmentLister::parsePage(QByteArrayView body, ZpaInternPools &pools, const ZpaListOptions &options)
{
    std::unique_ptr<ZpaInternPool> pool = pools.take();
    AppSegmentPage page = AppSegmentPage::parse(body, pool.get(), std::max(1, options.maxPages));
    pools.give(std::move(pool));
    return page;
}

void ZpaSegmentLister::onParsed(quint64 generation, int page, int sends, AppSegmentPage parsed)
{
    if (generation != m_generation || !m_running)
        return;
    if (!parsed.ok) {
        ApiError e = ApiError::make(ErrorKind::Parse, tr("page %1: %2").arg(page).arg(parsed.error));
        failed(page, e, true, sends);
        return;
    }
    QList<AppSegment> fresh;
    const ZpaListLedger::Verdict v = m_ledger->pageArrived(page, std::move(parsed), sends, &fresh);
    if (v == ZpaListLedger::Verdict::Retry) {
        scheduleRetry(page, m_ledger->lastError(page));
    } else if (v == ZpaListLedger::Verdict::Accepted) {
        if (!m_startedEmitted) {
            m_startedEmitted = true;
            emit started(m_ledger->totalCount(), m_ledger->progress().pagesTotal);
            if (generation != m_generation)
                return;
        }
        if (!fresh.isEmpty()) {
            emit rowsArrived(page, fresh);
            if (generation != m_generation)
                return;
        }
        emit progress(currentProgress());
        if (generation != m_generation)
            return;
    }
    pump();
}

void ZpaSegmentLister::failed(int page, const ApiError &error, bool retryable, int sends)
{
    if (isFatal(error)) {
        m_ledger->pageFailed(page, error, false, sends);
        m_ledger->abort(error, true);
        ++m_generation; // late replies of the other pages are ignored
        const auto calls = m_calls;
        m_calls.clear();
        for (const CancelHandle &c : calls)
            c->cancel();
        qDeleteAll(m_retryTimers);
        m_retryTimers.clear();
        finish(false);
        return;
    }
    if (m_ledger->pageFailed(page, error, retryable, sends) == ZpaListLedger::Verdict::Retry)
        scheduleRetry(page, error.message);
    else
        qCInfo(lcZpa).noquote() << "page" << page << "given up:" << error.toString();
    pump();
}

void ZpaSegmentLister::scheduleRetry(int page, const QString &why)
{
    const int attempts = m_ledger->attempts(page);
    qint64 delay = m_options.retryDelayMs;
    for (int i = 1; i < attempts && delay < 8000; ++i)
        delay *= 2;
    delay = std::min<qint64>(delay, 8000);
    delay += qint64(double(delay) * 0.25 * QRandomGenerator::global()->generateDouble());
    qCInfo(lcZpa).noquote() << "page" << page << "again in" << delay << "ms (attempt" << attempts + 1 << "):" << why;
    emit pageRetry(page, attempts + 1, why, delay);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    m_retryTimers.insert(page, timer);
    const quint64 gen = m_generation;
    connect(timer, &QTimer::timeout, this, [this, timer, page, gen] {
        m_retryTimers.remove(page);
        timer->deleteLater();
        if (gen != m_generation || !m_running)
            return;
        m_ledger->requeue(page);
        pump();
    });
    timer->start(int(delay));
}

void ZpaSegmentLister::finishIfIdle()
{
    if (m_running && m_ledger->isIdle() && m_calls.isEmpty() && m_retryTimers.isEmpty())
        finish(false);
}

void ZpaSegmentLister::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    const auto calls = m_calls;
    m_calls.clear();
    for (const CancelHandle &c : calls)
        c->cancel();
    qDeleteAll(m_retryTimers);
    m_retryTimers.clear();
    m_ledger->abort(ApiError::make(ErrorKind::Cancelled, tr("cancelled")), true);
    finish(true);
}

void ZpaSegmentLister::finish(bool cancelled)
{
    m_running = false;
    m_pools.reset(); // tasks still parsing keep theirs until they end
    m_result = m_ledger->result(cancelled);
    m_result.elapsedMs = m_clock.elapsed();
    qCInfo(lcZpa).noquote() << "listing" << ZpaListResult::statusName(m_result.status) << ":" << m_result.rows
                            << "rows," << m_result.pagesRead << "of" << m_result.pagesPlanned << "pages,"
                            << m_result.pageRetries << "page retries," << m_result.sends << "requests,"
                            << m_result.elapsedMs << "ms";
    emit finished(m_result);
}

} // namespace zc
