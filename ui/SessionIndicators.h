#pragma once

#include <QObject>

class QLabel;
class QListWidgetItem;
class QStatusBar;
class QWidget;

namespace zc {

class AppServices;
class TenantBanner;
class TrayNotifier;

// What the main window shows of the background session outside the pages: the token summary
// in the status bar ("12 tokens valid · 1 expiring · 2 errors"), the ZIA activation badge on
// the sidebar's ZIA section and in the status bar, and the tray icon with a notification when
// an activation completes.
class SessionIndicators : public QObject
{
    Q_OBJECT
public:
    SessionIndicators(AppServices *services, QStatusBar *statusBar, QListWidgetItem *ziaItem, QWidget *window,
                      QObject *parent = nullptr);

    QString tokensText() const;
    QString ziaText() const;
    QString ziaBadge() const;
    TrayNotifier *tray() const { return m_tray; }
    // Shows the active tenant's ZIA state on the banner too.
    void setBanner(TenantBanner *banner);

signals:
    void statusMessage(const QString &text);

private:
    void updateTokens();
    void updateZia();
    void updateBanner();
    void onActivationCompleted(const QString &tenantId, const QString &tenantName);

    AppServices *m_services;
    QListWidgetItem *m_ziaItem;
    QLabel *m_tokens;
    QLabel *m_zia;
    TrayNotifier *m_tray;
    TenantBanner *m_banner = nullptr;
};

} // namespace zc
