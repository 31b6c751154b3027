#include "ZpaBackend.h"

#include "api/ZpaSegmentEditor.h"
#include "api/ZpaSegmentLister.h"
#include "store/AuditLog.h"

#include <memory>

namespace zc {

ZpaBackend::ZpaBackend(ApiCaller *caller, const QString &configDir, QObject *parent)
    : QObject(parent)
    , m_caller(caller)
    , m_audit(std::make_unique<AuditLog>(configDir))
    , m_api(new ZpaApi(caller, this))
    , m_lister(new ZpaSegmentLister(m_api, this))
    , m_editor(new ZpaSegmentEditor(m_api, this))
{
    setObjectName(QStringLiteral("zcZpaBackend"));
    qRegisterMetaType<zc::AppSegment>();
    qRegisterMetaType<QList<zc::AppSegment>>();
    qRegisterMetaType<zc::ZpaListProgress>();
    qRegisterMetaType<zc::ZpaListResult>();
    qRegisterMetaType<QList<zc::ZpaMicrotenant>>();
    qRegisterMetaType<QList<zc::ZpaSegmentGroup>>();
    qRegisterMetaType<QList<zc::ZpaServerGroup>>();
    qRegisterMetaType<zc::ZpaEditRequest>();
    qRegisterMetaType<zc::ZpaEditResult>();
    qRegisterMetaType<zc::ApiError>();

    m_editor->setAuditLog(m_audit.get());
    connect(m_lister, &ZpaSegmentLister::started, this,
            [this](qint64 total, int pages) { emit listStarted(m_generation, total, pages); });
    connect(m_lister, &ZpaSegmentLister::rowsArrived, this,
            [this](int page, const QList<AppSegment> &rows) { emit rowsArrived(m_generation, page, rows); });
    connect(m_lister, &ZpaSegmentLister::progress, this,
            [this](const ZpaListProgress &p) { emit listProgress(m_generation, p); });
    connect(m_lister, &ZpaSegmentLister::pageRetry, this,
            [this](int page, int attempt, const QString &why, qint64 delayMs) {
                emit pageRetry(m_generation, page, attempt, why, delayMs);
            });
    connect(m_lister, &ZpaSegmentLister::finished, this,
            [this](const ZpaListResult &r) { emit listFinished(m_generation, r); });
    connect(m_editor, &ZpaSegmentEditor::finished, this, &ZpaBackend::editFinished);
}

ZpaBackend::~ZpaBackend()
{
    // Users first, then what they use; the audit log (owned here) outlives the editor.
    delete m_editor;
    delete m_lister;
    delete m_api;
}

ZpaBackend *ZpaBackend::of(ApiCaller *caller)
{
    return caller ? caller->findChild<ZpaBackend *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void ZpaBackend::startListing(quint64 generation, const QString &clientId, const ZpaListOptions &options)
{
    if (m_lister->isRunning())
        m_lister->cancel(); // finished(Cancelled) goes out with the old generation
    m_generation = generation;
    m_lister->start(clientId, options);
}

void ZpaBackend::cancelListing()
{
    if (m_lister->isRunning())
        m_lister->cancel();
}

void ZpaBackend::loadMicrotenants(const QString &clientId)
{
    m_api->microtenants(clientId, this, [this, clientId](const ZpaReply<QList<ZpaMicrotenant>> &r) {
        emit microtenantsLoaded(clientId, r.value, r.error);
    });
}

void ZpaBackend::loadGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant)
{
    // Both lists, then one answer.
    struct Pair
    {
        QList<ZpaSegmentGroup> segmentGroups;
        QList<ZpaServerGroup> serverGroups;
        ApiError error;
        int pending = 2;
    };
    auto pair = std::make_shared<Pair>();
    auto finish = [this, clientId, pair] {
        if (--pair->pending == 0)
            emit groupsLoaded(clientId, pair->segmentGroups, pair->serverGroups, pair->error);
    };
    m_api->segmentGroups(clientId, microtenant, this, [pair, finish](const ZpaReply<QList<ZpaSegmentGroup>> &r) {
        pair->segmentGroups = r.value;
        if (r.error.isError())
            pair->error = r.error;
        finish();
    });
    m_api->serverGroups(clientId, microtenant, this, [pair, finish](const ZpaReply<QList<ZpaServerGroup>> &r) {
        pair->serverGroups = r.value;
        if (r.error.isError() && !pair->error.isError())
            pair->error = r.error;
        finish();
    });
}

void ZpaBackend::fetchSegment(const QString &clientId, const QString &id, quint64 tag)
{
    m_api->segment(clientId, id, this, [this, clientId, tag](const ZpaReply<AppSegment> &r) {
        emit segmentFetched(clientId, tag, r.value, r.error);
    });
}

void ZpaBackend::submitEdit(const ZpaEditRequest &request) { m_editor->submit(request); }

void ZpaBackend::setReadBudget(const QString &clientId, int count, qint64 windowMs)
{
    if (const AuthTarget *t = m_api->target(clientId))
        m_api->setReadBudget(t->tenant.id, count, windowMs);
}

} // namespace zc
