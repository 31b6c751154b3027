// The App Segments page: the client and microtenant choosers, Load / Cancel and the listing's
// answers (rows as pages arrive, progress, retries, how the listing ended).
#include "AppSegmentsPage.h"

#include "services/AppServices.h"
#include "ClientCombo.h"
#include "MessageBar.h"
#include "models/AppSegmentTableModel.h"
#include "services/SegmentsService.h"
#include "store/TenantStore.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QShowEvent>
#include <QStandardItemModel>
#include <algorithm>

namespace zc {

void AppSegmentsPage::orderClients()
{
    // Stable: the active tenant's clients first, each group in the combo's (name) order. The
    // current client stays current (the combo follows its item).
    auto *items = qobject_cast<QStandardItemModel *>(m_client->model());
    if (!items)
        return;
    constexpr int OrderRole = Qt::UserRole + 40;
    for (int i = 0; i < items->rowCount(); ++i) {
        const ApiClient *c = m_services->store()->client(items->item(i)->data(Qt::UserRole).toString());
        const bool active = c && !m_activeTenant.isEmpty() && c->tenantId == m_activeTenant;
        items->item(i)->setData((active ? 0 : 100000) + i, OrderRole);
    }
    items->setSortRole(OrderRole);
    items->sort(0);
}

void AppSegmentsPage::setActiveTenant(const QString &tenantId)
{
    m_activeTenant = tenantId;
    orderClients();
    if (tenantIdOfClient() == tenantId && !tenantId.isEmpty())
        return; // already one of its clients
    const QString def = m_services->zpa()->defaultClient(tenantId);
    if (!def.isEmpty())
        setClient(def);
}

void AppSegmentsPage::onClientChanged(const QString &clientId)
{
    Q_UNUSED(clientId); // the combo's current client
    // Another tenant: its rows are not this one's.
    const QString tenant = tenantIdOfClient();
    if (m_loading) {
        // The client went away under a running listing: stop it and forget its answers.
        m_services->zpa()->cancelListing();
        m_generation = 0;
        m_loading = false;
        m_cancelling = false;
        m_progress->hide();
    }
    if (!m_loadedTenant.isEmpty() && tenant != m_loadedTenant) {
        m_model->clear();
        m_loadedTenant.clear();
        m_message->hide();
        m_progressLabel->clear();
    }
    m_groupsLoaded = false;
    m_microtenant->clear();
    m_microtenant->addItem(tr("All microtenants"), QStringLiteral("all"));
    m_microtenant->addItem(tr("Default microtenant"), QStringLiteral("default"));
    m_microtenantsAsked.clear();
    requestMicrotenants();
    updateActions();
    updateEmptyText();
}

void AppSegmentsPage::requestMicrotenants()
{
    const QString client = clientId();
    if (!isVisible() || client.isEmpty() || client == m_microtenantsAsked || !m_services->isSessionRunning()
        || !m_services->zpa()->clientProblem(client).isEmpty())
        return;
    m_microtenantsAsked = client;
    m_services->zpa()->loadMicrotenants(client);
}

void AppSegmentsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    requestMicrotenants(); // no request before the page is first shown
}

void AppSegmentsPage::onMicrotenants(const QString &clientId, const QList<ZpaMicrotenant> &list, const ApiError &error)
{
    if (clientId != this->clientId())
        return;
    if (error.isError()) {
        m_microtenantsAsked.clear(); // asked again next time
        m_microtenant->setToolTip(tr("Microtenants could not be read: %1").arg(error.message));
        return;
    }
    const QString keep = m_microtenant->currentData().toString();
    while (m_microtenant->count() > 2)
        m_microtenant->removeItem(2);
    for (const ZpaMicrotenant &m : list)
        if (!m.isDefault())
            m_microtenant->addItem(m.name.isEmpty() ? m.id : m.name, m.id);
    const int i = m_microtenant->findData(keep);
    m_microtenant->setCurrentIndex(i >= 0 ? i : 0);
    m_microtenant->setToolTip(tr("Which microtenant's segments Load reads"));
}

void AppSegmentsPage::load()
{
    const QString client = clientId();
    const QString problem = m_services->zpa()->clientProblem(client);
    if (!problem.isEmpty()) {
        showMessage(int(MessageBar::Type::Error), tr("Cannot load segments: %1").arg(problem));
        return;
    }
    ZpaListOptions options;
    options.search = m_search->text().trimmed();
    QString why;
    if (!ZpaMicrotenantChoice::parse(m_microtenant->currentData().toString(), &options.microtenant, &why)) {
        showMessage(int(MessageBar::Type::Error), why);
        return;
    }
    m_model->clear();
    m_apiReadOnly = false; // writes are tried again after a Load
    m_loadedTenant = tenantIdOfClient();
    m_retriedPages.clear();
    m_message->hide();
    m_loading = true;
    m_cancelling = false;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_progressLabel->setText(tr("Reading page 1…"));
    m_generation = m_services->zpa()->startListing(client, options);
    requestMicrotenants(); // if they could not be read before
    updateActions();
    updateCount();
    updateEmptyText();
}

void AppSegmentsPage::cancel()
{
    if (!m_loading || m_cancelling)
        return;
    m_cancelling = true;
    m_progressLabel->setText(tr("Cancelling…"));
    m_services->zpa()->cancelListing();
    updateActions();
}

