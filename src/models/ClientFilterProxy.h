#pragma once

#include "core/TokenStatus.h"
#include "models/TableFilterProxy.h"

#include <QColor>
#include <QIcon>
#include <functional>

namespace zc {

// TableFilterProxy over an ApiClientTableModel that can also keep only one tenant's clients,
// and dresses the token columns: a dot per state (setTokenDecoration: the GUI's TokenStyle),
// the last error in the error colour.
class ClientFilterProxy : public TableFilterProxy
{
    Q_OBJECT
public:
    using StateIcon = std::function<QIcon(TokenState)>;

    explicit ClientFilterProxy(QObject *parent = nullptr);

    // Empty: all tenants.
    void setTenantFilter(const QString &tenantId);
    QString tenantFilter() const { return m_tenantId; }

    // Without it the token columns are plain text.
    void setTokenDecoration(StateIcon stateIcon, const QColor &errorColor);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_tenantId;
    StateIcon m_stateIcon;
    QColor m_errorColor;
};

} // namespace zc
