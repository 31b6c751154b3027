#include "SessionIndicators.h"

#include "services/AppServices.h"
#include "SidebarDelegate.h"
#include "TenantBanner.h"
#include "TrayNotifier.h"
#include "services/TokenTracker.h"
#include "services/ZiaService.h"
#include "store/TenantStore.h"
#include "tokens/TokenStyle.h"
#include "zia/ZiaStyle.h"

#include <QLabel>
#include <QListWidget>
#include <QStatusBar>

namespace zc {

SessionIndicators::SessionIndicators(AppServices *services, QStatusBar *statusBar, QListWidgetItem *ziaItem,
                                     QWidget *window, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_ziaItem(ziaItem)
    , m_tokens(new QLabel(statusBar))
    , m_zia(new QLabel(statusBar))
    , m_tray(new TrayNotifier(window, this))
{
    m_tokens->setObjectName(QStringLiteral("tokensLabel"));
    m_zia->setObjectName(QStringLiteral("ziaLabel"));
    for (QLabel *l : {m_zia, m_tokens}) {
        l->setContentsMargins(8, 0, 8, 0);
        statusBar->insertPermanentWidget(0, l);
    }
    TokenTracker *tokens = services->tokens();
    connect(tokens, &TokenStatusSource::statusChanged, this, &SessionIndicators::updateTokens);
    connect(tokens, &TokenStatusSource::summaryChanged, this, &SessionIndicators::updateTokens);
    ZiaService *zia = services->zia();
    connect(zia, &ZiaService::overallChanged, this, &SessionIndicators::updateZia);
    connect(zia, &ZiaService::statusChanged, this, &SessionIndicators::updateZia);
    connect(zia, &ZiaService::activationCompleted, this, &SessionIndicators::onActivationCompleted);
    connect(m_tray, &TrayNotifier::notified, this,
            [this](const QString &title, const QString &text) { emit statusMessage(title + QStringLiteral(": ") + text); });
    updateTokens();
    updateZia();
}

QString SessionIndicators::tokensText() const { return m_tokens->text(); }
QString SessionIndicators::ziaText() const { return m_zia->text(); }
QString SessionIndicators::ziaBadge() const { return m_ziaItem ? m_ziaItem->data(SidebarDelegate::BadgeRole).toString() : QString(); }

void SessionIndicators::setBanner(TenantBanner *banner)
{
    m_banner = banner;
    connect(banner, &TenantBanner::activeTenantChanged, this, &SessionIndicators::updateBanner);
    updateBanner();
}

void SessionIndicators::updateBanner()
{
    if (!m_banner)
        return;
    const QString id = m_banner->activeTenantId();
    ZiaService *zia = m_services->zia();
    const ZiaActivationState s = zia->state(id);
    if (id.isEmpty() || s == ZiaActivationState::Unknown) {
        m_banner->setZiaBadge(QString(), QColor(), QString());
        return;
    }
    QString text = tr("ZIA %1").arg(ziaActivationStateName(s));
    if (zia->isReadOnly(id))
        text += tr(" · READ-ONLY");
    m_banner->setZiaBadge(text, ZiaStyle::color(s), ZiaStyle::describe(s));
}

void SessionIndicators::updateTokens()
{
    TokenTracker *t = m_services->tokens();
    m_tokens->setText(TokenStyle::summary(t));
    QStringList tip;
    tip << tr("Tokens of the API clients, kept alive in the background.");
    if (const int n = t->count(TokenState::NoToken))
        tip << tr("%1 without a token yet (fetched when first needed, or with Test connection).").arg(n);
    m_tokens->setToolTip(tip.join(QLatin1Char('\n')));
    const int bad = t->count(TokenState::Error) + t->count(TokenState::Expired);
    m_tokens->setStyleSheet(bad > 0 ? QStringLiteral("color: #b91c1c;") : QString());
}

void SessionIndicators::updateZia()
{
    ZiaService *zia = m_services->zia();
    const ZiaActivationState overall = zia->overallState();
    const QStringList pending = zia->tenantsWithPendingChanges();
    QString text;
    if (overall == ZiaActivationState::Unknown) {
        text = zia->ziaTenants().isEmpty() ? QString() : tr("ZIA: not checked yet");
    } else if (overall == ZiaActivationState::Active) {
        text = tr("ZIA: ACTIVE");
    } else {
        QStringList parts;
        for (ZiaActivationState s : {ZiaActivationState::InProgress, ZiaActivationState::Pending}) {
            const int n = zia->countInState(s);
            if (n == 1) {
                QString name;
                for (const QString &id : zia->ziaTenants())
                    if (zia->state(id) == s)
                        if (const Tenant *t = m_services->store()->tenant(id))
                            name = t->name;
                parts << tr("%1 %2").arg(name, ziaActivationStateName(s));
            } else if (n > 1) {
                parts << tr("%1 tenants %2").arg(n).arg(ziaActivationStateName(s));
            }
        }
        text = tr("ZIA: %1").arg(parts.join(QStringLiteral(" · ")));
    }
    m_zia->setText(text);
    m_zia->setVisible(!text.isEmpty());
    m_zia->setStyleSheet(overall == ZiaActivationState::Unknown
                             ? QString()
                             : QStringLiteral("color: %1; font-weight: bold;").arg(ZiaStyle::color(overall).name()));
    m_zia->setToolTip(ZiaStyle::describe(overall));
    if (m_ziaItem) {
        const bool show = overall == ZiaActivationState::Pending || overall == ZiaActivationState::InProgress
                          || overall == ZiaActivationState::Active;
        m_ziaItem->setData(SidebarDelegate::BadgeRole, show ? ZiaStyle::badgeText(overall) : QString());
        m_ziaItem->setData(SidebarDelegate::BadgeColorRole, ZiaStyle::color(overall));
        m_ziaItem->setToolTip(show ? ZiaStyle::describe(overall) : QString());
    }
    m_tray->setToolTip(text.isEmpty() ? tr("zconsole") : tr("zconsole — %1").arg(text));
    updateBanner();
}

void SessionIndicators::onActivationCompleted(const QString &tenantId, const QString &tenantName)
{
    const ZiaActivationState s = m_services->zia()->state(tenantId);
    const Tenant *t = m_services->store()->tenant(tenantId);
    const QString name = t ? t->name : tenantName.isEmpty() ? tenantId : tenantName;
    m_tray->notify(tr("ZIA activation completed"),
                   s == ZiaActivationState::Pending
                       ? tr("Tenant “%1”: activated; newer changes are PENDING again.").arg(name)
                       : tr("Tenant “%1” is %2.").arg(name, ziaActivationStateName(s == ZiaActivationState::Unknown ? ZiaActivationState::Active : s)));
}

} // namespace zc
