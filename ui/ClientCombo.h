#pragma once

#include "core/ApiClient.h"

#include <QComboBox>
#include <functional>

namespace zc {

class TenantStore;

// A combo box of API clients that pass a filter (e.g. "speaks ZIA"), of one tenant or of all
// (then shown as "client — tenant"), following the store's changes and keeping the choice when
// it can. Empty with a hint item when no client fits.
class ClientCombo : public QComboBox
{
    Q_OBJECT
public:
    using Filter = std::function<bool(const ApiClient &)>;

    ClientCombo(TenantStore *store, Filter filter, QWidget *parent = nullptr);

    void setTenant(const QString &tenantId); // empty: every tenant
    QString tenant() const { return m_tenantId; }
    void setEmptyText(const QString &text);

    QString currentClientId() const;
    bool setCurrentClientId(const QString &clientId);
    int clientCount() const;

signals:
    void clientChanged(const QString &clientId);

private:
    void rebuild();

    TenantStore *m_store;
    Filter m_filter;
    QString m_tenantId;
    QString m_emptyText;
    QString m_last;
    bool m_rebuilding = false;
};

} // namespace zc
