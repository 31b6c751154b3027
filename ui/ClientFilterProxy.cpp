#include "ClientFilterProxy.h"

// ApiClientTableModel.h holds a QPointer<TokenStatusSource> with only a forward declaration:
// the complete type must come first (see the report to the models owner).
#include "core/TokenStatusSource.h"
#include "models/ApiClientTableModel.h"

namespace zc {

ClientFilterProxy::ClientFilterProxy(QObject *parent)
    : TableFilterProxy(parent)
{
}

void ClientFilterProxy::setTenantFilter(const QString &tenantId)
{
    if (tenantId == m_tenantId)
        return;
    m_tenantId = tenantId;
    invalidateRowsFilter();
}

bool ClientFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_tenantId.isEmpty()) {
        const auto *m = qobject_cast<const ApiClientTableModel *>(sourceModel());
        if (m && sourceRow < m->rowCount() && m->clientAt(sourceRow).tenantId != m_tenantId)
            return false;
    }
    return TableFilterProxy::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace zc
