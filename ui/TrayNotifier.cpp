#include "TrayNotifier.h"

#include "Icons.h"

#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace zc {

TrayNotifier::TrayNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_menu = new QMenu(window);
    m_menu->addAction(tr("&Show zconsole"), this, [this] {
        if (!m_window)
            return;
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    m_menu->addSeparator();
    m_menu->addAction(Icons::get(QStringLiteral("quit")), tr("&Quit"), this, &TrayNotifier::quitRequested);
    m_tray = new QSystemTrayIcon(Icons::get(QStringLiteral("zconsole")), this);
    m_tray->setToolTip(tr("zconsole"));
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (m_window && (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)) {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        }
    });
    m_tray->show();
}

TrayNotifier::~TrayNotifier()
{
    if (m_tray)
        m_tray->hide();
}

void TrayNotifier::notify(const QString &title, const QString &text)
{
    m_last = title + QStringLiteral(": ") + text;
    ++m_count;
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
    emit notified(title, text);
}

void TrayNotifier::setToolTip(const QString &text)
{
    if (m_tray)
        m_tray->setToolTip(text);
}

} // namespace zc
