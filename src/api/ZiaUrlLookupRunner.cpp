#include "api/ZiaUrlLookupRunner.h"

#include <QTimer>

namespace zc {

ZiaUrlLookupRunner::ZiaUrlLookupRunner(ZiaApi *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    qRegisterMetaType<zc::UrlLookupResult>();
    qRegisterMetaType<QList<zc::UrlLookupResult>>();
    qRegisterMetaType<zc::ApiError>();
}

ZiaUrlLookupRunner::~ZiaUrlLookupRunner()
{
    if (m_cancel)
        m_cancel->cancel();
}

qint64 ZiaUrlLookupRunner::etaFor(const QString &clientId, int batches) const
{
    const int used = m_api->urlLookupsInLastHour(clientId);
    const qint64 firstWait = m_api->urlLookupWaitMs(clientId);
    return UrlLookup::etaMs(batches, ZiaApi::UrlLookupIntervalMs, ZiaApi::UrlLookupPerHour, used, firstWait);
}

qint64 ZiaUrlLookupRunner::etaMs() const
{
    return m_running ? etaFor(m_clientId, int(m_batches.size()) - m_done) : 0;
}

qint64 ZiaUrlLookupRunner::estimateMs(const QString &clientId, int urls) const
{
    return etaFor(clientId, UrlLookup::batchCount(urls));
}

bool ZiaUrlLookupRunner::start(const QString &clientId, const QStringList &urls)
{
    if (m_running || urls.isEmpty())
        return false;
    m_clientId = clientId;
    m_batches = UrlLookup::batches(urls);
    m_results.clear();
    m_done = 0;
    m_urls = int(urls.size());
    m_running = true;
    m_cancel = makeCancelHandle();
    m_api->ensureBudgets(m_api->tenantIdOf(clientId));
    qCInfo(lcZia).noquote() << "URL lookup of" << m_urls << "URL(s) in" << m_batches.size() << "request(s)";
    emit started(m_urls, int(m_batches.size()), etaMs());
    next();
    return true;
}

void ZiaUrlLookupRunner::cancel()
{
    if (!m_running)
        return;
    if (m_cancel)
        m_cancel->cancel();
    end(ApiError::make(ErrorKind::Cancelled, tr("URL lookup cancelled after %1 of %2 requests").arg(m_done).arg(m_batches.size())));
}

void ZiaUrlLookupRunner::next()
{
    if (!m_running)
        return;
    if (m_done >= m_batches.size()) {
        end({});
        return;
    }
    const CancelHandle cancel = m_cancel;
    m_api->urlLookup(m_clientId, m_batches.at(m_done), this, [this, cancel](const ZiaReply<QList<UrlLookupResult>> &r) {
        if (cancel == m_cancel && m_running)
            onBatch(r);
    }, cancel);
}

void ZiaUrlLookupRunner::onBatch(const ZiaReply<QList<UrlLookupResult>> &reply)
{
    if (!reply.ok()) {
        ApiError e = reply.error;
        e.message = tr("URL lookup request %1 of %2 failed: %3").arg(m_done + 1).arg(m_batches.size()).arg(e.message);
        end(e);
        return;
    }
    ++m_done;
    m_results.append(reply.value);
    emit batchResults(reply.value);
    emit progress(m_done, int(m_batches.size()), etaMs());
    next();
}

void ZiaUrlLookupRunner::end(const ApiError &error)
{
    m_running = false;
    m_cancel.reset();
    emit finished(error);
}

} // namespace zc