void AppSegmentsPage::onStarted(quint64 generation, qint64 total, int pages)
{
    if (generation != m_generation)
        return;
    m_model->setTotalExpected(total);
    m_progress->setRange(0, qMax(1, pages));
    m_progress->setValue(0);
}

void AppSegmentsPage::onRows(quint64 generation, int page, const QList<AppSegment> &rows)
{
    Q_UNUSED(page);
    if (generation != m_generation)
        return;
    m_model->appendRows(rows);
    updateCount();
}

void AppSegmentsPage::onProgress(quint64 generation, const ZpaListProgress &p)
{
    if (generation != m_generation || !m_loading)
        return;
    if (p.pagesTotal > 0) {
        m_progress->setRange(0, p.pagesTotal);
        m_progress->setValue(p.pagesDone);
    }
    QString text = tr("%1 / %2 pages — %3 segments")
                       .arg(p.pagesDone)
                       .arg(p.pagesTotal < 0 ? QStringLiteral("?") : QString::number(p.pagesTotal))
                       .arg(p.rows);
    if (p.totalCount >= 0)
        text += tr(" of %1").arg(p.totalCount);
    if (p.retries > 0)
        text += QStringLiteral(" · ") + (p.retries == 1 ? tr("1 retry") : tr("%1 retries").arg(p.retries));
    if (p.waitMs > 1000)
        text += QStringLiteral(" · ") + tr("rate limit: next request in %1 s").arg((p.waitMs + 999) / 1000);
    if (!m_cancelling)
        m_progressLabel->setText(text);
}

void AppSegmentsPage::onRetry(quint64 generation, int page, int attempt, const QString &why, qint64 delayMs)
{
    if (generation != m_generation || !m_loading)
        return;
    if (!m_retriedPages.contains(page))
        m_retriedPages.append(page);
    std::sort(m_retriedPages.begin(), m_retriedPages.end());
    showMessage(int(MessageBar::Type::Warning),
                tr("Page %1 is requested again (attempt %2, in %3 ms): %4. Pages retried so far: %5.")
                    .arg(page)
                    .arg(attempt)
                    .arg(delayMs)
                    .arg(why, ZpaListResult::pagesText(m_retriedPages)));
}

QString AppSegmentsPage::errorText(const ApiError &e) const
{
    if (e.httpStatus == 401 || e.kind == ErrorKind::Authentication)
        return tr("The API client's credentials were refused (%1). Check its secret on the API Clients page.").arg(e.toString());
    if (e.httpStatus == 403)
        return tr("The API client may not read application segments (403: %1). Check its role or scope.").arg(e.message);
    if (e.kind == ErrorKind::Network || e.kind == ErrorKind::Tls)
        return tr("The ZPA API could not be reached: %1").arg(e.toString());
    return e.toString();
}

void AppSegmentsPage::onFinished(quint64 generation, const ZpaListResult &r)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_cancelling = false;
    m_lastResult = r;
    m_progress->hide();
    const qint64 rows = m_model->rowCount();
    const QString total = r.totalCount >= 0 ? QString::number(r.totalCount) : QStringLiteral("?");
    QString text;
    MessageBar::Type type = MessageBar::Type::Success;
    switch (r.status) {
    case ZpaListResult::Status::Complete:
        text = tr("Loaded %1 segments in %2 s (%3 pages).").arg(rows).arg(double(r.elapsedMs) / 1000.0, 0, 'f', 1).arg(r.pagesRead);
        if (r.pageRetries > 0)
            text += QLatin1Char(' ') + tr("%1 page requests had to be repeated.").arg(r.pageRetries);
        if (r.tenantChanged) {
            type = MessageBar::Type::Warning;
            text += QLatin1Char(' ')
                    + tr("The tenant changed while it was read (the totals moved from %1 to %2): the list may not be "
                         "a snapshot. Reload to be sure.")
                          .arg(r.totalCount)
                          .arg(r.lastTotalCount);
        }
        break;
    case ZpaListResult::Status::Incomplete:
        type = MessageBar::Type::Warning;
        text = (r.missingPages.size() == 1 ? tr("Incomplete: %1 of %2 segments were read; page %3 could not be read (%4).")
                                           : tr("Incomplete: %1 of %2 segments were read; pages %3 could not be read (%4)."))
                   .arg(rows)
                   .arg(total, ZpaListResult::pagesText(r.missingPages), r.error.message)
               + QLatin1Char(' ') + tr("Reload to try again.");
        if (r.capped)
            text += QLatin1Char(' ') + tr("The listing announced more pages than zconsole reads.");
        break;
    case ZpaListResult::Status::Failed:
        type = MessageBar::Type::Error;
        text = tr("Loading failed: %1").arg(errorText(r.error));
        break;
    case ZpaListResult::Status::Cancelled:
        type = MessageBar::Type::Info;
        text = tr("Cancelled: %1 of %2 segments loaded (the list is partial). Load again for all of them.").arg(rows).arg(total);
        break;
    }
    m_progressLabel->setText(r.status == ZpaListResult::Status::Complete
                                 ? (r.pagesRead == 1 ? tr("Complete: 1 page read") : tr("Complete: %1 pages read").arg(r.pagesRead))
                                 : QString());
    if (r.status == ZpaListResult::Status::Complete && type == MessageBar::Type::Success && r.pageRetries == 0) {
        m_message->hide();
        emit statusMessage(text);
    } else {
        showMessage(int(type), text);
    }
    updateActions();
    updateCount();
    updateEmptyText();
    emit loadFinished(r);
}

} // namespace zc
