#include "services/ZiaService.h"

#include "api/ZiaUrlCategoryEditor.h"
#include "api/ZiaUrlLookupRunner.h"
#include "core/ClientChoice.h"
#include "services/ActivationController.h"
#include "services/ZiaStatusTracker.h"
#include "store/ActivationLedger.h"
#include "store/AuditLog.h"
#include "store/TenantStore.h"

#include <QCollator>
#include <QTimer>
#include <algorithm>

namespace zc {

ZiaService::ZiaService(ApiCaller *caller, TenantStore *store, const QString &configDir, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_audit(std::make_unique<AuditLog>(configDir))
    , m_ledger(std::make_unique<ActivationLedger>(configDir))
    , m_api(new ZiaApi(caller, this))
    , m_tracker(new ZiaStatusTracker(m_api, nullptr, this))
    , m_editor(new ZiaUrlCategoryEditor(m_api, this))
    , m_runner(new ZiaUrlLookupRunner(m_api, this))
{
    qRegisterMetaType<zc::ZiaUrlEditResult>();
    qRegisterMetaType<QList<zc::ZiaUrlCategory>>();
    qRegisterMetaType<QList<zc::UrlLookupResult>>();
    qRegisterMetaType<zc::ApiError>();
    m_editor->setAuditLog(m_audit.get());
    connect(m_tracker, &ZiaStatusTracker::statusChanged, this, &ZiaService::onStatus);
    connect(m_tracker, &ZiaStatusTracker::activationCompleted, this, &ZiaService::activationCompleted);
    connect(m_api, &ZiaApi::modeChanged, this, &ZiaService::onModeChanged);
    connect(m_editor, &ZiaUrlCategoryEditor::finished, this,
            [this](const ZiaUrlEditResult &r) { emit urlEditFinished(m_editClient, r); });
    connect(m_runner, &ZiaUrlLookupRunner::started, this, &ZiaService::lookupStarted);
    connect(m_runner, &ZiaUrlLookupRunner::progress, this, &ZiaService::lookupProgress);
    connect(m_runner, &ZiaUrlLookupRunner::batchResults, this, &ZiaService::lookupResults);
    connect(m_runner, &ZiaUrlLookupRunner::finished, this, &ZiaService::lookupFinished);

    // Queued: the session worker hands a new client to the token broker in a slot of its own,
    // and drops a removed one there; the tracker picks its clients from the broker.
    for (auto sig : {&TenantStore::clientInserted, &TenantStore::clientChanged})
        connect(store, sig, this, &ZiaService::watchNewTenants, Qt::QueuedConnection);
    connect(store, &TenantStore::reset, this, &ZiaService::watchNewTenants, Qt::QueuedConnection);
    connect(store, &TenantStore::clientRemoved, this,
            [this](int, const QString &clientId) { onClientRemoved(clientId); }, Qt::QueuedConnection);
    connect(store, &TenantStore::tenantRemoved, this, [this](int, const QString &id) {
        m_status.remove(id);
        m_watched.remove(id);
        m_tracker->removeTenant(id);
        emit statusChanged(id);
        emit overallChanged();
    });
}

ZiaService::~ZiaService()
{
    // Users first, then what they use; the audit log and the ledger (owned here) outlive them.
    qDeleteAll(m_controllers);
    m_controllers.clear();
    delete m_runner;
    delete m_editor;
    delete m_tracker;
    delete m_api;
}

void ZiaService::later(std::function<void()> fn)
{
    QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection);
}

void ZiaService::setPollConfig(const ZiaPollConfig &config) { m_tracker->setConfig(config); }

void ZiaService::setActivationTimings(qint64 pollMs, qint64 readOnlyProbeMs)
{
    m_activationPollMs = pollMs;
    m_readOnlyProbeMs = readOnlyProbeMs;
    for (ActivationController *c : std::as_const(m_controllers)) {
        c->setPollIntervalMs(pollMs);
        c->setReadOnlyProbeIntervalMs(readOnlyProbeMs);
    }
}

bool ZiaService::isZiaKind(AuthKind kind) { return ZiaApi::isZiaKind(kind); }

int ZiaService::urlLookupsPerHour() { return ZiaApi::UrlLookupPerHour; }

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
    return clientchoice::speaking(m_store->clientsOf(tenantId), &isZiaKind);
}

QString ZiaService::defaultClient(const QString &tenantId) const
{
    // The tracker's client, else OneAPI, then zia-oauth, then zia-legacy.
    const QList<ApiClient> clients = ziaClientsOf(tenantId);
    const QString tracked = m_status.value(tenantId).clientId;
    if (std::any_of(clients.cbegin(), clients.cend(), [&](const ApiClient &c) { return c.id == tracked; }))
        return tracked;
    return clientchoice::best(clients, [](AuthKind k) {
        return (k == AuthKind::OneApiSecret || k == AuthKind::OneApiJwt) ? 0 : k == AuthKind::ZiaOAuth ? 1 : 2;
    });
}

QString ZiaService::tenantNameOf(const QString &clientId) const { return m_api->tenantNameOf(clientId); }

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

bool ZiaService::isReadOnly(const QString &tenantId) const { return m_api->isReadOnly(tenantId); }

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

int ZiaService::lookupRequestsDone() const { return m_runner->batchesDone(); }

void ZiaService::onStatus(const ZiaTenantStatus &st)
{
    m_status.insert(st.tenantId, st);
    emit statusChanged(st.tenantId);
    emit overallChanged();
}

void ZiaService::onModeChanged(const QString &tenantId, bool readOnly)
{
    // From any reply's x-zscaler-mode (ZiaApi emits changes only), tracked tenant or not.
    emit readOnlyChanged(tenantId, readOnly);
    emit statusChanged(tenantId);
}

