#include "models/ClientFilterProxy.h"

// ApiClientTableModel.h holds a QPointer<TokenStatusSource> with only a forward declaration:
// the complete type must come first.
#include "core/TokenStatusSource.h"
#include "models/ApiClientTableModel.h"
#include "models/ModelRoles.h"

#include <utility>

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

void ClientFilterProxy::setTokenDecoration(StateIcon stateIcon, const QColor &errorColor)
{
    m_stateIcon = std::move(stateIcon);
    m_errorColor = errorColor;
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

QVariant ClientFilterProxy::data(const QModelIndex &index, int role) const
{
    if (index.isValid() && (role == Qt::DecorationRole || role == Qt::ForegroundRole)) {
        const int col = mapToSource(index).column();
        const auto *m = qobject_cast<const ApiClientTableModel *>(sourceModel());
        if (m && m->tokenSource()) {
            if (col == ApiClientTableModel::State && role == Qt::DecorationRole && m_stateIcon) {
                const QVariant v = index.data(SortRole);
                if (v.typeId() == QMetaType::Int)
                    return m_stateIcon(TokenState(v.toInt()));
            }
            if (col == ApiClientTableModel::LastError && role == Qt::ForegroundRole
                && m_errorColor.isValid())
                return m_errorColor;
        }
    }
    return TableFilterProxy::data(index, role);
}

} // namespace zc
