#pragma once

#include "ZpaMemoryCredentials.h"

#include "api/ZpaApi.h"
#include "api/ZpaSegmentLister.h"
#include "auth/ApiCaller.h"
#include "auth/TokenBroker.h"
#include "net/HttpClient.h"
#include "net/HttpPipeline.h"
#include "net/RateLimiter.h"
#include "sim/Simulator.h"

#include <QHash>
#include <QJsonObject>
#include <functional>
#include <memory>

namespace zc {
class AppSegmentTableModel;
}

namespace zpatest {

// Starts the simulator on its own thread with `segments` ZPA application segments.
std::unique_ptr<zsim::SimulatorThread> startSimulator(int segments, const QJsonObject &knobs, QString *error);

// The client stack of one ZPA test against the in-process simulator, on the calling thread:
// HttpClient, RateLimiter, HttpPipeline, TokenBroker, ApiCaller, ZpaApi; one API client per
// ZPA-capable demo-profile kind ("zpa-legacy", "oneapi-secret") on one tenant that has the
// simulator's ZPA customer id.
class ZpaStack
{
public:
    explicit ZpaStack(zsim::Simulator *sim, bool protectedTenant = false);
    ~ZpaStack();

    zsim::Simulator *sim;
    zc::Tenant tenant;
    std::unique_ptr<zc::HttpClient> http;
    std::unique_ptr<zc::RateLimiter> limiter;
    std::unique_ptr<zc::HttpPipeline> pipeline;
    std::unique_ptr<ZpaMemoryCredentials> creds;
    std::unique_ptr<zc::TokenBroker> broker;
    std::unique_ptr<zc::ApiCaller> caller;
    std::unique_ptr<zc::ZpaApi> api;

    QString clientId(const QString &kind) const { return m_ids.value(kind); }
    QString legacy() const { return clientId(QStringLiteral("zpa-legacy")); }
    QString oneApi() const { return clientId(QStringLiteral("oneapi-secret")); }

    // Fetches the client's token now (so timings do not include it). False on error.
    bool warmToken(const QString &clientId, int timeoutMs = 30'000);

private:
    QHash<QString, QString> m_ids;
};

// One listing run to its end: rows go into `model` (if given) as pages arrive.
struct ListingRun
{
    zc::ZpaListResult result;
    int startedSignals = 0;
    int rowSignals = 0;
    int progressSignals = 0;
    QList<int> pageOrder;       // pages in the order their rows arrived
    QList<int> retriedPages;    // pageRetry signals
    bool finished = false;
    qint64 wallMs = 0;
};
ListingRun runListing(zc::ZpaSegmentLister &lister, const QString &clientId, const zc::ZpaListOptions &options,
                      zc::AppSegmentTableModel *model, int timeoutMs = 120'000,
                      const std::function<void(zc::ZpaSegmentLister &)> &onFirstRows = {});

} // namespace zpatest
