#pragma once

#include <QSortFilterProxyModel>

namespace zc {

// Sorts by SortRole and keeps the rows whose FilterRole text, in any column, contains every
// word of the filter text (case-insensitive).
class TableFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TableFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace zc
