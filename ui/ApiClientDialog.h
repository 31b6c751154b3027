#pragma once

#include "FieldErrors.h"
#include "core/ApiClient.h"
#include "core/ApiError.h"

#include <QDialog>
#include <memory>

namespace Ui {
class ApiClientDialog;
}

namespace zc {

class ClientSecrets;
class SecretWriter;
class TenantStore;
struct Tenant;

// Adds or edits one API-client profile and, optionally, its secrets. The fields shown follow the
// auth kind (AuthKindInfo); every edit runs ApiClient::validateWithFiles(tenant) plus the
// name-uniqueness check, and OK stays disabled while anything is wrong.
// OK saves the profile (TenantStore::addClient/updateClient), then hands each filled secret input
// straight to ClientSecrets::setSecret and clears it. If the keychain fails, the dialog stays open,
// says that the profile was saved but the secret was not, and OK retries.
class ApiClientDialog : public QDialog
{
    Q_OBJECT
public:
    // Edits the client `clientId`, or adds a new one (for `defaultTenantId`) when it is empty.
    ApiClientDialog(ClientSecrets *secrets, const QString &clientId, const QString &defaultTenantId,
                    QWidget *parent = nullptr);
    ~ApiClientDialog() override;

    bool isNew() const { return m_original.id.isEmpty(); }
    // A new profile only: fills the form from `draft` (e.g. a remote ZIdentity client's kind, client
    // id and name); the secrets stay empty.
    void prefill(const ApiClient &draft);
    QString clientId() const { return m_original.id; }
    ApiClient clientFromForm() const;
    ValidationIssues currentIssues() const;
    QString errorText(const QString &field) const { return m_errors.shownText(field); }
    QString storeErrorText() const;
    QString hintText() const;
    // Whether the row of a profile field ("clientId", "username", "scope", "region", "tokenUrl",
    // "clientAuth", "baseUrl", "caFile") is shown for the current kind.
    bool isFieldShown(const QString &field) const;
    bool isBusy() const { return m_busy; }
    SecretWriter *secretWriter() const { return m_writer; }

public slots:
    void accept() override;
    void reject() override;

signals:
    void saved(const QString &clientId);

private:
    void fillForm(const ApiClient &c);
    void onKindChanged();
    void revalidate();
    void updatePlaceholders();
    void chooseCaFile();
    void onSecretsWritten(const QList<zc::SecretField> &stored, const zc::ApiError &error);
    void setBusy(bool busy);
    const Tenant *selectedTenant() const;
    QWidget *fieldWidget(const QString &field) const;

    std::unique_ptr<Ui::ApiClientDialog> m_ui;
    ClientSecrets *m_secrets;
    TenantStore *m_store;
    ApiClient m_original;
    SecretWriter *m_writer;
    FieldErrors m_errors;
    QString m_keychainError; // "saved, but the secret was not stored": stays until the next OK
    bool m_busy = false;
};

} // namespace zc
