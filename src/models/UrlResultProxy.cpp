#include "models/UrlResultProxy.h"

#include "models/UrlLookupTableModel.h"

#include <QColor>

namespace zc {

UrlResultProxy::UrlResultProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

QVariant UrlResultProxy::data(const QModelIndex &index, int role) const
{
    if (index.isValid() && (role == Qt::ForegroundRole || role == Qt::DecorationRole)) {
        const bool alert = index.data(UrlLookupTableModel::HasAlertRole).toBool();
        if (alert && role == Qt::ForegroundRole)
            return QColor(0xb9, 0x1c, 0x1c);
        if (alert && role == Qt::DecorationRole && index.column() == UrlLookupTableModel::AlertsColumn
            && !m_alertIcon.isNull())
            return m_alertIcon;
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace zc
