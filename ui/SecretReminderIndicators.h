#pragma once

#include "core/Clock.h"
#include "core/SecretReminders.h"

#include <QObject>
#include <memory>

class QLabel;
class QListWidgetItem;
class QSettings;
class QStatusBar;

namespace zc {

class ReminderLedger;
class SecretReminderTracker;
class TenantStore;
class TrayNotifier;
class ZidInventoryCache;

// What the main window shows of the secret-expiry reminders (issue 12): a badge with the count
// on the sidebar's API Clients section, "N secrets expire within 30 days" in the status bar and
// one tray notification per reminder (SecretReminderTracker tells each once, across restarts).
// It reads the cached inventory file of the config folder (zid-inventory.json, written by a
// sync in the CLI or the GUI) through the services' cache: call reload() after it was re-read. Lead days from the
// setting "reminders/leadDays" ("30,7,1"; bad or missing: the default).
class SecretReminderIndicators : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *LeadDaysKey = "reminders/leadDays";

    // `cache`: the services' inventory cache (the ZIdentity page reloads it from the folder).
    SecretReminderIndicators(TenantStore *store, ZidInventoryCache *cache, const QString &configDir, QSettings *settings,
                             QStatusBar *statusBar, QListWidgetItem *clientsItem, TrayNotifier *tray,
                             Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~SecretReminderIndicators() override;

    SecretReminderTracker *tracker() const { return m_tracker; }
    QString text() const;

public slots:
    // Re-reads the inventory file and checks again.
    void reload();

private:
    void onSummary(int expiring, int expired);
    void onReminders(const QList<zc::Reminder> &reminders);

    ZidInventoryCache *m_cache;
    std::unique_ptr<ReminderLedger> m_ledger;
    SecretReminderTracker *m_tracker;
    QLabel *m_label;
    QListWidgetItem *m_item;
    TrayNotifier *m_tray;
};

} // namespace zc
