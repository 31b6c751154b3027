#pragma once

#include "TablePage.h"
#include "services/ZidentityService.h"

class QLabel;
class QPushButton;
class QTimer;

namespace zc {

class MessageBar;
class RotationWizard;
class ZidClientDialog;
class ZidInventoryModel;
class ZidInventorySync;

// The active tenant's ZIdentity API clients (issue 12): the last synced inventory (shown offline
// from zid-inventory.json) beside the tenant's oneapi-* profiles, linked by client id. Sync
// (F5; progress and Cancel in the message bar, failures there too), the age of the last sync,
// the filter box (name, client id, profile), sorted by days left. From a remote-only row
// "Create local profile…" opens the API-client dialog pre-filled; a linked row's profile can be
// edited; "Delete remote client…" asks first (the tenant's name typed on protected tenants).
// Nothing secret is shown: secrets are counted and dated.
class ZidInventoryPage : public TablePage
{
    Q_OBJECT
public:
    explicit ZidInventoryPage(AppServices *services, QWidget *parent = nullptr);
    ~ZidInventoryPage() override;

    ZidInventoryModel *model() const { return m_model; }
    MessageBar *messageBar() const { return m_bar; }
    QString syncAgeText() const;
    bool isSyncing() const;

    void setActiveTenant(const QString &tenantId);
    QString activeTenant() const { return m_tenantId; }

    bool canAdd() const override;
    bool canEdit() const override;
    bool canDelete() const override;
    bool canRotate() const;
    // A remote row, its admin known, no sync running: the remote client can be edited or deleted.
    bool canEditRemote() const;
    // The profile a rotation of the current row renews and the admin it is made with.
    QString rotationProfile() const;
    QString rotationAdmin() const;

public slots:
    void sync();
    void cancelSync();
    // Re-reads zid-inventory.json (a sync by the CLI or another window) and shows it.
    void reloadCache();
    void addItem() override;       // Create local profile… (remote-only row)
    void editCurrent() override;   // Edit the linked / local profile
    void deleteCurrent() override; // Delete the remote client (asks first)
    void rotateCurrent();          // Rotate secret… / key pair… (RotationWizard)
    void newRemoteClient();        // New client… on the server (ZidClientDialog)
    void acknowledgeRemoteChange(); // a "remote changed" row: its change was looked at
    void editRemoteClient();       // Edit client… on the server (the remote row's client)

signals:
    // A sync finished and the cache holds its inventory.
    void inventorySynced(const QString &tenantId);
    // The rotation wizard was opened (tests drive it).
    void rotationWizardOpened(zc::RotationWizard *wizard);
    void clientDialogOpened(zc::ZidClientDialog *dialog);

protected:
    void fillContextMenu(QMenu *menu) override;
    QString emptyText() const override;

private:
    void reload();
    void updateSyncState();
    void onSyncFinished(const ZidentityService::SyncResult &result);
    void showBar(int type, const QString &text, bool busy = false);
    int currentSourceRow() const;
    QString tenantName() const;

    ZidInventoryModel *m_model;
    ZidInventorySync *m_sync;
    MessageBar *m_bar = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_age = nullptr;
    QPushButton *m_syncButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_rotateButton = nullptr;
    QPushButton *m_newRemoteButton = nullptr;
    QPushButton *m_editRemoteButton = nullptr;
    QTimer *m_ageTimer = nullptr;
    QString m_tenantId;
};

} // namespace zc
