#include "ZiaStatusPanel.h"

#include "services/AppServices.h"
#include "ClientCombo.h"
#include "Confirm.h"
#include "Icons.h"
#include "MessageBar.h"
#include "ZiaStyle.h"
#include "services/TokenController.h"
#include "services/TokenTracker.h"
#include "services/ZiaService.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace zc {

ZiaStatusPanel::ZiaStatusPanel(AppServices *services, QWidget *parent)
    : QFrame(parent)
    , m_services(services)
    , m_name(new QLabel(this))
    , m_badge(new QLabel(this))
    , m_readOnlyBadge(new QLabel(tr("READ-ONLY"), this))
    , m_describe(new QLabel(this))
    , m_client(new ClientCombo(services->store(), [](const ApiClient &c) { return ZiaService::isZiaKind(c.kind); }, this))
    , m_session(new QLabel(this))
    , m_endSession(new QPushButton(Icons::get(QStringLiteral("quit")), tr("End session…"), this))
    , m_activate(new QPushButton(Icons::get(QStringLiteral("activate")), tr("&Activate…"), this))
    , m_refresh(new QPushButton(Icons::get(QStringLiteral("refresh")), tr("&Refresh"), this))
    , m_progressRow(new QWidget(this))
    , m_progress(new QProgressBar(m_progressRow))
    , m_progressText(new QLabel(m_progressRow))
    , m_stop(new QPushButton(Icons::get(QStringLiteral("stop")), tr("Stop &waiting"), m_progressRow))
    , m_result(new MessageBar(MessageBar::Type::Info, QString(), this))
{
    setObjectName(QStringLiteral("ziaStatusPanel"));
    setFrameShape(QFrame::StyledPanel);
    QFont f = m_name->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_name->setFont(f);
    m_name->setTextFormat(Qt::PlainText);
    m_badge->setObjectName(QStringLiteral("ziaBadge"));
    m_badge->setAccessibleName(tr("Activation status"));
    m_readOnlyBadge->setObjectName(QStringLiteral("ziaReadOnlyBadge"));
    m_readOnlyBadge->setStyleSheet(QStringLiteral("background: #b91c1c; color: white; font-weight: bold; "
                                                  "border-radius: 5px; padding: 4px 10px;"));
    m_readOnlyBadge->setToolTip(tr("The ZIA API is in read-only mode (a scheduled upgrade): changes and "
                                   "activation are refused until it ends."));
    m_readOnlyBadge->hide();
    m_describe->setWordWrap(true);
    m_describe->setTextFormat(Qt::PlainText);
    m_session->setObjectName(QStringLiteral("ziaSessionLabel"));
    m_session->setWordWrap(true);
    m_session->setTextFormat(Qt::PlainText);
    m_client->setObjectName(QStringLiteral("ziaClientCombo"));
    m_client->setAccessibleName(tr("API client for ZIA"));
    m_client->setEmptyText(tr("(the tenant has no ZIA API client)"));
    m_activate->setObjectName(QStringLiteral("activateButton"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_endSession->setObjectName(QStringLiteral("endSessionButton"));
    m_activate->setToolTip(tr("Put every pending change of the tenant into effect (asks first; cannot be undone)"));
    m_refresh->setToolTip(tr("Read the activation status now (F5)"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_endSession->setToolTip(tr("End the ZIA API session of this client. This ACTIVATES pending changes."));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_progressText->setObjectName(QStringLiteral("activationProgressText"));
    m_progressText->setWordWrap(true);
    m_stop->setToolTip(tr("Stop following the activation. An activation already sent goes on on the server."));
    m_result->setObjectName(QStringLiteral("activationResultBar"));
    m_result->hide();

    auto *head = new QHBoxLayout;
    head->addWidget(m_name);
    head->addWidget(m_badge, 0, Qt::AlignVCenter);
    head->addWidget(m_readOnlyBadge, 0, Qt::AlignVCenter);
    head->addStretch(1);
    head->addWidget(m_refresh);
    head->addWidget(m_activate);
    auto *clientLabel = new QLabel(tr("API &client:"), this);
    clientLabel->setBuddy(m_client);
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->addWidget(clientLabel, 0, 0);
    grid->addWidget(m_client, 0, 1);
    grid->addWidget(m_session, 1, 0, 1, 2);
    grid->addWidget(m_endSession, 1, 2);
    auto *prow = new QHBoxLayout(m_progressRow);
    prow->setContentsMargins(0, 0, 0, 0);
    prow->addWidget(m_progress);
    prow->addWidget(m_progressText, 1);
    prow->addWidget(m_stop);
    auto *col = new QVBoxLayout(this);
    col->setContentsMargins(12, 10, 12, 10);
    col->addLayout(head);
    col->addWidget(m_describe);
    col->addLayout(grid);
    col->addWidget(m_progressRow);
    col->addWidget(m_result);
    col->addStretch(1);
    m_progressRow->hide();

    ZiaService *zia = services->zia();
    connect(m_activate, &QPushButton::clicked, this, &ZiaStatusPanel::activate);
    connect(m_refresh, &QPushButton::clicked, this, &ZiaStatusPanel::refresh);
    connect(m_endSession, &QPushButton::clicked, this, &ZiaStatusPanel::endSession);
    connect(m_stop, &QPushButton::clicked, this, &ZiaStatusPanel::stopWaiting);
    connect(m_client, &ClientCombo::clientChanged, this, [this](const QString &id) {
        updateSession();
        updateButtons();
        emit clientChanged(m_tenantId, id);
    });
    connect(zia, &ZiaService::statusChanged, this, [this](const QString &id) {
        if (id == m_tenantId)
            updateView();
    });
    connect(zia, &ZiaService::activationStarted, this, &ZiaStatusPanel::onStarted);
    connect(zia, &ZiaService::activationProgress, this, &ZiaStatusPanel::onProgress);
    connect(zia, &ZiaService::activationFinished, this, &ZiaStatusPanel::onFinished);
    connect(zia, &ZiaService::sessionEnded, this, &ZiaStatusPanel::onSessionEnded);
    connect(services->tokens(), &TokenStatusSource::tick, this, &ZiaStatusPanel::updateSession);
    connect(services->tokens(), &TokenStatusSource::statusChanged, this, [this](const QString &id) {
        if (id == clientId())
            updateSession();
    });
    setTenant(QString());
}

QString ZiaStatusPanel::clientId() const { return m_client->currentClientId(); }

bool ZiaStatusPanel::setClient(const QString &clientId) { return m_client->setCurrentClientId(clientId); }

QString ZiaStatusPanel::tenantName() const
{
    const Tenant *t = m_services->store()->tenant(m_tenantId);
    return t ? t->name : QString();
}

void ZiaStatusPanel::setTenant(const QString &tenantId)
{
    const bool changed = tenantId != m_tenantId;
    m_tenantId = tenantId;
    m_client->setTenant(tenantId.isEmpty() ? QStringLiteral("-") : tenantId);
    if (changed) {
        m_client->setCurrentClientId(m_services->zia()->defaultClient(tenantId));
        m_result->hide();
        const bool busy = m_services->zia()->isActivating(tenantId);
        m_progressRow->setVisible(busy);
    }
    updateView();
    emit clientChanged(m_tenantId, clientId());
}

QString ZiaStatusPanel::badgeText() const { return m_badge->text(); }
QString ZiaStatusPanel::progressText() const { return m_progressText->text(); }
bool ZiaStatusPanel::isProgressShown() const { return m_progressRow->isVisibleTo(this); }
QString ZiaStatusPanel::sessionText() const { return m_session->isVisibleTo(this) ? m_session->text() : QString(); }

bool ZiaStatusPanel::writable() const
{
    return !m_tenantId.isEmpty() && !clientId().isEmpty() && !m_services->zia()->isReadOnly(m_tenantId);
}

void ZiaStatusPanel::updateView()
{
    ZiaService *zia = m_services->zia();
    if (m_tenantId.isEmpty()) {
        m_name->setText(zia->ziaTenants().isEmpty() ? tr("No ZIA tenant") : tr("Choose a tenant"));
        m_badge->hide();
        m_readOnlyBadge->hide();
        m_describe->setText(zia->ziaTenants().isEmpty()
                                ? tr("Add an API client of kind zia-legacy, zia-oauth or oneapi-* to a tenant "
                                     "(API Clients page) to see its ZIA activation status here.")
                                : tr("Select a tenant in the list to see and activate its ZIA configuration."));
        updateSession();
        updateButtons();
        return;
    }
    const ZiaTenantStatus st = zia->status(m_tenantId);
    m_name->setText(tenantName());
    const ZiaActivationState shown = zia->isActivating(m_tenantId) && st.state == ZiaActivationState::Pending
                                         ? ZiaActivationState::InProgress
                                         : st.state;
    m_badge->setText(st.state == ZiaActivationState::Unknown ? tr("UNKNOWN") : ZiaStyle::badgeText(shown));
    m_badge->setStyleSheet(ZiaStyle::badgeStyleSheet(shown, true));
    m_badge->setToolTip(ZiaStyle::describe(shown));
    m_badge->show();
    m_readOnlyBadge->setVisible(zia->isReadOnly(m_tenantId));
    QString text = ZiaStyle::describe(shown);
    if (st.lastError.isError())
        text += QLatin1Char(' ') + tr("Last status read failed: %1").arg(st.lastError.message);
    else if (st.checkedUtc.isValid())
        text += QLatin1Char(' ') + tr("Checked at %1.").arg(QLocale().toString(st.checkedUtc.toLocalTime().time(), QLocale::ShortFormat));
    m_describe->setText(text);
    updateSession();
    updateButtons();
}

void ZiaStatusPanel::updateSession()
{
    const QString id = clientId();
    const ApiClient *c = m_services->store()->client(id);
    const bool legacy = c && c->kind == AuthKind::ZiaLegacy;
    m_session->setVisible(legacy);
    m_endSession->setVisible(legacy);
    if (!legacy)
        return;
    const TokenStatus ts = m_services->tokens()->status(id);
    const bool live = ts.source == ExpirySource::IdleTimeout
                      && (ts.state == TokenState::Valid || ts.state == TokenState::Expiring);
    const bool pending = m_services->zia()->hasPendingChanges(m_tenantId);
    QString text;
    if (!live) {
        text = tr("ZIA API session: none open (one opens with the first request).");
    } else {
        text = tr("ZIA API session: idle timeout in %1.")
                   .arg(TokenStatus::countdownText(m_services->tokens()->remainingMs(id)));
        text += QLatin1Char(' ')
                + (pending ? tr("Pending changes are ACTIVATED when the session ends or idles out.")
                           : tr("Ending it (or letting it idle out) activates pending changes."));
    }
    m_session->setText(text);
    m_session->setStyleSheet(live && pending ? QStringLiteral("color: #b45309; font-weight: bold;") : QString());
    m_endSession->setEnabled(live && !m_services->zia()->isActivating(m_tenantId));
}

void ZiaStatusPanel::updateButtons()
{
    ZiaService *zia = m_services->zia();
    const bool ro = !m_tenantId.isEmpty() && zia->isReadOnly(m_tenantId);
    const bool busy = zia->isActivating(m_tenantId);
    const ZiaActivationState s = zia->state(m_tenantId);
    const bool can = writable() && !busy && s != ZiaActivationState::Active && s != ZiaActivationState::InProgress;
    m_activate->setEnabled(can);
    if (ro)
        m_activate->setToolTip(tr("The ZIA API is in read-only mode (a scheduled upgrade): activation is disabled "
                                  "until the mode ends."));
    else if (s == ZiaActivationState::Active)
        m_activate->setToolTip(tr("Nothing to activate: the tenant is ACTIVE (Refresh to check again)."));
    else if (s == ZiaActivationState::InProgress || busy)
        m_activate->setToolTip(tr("An activation is running."));
    else
        m_activate->setToolTip(tr("Put every pending change of the tenant into effect (asks first; cannot be undone)"));
    m_refresh->setEnabled(!m_tenantId.isEmpty() && !clientId().isEmpty());
    const bool w = writable();
    if (w != m_lastWritable) {
        m_lastWritable = w;
        emit writableChanged(w);
    }
}

void ZiaStatusPanel::refresh()
{
    if (m_tenantId.isEmpty())
        return;
    m_services->zia()->refresh(m_tenantId);
    emit statusMessage(tr("Reading the ZIA activation status of “%1”…").arg(tenantName()));
}

void ZiaStatusPanel::activate()
{
    const QString id = clientId();
    const Tenant *t = m_services->store()->tenant(m_tenantId);
    const ApiClient *c = m_services->store()->client(id);
    if (!t || !c || !m_activate->isEnabled())
        return;
    Confirm::Request req;
    req.title = tr("Activate ZIA configuration");
    req.text = ziaActivation::confirmationText(t->name);
    req.details = tr("Through the API client “%1”. At most 10 activations per minute and 40 per hour are sent.")
                      .arg(c->name);
    req.acceptLabel = tr("Activate");
    if (t->isProtected)
        req.typedName = t->name;
    Confirm::ask(this, req, this, [this, id](bool yes) {
        if (!yes) {
            emit statusMessage(tr("Nothing activated"));
            return;
        }
        startActivation(id);
    });
}

void ZiaStatusPanel::startActivation(const QString &clientId)
{
    m_result->hide();
    m_progressText->setText(tr("Sending the activation…"));
    m_progressRow->show();
    m_services->zia()->activate(m_tenantId, clientId);
    updateView();
}

void ZiaStatusPanel::stopWaiting()
{
    m_services->zia()->cancelActivationWait(m_tenantId);
}

void ZiaStatusPanel::onStarted(const QString &tenantId)
{
    if (tenantId != m_tenantId)
        return;
    m_progressRow->show();
    updateView();
}

void ZiaStatusPanel::onProgress(const QString &tenantId, const QString &message)
{
    if (tenantId != m_tenantId)
        return;
    m_progressText->setText(message);
    emit statusMessage(message);
}

void ZiaStatusPanel::onFinished(const QString &tenantId, const ZiaActivationResult &r)
{
    if (tenantId != m_tenantId)
        return;
    m_progressRow->hide();
    const QString name = tenantName();
    if (r.ok())
        showResult(int(MessageBar::Type::Success),
                   tr("Tenant “%1”: activation done, status %2 (%3).")
                       .arg(name, ziaActivationStateName(r.state), ziaActivation::durationText(r.elapsedMs)));
    else if (r.error.kind == ErrorKind::Cancelled)
        showResult(int(MessageBar::Type::Info), tr("Tenant “%1”: %2").arg(name, r.error.message));
    else if (r.refusedByBudget || r.timedOut)
        showResult(int(MessageBar::Type::Warning), tr("Tenant “%1”: %2").arg(name, r.error.message));
    else
        showResult(int(MessageBar::Type::Error), tr("Tenant “%1”: activation failed: %2").arg(name, r.error.message));
    updateView();
}

void ZiaStatusPanel::endSession()
{
    const QString id = clientId();
    const Tenant *t = m_services->store()->tenant(m_tenantId);
    const ApiClient *c = m_services->store()->client(id);
    if (!t || !c || c->kind != AuthKind::ZiaLegacy)
        return;
    Confirm::Request req;
    req.title = tr("End ZIA session");
    req.text = tr("End the ZIA API session of “%1” (tenant “%2”)?").arg(c->name, t->name);
    req.details = TokenController::signOutWarning();
    if (m_services->zia()->hasPendingChanges(m_tenantId))
        req.details += QLatin1Char('\n') + tr("The tenant has pending changes right now: they will take effect.");
    req.acceptLabel = tr("End session and activate");
    if (t->isProtected)
        req.typedName = t->name;
    Confirm::ask(this, req, this, [this, id](bool yes) {
        if (yes)
            m_services->zia()->endSession(id);
    });
}

void ZiaStatusPanel::onSessionEnded(const QString &clientId, const QString &tenantId, const ApiError &error)
{
    if (tenantId != m_tenantId && !tenantId.isEmpty())
        return;
    const ApiClient *c = m_services->store()->client(clientId);
    const QString name = c ? c->name : clientId;
    if (error.isError())
        showResult(int(MessageBar::Type::Error), tr("Ending the session of “%1” failed: %2").arg(name, error.message));
    else
        showResult(int(MessageBar::Type::Success), tr("The session of “%1” has ended; pending changes were activated.").arg(name));
    updateSession();
}

void ZiaStatusPanel::showResult(int type, const QString &text)
{
    m_result->setType(MessageBar::Type(type));
    m_result->setText(text);
    m_result->show();
    emit statusMessage(text);
}

} // namespace zc
