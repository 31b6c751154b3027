#include "ZpaService.h"

#include "ZpaBackend.h"
#include "api/ZpaApi.h"
#include "services/SessionWorker.h"
#include "store/TenantStore.h"

#include <QTimer>

namespace zc {

ZpaService::ZpaService(TenantStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<zc::AppSegment>();
    qRegisterMetaType<QList<zc::AppSegment>>();
    qRegisterMetaType<zc::ZpaListProgress>();
    qRegisterMetaType<zc::ZpaListResult>();
    qRegisterMetaType<zc::ZpaListOptions>();
    qRegisterMetaType<QList<zc::ZpaMicrotenant>>();
    qRegisterMetaType<QList<zc::ZpaSegmentGroup>>();
    qRegisterMetaType<QList<zc::ZpaServerGroup>>();
    qRegisterMetaType<zc::ZpaEditRequest>();
    qRegisterMetaType<zc::ZpaEditResult>();
    qRegisterMetaType<zc::ApiError>();
}

ZpaService::~ZpaService() = default;

void ZpaService::attach(SessionWorker *worker, const QString &configDir)
{
    if (m_worker)
        return;
    m_worker = worker;
    m_configDir = configDir;
    ZpaService *self = this;
    worker->post([self, configDir](ApiCaller *caller) {
        if (ZpaBackend::of(caller))
            return;
        auto *b = new ZpaBackend(caller, configDir, caller);
        // Queued into the GUI thread (self lives there; it outlives the worker).
        connect(b, &ZpaBackend::listStarted, self, &ZpaService::listStarted);
        connect(b, &ZpaBackend::rowsArrived, self, &ZpaService::rowsArrived);
        connect(b, &ZpaBackend::listProgress, self, &ZpaService::listProgress);
        connect(b, &ZpaBackend::pageRetry, self, &ZpaService::pageRetry);
        connect(b, &ZpaBackend::listFinished, self, &ZpaService::listFinished);
        connect(b, &ZpaBackend::microtenantsLoaded, self, &ZpaService::microtenantsLoaded);
        connect(b, &ZpaBackend::groupsLoaded, self, &ZpaService::groupsLoaded);
        connect(b, &ZpaBackend::segmentFetched, self, &ZpaService::segmentFetched);
        connect(b, &ZpaBackend::editFinished, self, &ZpaService::editFinished);
    });
    for (const Budget &bu : std::as_const(m_budgets))
        post([bu](ZpaBackend *b) { b->setReadBudget(bu.clientId, bu.count, bu.windowMs); });
}

void ZpaService::detach() { m_worker = nullptr; }

void ZpaService::post(std::function<void(ZpaBackend *)> fn)
{
    if (!m_worker)
        return;
    m_worker->post([fn](ApiCaller *caller) {
        if (ZpaBackend *b = ZpaBackend::of(caller))
            fn(b);
    });
}

ApiError ZpaService::notRunning() const
{
    return ApiError::make(ErrorKind::Config, tr("the background session worker is not running"));
}

bool ZpaService::isZpaKind(AuthKind kind) { return ZpaApi::isZpaKind(kind); }

QList<ApiClient> ZpaService::zpaClientsOf(const QString &tenantId) const
{
    QList<ApiClient> out;
    for (const ApiClient &c : m_store->clientsOf(tenantId))
        if (isZpaKind(c.kind))
            out.append(c);
    return out;
}

QString ZpaService::defaultClient(const QString &tenantId) const
{
    QString best;
    int bestRank = 99;
    for (const ApiClient &c : zpaClientsOf(tenantId)) {
        const int rank = c.kind == AuthKind::OneApiSecret ? 0 : c.kind == AuthKind::OneApiJwt ? 1 : 2;
        if (rank < bestRank || (rank == bestRank && c.id < best)) {
            best = c.id;
            bestRank = rank;
        }
    }
    return best;
}

QString ZpaService::clientProblem(const QString &clientId) const
{
    if (clientId.isEmpty())
        return tr("Choose an API client that speaks ZPA (zpa-legacy, oneapi-secret or oneapi-jwt).");
    const ApiClient *c = m_store->client(clientId);
    if (!c)
        return tr("The API client is gone.");
    if (!isZpaKind(c->kind))
        return tr("API client “%1” does not speak ZPA.").arg(c->name);
    const Tenant *t = m_store->tenant(c->tenantId);
    if (!t)
        return tr("The tenant of API client “%1” is gone.").arg(c->name);
    if (t->zpaCustomerId.trimmed().isEmpty())
        return tr("Tenant “%1” has no ZPA customer id: set it on the Tenants page.").arg(t->name);
    if (!c->allSecretsSet())
        return tr("API client “%1” has no secret yet: set it on the API Clients page.").arg(c->name);
    return {};
}

quint64 ZpaService::startListing(const QString &clientId, const ZpaListOptions &options)
{
    const quint64 gen = ++m_generation;
    if (!m_worker) {
        ZpaListResult r;
        r.status = ZpaListResult::Status::Failed;
        r.error = notRunning();
        QTimer::singleShot(0, this, [this, gen, r] { emit listFinished(gen, r); });
        return gen;
    }
    post([gen, clientId, options](ZpaBackend *b) { b->startListing(gen, clientId, options); });
    return gen;
}

void ZpaService::cancelListing()
{
    post([](ZpaBackend *b) { b->cancelListing(); });
}

void ZpaService::loadMicrotenants(const QString &clientId)
{
    if (!m_worker) {
        const ApiError e = notRunning();
        QTimer::singleShot(0, this, [this, clientId, e] { emit microtenantsLoaded(clientId, {}, e); });
        return;
    }
    post([clientId](ZpaBackend *b) { b->loadMicrotenants(clientId); });
}

void ZpaService::loadGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant)
{
    if (!m_worker) {
        const ApiError e = notRunning();
        QTimer::singleShot(0, this, [this, clientId, e] { emit groupsLoaded(clientId, {}, {}, e); });
        return;
    }
    post([clientId, microtenant](ZpaBackend *b) { b->loadGroups(clientId, microtenant); });
}

quint64 ZpaService::fetchSegment(const QString &clientId, const QString &id)
{
    const quint64 tag = ++m_tag;
    if (!m_worker) {
        const ApiError e = notRunning();
        QTimer::singleShot(0, this, [this, clientId, tag, e] { emit segmentFetched(clientId, tag, AppSegment(), e); });
        return tag;
    }
    post([clientId, id, tag](ZpaBackend *b) { b->fetchSegment(clientId, id, tag); });
    return tag;
}

void ZpaService::submitEdit(const ZpaEditRequest &request)
{
    if (!m_worker) {
        ZpaEditResult r;
        r.action = request.action;
        r.tag = request.tag;
        r.id = request.id;
        r.error = notRunning();
        QTimer::singleShot(0, this, [this, r] { emit editFinished(r); });
        return;
    }
    post([request](ZpaBackend *b) { b->submitEdit(request); });
}

void ZpaService::setReadBudget(const QString &clientId, int count, qint64 windowMs)
{
    m_budgets.append({clientId, count, windowMs});
    post([clientId, count, windowMs](ZpaBackend *b) { b->setReadBudget(clientId, count, windowMs); });
}

} // namespace zc
