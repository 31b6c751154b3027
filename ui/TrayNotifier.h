#pragma once

#include <QObject>
#include <QPointer>

class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace zc {

// The tray icon (when the desktop has a system tray) with Show / Quit, and notifications such as
// "Activation completed". Without a tray the notification still goes out as the notified()
// signal (the main window shows it in its status bar) and is kept as lastNotification().
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(QWidget *window, QObject *parent = nullptr);
    ~TrayNotifier() override;

    bool hasTray() const { return m_tray != nullptr; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QString lastNotification() const { return m_last; }
    int notificationCount() const { return m_count; }

public slots:
    void notify(const QString &title, const QString &text);
    void setToolTip(const QString &text);

signals:
    void notified(const QString &title, const QString &text);
    void quitRequested();

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QString m_last;
    int m_count = 0;
};

} // namespace zc
