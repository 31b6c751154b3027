#include "services/SegmentsService.h"

#include "api/ZpaApi.h"
#include "api/ZpaSegmentEditor.h"
#include "api/ZpaSegmentLister.h"
#include "core/ClientChoice.h"
#include "store/AuditLog.h"
#include "store/TenantStore.h"

namespace zc {

SegmentsService::SegmentsService(ApiCaller *caller, TenantStore *store, const QString &configDir,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_audit(std::make_unique<AuditLog>(configDir))
    , m_api(new ZpaApi(caller, this))
    , m_lister(new ZpaSegmentLister(m_api, this))
    , m_editor(new ZpaSegmentEditor(m_api, this))
{
    m_editor->setAuditLog(m_audit.get());
    // Stamped with the generation of the listing running when the lister speaks.
    connect(m_lister, &ZpaSegmentLister::started, this,
            [this](qint64 total, int pages) { emit listStarted(m_generation, total, pages); });
    connect(m_lister, &ZpaSegmentLister::rowsArrived, this,
            [this](int page, const QList<AppSegment> &rows) {
                emit rowsArrived(m_generation, page, rows);
            });
    connect(m_lister, &ZpaSegmentLister::progress, this,
            [this](const ZpaListProgress &p) { emit listProgress(m_generation, p); });
    connect(m_lister, &ZpaSegmentLister::pageRetry, this,
            [this](int page, int attempt, const QString &why, qint64 delayMs) {
                emit pageRetry(m_generation, page, attempt, why, delayMs);
            });
    // A cancel finishes inside cancel(): the answer still comes from the event loop.
    connect(m_lister, &ZpaSegmentLister::finished, this, [this](const ZpaListResult &r) {
        QMetaObject::invokeMethod(
            this, [this, gen = m_generation, r] { emit listFinished(gen, r); },
            Qt::QueuedConnection);
    });
    connect(m_editor, &ZpaSegmentEditor::finished, this, &SegmentsService::editFinished);
}

SegmentsService::~SegmentsService()
{
    // Users first, then what they use; the audit log outlives the editor.
    delete m_editor;
    delete m_lister;
    delete m_api;
}

bool SegmentsService::isZpaKind(AuthKind kind)
{
    return ZpaApi::isZpaKind(kind);
}

QList<ApiClient> SegmentsService::zpaClientsOf(const QString &tenantId) const
{
    return clientchoice::speaking(m_store->clientsOf(tenantId), &isZpaKind);
}

QString SegmentsService::defaultClient(const QString &tenantId) const
{
    // OneAPI (secret, then JWT), then zpa-legacy.
    return clientchoice::best(zpaClientsOf(tenantId), [](AuthKind k) {
        return k == AuthKind::OneApiSecret ? 0 : k == AuthKind::OneApiJwt ? 1 : 2;
    });
}

QString SegmentsService::clientProblem(const QString &clientId) const
{
    if (clientId.isEmpty())
        return tr(
            "Choose an API client that speaks ZPA (zpa-legacy, oneapi-secret or oneapi-jwt).");
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
        return tr("API client “%1” has no secret yet: set it on the API Clients page.")
            .arg(c->name);
    return {};
}

quint64 SegmentsService::startListing(const QString &clientId, const ZpaListOptions &options)
{
    cancelListing(); // its listFinished(Cancelled) carries its own generation
    const quint64 generation = ++m_generation;
    m_lister->start(clientId, options);
    return generation;
}

void SegmentsService::cancelListing()
{
    if (m_lister->isRunning())
        m_lister->cancel();
}

void SegmentsService::loadMicrotenants(const QString &clientId)
{
    m_api->microtenants(clientId, this, [this, clientId](const ZpaReply<QList<ZpaMicrotenant>> &r) {
        emit microtenantsLoaded(clientId, r.value, r.error);
    });
}

void SegmentsService::loadGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant)
{
    // Both lists, then one answer (the segment groups' error first).
    struct Pair
    {
        QList<ZpaSegmentGroup> segmentGroups;
        QList<ZpaServerGroup> serverGroups;
        ApiError segmentError;
        ApiError serverError;
        int pending = 2;
    };
    auto pair = std::make_shared<Pair>();
    auto finish = [this, clientId, pair] {
        if (--pair->pending == 0)
            emit groupsLoaded(clientId, pair->segmentGroups, pair->serverGroups,
                              pair->segmentError.isError() ? pair->segmentError
                                                           : pair->serverError);
    };
    m_api->segmentGroups(clientId, microtenant, this,
                         [pair, finish](const ZpaReply<QList<ZpaSegmentGroup>> &r) {
                             pair->segmentGroups = r.value;
                             pair->segmentError = r.error;
                             finish();
                         });
    m_api->serverGroups(clientId, microtenant, this,
                        [pair, finish](const ZpaReply<QList<ZpaServerGroup>> &r) {
                            pair->serverGroups = r.value;
                            pair->serverError = r.error;
                            finish();
                        });
}

quint64 SegmentsService::fetchSegment(const QString &clientId, const QString &id)
{
    const quint64 tag = ++m_tag;
    m_api->segment(clientId, id, this, [this, clientId, tag](const ZpaReply<AppSegment> &r) {
        emit segmentFetched(clientId, tag, r.value, r.error);
    });
    return tag;
}

void SegmentsService::submitEdit(const ZpaEditRequest &request)
{
    m_editor->submit(request);
}

void SegmentsService::setReadBudget(const QString &clientId, int count, qint64 windowMs)
{
    if (const ApiClient *c = m_store->client(clientId))
        m_api->setReadBudget(c->tenantId, count, windowMs);
}

} // namespace zc
