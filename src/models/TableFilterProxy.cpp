#include "models/TableFilterProxy.h"

#include "models/ModelRoles.h"

namespace zc {

TableFilterProxy::TableFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void TableFilterProxy::setFilterText(const QString &text)
{
    QStringList words;
    for (const QString &w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        words << w.toCaseFolded();
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool TableFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QAbstractItemModel *m = sourceModel();
    QString hay;
    for (int c = 0; c < m->columnCount(sourceParent); ++c)
        hay += m->index(sourceRow, c, sourceParent).data(FilterRole).toString().toCaseFolded()
               + QLatin1Char('\x1f');
    for (const QString &w : m_words)
        if (!hay.contains(w))
            return false;
    return true;
}

} // namespace zc
