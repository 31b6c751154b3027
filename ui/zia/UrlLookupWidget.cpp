#include "UrlLookupWidget.h"

#include "services/AppServices.h"
#include "Icons.h"
#include "MessageBar.h"
#include "TableView.h"
#include "services/ZiaService.h"
#include "models/ExportTable.h"
#include "models/UrlLookupTableModel.h"
#include "models/UrlResultProxy.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace zc {

namespace {
// One URL per line, as the CLI reads them (a line with spaces is refused with the reason).
QStringList entriesOf(const QString &text)
{
    return UrlLookup::splitLines(text);
}
} // namespace

UrlLookupWidget::UrlLookupWidget(AppServices *services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_input(new QPlainTextEdit(this))
    , m_check(new QLabel(this))
    , m_eta(new QLabel(this))
    , m_start(new QPushButton(Icons::get(QStringLiteral("search")), tr("&Look up"), this))
    , m_cancel(new QPushButton(Icons::get(QStringLiteral("stop")), tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_result(new MessageBar(MessageBar::Type::Info, QString(), this))
    , m_model(new UrlLookupTableModel(this))
    , m_proxy(new UrlResultProxy(this))
    , m_view(new TableView(this))
    , m_count(new QLabel(this))
    , m_export(new QPushButton(Icons::get(QStringLiteral("export")), tr("&Export CSV…"), this))
    , m_checkTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("urlLookupWidget"));
    m_input->setObjectName(QStringLiteral("lookupInput"));
    m_input->setPlaceholderText(tr("Paste URLs here, one per line.\n"
                                   "https://, default ports and #fragments are removed; duplicates are "
                                   "dropped."));
    m_input->setAccessibleName(tr("URLs to look up"));
    m_input->setTabChangesFocus(true);
    m_check->setObjectName(QStringLiteral("lookupCheck"));
    m_check->setWordWrap(true);
    m_check->setTextFormat(Qt::PlainText);
    m_eta->setObjectName(QStringLiteral("lookupEta"));
    m_eta->setWordWrap(true);
    m_start->setObjectName(QStringLiteral("lookupButton"));
    m_start->setToolTip(tr("Send the URLs to ZIA's URL lookup in batches of 100, one request per second (Ctrl+Enter)"));
    m_start->setShortcut(QKeySequence(tr("Ctrl+Return")));
    m_cancel->setObjectName(QStringLiteral("lookupCancelButton"));
    m_cancel->setToolTip(tr("Stop after the request that is running (Esc)"));
    m_progress->setObjectName(QStringLiteral("lookupProgress"));
    m_progress->setTextVisible(true);
    m_progressText->setObjectName(QStringLiteral("lookupProgressText"));
    m_result->setObjectName(QStringLiteral("lookupResultBar"));
    m_result->hide();
    m_export->setObjectName(QStringLiteral("lookupExportButton"));
    m_export->setToolTip(tr("Save the results as a CSV file (the table's order)"));
    m_count->setObjectName(QStringLiteral("lookupCount"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setAlertIcon(Icons::get(QStringLiteral("warning")));
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("lookupResults"));
    m_view->setAccessibleName(tr("URL lookup results"));
    m_view->setEmptyText(tr("Results appear here as the batches arrive."));
    m_view->setInitialColumnWidths({34, 40, 20});
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(250);

    auto *inputTitle = new QLabel(tr("&URLs to look up"), this);
    QFont bold = inputTitle->font();
    bold.setBold(true);
    inputTitle->setFont(bold);
    inputTitle->setBuddy(m_input);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto *left = new QWidget(this);
    auto *lcol = new QVBoxLayout(left);
    lcol->setContentsMargins(0, 0, 4, 0);
    lcol->addWidget(inputTitle);
    lcol->addWidget(m_input, 1);
    lcol->addWidget(m_check);
    lcol->addWidget(m_eta);
    lcol->addLayout(buttons);
    lcol->addWidget(m_progress);
    lcol->addWidget(m_progressText);

    auto *resultsTitle = new QLabel(tr("Results"), this);
    resultsTitle->setFont(bold);
    auto *rtop = new QHBoxLayout;
    rtop->addWidget(resultsTitle);
    rtop->addWidget(m_count, 1);
    rtop->addWidget(m_export);
    auto *right = new QWidget(this);
    auto *rcol = new QVBoxLayout(right);
    rcol->setContentsMargins(4, 0, 0, 0);
    rcol->addLayout(rtop);
    rcol->addWidget(m_view, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    outer->addWidget(split, 1);
    outer->addWidget(m_result);

    connect(m_input, &QPlainTextEdit::textChanged, m_checkTimer, qOverload<>(&QTimer::start));
    connect(m_checkTimer, &QTimer::timeout, this, &UrlLookupWidget::check);
    connect(m_start, &QPushButton::clicked, this, &UrlLookupWidget::start);
    connect(m_cancel, &QPushButton::clicked, this, &UrlLookupWidget::cancel);
    connect(m_export, &QPushButton::clicked, this, &UrlLookupWidget::exportWithDialog);
    auto *esc = new QAction(this);
    esc->setShortcut(QKeySequence(Qt::Key_Escape));
    esc->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(esc);
    connect(esc, &QAction::triggered, this, [this] {
        if (m_running)
            cancel();
    });
    ZiaService *zia = services->zia();
    connect(zia, &ZiaService::lookupEstimated, this, &UrlLookupWidget::onEstimated);
    connect(zia, &ZiaService::lookupStarted, this, &UrlLookupWidget::onStarted);
    connect(zia, &ZiaService::lookupProgress, this, &UrlLookupWidget::onProgress);
    connect(zia, &ZiaService::lookupResults, m_model, &UrlLookupTableModel::appendResults);
    connect(zia, &ZiaService::lookupFinished, this, &UrlLookupWidget::onFinished);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &UrlLookupWidget::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UrlLookupWidget::updateCount);
    m_progress->hide();
    m_progressText->hide();
    check();
    updateCount();
}

void UrlLookupWidget::setClient(const QString &tenantId, const QString &clientId)
{
    m_tenantId = tenantId;
    m_clientId = clientId;
    check();
}

QString UrlLookupWidget::checkText() const { return m_check->text(); }
QString UrlLookupWidget::etaText() const { return m_eta->text(); }
QString UrlLookupWidget::progressText() const { return m_progressText->text(); }

void UrlLookupWidget::check()
{
    m_prepared = UrlLookup::prepare(entriesOf(m_input->toPlainText()));
    const UrlLookupInput &in = m_prepared;
    if (in.urls.isEmpty() && in.invalid.isEmpty()) {
        m_check->setText(tr("Each URL may have up to %1 characters.").arg(UrlLookup::MaxUrlLength));
        m_check->setStyleSheet(QString());
        m_eta->clear();
        updateButtons();
        return;
    }
    QStringList lines;
    QStringList parts;
    parts << (in.urls.size() == 1 ? tr("1 URL to look up") : tr("%1 URLs to look up").arg(in.urls.size()));
    if (in.duplicates > 0)
        parts << (in.duplicates == 1 ? tr("1 duplicate dropped") : tr("%1 duplicates dropped").arg(in.duplicates));
    if (!in.invalid.isEmpty())
        parts << tr("%1 not valid").arg(in.invalid.size());
    lines << parts.join(QStringLiteral(" · "));
    for (int i = 0; i < in.invalid.size() && i < 3; ++i)
        lines << tr("Entry %1 “%2”: %3").arg(in.invalid[i].line).arg(in.invalid[i].input, in.invalid[i].reason);
    if (in.invalid.size() > 3)
        lines << tr("… and %1 more").arg(in.invalid.size() - 3);
    m_check->setText(lines.join(QLatin1Char('\n')));
    m_check->setStyleSheet(in.invalid.isEmpty() ? QString() : QStringLiteral("color: #b91c1c;"));
    const int requests = UrlLookup::batchCount(int(in.urls.size()));
    m_eta->setText(requests == 0   ? QString()
                   : requests == 1 ? tr("1 request (up to 100 URLs each, one request per second).")
                                   : tr("%1 requests (up to 100 URLs each, one request per second).").arg(requests));
    if (!m_clientId.isEmpty() && !in.urls.isEmpty())
        m_services->zia()->estimateLookup(m_clientId, int(in.urls.size()));
    updateButtons();
}

void UrlLookupWidget::onEstimated(const QString &clientId, int urls, qint64 etaMs, int used)
{
    if (clientId != m_clientId || urls != m_prepared.urls.size() || m_running)
        return;
    const int requests = UrlLookup::batchCount(urls);
    m_eta->setText((requests == 1 ? tr("1 request, about %1").arg(ziaActivation::durationText(etaMs))
                                  : tr("%1 requests, about %2").arg(requests).arg(ziaActivation::durationText(etaMs)))
                   + QLatin1Char(' ')
                   + tr("(budget: %1 requests per hour; %2 used in the last hour).")
                       .arg(ZiaService::urlLookupsPerHour())
                       .arg(used));
}

void UrlLookupWidget::updateButtons()
{
    m_start->setEnabled(!m_running && !m_clientId.isEmpty() && !m_prepared.urls.isEmpty());
    m_cancel->setEnabled(m_running);
    m_cancel->setVisible(m_running);
    m_export->setEnabled(!m_running && m_model->rowCount() > 0);
    m_input->setReadOnly(m_running);
    if (m_clientId.isEmpty())
        m_start->setToolTip(tr("Choose a tenant with a ZIA API client first"));
    else
        m_start->setToolTip(tr("Send the URLs to ZIA's URL lookup in batches of 100, one request per second (Ctrl+Enter)"));
}

void UrlLookupWidget::updateCount()
{
    const int n = m_model->rowCount();
    const int alerts = m_model->alertCount();
    m_count->setText(n == 0 ? QString()
                            : alerts ? tr("%1 URLs · %2 with security alerts").arg(n).arg(alerts)
                                     : tr("%1 URLs · no security alert").arg(n));
    m_export->setEnabled(!m_running && n > 0);
}

void UrlLookupWidget::start()
{
    check();
    if (!m_start->isEnabled())
        return;
    m_running = true;
    m_model->clear();
    m_result->hide();
    m_progress->setRange(0, UrlLookup::batchCount(int(m_prepared.urls.size())));
    m_progress->setValue(0);
    m_progress->show();
    m_progressText->setText(tr("Starting…"));
    m_progressText->show();
    updateButtons();
    m_services->zia()->startLookup(m_clientId, m_prepared.urls);
}

void UrlLookupWidget::cancel()
{
    if (m_running)
        m_services->zia()->cancelLookup();
}

void UrlLookupWidget::onStarted(int urls, int batches, qint64 etaMs)
{
    m_progress->setRange(0, batches);
    m_progressText->setText(tr("%1 URLs in %2 requests, about %3").arg(urls).arg(batches).arg(ziaActivation::durationText(etaMs)));
}

void UrlLookupWidget::onProgress(int done, int count, qint64 etaMs)
{
    m_progress->setRange(0, count);
    m_progress->setValue(done);
    m_progressText->setText(done < count ? tr("Request %1 of %2 done · about %3 left").arg(done).arg(count).arg(ziaActivation::durationText(etaMs))
                                         : tr("All %1 requests done").arg(count));
}

void UrlLookupWidget::onFinished(const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_progress->hide();
    m_progressText->hide();
    MessageBar::Type type = MessageBar::Type::Success;
    QString text = tr("Looked up %1 URLs.").arg(m_model->rowCount());
    if (error.kind == ErrorKind::Cancelled) {
        type = MessageBar::Type::Info;
        text = error.message + QLatin1Char('.') + QLatin1Char(' ') + tr("%1 results kept.").arg(m_model->rowCount());
    } else if (error.isError()) {
        type = MessageBar::Type::Error;
        text = error.message;
    }
    m_result->setType(type);
    m_result->setText(text);
    m_result->show();
    emit statusMessage(text);
    updateButtons();
    updateCount();
    check(); // a fresh estimate: the budget used has changed
}

bool UrlLookupWidget::exportCsv(const QString &path, QString *error)
{
    QString why;
    const qint64 rows = ExportTable::writeFile(path, ExportTable::Format::Csv, m_proxy, ExportOptions(), &why);
    if (rows < 0) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

void UrlLookupWidget::exportWithDialog()
{
    auto *dlg = new QFileDialog(this, tr("Export URL lookup results"),
                                QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                tr("CSV files (*.csv)"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setAcceptMode(QFileDialog::AcceptSave);
    dlg->setDefaultSuffix(QStringLiteral("csv"));
    dlg->selectFile(QStringLiteral("url-lookup.csv"));
    connect(dlg, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString why;
        if (exportCsv(path, &why)) {
            m_result->setType(MessageBar::Type::Success);
            m_result->setText(tr("Exported %1 rows to %2").arg(m_model->rowCount()).arg(QDir::toNativeSeparators(path)));
        } else {
            m_result->setType(MessageBar::Type::Error);
            m_result->setText(tr("Export failed: %1").arg(why));
        }
        m_result->show();
        emit statusMessage(m_result->text());
    });
    dlg->open();
}

} // namespace zc
