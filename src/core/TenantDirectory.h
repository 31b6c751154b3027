#pragma once

#include "core/ApiClient.h"
#include "core/Tenant.h"

#include <QList>
#include <QObject>
#include <QString>

namespace zc {

// The tenants and API-client profiles, read-only, with a signal after each saved change:
// what the models (and anything else that only shows them) need. store/TenantStore is the one
// implementation; readers depend on this interface, not on the store.
class TenantDirectory : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual const QList<Tenant> &tenants() const = 0;
    virtual const QList<ApiClient> &clients() const = 0;
    virtual const Tenant *tenant(const QString &id) const = 0;

signals:
    // Emitted after the change is saved, in order; an index is valid at the moment of its
    // event (replaying them on a copy of the lists keeps the copy in step). Models keep copies.
    void reset(); // everything may have changed (reload)
    void tenantInserted(int index);
    void tenantChanged(int index);
    void tenantRemoved(int index, const QString &id);
    void clientInserted(int index);
    void clientChanged(int index);
    void clientRemoved(int index, const QString &id);
};

} // namespace zc
