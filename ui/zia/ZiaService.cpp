#include "ZiaService.h"

#include "ZiaBackend.h"
#include "services/SessionWorker.h"
#include "store/TenantStore.h"

#include <QCollator>
#include <QTimer>
#include <algorithm>

namespace zc {

ZiaService::ZiaService(TenantStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<zc::ZiaTenantStatus>();
    qRegisterMetaType<zc::ZiaActivationResult>();
    qRegisterMetaType<zc::ZiaUrlEditResult>();
    qRegisterMetaType<QList<zc::ZiaUrlCategory>>();
    qRegisterMetaType<QList<zc::UrlLookupResult>>();
    qRegisterMetaType<zc::AppTotalReply>();
    qRegisterMetaType<zc::SaasIncidentsReply>();
    qRegisterMetaType<zc::ApiError>();
    for (auto sig : {&TenantStore::clientInserted, &TenantStore::clientChanged})
        connect(store, sig, this, &ZiaService::watchNewTenants);
    connect(store, &TenantStore::reset, this, &ZiaService::watchNewTenants);
    connect(store, &TenantStore::tenantRemoved, this, [this](int, const QString &id) {
        m_status.remove(id);
        m_readOnly.remove(id);
        m_watched.remove(id);
        post([id](ZiaBackend *b) { b->retrack(id, false); });
        emit statusChanged(id);
        emit overallChanged();
    });
    // The client a tenant was polled with is gone: poll with another one. Deferred, so that the
    // worker drops the client first (SessionWorker posts that from its own clientRemoved slot).
    connect(store, &TenantStore::clientRemoved, this, [this](int, const QString &clientId) {
        QTimer::singleShot(0, this, [this, clientId] {
            for (auto it = m_status.begin(); it != m_status.end(); ++it) {
                if (it->clientId != clientId)
                    continue;
                const QString tenantId = it.key();
                const bool watch = m_watched.contains(tenantId) && !ziaClientsOf(tenantId).isEmpty();
                it->clientId.clear();
                post([tenantId, watch](ZiaBackend *b) { b->retrack(tenantId, watch); });
                emit statusChanged(tenantId);
            }
        });
    });
}

ZiaService::~ZiaService() = default;

void ZiaService::attach(SessionWorker *worker, const QString &configDir)
{
    if (m_worker)
        return;
    m_worker = worker;
    ZiaService *self = this;
    const bool hasConfig = m_hasPollConfig;
    const ZiaPollConfig config = m_pollConfig;
    const qint64 pollMs = m_activationPollMs;
    const qint64 probeMs = m_readOnlyProbeMs;
    worker->post([self, configDir, hasConfig, config, pollMs, probeMs](ApiCaller *caller) {
        if (ZiaBackend::of(caller))
            return;
        auto *b = new ZiaBackend(caller, configDir, caller);
        if (hasConfig)
            b->setPollConfig(config);
        b->setActivationPollMs(pollMs);
        b->setReadOnlyProbeMs(probeMs);
        // Queued into the GUI thread (self lives there; it outlives the worker).
        connect(b, &ZiaBackend::statusChanged, self, &ZiaService::onStatus);
        connect(b, &ZiaBackend::activationCompleted, self, &ZiaService::activationCompleted);
        connect(b, &ZiaBackend::modeChanged, self, &ZiaService::onModeChanged);
        connect(b, &ZiaBackend::activationStarted, self, &ZiaService::activationStarted);
        connect(b, &ZiaBackend::activationProgress, self, &ZiaService::activationProgress);
        connect(b, &ZiaBackend::activationPhaseChanged, self, &ZiaService::activationPhaseChanged);
        connect(b, &ZiaBackend::activationFinished, self, &ZiaService::onActivationFinished);
        connect(b, &ZiaBackend::sessionEnded, self, &ZiaService::sessionEnded);
        connect(b, &ZiaBackend::categoriesLoaded, self, &ZiaService::categoriesLoaded);
        connect(b, &ZiaBackend::urlEditFinished, self, &ZiaService::urlEditFinished);
        connect(b, &ZiaBackend::lookupStarted, self, &ZiaService::lookupStarted);
        connect(b, &ZiaBackend::lookupProgress, self, &ZiaService::lookupProgress);
        connect(b, &ZiaBackend::lookupResults, self, &ZiaService::lookupResults);
        connect(b, &ZiaBackend::lookupFinished, self, &ZiaService::lookupFinished);
        connect(b, &ZiaBackend::lookupEstimated, self, &ZiaService::lookupEstimated);
        connect(b, &ZiaBackend::appTotalFinished, self, &ZiaService::appTotalFinished);
        connect(b, &ZiaBackend::quotaKnown, self, &ZiaService::quotaKnown);
        connect(b, &ZiaBackend::saasFinished, self, &ZiaService::saasFinished);
    });
    if (m_pageVisible) {
        m_pageVisible = false;
        setPageVisible(true);
    }
}

void ZiaService::detach()
{
    m_worker = nullptr;
    m_watched.clear();
    m_activating.clear();
}

void ZiaService::post(std::function<void(ZiaBackend *)> fn)
{
    if (!m_worker)
        return;
    m_worker->post([fn](ApiCaller *caller) {
        if (ZiaBackend *b = ZiaBackend::of(caller))
            fn(b);
    });
}

ApiError ZiaService::notRunning() const
{
    return ApiError::make(ErrorKind::Config, tr("the background session worker is not running"));
}

void ZiaService::setPollConfig(const ZiaPollConfig &config)
{
    m_hasPollConfig = true;
    m_pollConfig = config;
    post([config](ZiaBackend *b) { b->setPollConfig(config); });
}

void ZiaService::setActivationTimings(qint64 pollMs, qint64 readOnlyProbeMs)
{
    m_activationPollMs = pollMs;
    m_readOnlyProbeMs = readOnlyProbeMs;
}

bool ZiaService::isZiaKind(AuthKind kind) { return ZiaApi::isZiaKind(kind); }

QStringList ZiaService::ziaTenants() const
{
    QList<const Tenant *> found;
    for (const Tenant &t : m_store->tenants())
        if (!ziaClientsOf(t.id).isEmpty())
            found.append(&t);
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(found.begin(), found.end(),
              [&collator](const Tenant *a, const Tenant *b) { return collator.compare(a->name, b->name) < 0; });
    QStringList ids;
    for (const Tenant *t : found)
        ids.append(t->id);
    return ids;
}

QList<ApiClient> ZiaService::ziaClientsOf(const QString &tenantId) const
{
    QList<ApiClient> out;
    for (const ApiClient &c : m_store->clientsOf(tenantId))
        if (isZiaKind(c.kind))
            out.append(c);
    return out;
}

QString ZiaService::defaultClient(const QString &tenantId) const
{
    const QString tracked = m_status.value(tenantId).clientId;
    QString best;
    int bestRank = 99;
    for (const ApiClient &c : ziaClientsOf(tenantId)) {
        if (c.id == tracked)
            return c.id;
        const int rank = (c.kind == AuthKind::OneApiSecret || c.kind == AuthKind::OneApiJwt) ? 0
                         : c.kind == AuthKind::ZiaOAuth                                      ? 1
                                                                                             : 2;
        if (rank < bestRank || (rank == bestRank && c.id < best)) {
            best = c.id;
            bestRank = rank;
        }
    }
    return best;
}

ZiaTenantStatus ZiaService::status(const QString &tenantId) const
{
    auto it = m_status.constFind(tenantId);
    if (it != m_status.cend())
        return *it;
    ZiaTenantStatus s;
    s.tenantId = tenantId;
    if (const Tenant *t = m_store->tenant(tenantId))
        s.tenantName = t->name;
    return s;
}

bool ZiaService::isReadOnly(const QString &tenantId) const
{
    auto it = m_readOnly.constFind(tenantId);
    return it != m_readOnly.cend() ? *it : m_status.value(tenantId).readOnly;
}

bool ZiaService::hasPendingChanges(const QString &tenantId) const
{
    const ZiaTenantStatus s = status(tenantId);
    return s.pendingChanges || s.state == ZiaActivationState::Pending;
}

QStringList ZiaService::tenantsWithPendingChanges() const
{
    QStringList out;
    for (const QString &t : ziaTenants())
        if (hasPendingChanges(t))
            out.append(t);
    return out;
}

int ZiaService::countInState(ZiaActivationState s) const
{
    int n = 0;
    for (auto it = m_status.cbegin(); it != m_status.cend(); ++it)
        if (m_store->tenant(it.key()) && it->state == s)
            ++n;
    return n;
}

ZiaActivationState ZiaService::overallState() const
{
    for (ZiaActivationState s : {ZiaActivationState::InProgress, ZiaActivationState::Pending, ZiaActivationState::Active})
        if (countInState(s) > 0)
            return s;
    return ZiaActivationState::Unknown;
}

void ZiaService::onStatus(const ZiaTenantStatus &st)
{
    const bool wasRo = isReadOnly(st.tenantId);
    m_status.insert(st.tenantId, st);
    if (!m_readOnly.contains(st.tenantId) && st.readOnly != wasRo)
        emit readOnlyChanged(st.tenantId, st.readOnly);
    emit statusChanged(st.tenantId);
    emit overallChanged();
}

void ZiaService::onModeChanged(const QString &tenantId, bool readOnly)
{
    const bool was = isReadOnly(tenantId);
    m_readOnly.insert(tenantId, readOnly);
    if (was != readOnly) {
        emit readOnlyChanged(tenantId, readOnly);
        emit statusChanged(tenantId);
    }
}

void ZiaService::onActivationFinished(const QString &tenantId, const ZiaActivationResult &result)
{
    m_activating.remove(tenantId);
    emit activationFinished(tenantId, result);
    emit statusChanged(tenantId);
}

void ZiaService::setPageVisible(bool visible)
{
    if (visible == m_pageVisible)
        return;
    m_pageVisible = visible;
    if (visible) {
        watchNewTenants();
        return;
    }
    const QStringList ids(m_watched.cbegin(), m_watched.cend());
    m_watched.clear();
    post([ids](ZiaBackend *b) { b->setWatched(ids, false); });
}

void ZiaService::watchNewTenants()
{
    if (!m_pageVisible || !m_worker)
        return;
    QStringList added;
    for (const QString &t : ziaTenants())
        if (!m_watched.contains(t)) {
            m_watched.insert(t);
            added.append(t);
        }
    if (!added.isEmpty())
        post([added](ZiaBackend *b) { b->setWatched(added, true); });
}

void ZiaService::refresh(const QString &tenantId)
{
    post([tenantId](ZiaBackend *b) { b->refresh(tenantId); });
}

void ZiaService::activate(const QString &tenantId, const QString &clientId)
{
    if (!m_worker) {
        ZiaActivationResult r;
        r.tenantId = tenantId;
        r.error = notRunning();
        QTimer::singleShot(0, this, [this, tenantId, r] { emit activationFinished(tenantId, r); });
        return;
    }
    m_activating.insert(tenantId);
    emit statusChanged(tenantId);
    const qint64 timeout = m_activationTimeoutMs;
    post([clientId, timeout](ZiaBackend *b) { b->activate(clientId, timeout); });
}

void ZiaService::cancelActivationWait(const QString &tenantId)
{
    // The controller is the one of the client that activated: stop them all for this tenant.
    QStringList clients;
    for (const ApiClient &c : ziaClientsOf(tenantId))
        clients.append(c.id);
    post([clients](ZiaBackend *b) {
        for (const QString &c : clients)
            b->cancelActivationWait(c);
    });
}

void ZiaService::endSession(const QString &clientId)
{
    if (!m_worker) {
        const ApiError e = notRunning();
        QTimer::singleShot(0, this, [this, clientId, e] { emit sessionEnded(clientId, QString(), e); });
        return;
    }
    post([clientId](ZiaBackend *b) { b->endSession(clientId); });
}

void ZiaService::loadCategories(const QString &clientId)
{
    if (!m_worker) {
        const ApiError e = notRunning();
        QTimer::singleShot(0, this, [this, clientId, e] { emit categoriesLoaded(clientId, {}, e, false); });
        return;
    }
    post([clientId](ZiaBackend *b) { b->loadCategories(clientId); });
}

void ZiaService::editUrls(const QString &clientId, const QString &categoryId, const QStringList &urls, bool add)
{
    if (!m_worker) {
        ZiaUrlEditResult r;
        r.error = notRunning();
        QTimer::singleShot(0, this, [this, clientId, r] { emit urlEditFinished(clientId, r); });
        return;
    }
    post([clientId, categoryId, urls, add](ZiaBackend *b) { b->editUrls(clientId, categoryId, urls, add); });
}

void ZiaService::startLookup(const QString &clientId, const QStringList &urls)
{
    if (!m_worker) {
        const ApiError e = notRunning();
        QTimer::singleShot(0, this, [this, e] { emit lookupFinished(e); });
        return;
    }
    post([clientId, urls](ZiaBackend *b) { b->startLookup(clientId, urls); });
}

void ZiaService::cancelLookup()
{
    post([](ZiaBackend *b) { b->cancelLookup(); });
}

void ZiaService::estimateLookup(const QString &clientId, int urls)
{
    post([clientId, urls](ZiaBackend *b) { b->estimateLookup(clientId, urls); });
}

void ZiaService::appTotalLookup(const QString &clientId, const QString &appId)
{
    if (!m_worker) {
        AppTotalReply r;
        r.error = notRunning();
        QTimer::singleShot(0, this, [this, clientId, appId, r] { emit appTotalFinished(clientId, appId, r); });
        return;
    }
    post([clientId, appId](ZiaBackend *b) { b->appTotalLookup(clientId, appId); });
}

void ZiaService::reportQuota(const QString &clientId)
{
    post([clientId](ZiaBackend *b) { b->reportQuota(clientId); });
}

void ZiaService::saasIncidents(const QString &clientId, int limit)
{
    if (!m_worker) {
        SaasIncidentsReply r;
        r.error = notRunning();
        QTimer::singleShot(0, this, [this, clientId, r] { emit saasFinished(clientId, r); });
        return;
    }
    post([clientId, limit](ZiaBackend *b) { b->saasIncidents(clientId, limit); });
}

} // namespace zc
