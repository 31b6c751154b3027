#include "ToolsPage.h"

#include "services/AppServices.h"
#include "SettingsKeys.h"
#include "AppTotalWidget.h"
#include "Icons.h"
#include "SaasIncidentsWidget.h"

#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace zc {

ToolsPage::ToolsPage(AppServices *services, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_appTotal(new AppTotalWidget(services, m_tabs))
    , m_saas(new SaasIncidentsWidget(services, m_tabs))
{
    setObjectName(QStringLiteral("toolsPage"));
    setAccessibleName(tr("Tools"));
    auto *title = new QLabel(tr("Tools"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(true);
    title->setFont(f);
    m_tabs->setObjectName(QStringLiteral("toolsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_appTotal, Icons::get(QStringLiteral("search")), tr("&AppTotal app lookup"));
    m_tabs->addTab(m_saas, Icons::get(QStringLiteral("warning")), tr("&SaaS Security incidents"));
    auto *col = new QVBoxLayout(this);
    col->setContentsMargins(12, 10, 12, 8);
    col->addWidget(title);
    col->addWidget(m_tabs, 1);
    connect(m_appTotal, &AppTotalWidget::statusMessage, this, &ToolsPage::statusMessage);
    connect(m_saas, &SaasIncidentsWidget::statusMessage, this, &ToolsPage::statusMessage);
}

void ToolsPage::saveState(QSettings *settings) const
{
    settings->setValue(settingskey::toolsTab(), m_tabs->currentIndex());
}

void ToolsPage::restoreState(QSettings *settings)
{
    m_tabs->setCurrentIndex(qBound(0, settings->value(settingskey::toolsTab(), 0).toInt(), m_tabs->count() - 1));
}

} // namespace zc
