#include "SecretReminderIndicators.h"

#include "SidebarDelegate.h"
#include "TrayNotifier.h"
#include "services/SecretReminderTracker.h"
#include "store/ReminderLedger.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <QColor>
#include <QLabel>
#include <QListWidgetItem>
#include <QSettings>
#include <QStatusBar>

namespace zc {

SecretReminderIndicators::SecretReminderIndicators(TenantStore *store, ZidInventoryCache *cache, const QString &configDir,
                                                   QSettings *settings,
                                                   QStatusBar *statusBar, QListWidgetItem *clientsItem,
                                                   TrayNotifier *tray, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_ledger(std::make_unique<ReminderLedger>(configDir))
    , m_tracker(new SecretReminderTracker(store, m_cache, m_ledger.get(), clock, this))
    , m_label(new QLabel(statusBar))
    , m_item(clientsItem)
    , m_tray(tray)
{
    m_label->setObjectName(QStringLiteral("secretRemindersLabel"));
    m_label->setContentsMargins(8, 0, 8, 0);
    m_label->setVisible(false);
    statusBar->insertPermanentWidget(0, m_label);
    if (settings) {
        const QString setting = settings->value(QLatin1String(LeadDaysKey)).toString();
        QString error;
        const QList<int> leads = SecretReminders::parseLeadDays(setting, &error);
        if (!leads.isEmpty())
            m_tracker->setLeadDays(leads);
    }
    connect(m_tracker, &SecretReminderTracker::summaryChanged, this, &SecretReminderIndicators::onSummary);
    connect(m_tracker, &SecretReminderTracker::remindersDue, this, &SecretReminderIndicators::onReminders);
    m_tracker->start();
}

SecretReminderIndicators::~SecretReminderIndicators()
{
    delete m_tracker; // before the cache and the ledger it reads
    m_tracker = nullptr;
}

QString SecretReminderIndicators::text() const { return m_label->text(); }

void SecretReminderIndicators::reload()
{
    m_tracker->refresh(); // a queued check: it reads the cache after whoever reloads it now
}

void SecretReminderIndicators::onSummary(int expiring, int expired)
{
    const int within = m_tracker->leadDays().isEmpty() ? 0 : m_tracker->leadDays().first();
    QStringList parts;
    if (expiring)
        parts << tr("%n secret(s) expire within %1 days", nullptr, expiring).arg(within);
    if (expired)
        parts << tr("%n expired", nullptr, expired);
    m_label->setText(parts.join(QStringLiteral(" · ")));
    m_label->setVisible(!parts.isEmpty());
    m_label->setStyleSheet(expired ? QStringLiteral("color: #b91c1c;") : QStringLiteral("color: #b45309;"));
    m_label->setToolTip(tr("API-client secrets by their cached expiry dates (synced inventory and profiles)."));
    if (m_item) {
        const int n = expiring + expired;
        m_item->setData(SidebarDelegate::BadgeRole, n ? QString::number(n) : QString());
        m_item->setData(SidebarDelegate::BadgeColorRole, QColor(expired ? 0xb91c1c : 0xb45309));
        m_item->setToolTip(n ? m_label->text() : QString());
    }
}

void SecretReminderIndicators::onReminders(const QList<zc::Reminder> &reminders)
{
    if (!m_tray)
        return;
    for (const Reminder &r : reminders)
        m_tray->notify(r.leadDays == 0 ? tr("API client secret expired") : tr("API client secret expires soon"),
                       SecretReminders::message(r));
}

} // namespace zc
