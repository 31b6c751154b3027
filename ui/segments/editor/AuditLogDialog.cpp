#include "AuditLogDialog.h"

#include "core/AppSegmentDiff.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace zc {

namespace {
constexpr int RecordRole = Qt::UserRole + 1;

QString pretty(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    return v.toVariant().toString();
}
} // namespace

AuditLogDialog::AuditLogDialog(const QString &configDir, const QString &tenantFilter, QWidget *parent)
    : QDialog(parent)
    , m_log(configDir)
    , m_tenantFilter(tenantFilter)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_detail(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("auditLogDialog"));
    setWindowTitle(tenantFilter.isEmpty() ? tr("Audit log") : tr("Audit log — %1").arg(tenantFilter));
    m_model->setHorizontalHeaderLabels(
        {tr("Time"), tr("Tenant"), tr("Client"), tr("Action"), tr("Object"), tr("Name"), tr("Result")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(QStringLiteral("auditTable"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TimeColumn, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Recorded changes"));

    m_filter->setObjectName(QStringLiteral("auditFilter"));
    m_filter->setPlaceholderText(tr("Filter by tenant, action, id, name…"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);

    m_detail->setObjectName(QStringLiteral("auditDetail"));
    m_detail->setReadOnly(true);
    m_detail->setAccessibleName(tr("Details of the selected change"));
    m_detail->setPlaceholderText(tr("Select a change to see what it did."));
    m_detail->setFont(QFont(QStringLiteral("monospace")));
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setTextFormat(Qt::PlainText);

    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    refreshButton->setAutoDefault(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(refreshButton, QDialogButtonBox::ActionRole);

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(top);
    outer->addWidget(split, 1);
    outer->addWidget(m_status);
    outer->addWidget(buttons);
    resize(860, 600);

    connect(m_filter, &QLineEdit::textChanged, this, &AuditLogDialog::setFilterText);
    connect(refreshButton, &QPushButton::clicked, this, &AuditLogDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDetail(current); });
    refresh();
    m_filter->setFocus();
}

QAbstractItemModel *AuditLogDialog::model() const { return m_proxy; }
QString AuditLogDialog::detailText() const { return m_detail->toPlainText(); }
QString AuditLogDialog::statusText() const { return m_status->text(); }

void AuditLogDialog::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    else
        m_proxy->setFilterFixedString(text.trimmed());
}

void AuditLogDialog::refresh()
{
    AuditLog::Filter filter;
    filter.tenantId = m_tenantFilter;
    const AuditLog::ReadResult read = m_log.read(filter);
    m_records = read.records;
    m_model->removeRows(0, m_model->rowCount());
    m_detail->clear();
    for (int i = 0; i < m_records.size(); ++i) {
        const AuditRecord &r = m_records.at(i);
        auto item = [&](const QString &text) {
            auto *it = new QStandardItem(text);
            it->setData(i, RecordRole);
            it->setToolTip(text);
            return it;
        };
        QList<QStandardItem *> row;
        row << item(r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
            << item(r.tenantName.isEmpty() ? r.tenantId : r.tenantName) << item(r.client) << item(r.action)
            << item(r.objectId) << item(r.objectName) << item(r.result);
        row[ObjectColumn]->setToolTip(r.objectType + QLatin1Char(' ') + r.objectId);
        m_model->appendRow(row);
    }
    QString status;
    if (!read.ok)
        status = tr("The audit log cannot be read: %1").arg(read.error);
    else if (m_records.isEmpty())
        status = tr("No changes recorded yet.");
    else
        status = tr("%n change(s) recorded.", nullptr, int(m_records.size()));
    if (read.damagedLines > 0)
        status += QLatin1Char(' ') + tr("%n damaged line(s) skipped.", nullptr, read.damagedLines);
    m_status->setText(status + QLatin1Char(' ') + tr("File: %1").arg(m_log.path()));
    m_view->resizeColumnsToContents();
}

void AuditLogDialog::showDetail(const QModelIndex &proxyIndex)
{
    bool ok = false;
    const int i = proxyIndex.data(RecordRole).toInt(&ok);
    m_detail->setPlainText(ok && i >= 0 && i < m_records.size() ? describe(m_records.at(i)) : QString());
}

QString AuditLogDialog::describe(const AuditRecord &r)
{
    QStringList lines;
    lines << tr("%1 of %2 %3 “%4”").arg(r.action, r.objectType, r.objectId, r.objectName);
    lines << tr("Time: %1 (UTC %2)")
                 .arg(r.time.toLocalTime().toString(Qt::ISODate), r.time.toUTC().toString(Qt::ISODate));
    lines << tr("Tenant: %1 (%2), client: %3").arg(r.tenantName, r.tenantId, r.client);
    lines << tr("Result: %1").arg(r.result.isEmpty() ? tr("(not recorded)") : r.result);
    if (r.before.isObject() && r.after.isObject()) {
        const QList<AppSegmentChange> changes = AppSegmentDiff::diff(r.before.toObject(), r.after.toObject());
        lines << QString() << tr("Changed fields:");
        if (changes.isEmpty())
            lines << tr("  (none)");
        for (const AppSegmentChange &c : changes)
            lines << tr("  %1: %2 → %3").arg(c.label.isEmpty() ? c.field : c.label, c.beforeText, c.afterText);
    }
    if (!r.before.isUndefined() && !r.before.isNull())
        lines << QString() << tr("Before:") << pretty(r.before);
    if (!r.after.isUndefined() && !r.after.isNull())
        lines << QString() << tr("After:") << pretty(r.after);
    return lines.join(QLatin1Char('\n'));
}

} // namespace zc
