#include "services/ZidInventorySync.h"

#include "net/CancelToken.h"
#include "store/TenantStore.h"

#include <QPointer>

namespace zc {

ZidInventorySync::ZidInventorySync(ZidentityService *service, TenantStore *store, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_store(store)
{
}

ZidInventorySync::~ZidInventorySync()
{
    if (m_cancel)
        m_cancel->cancel();
}

QString ZidInventorySync::adminFor(const QString &tenantId, QString *why) const
{
    const Tenant *t = m_store->tenant(tenantId);
    if (!t) {
        if (why)
            *why = tr("No tenant is selected.");
        return {};
    }
    if (!t->zidAdminClient.isEmpty()) {
        const ApiClient *a = m_store->client(t->zidAdminClient);
        if (!a)
            a = m_store->clientByName(t->zidAdminClient);
        if (a && a->tenantId == t->id && ZidentityService::isAdminKind(a->kind))
            return a->id;
        if (why)
            *why = tr("The ZIdentity admin profile “%1” of tenant “%2” is not a OneAPI profile of this tenant: "
                      "choose another one in the tenant's settings.")
                       .arg(t->zidAdminClient, t->name);
        return {};
    }
    for (const ApiClient &c : m_store->clients())
        if (c.tenantId == t->id && c.kind == AuthKind::OneApiSecret)
            return c.id;
    if (why)
        *why = tr("Tenant “%1” has no OneAPI (client secret) profile to sync with: add one, or name the "
                  "ZIdentity admin profile in the tenant's settings.")
                   .arg(t->name);
    return {};
}

bool ZidInventorySync::start(const QString &tenantId, QString *error)
{
    if (isRunning()) {
        if (error)
            *error = tr("A sync is already running.");
        return false;
    }
    const QString admin = adminFor(tenantId, error);
    if (admin.isEmpty())
        return false;
    m_cancel = std::make_shared<CancelToken>();
    m_tenantId = tenantId;
    const quint64 run = ++m_run;
    QPointer<ZidInventorySync> self(this);
    m_service->sync(admin, QString(), this,
        [self, run](qint64 done, qint64 total) {
            if (self && self->m_run == run)
                emit self->progress(done, total);
        },
        [self, run](const ZidentityService::SyncResult &r) {
            if (!self || self->m_run != run)
                return;
            self->m_cancel.reset();
            self->m_tenantId.clear();
            emit self->finished(r);
        },
        m_cancel);
    return true;
}

void ZidInventorySync::cancel()
{
    if (!m_cancel)
        return;
    ++m_run; // the answer of this run is dropped
    auto cancel = std::move(m_cancel);
    ZidentityService::SyncResult r;
    r.tenantId = m_tenantId;
    r.error = ApiError::make(ErrorKind::Cancelled, tr("Sync cancelled: the inventory shown is the last one synced."));
    m_tenantId.clear();
    cancel->cancel();
    emit finished(r);
}

} // namespace zc
