#pragma once

#include "services/ZidClientRules.h"
#include "services/ZidClientSetup.h"

#include <QDialog>
#include <memory>

class QLabel;
class QLineEdit;

namespace Ui {
class ZidClientDialog;
}

namespace zc {

class AppServices;

// Creates or edits one remote ZIdentity API client (ZidentityApi through ZidentityService) with
// the rules of the Admin Portal (ZidClientRules: name, token lifetime 1 min–24 h in minutes, one
// role per service from the resource servers, authentication by a secret of 30–365 days, a key
// pair made here, an uploaded PEM public key or an https JWKS URL); Save stays disabled while a
// rule is broken. A new client with a secret or a key pair gets a working local profile
// (ZidClientSetup): the secret straight into the keychain of a new profile or of an existing one
// without a secret, then shown once (SecretOnceDialog, Copy clears the clipboard after 30 s); the
// private key only ever in the keychain. An edit reads the client first and sends a full update
// that is refused when the client changed on the server meanwhile: the other side is shown, the
// edits kept, and Reload takes the server's version. Protected tenants ask for the typed name.
class ZidClientDialog : public QDialog
{
    Q_OBJECT
public:
    ZidClientDialog(AppServices *services, const QString &tenantId, const QString &adminId,
                    const QString &remoteId = {}, QWidget *parent = nullptr);
    ~ZidClientDialog() override;

    bool isNew() const { return m_remoteId.isEmpty(); }
    bool isLoaded() const { return m_clientLoaded && m_serversLoaded; }
    bool isBusy() const { return m_busy; }
    bool hasConflict() const { return m_conflict; }
    ZidClientRules::Draft draft() const;
    ValidationIssues currentIssues() const;
    QString messageText() const;
    QString errorText(const QString &field) const;
    // Chooses a role for a service in the resources table ("" = none).
    bool chooseScope(const QString &serviceId, const QString &scopeId);
    void reloadFromServer();

public slots:
    void accept() override;
    void reject() override;

signals:
    // The client was created or updated on the server (profileId: the local profile made, if any).
    void saved(const QString &remoteId, const QString &profileId);
    // A new secret was made: it is shown once (tests read it here; the dialog keeps no copy).
    void secretShown(QWidget *onceDialog);

private:
    void fillForm(const ZidClientRules::Draft &d);
    // One row per service of the resource servers, each with the role `chosen` for it (service id → scope id).
    void fillServers(const QHash<QString, QString> &chosen);
    void fillProfiles();
    void showKeptRoles();
    void revalidate();
    void updateAuthRows();
    void choosePem();
    void setBusy(bool busy, const QString &text = {});
    void send();
    void onSetupDone(const ZidClientSetup::Result &r);
    void showMessage(const QString &text, bool error);
    bool isProtected() const;
    QString tenantName() const;

    std::unique_ptr<Ui::ZidClientDialog> m_ui;
    AppServices *m_services;
    QString m_tenantId;
    QString m_adminId;
    QString m_remoteId;
    QList<ZidResourceServer> m_servers;
    ZidApiClient m_asRead;
    QByteArray m_pem;
    bool m_clientLoaded = false;
    bool m_serversLoaded = false;
    bool m_busy = false;
    bool m_conflict = false;
    QMetaObject::Connection m_stepConnection;
};

// Shows a new secret once: the value (selectable), where it is kept, and Copy, which puts it on
// the clipboard and clears it again after 30 s (SecretClipboard). The field is emptied when the
// dialog closes.
class SecretOnceDialog : public QDialog
{
    Q_OBJECT
public:
    SecretOnceDialog(const QString &secret, const QString &where, QWidget *parent = nullptr);
    ~SecretOnceDialog() override;
    QString shownSecret() const;
    void copy();

protected:
    void done(int r) override;

private:
    QLineEdit *m_value;
    QLabel *m_copied;
};

} // namespace zc
