#pragma once

#include "services/ZidentityService.h"

#include <QObject>
#include <memory>

namespace zc {

class CancelToken;
class TenantStore;

// One sync of a tenant's ZIdentity inventory at a time, for the GUI page: picks the admin
// profile (Tenant::zidAdminClient by id or name, else the tenant's first oneapi-secret profile),
// runs ZidentityService::sync with progress, and can be cancelled (the answer of a cancelled run
// is dropped; finished() reports the cancellation at once).
class ZidInventorySync : public QObject
{
    Q_OBJECT
public:
    ZidInventorySync(ZidentityService *service, TenantStore *store, QObject *parent = nullptr);
    ~ZidInventorySync() override;

    // The profile id a sync of the tenant is made with, or empty (then *why says so).
    QString adminFor(const QString &tenantId, QString *why = nullptr) const;

    // False (and finished() is not emitted) when a sync runs or the tenant has no admin profile.
    bool start(const QString &tenantId, QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_cancel != nullptr; }
    QString runningTenant() const { return m_tenantId; }

signals:
    void progress(qint64 done, qint64 total);
    // result.error.kind == ErrorKind::Cancelled after cancel().
    void finished(const zc::ZidentityService::SyncResult &result);

private:
    ZidentityService *m_service;
    TenantStore *m_store;
    std::shared_ptr<CancelToken> m_cancel;
    QString m_tenantId;
    quint64 m_run = 0;
};

} // namespace zc
