#include "ZiaPage.h"

#include "services/AppServices.h"
#include "SettingsKeys.h"
#include "BadgeDelegate.h"
#include "Icons.h"
#include "MessageBar.h"
#include "TableView.h"
#include "UrlCategoryWidget.h"
#include "UrlLookupWidget.h"
#include "ZiaStatusPanel.h"
#include "ZiaStyle.h"
#include "ZiaTenantModel.h"
#include "services/ZiaService.h"
#include "store/TenantStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace zc {

ZiaPage::ZiaPage(AppServices *services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_summary(new QLabel(this))
    , m_readOnly(new MessageBar(MessageBar::Type::Warning, QString(), this))
    , m_model(new ZiaTenantModel(services->store(), services->zia(), this))
    , m_view(new TableView(this))
    , m_panel(new ZiaStatusPanel(services, this))
    , m_tabs(new QTabWidget(this))
    , m_categories(new UrlCategoryWidget(services, m_tabs))
    , m_lookup(new UrlLookupWidget(services, m_tabs))
    , m_split(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("ziaPage"));
    setAccessibleName(tr("ZIA"));
    auto *title = new QLabel(tr("ZIA"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(true);
    title->setFont(f);
    m_summary->setObjectName(QStringLiteral("ziaSummary"));
    QPalette dim = m_summary->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::Disabled, QPalette::WindowText).darker(130));
    m_summary->setPalette(dim);
    m_readOnly->setObjectName(QStringLiteral("ziaReadOnlyBar"));
    m_readOnly->setClosable(false);
    m_readOnly->hide();

    m_view->setObjectName(QStringLiteral("ziaTenantTable"));
    m_view->setAccessibleName(tr("ZIA tenants"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(false); // ordered by name
    m_view->setItemDelegateForColumn(ZiaTenantModel::StateColumn,
                                     new BadgeDelegate(ZiaTenantModel::BadgeColorRole, m_view));
    m_view->setInitialColumnWidths({16, 11, 17, 9});
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setEmptyText(tr("No ZIA tenant yet.\nA tenant appears here once it has an API client of kind "
                            "zia-legacy, zia-oauth or oneapi-* (API Clients page)."));
    m_view->setMinimumWidth(320);

    m_tabs->setObjectName(QStringLiteral("ziaTabs"));
    m_tabs->addTab(m_categories, Icons::get(QStringLiteral("edit")), tr("URL &categories"));
    m_tabs->addTab(m_lookup, Icons::get(QStringLiteral("search")), tr("URL &lookup"));
    m_tabs->setDocumentMode(true);

    auto *top = new QWidget(this);
    auto *topRow = new QHBoxLayout(top);
    topRow->setContentsMargins(0, 0, 0, 0);
    topRow->addWidget(m_view, 2);
    topRow->addWidget(m_panel, 3);
    m_split->addWidget(top);
    m_split->addWidget(m_tabs);
    m_split->setChildrenCollapsible(false);
    m_split->setStretchFactor(1, 1);

    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addSpacing(12);
    head->addWidget(m_summary, 1);
    auto *col = new QVBoxLayout(this);
    col->setContentsMargins(12, 10, 12, 8);
    col->addLayout(head);
    col->addWidget(m_readOnly);
    col->addWidget(m_split, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ZiaPage::onCurrentRow);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!selectTenant(m_tenantId) && m_model->rowCount() > 0)
            selectTenant(m_model->tenantAt(0));
        else if (m_model->rowCount() == 0)
            onCurrentRow();
        updateSummary();
    });
    connect(m_panel, &ZiaStatusPanel::clientChanged, this, [this](const QString &tenantId, const QString &clientId) {
        m_categories->setClient(tenantId, clientId);
        m_lookup->setClient(tenantId, clientId);
    });
    connect(m_panel, &ZiaStatusPanel::writableChanged, m_categories, &UrlCategoryWidget::setWritable);
    for (auto sig : {&ZiaStatusPanel::statusMessage})
        connect(m_panel, sig, this, &ZiaPage::statusMessage);
    connect(m_categories, &UrlCategoryWidget::statusMessage, this, &ZiaPage::statusMessage);
    connect(m_lookup, &UrlLookupWidget::statusMessage, this, &ZiaPage::statusMessage);
    ZiaService *zia = services->zia();
    connect(zia, &ZiaService::readOnlyChanged, this, &ZiaPage::updateReadOnly);
    connect(zia, &ZiaService::overallChanged, this, &ZiaPage::updateSummary);
    m_categories->setWritable(m_panel->writable());
    if (m_model->rowCount() > 0)
        selectTenant(m_model->tenantAt(0));
    updateSummary();
}

bool ZiaPage::selectTenant(const QString &tenantId)
{
    const int row = m_model->rowOf(tenantId);
    if (row < 0 || tenantId.isEmpty())
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->selectRow(row);
    if (m_tenantId != tenantId)
        onCurrentRow();
    return true;
}

void ZiaPage::setActiveTenant(const QString &tenantId)
{
    selectTenant(tenantId);
}

void ZiaPage::onCurrentRow()
{
    const QModelIndex cur = m_view->currentIndex();
    m_tenantId = cur.isValid() ? m_model->tenantAt(cur.row()) : QString();
    m_panel->setTenant(m_tenantId);
    updateReadOnly();
}

void ZiaPage::updateReadOnly()
{
    const bool ro = !m_tenantId.isEmpty() && m_services->zia()->isReadOnly(m_tenantId);
    if (ro) {
        const Tenant *t = m_services->store()->tenant(m_tenantId);
        m_readOnly->setText(tr("The ZIA API of tenant “%1” is in read-only mode (a scheduled upgrade): URL category "
                               "changes and activation are disabled until the mode ends. zconsole checks again by "
                               "itself; Refresh checks now.")
                                .arg(t ? t->name : m_tenantId));
    }
    m_readOnly->setVisible(ro);
    m_categories->setWritable(m_panel->writable());
}

void ZiaPage::updateSummary()
{
    ZiaService *zia = m_services->zia();
    const int tenants = int(zia->ziaTenants().size());
    QStringList parts;
    parts << (tenants == 1 ? tr("1 ZIA tenant") : tr("%1 ZIA tenants").arg(tenants));
    for (ZiaActivationState s : {ZiaActivationState::Pending, ZiaActivationState::InProgress, ZiaActivationState::Active}) {
        const int n = zia->countInState(s);
        if (n > 0)
            parts << tr("%1 %2").arg(n).arg(ziaActivationStateName(s));
    }
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

void ZiaPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!event->spontaneous())
        m_services->zia()->setPageVisible(true);
}

void ZiaPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (!event->spontaneous())
        m_services->zia()->setPageVisible(false);
}

void ZiaPage::saveState(QSettings *settings) const
{
    settings->setValue(settingskey::ziaSplitter(), m_split->saveState());
    settings->setValue(settingskey::ziaTab(), m_tabs->currentIndex());
    settings->setValue(settingskey::ziaTenant(), m_tenantId);
    m_lookup->resultView()->saveHeader(settings, settingskey::lookupHeader());
}

void ZiaPage::restoreState(QSettings *settings)
{
    if (!m_split->restoreState(settings->value(settingskey::ziaSplitter()).toByteArray()))
        m_split->setSizes({190, 520});
    m_tabs->setCurrentIndex(qBound(0, settings->value(settingskey::ziaTab(), 0).toInt(), m_tabs->count() - 1));
    selectTenant(settings->value(settingskey::ziaTenant()).toString());
    m_lookup->resultView()->restoreHeader(settings, settingskey::lookupHeader());
}

} // namespace zc
