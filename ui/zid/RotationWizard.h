#pragma once

#include "core/ZidClient.h"
#include "services/SecretRotation.h"

#include <QWizard>

class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTreeWidget;

namespace zc {

class AppServices;

// Renews the secret of an oneapi-secret profile (or the key pair of an oneapi-jwt one) in three
// pages: what the server holds now (read fresh; with two secrets the admin must pick the one to
// delete first, since a third would silently replace the newest) and the new secret's validity;
// a confirmation naming the steps (the tenant's name typed on protected tenants); then the
// rotation itself (SecretRotation: create → keychain → token → delete the old), each step ticked
// as it runs, and the outcome: which step failed and that the keychain still holds a working
// credential. The wizard cannot be closed while the rotation runs; the journal finishes it at the
// next start if the process dies.
class RotationWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { PlanPage, ConfirmPage, RunPage };

    RotationWizard(AppServices *services, const QString &profileId, const QString &adminId, QWidget *parent = nullptr);
    ~RotationWizard() override;

    bool isRunning() const { return m_running; }
    bool hasResult() const { return m_hasResult; }
    const RotationResult &result() const { return m_result; }
    bool secretsRead() const { return m_secretsRead; }
    QList<ZidSecret> serverSecrets() const { return m_secrets; }
    QString resultText() const;
    QStringList stepsShown() const;

    // Test seams / keyboard-free use.
    QSpinBox *validitySpin() const { return m_validity; }
    QTreeWidget *secretsTree() const { return m_tree; }
    QLineEdit *typedNameEdit() const { return m_typed; }
    void chooseDeleteFirst(const QString &secretId);

    void reject() override;

signals:
    // The rotation ended (whatever the outcome); the inventory cache is up to date.
    void rotationFinished(const zc::RotationResult &result);

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;

private:
    class Page;
    QWizardPage *makePlanPage();
    QWizardPage *makeConfirmPage();
    QWizardPage *makeRunPage();
    void readSecrets();
    void start();
    void onStep(const QString &step);
    void onDone(const RotationResult &r);
    bool planComplete() const;
    bool confirmComplete() const;
    bool isJwt() const;
    QString tenantName() const;
    bool isProtected() const;

    AppServices *m_services;
    QString m_profileId;
    QString m_adminId;
    QString m_clientId;
    QList<ZidSecret> m_secrets;
    QString m_heldSecret; // the one the keychain holds, as far as is known
    bool m_secretsRead = false;
    QString m_deleteFirst;
    bool m_running = false;
    bool m_hasResult = false;
    RotationResult m_result;

    QLabel *m_planText = nullptr;
    QLabel *m_readState = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_twoNote = nullptr;
    QSpinBox *m_validity = nullptr;
    QLabel *m_confirmText = nullptr;
    QLabel *m_typedLabel = nullptr;
    QLineEdit *m_typed = nullptr;
    QListWidget *m_steps = nullptr;
    QLabel *m_outcome = nullptr;
    Page *m_plan = nullptr;
    Page *m_confirm = nullptr;
    Page *m_run = nullptr;
};

} // namespace zc
