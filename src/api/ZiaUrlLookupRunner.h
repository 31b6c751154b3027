#pragma once

#include "api/ZiaApi.h"

#include <QElapsedTimer>
#include <QObject>

namespace zc {

// A URL lookup of any size: batches of at most 100 URLs sent one after the other through the
// tenant's "<tenant>/zia/urlLookup" budget (one request per 1.1 s, 400 per hour), with
// progress, an ETA that accounts for the hourly budget, and cancel. The URLs must be prepared
// with UrlLookup::prepare() (normalised, unique, valid): the runner sends them as given.
// Results arrive per batch (batchResults; connect it to UrlLookupTableModel::appendResults,
// queued when the model lives in the GUI thread).
// A failed batch ends the run (finished with the error; results so far were delivered).
// Lives in the thread of its ZiaApi.
class ZiaUrlLookupRunner : public QObject
{
    Q_OBJECT
public:
    explicit ZiaUrlLookupRunner(ZiaApi *api, QObject *parent = nullptr);
    ~ZiaUrlLookupRunner() override;

    bool isRunning() const { return m_running; }
    int batchCount() const { return int(m_batches.size()); }
    int batchesDone() const { return m_done; }
    int urlCount() const { return m_urls; }
    const QList<UrlLookupResult> &results() const { return m_results; }
    // Estimated time to finish from now (pacing and the hourly budget; not request latency).
    qint64 etaMs() const;
    // The same before a run, for a confirmation ("1,000 URLs, 10 requests, about 10 s").
    qint64 estimateMs(const QString &clientId, int urls) const;

public slots:
    // False (and nothing starts) when running already, or when `urls` is empty.
    bool start(const QString &clientId, const QStringList &urls);
    void cancel();

signals:
    void started(int urls, int batches, qint64 etaMs);
    void progress(int batchesDone, int batchCount, qint64 etaMs);
    void batchResults(const QList<zc::UrlLookupResult> &results);
    // error None: every batch done; Cancelled: cancel(); else the failure that ended the run.
    void finished(const zc::ApiError &error);

private:
    void next();
    void onBatch(const ZiaReply<QList<UrlLookupResult>> &reply);
    void end(const ApiError &error);
    qint64 etaFor(const QString &clientId, int batches) const;

    ZiaApi *m_api;
    QString m_clientId;
    QList<QStringList> m_batches;
    QList<UrlLookupResult> m_results;
    int m_done = 0;
    int m_urls = 0;
    bool m_running = false;
    CancelHandle m_cancel;
};

} // namespace zc