void ZiaService::onClientRemoved(const QString &clientId)
{
    // The client a tenant was polled with is gone: poll with another one.
    QStringList tenants;
    for (auto it = m_status.cbegin(); it != m_status.cend(); ++it)
        if (it->clientId == clientId)
            tenants.append(it.key());
    for (const QString &tenantId : std::as_const(tenants)) {
        m_status[tenantId].clientId.clear();
        m_tracker->removeTenant(tenantId);
        if (m_watched.contains(tenantId) && !ziaClientsOf(tenantId).isEmpty())
            m_tracker->setWatched(tenantId, true);
        emit statusChanged(tenantId);
    }
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
    for (const QString &t : std::as_const(m_watched))
        m_tracker->setWatched(t, false);
    m_watched.clear();
}

void ZiaService::watchNewTenants()
{
    if (!m_pageVisible)
        return;
    for (const QString &t : ziaTenants()) {
        if (m_watched.contains(t))
            continue;
        m_tracker->setWatched(t, true);
        if (m_tracker->tenants().contains(t)) // else the broker knows no client of it yet
            m_watched.insert(t);
    }
}

void ZiaService::refresh(const QString &tenantId)
{
    if (!m_tracker->tenants().contains(tenantId) && !m_tracker->addTenant(tenantId))
        return;
    m_tracker->refreshNow(tenantId);
}

void ZiaService::readStatus(const QString &clientId)
{
    m_api->status(clientId, this, [this, clientId](const ZiaReply<ZiaActivationState> &r) {
        emit statusRead(clientId, r.value, r.readOnly, r.error);
    });
}

ActivationController *ZiaService::controller(const QString &clientId)
{
    if (ActivationController *c = m_controllers.value(clientId))
        return c;
    auto *c = new ActivationController(m_api, clientId, this);
    c->setPollIntervalMs(m_activationPollMs);
    c->setReadOnlyProbeIntervalMs(m_readOnlyProbeMs);
    const AuthTarget *target = m_api->caller()->broker()->target(clientId);
    c->setAuditLog(m_audit.get(), target ? target->client.name : clientId);
    c->setLedger(m_ledger.get());
    const QString tenantId = c->tenantId();
    connect(c, &ActivationController::progress, this,
            [this, tenantId](const QString &m) { emit activationProgress(tenantId, m); });
    connect(c, &ActivationController::phaseChanged, this,
            [this, tenantId](ActivationController::Phase p) { emit activationPhaseChanged(tenantId, int(p)); });
    connect(c, &ActivationController::finished, this, [this, tenantId](const ZiaActivationResult &r) {
        m_activating.remove(tenantId);
        emit activationFinished(tenantId, r);
        emit statusChanged(tenantId);
        m_tracker->refreshNow(tenantId);
    });
    m_controllers.insert(clientId, c);
    return c;
}

void ZiaService::activate(const QString &tenantId, const QString &clientId, bool wait)
{
    QString why;
    if (!m_api->checkClient(clientId, &why)) {
        ZiaActivationResult r;
        r.tenantId = tenantId;
        r.error = ApiError::make(ErrorKind::Config, why);
        later([this, tenantId, r] { emit activationFinished(tenantId, r); });
        return;
    }
    ActivationController *c = controller(clientId);
    m_activating.insert(tenantId);
    emit statusChanged(tenantId);
    emit activationStarted(tenantId, clientId);
    if (wait)
        c->activateAndWait(m_activationTimeoutMs);
    else
        c->activate();
}

void ZiaService::cancelActivationWait(const QString &tenantId)
{
    // The controller is the one of the client that activated: stop them all for this tenant.
    for (const ApiClient &c : ziaClientsOf(tenantId))
        if (ActivationController *ctl = m_controllers.value(c.id))
            ctl->cancel();
}

void ZiaService::endSession(const QString &clientId)
{
    const QString tenantId = m_api->tenantIdOf(clientId);
    m_api->endSession(clientId, this, [this, clientId, tenantId](const ZiaReply<ZiaActivationState> &r) {
        emit sessionEnded(clientId, tenantId, r.error);
        if (!tenantId.isEmpty())
            refresh(tenantId);
    });
}

void ZiaService::loadCategories(const QString &clientId)
{
    m_api->urlCategories(clientId, true, this, [this, clientId](const ZiaReply<QList<ZiaUrlCategory>> &r) {
        emit categoriesLoaded(clientId, r.value, r.error, r.readOnly);
    });
}

void ZiaService::editUrls(const QString &clientId, const QString &categoryId, const QStringList &urls, bool add)
{
    if (m_editor->isBusy()) {
        ZiaUrlEditResult r;
        r.error = ApiError::make(ErrorKind::Usage, tr("another URL category change is still running"));
        later([this, clientId, r] { emit urlEditFinished(clientId, r); });
        return;
    }
    m_editClient = clientId;
    if (add)
        m_editor->addUrls(clientId, categoryId, urls);
    else
        m_editor->removeUrls(clientId, categoryId, urls);
}

void ZiaService::startLookup(const QString &clientId, const QStringList &urls)
{
    if (m_runner->start(clientId, urls))
        return;
    const ApiError e = ApiError::make(ErrorKind::Usage, m_runner->isRunning() ? tr("a URL lookup is already running")
                                                                               : tr("no URL to look up"));
    later([this, e] { emit lookupFinished(e); });
}

void ZiaService::cancelLookup() { m_runner->cancel(); }

void ZiaService::estimateLookup(const QString &clientId, int urls)
{
    const qint64 eta = m_runner->estimateMs(clientId, urls);
    const int used = m_api->urlLookupsInLastHour(clientId);
    later([this, clientId, urls, eta, used] { emit lookupEstimated(clientId, urls, eta, used); });
}

} // namespace zc
