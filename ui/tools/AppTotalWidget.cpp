#include "AppTotalWidget.h"

#include "services/AppServices.h"
#include "ClientCombo.h"
#include "Icons.h"
#include "MessageBar.h"
#include "services/ToolsService.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>

namespace zc {

namespace {
QString riskColor(const QString &risk)
{
    const QString r = risk.toUpper();
    if (r == QLatin1String("CRITICAL"))
        return QStringLiteral("#7f1d1d");
    if (r == QLatin1String("HIGH"))
        return QStringLiteral("#c62828");
    if (r == QLatin1String("MEDIUM"))
        return QStringLiteral("#d97706");
    if (r == QLatin1String("LOW"))
        return QStringLiteral("#2e7d32");
    return QStringLiteral("#6b7280");
}
} // namespace

AppTotalWidget::AppTotalWidget(AppServices *services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_client(new ClientCombo(services->store(), [](const ApiClient &c) { return ToolsService::isAppTotalKind(c.kind); }, this))
    , m_appId(new QLineEdit(this))
    , m_lookup(new QPushButton(Icons::get(QStringLiteral("search")), tr("&Look up"), this))
    , m_quota(new QLabel(this))
    , m_details(new QWidget(this))
    , m_name(new QLabel(m_details))
    , m_risk(new QLabel(m_details))
    , m_score(new QLabel(m_details))
    , m_publisher(new QLabel(m_details))
    , m_more(new QLabel(m_details))
    , m_permissions(new QTableWidget(0, 3, m_details))
    , m_result(new MessageBar(MessageBar::Type::Info, QString(), this))
{
    setObjectName(QStringLiteral("appTotalWidget"));
    m_client->setObjectName(QStringLiteral("appTotalClient"));
    m_client->setEmptyText(tr("(no apptotal-key or oneapi-* API client)"));
    m_client->setMaximumWidth(460);
    m_appId->setObjectName(QStringLiteral("appTotalAppId"));
    m_appId->setPlaceholderText(tr("App id, e.g. 100001"));
    m_appId->setClearButtonEnabled(true);
    m_appId->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9._:-]{1,128}")), m_appId));
    m_lookup->setObjectName(QStringLiteral("appTotalLookup"));
    m_lookup->setToolTip(tr("Look the app up in the AppTotal catalogue (each lookup spends one call of the daily quota)"));
    m_quota->setObjectName(QStringLiteral("appTotalQuota"));
    m_name->setObjectName(QStringLiteral("appTotalName"));
    m_risk->setObjectName(QStringLiteral("appTotalRisk"));
    m_score->setObjectName(QStringLiteral("appTotalScore"));
    QFont f = m_name->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    m_name->setFont(f);
    for (QLabel *l : {m_name, m_publisher, m_more, m_score})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_more->setWordWrap(true);
    m_permissions->setObjectName(QStringLiteral("appTotalPermissions"));
    m_permissions->setHorizontalHeaderLabels({tr("Permission"), tr("Risk"), tr("Description")});
    m_permissions->horizontalHeader()->setStretchLastSection(true);
    m_permissions->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_permissions->verticalHeader()->hide();
    m_permissions->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_permissions->setWordWrap(false);
    m_permissions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_permissions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_permissions->setAlternatingRowColors(true);
    m_permissions->setShowGrid(false);
    m_result->setObjectName(QStringLiteral("appTotalResultBar"));
    m_result->hide();

    auto *clientLabel = new QLabel(tr("API &client:"), this);
    clientLabel->setBuddy(m_client);
    auto *idLabel = new QLabel(tr("App &id:"), this);
    idLabel->setBuddy(m_appId);
    auto *row = new QHBoxLayout;
    row->addWidget(clientLabel);
    row->addWidget(m_client, 1);
    row->addSpacing(12);
    row->addWidget(idLabel);
    row->addWidget(m_appId);
    row->addWidget(m_lookup);
    row->addStretch(0);

    auto *form = new QFormLayout;
    form->addRow(tr("Risk:"), m_risk);
    form->addRow(tr("Score:"), m_score);
    form->addRow(tr("Publisher:"), m_publisher);
    form->addRow(tr("Details:"), m_more);
    auto *dcol = new QVBoxLayout(m_details);
    dcol->setContentsMargins(0, 8, 0, 0);
    dcol->addWidget(m_name);
    dcol->addLayout(form);
    dcol->addWidget(new QLabel(tr("Permissions the app asks for:"), m_details));
    dcol->addWidget(m_permissions, 1);
    m_details->hide();

    auto *col = new QVBoxLayout(this);
    col->setContentsMargins(8, 8, 8, 8);
    col->addLayout(row);
    col->addWidget(m_quota);
    col->addWidget(m_result);
    col->addWidget(m_details, 1);
    col->addStretch(0);

    connect(m_lookup, &QPushButton::clicked, this, &AppTotalWidget::lookup);
    connect(m_appId, &QLineEdit::returnPressed, this, &AppTotalWidget::lookup);
    connect(m_appId, &QLineEdit::textChanged, this, &AppTotalWidget::updateButtons);
    connect(m_client, &ClientCombo::clientChanged, this, [this](const QString &id) {
        m_quota->setText(id.isEmpty() ? QString() : tr("Remaining quota today: unknown until the first lookup."));
        if (!id.isEmpty())
            m_services->tools()->reportQuota(id);
        updateButtons();
    });
    connect(services->tools(), &ToolsService::appTotalFinished, this, &AppTotalWidget::onFinished);
    connect(services->tools(), &ToolsService::quotaKnown, this, &AppTotalWidget::onQuota);
    if (!m_client->currentClientId().isEmpty())
        m_services->tools()->reportQuota(m_client->currentClientId());
    updateButtons();
}

QString AppTotalWidget::quotaText() const { return m_quota->text(); }
QString AppTotalWidget::riskText() const { return m_risk->text(); }
QString AppTotalWidget::scoreText() const { return m_score->text(); }
QString AppTotalWidget::appNameText() const { return m_name->text(); }
int AppTotalWidget::permissionCount() const { return m_permissions->rowCount(); }

void AppTotalWidget::updateButtons()
{
    m_lookup->setEnabled(!m_busy && !m_client->currentClientId().isEmpty() && !m_appId->text().trimmed().isEmpty());
}

void AppTotalWidget::lookup()
{
    const QString client = m_client->currentClientId();
    const QString id = m_appId->text().trimmed();
    if (!m_lookup->isEnabled() || client.isEmpty() || id.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    m_result->setType(MessageBar::Type::Info);
    m_result->setText(tr("Looking up app %1…").arg(id));
    m_result->setBusy(true);
    m_result->show();
    m_services->tools()->appTotalLookup(client, id);
}

void AppTotalWidget::onFinished(const QString &clientId, const QString &appId, const AppTotalReply &r)
{
    if (clientId != m_client->currentClientId() || !m_busy)
        return;
    m_busy = false;
    m_result->setBusy(false);
    updateButtons();
    if (!r.ok()) {
        m_details->hide();
        m_result->setType(r.notFound ? MessageBar::Type::Warning : MessageBar::Type::Error);
        m_result->setText(r.notFound ? tr("The AppTotal catalogue has no app with the id %1.").arg(appId)
                                     : tr("Lookup of app %1 failed: %2").arg(appId, r.error.message));
        emit statusMessage(m_result->text());
        return;
    }
    m_result->hide();
    showApp(r.app);
    emit statusMessage(tr("AppTotal: %1, risk %2").arg(r.app.name, r.app.risk));
}

void AppTotalWidget::showApp(const AppTotalApp &a)
{
    m_name->setText(tr("%1  (id %2)").arg(a.name, a.id));
    const QString risk = a.risk.isEmpty() ? tr("not given") : a.risk.toUpper();
    m_risk->setText(risk);
    m_risk->setStyleSheet(QStringLiteral("background: %1; color: white; font-weight: bold; border-radius: 3px; "
                                         "padding: 1px 8px;")
                              .arg(riskColor(a.risk)));
    m_risk->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    m_score->setText(a.score >= 0 ? tr("%1 / 100").arg(a.score) : tr("not given"));
    m_publisher->setText(a.publisher.isEmpty() ? tr("—") : a.publisher);
    QStringList more;
    if (!a.platform.isEmpty())
        more << tr("Platform: %1").arg(a.platform);
    more << (a.verified ? tr("verified publisher") : tr("publisher not verified"));
    if (a.consentedUsers >= 0)
        more << tr("%1 consented users").arg(QLocale().toString(a.consentedUsers));
    if (!a.categories.isEmpty())
        more << tr("Categories: %1").arg(a.categories.join(QStringLiteral(", ")));
    m_more->setText(more.join(QStringLiteral(" · ")));
    m_permissions->setRowCount(int(a.permissions.size()));
    for (int i = 0; i < a.permissions.size(); ++i) {
        const AppTotalPermission &p = a.permissions[i];
        m_permissions->setItem(i, 0, new QTableWidgetItem(p.name));
        auto *riskItem = new QTableWidgetItem(p.risk);
        riskItem->setForeground(QColor(riskColor(p.risk)));
        m_permissions->setItem(i, 1, riskItem);
        auto *desc = new QTableWidgetItem(p.description);
        desc->setToolTip(p.description);
        m_permissions->setItem(i, 2, desc);
    }
    m_permissions->resizeColumnToContents(0);
    m_permissions->resizeColumnToContents(1);
    m_details->show();
}

void AppTotalWidget::onQuota(const QString &clientId, int remaining, const QDateTime &resetsUtc)
{
    if (clientId != m_client->currentClientId())
        return;
    const QString resets = resetsUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (remaining < 0)
        m_quota->setText(tr("Remaining quota today: unknown until the first lookup."));
    else if (remaining == 0)
        m_quota->setText(tr("Daily quota spent: no request is sent until it resets (%1).").arg(resets));
    else
        m_quota->setText(tr("Remaining quota today: %1 lookups (resets %2).").arg(remaining).arg(resets));
    m_quota->setStyleSheet(remaining == 0 ? QStringLiteral("color: #b91c1c; font-weight: bold;") : QString());
}

} // namespace zc
