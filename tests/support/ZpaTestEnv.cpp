#include "ZpaTestEnv.h"

#include "core/AuthKind.h"
#include "models/AppSegmentTableModel.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

namespace zpatest {

using namespace zc;

std::unique_ptr<zsim::SimulatorThread> startSimulator(int segments, const QJsonObject &knobs, QString *error)
{
    zsim::SimOptions o;
    o.segments = segments;
    o.knobs = knobs;
    auto t = std::make_unique<zsim::SimulatorThread>(o);
    if (!t->start(error))
        return nullptr;
    return t;
}

ZpaStack::ZpaStack(zsim::Simulator *simulator, bool protectedTenant)
    : sim(simulator)
{
    const QJsonObject profile = sim->demoProfile();
    const QJsonObject t = profile.value(QStringLiteral("tenant")).toObject();
    tenant.id = QStringLiteral("t-zpasim");
    tenant.name = t.value(QStringLiteral("name")).toString();
    tenant.cloud = QStringLiteral("zscalerbeta");
    tenant.vanity = t.value(QStringLiteral("vanity")).toString();
    tenant.zpaCustomerId = t.value(QStringLiteral("zpaCustomerId")).toString();
    tenant.isProtected = protectedTenant;

    http = std::make_unique<HttpClient>();
    limiter = std::make_unique<RateLimiter>();
    pipeline = std::make_unique<HttpPipeline>(http.get(), limiter.get());
    creds = std::make_unique<ZpaMemoryCredentials>();
    broker = std::make_unique<TokenBroker>(pipeline.get(), creds.get());
    caller = std::make_unique<ApiCaller>(broker.get());
    api = std::make_unique<ZpaApi>(caller.get());

    const QString ca = profile.value(QStringLiteral("caFile")).toString();
    for (const QJsonValue &v : profile.value(QStringLiteral("clients")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString kindName = o.value(QStringLiteral("kind")).toString();
        AuthKind kind;
        if (!parseAuthKind(kindName, &kind) || !ZpaApi::isZpaKind(kind) || m_ids.contains(kindName)
            || !o.contains(QStringLiteral("secret")))
            continue;
        ApiClient c;
        c.id = QStringLiteral("c-") + kindName;
        c.tenantId = tenant.id;
        c.name = QStringLiteral("sim ") + kindName;
        c.kind = kind;
        c.clientId = o.value(QStringLiteral("clientId")).toString();
        c.tokenUrl = o.value(QStringLiteral("tokenUrl")).toString();
        c.baseUrl = o.value(QStringLiteral("baseUrl")).toString();
        c.caFile = ca;
        creds->set(c.id, SecretField::Secret, o.value(QStringLiteral("secret")).toString().toUtf8());
        c.secretsSetAt.insert(SecretField::Secret, QDateTime::currentDateTimeUtc());
        broker->upsertClient(c, tenant);
        m_ids.insert(kindName, c.id);
    }
}

ZpaStack::~ZpaStack()
{
    api.reset();
    caller.reset();
    broker.reset();
}

bool ZpaStack::warmToken(const QString &clientId, int timeoutMs)
{
    bool done = false, ok = false;
    broker->token(clientId, nullptr, [&](const Token &, const ApiError &e) {
        ok = !e.isError();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        return false;
    return ok;
}

ListingRun runListing(ZpaSegmentLister &lister, const QString &clientId, const ZpaListOptions &options,
                      AppSegmentTableModel *model, int timeoutMs,
                      const std::function<void(ZpaSegmentLister &)> &onFirstRows)
{
    ListingRun run;
    QObject ctx;
    QObject::connect(&lister, &ZpaSegmentLister::started, &ctx, [&](qint64 total, int) {
        ++run.startedSignals;
        if (model)
            model->setTotalExpected(total);
    });
    QObject::connect(&lister, &ZpaSegmentLister::rowsArrived, &ctx, [&](int page, const QList<AppSegment> &rows) {
        ++run.rowSignals;
        run.pageOrder << page;
        if (model)
            model->appendRows(rows);
        if (run.rowSignals == 1 && onFirstRows)
            onFirstRows(lister);
    });
    QObject::connect(&lister, &ZpaSegmentLister::progress, &ctx, [&](const ZpaListProgress &) { ++run.progressSignals; });
    QObject::connect(&lister, &ZpaSegmentLister::pageRetry, &ctx,
                     [&](int page, int, const QString &, qint64) { run.retriedPages << page; });
    QObject::connect(&lister, &ZpaSegmentLister::finished, &ctx, [&](const ZpaListResult &r) {
        run.result = r;
        run.finished = true;
    });
    QElapsedTimer t;
    t.start();
    lister.start(clientId, options);
    (void)QTest::qWaitFor([&] { return run.finished; }, timeoutMs);
    run.wallMs = t.elapsed();
    return run;
}

} // namespace zpatest
