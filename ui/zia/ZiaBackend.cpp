#include "ZiaBackend.h"

#include "api/AppTotalQuota.h"
#include "api/ZiaUrlLookupRunner.h"
#include "store/ActivationLedger.h"
#include "store/AuditLog.h"

namespace zc {

ZiaBackend::ZiaBackend(ApiCaller *caller, const QString &configDir, QObject *parent)
    : QObject(parent)
    , m_caller(caller)
    , m_audit(std::make_unique<AuditLog>(configDir))
    , m_ledger(std::make_unique<ActivationLedger>(configDir))
    , m_quota(std::make_unique<AppTotalQuota>(configDir, caller->broker()->clock()))
    , m_api(new ZiaApi(caller, this))
    , m_tracker(new ZiaStatusTracker(m_api, nullptr, this))
    , m_editor(new ZiaUrlCategoryEditor(m_api, this))
    , m_runner(new ZiaUrlLookupRunner(m_api, this))
    , m_appTotal(new AppTotalApi(caller, m_quota.get(), this))
    , m_saas(new SaasSecurityApi(caller, this))
{
    setObjectName(QStringLiteral("zcZiaBackend"));
    qRegisterMetaType<zc::ZiaTenantStatus>();
    qRegisterMetaType<zc::ZiaActivationResult>();
    qRegisterMetaType<zc::ZiaUrlEditResult>();
    qRegisterMetaType<zc::ZiaUrlCategory>();
    qRegisterMetaType<QList<zc::ZiaUrlCategory>>();
    qRegisterMetaType<zc::UrlLookupResult>();
    qRegisterMetaType<QList<zc::UrlLookupResult>>();
    qRegisterMetaType<zc::AppTotalReply>();
    qRegisterMetaType<zc::SaasIncidentsReply>();
    qRegisterMetaType<zc::ApiError>();

    m_editor->setAuditLog(m_audit.get());
    connect(m_tracker, &ZiaStatusTracker::statusChanged, this, &ZiaBackend::statusChanged);
    connect(m_tracker, &ZiaStatusTracker::activationCompleted, this, &ZiaBackend::activationCompleted);
    connect(m_api, &ZiaApi::modeChanged, this, &ZiaBackend::modeChanged);
    connect(m_editor, &ZiaUrlCategoryEditor::finished, this,
            [this](const ZiaUrlEditResult &r) { emit urlEditFinished(m_editClient, r); });
    connect(m_runner, &ZiaUrlLookupRunner::started, this, &ZiaBackend::lookupStarted);
    connect(m_runner, &ZiaUrlLookupRunner::progress, this, &ZiaBackend::lookupProgress);
    connect(m_runner, &ZiaUrlLookupRunner::batchResults, this, &ZiaBackend::lookupResults);
    connect(m_runner, &ZiaUrlLookupRunner::finished, this, &ZiaBackend::lookupFinished);
    connect(m_appTotal, &AppTotalApi::quotaChanged, this, [this](const QString &clientId, int remaining) {
        emit quotaKnown(clientId, remaining, m_quota->resetsAtUtc());
    });
}

ZiaBackend::~ZiaBackend()
{
    // Users first, then what they use; the quota (owned here) outlives AppTotalApi.
    qDeleteAll(m_controllers);
    m_controllers.clear();
    delete m_runner;
    delete m_editor;
    delete m_tracker;
    delete m_appTotal;
    delete m_saas;
    delete m_api;
}

ZiaBackend *ZiaBackend::of(ApiCaller *caller)
{
    return caller ? caller->findChild<ZiaBackend *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

QString ZiaBackend::clientName(const QString &clientId) const
{
    const AuthTarget *t = m_caller->broker()->target(clientId);
    return t ? t->client.name : clientId;
}

void ZiaBackend::setPollConfig(const ZiaPollConfig &config) { m_tracker->setConfig(config); }

void ZiaBackend::setWatched(const QStringList &tenantIds, bool watched)
{
    for (const QString &t : tenantIds)
        m_tracker->setWatched(t, watched);
}

void ZiaBackend::refresh(const QString &tenantId)
{
    if (!m_tracker->tenants().contains(tenantId) && !m_tracker->addTenant(tenantId))
        return;
    m_tracker->refreshNow(tenantId);
}

void ZiaBackend::retrack(const QString &tenantId, bool watchAgain)
{
    m_tracker->removeTenant(tenantId);
    if (watchAgain)
        m_tracker->setWatched(tenantId, true);
}

ActivationController *ZiaBackend::controller(const QString &clientId)
{
    if (ActivationController *c = m_controllers.value(clientId))
        return c;
    auto *c = new ActivationController(m_api, clientId, this);
    c->setPollIntervalMs(m_activationPollMs);
    c->setReadOnlyProbeIntervalMs(m_readOnlyProbeMs);
    c->setAuditLog(m_audit.get(), clientName(clientId));
    c->setLedger(m_ledger.get());
    const QString tenantId = c->tenantId();
    connect(c, &ActivationController::progress, this,
            [this, tenantId](const QString &m) { emit activationProgress(tenantId, m); });
    connect(c, &ActivationController::phaseChanged, this,
            [this, tenantId](ActivationController::Phase p) { emit activationPhaseChanged(tenantId, int(p)); });
    connect(c, &ActivationController::finished, this, [this, tenantId](const ZiaActivationResult &r) {
        emit activationFinished(tenantId, r);
        m_tracker->refreshNow(tenantId);
    });
    m_controllers.insert(clientId, c);
    return c;
}

void ZiaBackend::activate(const QString &clientId, qint64 timeoutMs)
{
    QString why;
    if (!m_api->checkClient(clientId, &why)) {
        ZiaActivationResult r;
        r.error = ApiError::make(ErrorKind::Config, why);
        emit activationFinished(m_api->tenantIdOf(clientId), r);
        return;
    }
    ActivationController *c = controller(clientId);
    emit activationStarted(c->tenantId(), clientId);
    c->activateAndWait(timeoutMs);
}

void ZiaBackend::cancelActivationWait(const QString &clientId)
{
    if (ActivationController *c = m_controllers.value(clientId))
        c->cancel();
}

void ZiaBackend::endSession(const QString &clientId)
{
    const QString tenantId = m_api->tenantIdOf(clientId);
    m_api->endSession(clientId, this, [this, clientId, tenantId](const ZiaReply<ZiaActivationState> &r) {
        emit sessionEnded(clientId, tenantId, r.error);
        if (!tenantId.isEmpty())
            refresh(tenantId);
    });
}

void ZiaBackend::loadCategories(const QString &clientId)
{
    m_api->urlCategories(clientId, true, this, [this, clientId](const ZiaReply<QList<ZiaUrlCategory>> &r) {
        emit categoriesLoaded(clientId, r.value, r.error, r.readOnly);
    });
}

void ZiaBackend::editUrls(const QString &clientId, const QString &categoryId, const QStringList &urls, bool add)
{
    if (m_editor->isBusy()) {
        ZiaUrlEditResult r;
        r.error = ApiError::make(ErrorKind::Usage, tr("another URL category change is still running"));
        emit urlEditFinished(clientId, r);
        return;
    }
    m_editClient = clientId; // the editor runs one change at a time
    if (add)
        m_editor->addUrls(clientId, categoryId, urls);
    else
        m_editor->removeUrls(clientId, categoryId, urls);
}

void ZiaBackend::startLookup(const QString &clientId, const QStringList &urls)
{
    if (!m_runner->start(clientId, urls)) {
        emit lookupFinished(ApiError::make(ErrorKind::Usage, m_runner->isRunning()
                                                                 ? tr("a URL lookup is already running")
                                                                 : tr("no URL to look up")));
    }
}

void ZiaBackend::cancelLookup() { m_runner->cancel(); }

void ZiaBackend::estimateLookup(const QString &clientId, int urls)
{
    RateLimiter *limiter = m_caller->broker()->pipeline()->limiter();
    const QString key = ZiaApi::urlLookupRateKey(m_api->tenantIdOf(clientId));
    const int used = limiter ? limiter->grantsInWindow(key, 3'600'000) : 0;
    emit lookupEstimated(clientId, urls, m_runner->estimateMs(clientId, urls), used);
}

void ZiaBackend::appTotalLookup(const QString &clientId, const QString &appId)
{
    m_appTotal->app(clientId, appId, this, [this, clientId, appId](const AppTotalReply &r) {
        emit appTotalFinished(clientId, appId, r);
        emit quotaKnown(clientId, m_quota->remainingToday(clientId), m_quota->resetsAtUtc());
    });
}

void ZiaBackend::reportQuota(const QString &clientId)
{
    m_quota->load();
    emit quotaKnown(clientId, m_quota->remainingToday(clientId), m_quota->resetsAtUtc());
}

void ZiaBackend::saasIncidents(const QString &clientId, int limit)
{
    m_saas->incidents(clientId, limit, this,
                      [this, clientId](const SaasIncidentsReply &r) { emit saasFinished(clientId, r); });
}

} // namespace zc
