#include "ClientFilterProxy.h"

// ApiClientTableModel.h holds a QPointer<TokenStatusSource> with only a forward declaration:
// the complete type must come first (see the report to the models owner).
#include "core/TokenStatusSource.h"
#include "models/ApiClientTableModel.h"
#include "models/ModelRoles.h"
#include "tokens/TokenStyle.h"

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

namespace zc {

QVariant ClientFilterProxy::data(const QModelIndex &index, int role) const
{
    if (index.isValid() && (role == Qt::DecorationRole || role == Qt::ForegroundRole)) {
        const int col = mapToSource(index).column();
        const auto *m = qobject_cast<const ApiClientTableModel *>(sourceModel());
        if (m && m->tokenSource()) {
            if (col == ApiClientTableModel::State && role == Qt::DecorationRole) {
                const QVariant v = index.data(SortRole);
                if (v.typeId() == QMetaType::Int)
                    return TokenStyle::icon(TokenState(v.toInt()));
            }
            if (col == ApiClientTableModel::LastError && role == Qt::ForegroundRole)
                return TokenStyle::color(TokenState::Error);
        }
    }
    return TableFilterProxy::data(index, role);
}

} // namespace zc
