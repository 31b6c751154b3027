#pragma once

#include <QWidget>

class QSettings;
class QTabWidget;

namespace zc {

class AppServices;
class AppTotalWidget;
class SaasIncidentsWidget;

// Tools that are not tied to one tenant's configuration: AppTotal app lookup and the SaaS
// Security incidents read.
class ToolsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ToolsPage(AppServices *services, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    AppTotalWidget *appTotal() const { return m_appTotal; }
    SaasIncidentsWidget *saas() const { return m_saas; }

    void saveState(QSettings *settings) const;
    void restoreState(QSettings *settings);

signals:
    void statusMessage(const QString &text);

private:
    QTabWidget *m_tabs;
    AppTotalWidget *m_appTotal;
    SaasIncidentsWidget *m_saas;
};

} // namespace zc
