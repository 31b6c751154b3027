#include "SaasIncidentsWidget.h"

#include "services/AppServices.h"
#include "ClientCombo.h"
#include "Icons.h"
#include "MessageBar.h"
#include "TableView.h"
#include "models/SaasIncidentModel.h"
#include "services/ToolsService.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace zc {

SaasIncidentsWidget::SaasIncidentsWidget(AppServices *services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_client(new ClientCombo(services->store(), [](const ApiClient &c) { return c.kind == AuthKind::SaasSecurity; }, this))
    , m_limit(new QSpinBox(this))
    , m_load(new QPushButton(Icons::get(QStringLiteral("refresh")), tr("&Load incidents"), this))
    , m_model(new SaasIncidentModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new TableView(this))
    , m_result(new MessageBar(MessageBar::Type::Info, QString(), this))
{
    setObjectName(QStringLiteral("saasIncidentsWidget"));
    m_client->setObjectName(QStringLiteral("saasClient"));
    m_client->setEmptyText(tr("(no saas-security API client)"));
    m_client->setMaximumWidth(460);
    m_limit->setRange(ToolsService::saasMinLimit(), ToolsService::saasMaxLimit());
    m_limit->setValue(50);
    m_limit->setAccessibleName(tr("Incidents at most"));
    m_load->setObjectName(QStringLiteral("saasLoad"));
    m_load->setToolTip(tr("Read the first page of incidents (GET /incident/api/incidents/delta)"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("saasIncidents"));
    m_view->setAccessibleName(tr("SaaS Security incidents"));
    m_view->setEmptyText(tr("Choose a saas-security API client and load its incidents."));
    m_view->setInitialColumnWidths({9, 9, 7, 20, 14, 22, 18, 10, 16});
    m_view->sortByColumn(SaasIncidentModel::Updated, Qt::DescendingOrder);
    m_result->setObjectName(QStringLiteral("saasResultBar"));
    m_result->hide();

    auto *clientLabel = new QLabel(tr("API &client:"), this);
    clientLabel->setBuddy(m_client);
    auto *limitLabel = new QLabel(tr("&At most:"), this);
    limitLabel->setBuddy(m_limit);
    auto *row = new QHBoxLayout;
    row->addWidget(clientLabel);
    row->addWidget(m_client, 1);
    row->addSpacing(12);
    row->addWidget(limitLabel);
    row->addWidget(m_limit);
    row->addWidget(m_load);
    row->addStretch(0);
    auto *col = new QVBoxLayout(this);
    col->setContentsMargins(8, 8, 8, 8);
    col->addLayout(row);
    col->addWidget(m_result);
    col->addWidget(m_view, 1);

    connect(m_load, &QPushButton::clicked, this, &SaasIncidentsWidget::load);
    connect(m_client, &ClientCombo::clientChanged, this, [this](const QString &id) { m_load->setEnabled(!id.isEmpty() && !m_busy); });
    connect(services->tools(), &ToolsService::saasFinished, this, &SaasIncidentsWidget::onFinished);
    m_load->setEnabled(!m_client->currentClientId().isEmpty());
}

void SaasIncidentsWidget::load()
{
    const QString client = m_client->currentClientId();
    if (client.isEmpty() || m_busy)
        return;
    m_busy = true;
    m_load->setEnabled(false);
    m_result->setType(MessageBar::Type::Info);
    m_result->setText(tr("Loading incidents…"));
    m_result->setBusy(true);
    m_result->show();
    m_services->tools()->saasIncidents(client, m_limit->value());
}

void SaasIncidentsWidget::onFinished(const QString &clientId, const SaasIncidentsReply &r)
{
    if (clientId != m_client->currentClientId() || !m_busy)
        return;
    m_busy = false;
    m_load->setEnabled(true);
    m_result->setBusy(false);
    const ApiClient *c = m_services->store()->client(clientId);
    const QString name = c ? c->name : clientId;
    if (!r.ok()) {
        m_result->setType(MessageBar::Type::Error);
        m_result->setText(tr("“%1”: loading the incidents failed: %2").arg(name, r.error.message));
    } else {
        m_model->setIncidents(r.incidents);
        m_result->setType(MessageBar::Type::Success);
        const int n = int(r.incidents.size());
        m_result->setText(n == 1 ? tr("“%1”: 1 incident loaded; the token works.").arg(name)
                                 : tr("“%1”: %2 incidents loaded; the token works.").arg(name).arg(n));
    }
    emit statusMessage(m_result->text());
}

} // namespace zc
