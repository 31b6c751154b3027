#pragma once

#include "core/ApiClient.h"
#include "core/TokenStatusSource.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace zc {

class TenantDirectory;

// API-client profiles of a TenantDirectory (the TenantStore), one row each (no secret values:
// only whether each secret is stored, from the config, so listing never touches the keychain).
class ApiClientTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // State, ExpiresIn and LastError come from a TokenStatusSource (setTokenSource); empty without.
    enum Column { Name, Tenant, Kind, Identity, Secrets, Endpoint, Modified, State, ExpiresIn, LastError, ColumnCount };

    explicit ApiClientTableModel(TenantDirectory *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const ApiClient &clientAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;

    // Feeds the token columns (session/TokenTracker). The countdown column is refreshed once per
    // second with one dataChanged over that column only.
    void setTokenSource(TokenStatusSource *source);
    TokenStatusSource *tokenSource() const { return m_tokens; }

    // "secret ✓", "password ✓ · api-key missing"
    static QString secretSummary(const ApiClient &c);

private:
    void reload();
    QString tenantName(const QString &tenantId) const;

    QVariant tokenData(const ApiClient &c, int column, int role) const;

    TenantDirectory *m_store;
    QList<ApiClient> m_rows;
    QPointer<TokenStatusSource> m_tokens;
};

} // namespace zc
