#include "UrlCategoryWidget.h"

#include "services/AppServices.h"
#include "Confirm.h"
#include "Icons.h"
#include "MessageBar.h"
#include "core/UrlLookup.h"
#include "services/ZiaService.h"
#include "store/TenantStore.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace zc {

namespace {
QStringList splitEntries(const QString &text)
{
    static const QRegularExpression sep(QStringLiteral("[\\s,;]+"));
    return text.split(sep, Qt::SkipEmptyParts);
}

// A category's name may be right-to-left: isolate it so the count stays where it belongs.
QString isolated(const QString &text) { return QChar(0x2068) + text + QChar(0x2069); }

QString itemText(const ZiaUrlCategory &c)
{
    const int n = int(c.urls.size());
    return n == 1 ? UrlCategoryWidget::tr("%1  ·  1 URL").arg(isolated(c.displayName()))
                  : UrlCategoryWidget::tr("%1  ·  %2 URLs").arg(isolated(c.displayName())).arg(n);
}
} // namespace

UrlCategoryWidget::UrlCategoryWidget(AppServices *services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_categories(new QListWidget(this))
    , m_urls(new QListWidget(this))
    , m_input(new QLineEdit(this))
    , m_validation(new QLabel(this))
    , m_urlsTitle(new QLabel(tr("URLs"), this))
    , m_reload(new QPushButton(Icons::get(QStringLiteral("refresh")), tr("Re&load"), this))
    , m_add(new QPushButton(Icons::get(QStringLiteral("add")), tr("A&dd"), this))
    , m_remove(new QPushButton(Icons::get(QStringLiteral("delete")), tr("Re&move selected…"), this))
    , m_result(new MessageBar(MessageBar::Type::Info, QString(), this))
{
    setObjectName(QStringLiteral("urlCategoryWidget"));
    m_categories->setObjectName(QStringLiteral("categoryList"));
    m_categories->setAccessibleName(tr("Custom URL categories"));
    m_urls->setObjectName(QStringLiteral("categoryUrlList"));
    m_urls->setAccessibleName(tr("URLs of the category"));
    m_urls->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_input->setObjectName(QStringLiteral("addUrlEdit"));
    m_input->setPlaceholderText(tr("URLs to add: example.com, .example.org (with subdomains)…"));
    m_input->setClearButtonEnabled(true);
    m_input->setAccessibleName(tr("URLs to add"));
    m_validation->setObjectName(QStringLiteral("urlValidation"));
    m_validation->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("addUrlButton"));
    m_remove->setObjectName(QStringLiteral("removeUrlButton"));
    m_add->setToolTip(tr("Add the URLs to the category (the tenant becomes PENDING until activated)"));
    m_remove->setToolTip(tr("Remove the selected URLs from the category (asks first; Del)"));
    m_reload->setToolTip(tr("Read the custom URL categories again"));
    m_result->setObjectName(QStringLiteral("urlEditResultBar"));
    m_result->hide();
    QFont bold = m_urlsTitle->font();
    bold.setBold(true);
    m_urlsTitle->setFont(bold);

    auto *catTitle = new QLabel(tr("Custom &categories"), this);
    catTitle->setFont(bold);
    catTitle->setBuddy(m_categories);
    auto *left = new QVBoxLayout;
    left->addWidget(catTitle);
    left->addWidget(m_categories, 1);
    left->addWidget(m_reload, 0, Qt::AlignLeft);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_add);
    auto *urlButtons = new QHBoxLayout;
    urlButtons->addWidget(m_remove);
    urlButtons->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_urlsTitle);
    right->addWidget(m_urls, 1);
    right->addLayout(urlButtons);
    right->addLayout(inputRow);
    right->addWidget(m_validation);
    auto *row = new QHBoxLayout;
    row->addLayout(left, 2);
    row->addSpacing(8);
    row->addLayout(right, 3);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    outer->addLayout(row, 1);
    outer->addWidget(m_result);

    connect(m_reload, &QPushButton::clicked, this, &UrlCategoryWidget::reload);
    connect(m_add, &QPushButton::clicked, this, &UrlCategoryWidget::addUrls);
    connect(m_input, &QLineEdit::returnPressed, this, &UrlCategoryWidget::addUrls);
    connect(m_remove, &QPushButton::clicked, this, &UrlCategoryWidget::removeSelected);
    connect(m_input, &QLineEdit::textChanged, this, &UrlCategoryWidget::validateInput);
    connect(m_categories, &QListWidget::currentRowChanged, this, &UrlCategoryWidget::showCategory);
    connect(m_urls, &QListWidget::itemSelectionChanged, this, &UrlCategoryWidget::updateButtons);
    auto *del = new QAction(this);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetShortcut);
    m_urls->addAction(del);
    connect(del, &QAction::triggered, this, &UrlCategoryWidget::removeSelected);
    connect(services->zia(), &ZiaService::categoriesLoaded, this, &UrlCategoryWidget::onLoaded);
    connect(services->zia(), &ZiaService::urlEditFinished, this, &UrlCategoryWidget::onEdited);
    validateInput();
}

void UrlCategoryWidget::setClient(const QString &tenantId, const QString &clientId)
{
    if (tenantId == m_tenantId && clientId == m_clientId)
        return;
    const bool sameTenant = tenantId == m_tenantId;
    m_tenantId = tenantId;
    m_clientId = clientId;
    if (!sameTenant) {
        m_list.clear();
        m_categories->clear();
        m_result->hide();
        showCategory();
    }
    // Read when on screen only (no request for a page nobody looks at).
    m_stale = !clientId.isEmpty() && (!sameTenant || m_list.isEmpty());
    if (m_stale && isVisible())
        reload();
    updateButtons();
}

void UrlCategoryWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void UrlCategoryWidget::setWritable(bool writable)
{
    m_writable = writable;
    updateButtons();
}

QString UrlCategoryWidget::validationText() const { return m_validation->text(); }

QString UrlCategoryWidget::currentCategoryId() const
{
    const int row = m_categories->currentRow();
    return row >= 0 && row < m_list.size() ? m_list.at(row).id : QString();
}

bool UrlCategoryWidget::selectCategory(const QString &idOrName)
{
    for (int i = 0; i < m_list.size(); ++i)
        if (m_list[i].id == idOrName || m_list[i].displayName().compare(idOrName, Qt::CaseInsensitive) == 0) {
            m_categories->setCurrentRow(i);
            return true;
        }
    return false;
}

void UrlCategoryWidget::reload()
{
    if (m_clientId.isEmpty() || m_loading)
        return;
    m_loading = true;
    m_stale = false;
    m_pendingSelect = currentCategoryId();
    m_reload->setEnabled(false);
    m_categories->setEnabled(false);
    m_services->zia()->loadCategories(m_clientId);
}

void UrlCategoryWidget::onLoaded(const QString &clientId, const QList<ZiaUrlCategory> &categories,
                                 const ApiError &error, bool readOnly)
{
    if (clientId != m_clientId)
        return;
    m_loading = false;
    m_reload->setEnabled(true);
    m_categories->setEnabled(true);
    if (error.isError()) {
        showResult(int(MessageBar::Type::Error), tr("Could not read the URL categories: %1").arg(error.message));
        return;
    }
    if (readOnly)
        showResult(int(MessageBar::Type::Warning),
                   tr("The ZIA API is in read-only mode (a scheduled upgrade): the categories can be read, "
                      "not changed."));
    m_list = categories;
    m_categories->clear();
    for (const ZiaUrlCategory &c : m_list) {
        auto *item = new QListWidgetItem(itemText(c), m_categories);
        item->setToolTip(c.description.isEmpty() ? c.id : c.id + QStringLiteral(" — ") + c.description);
    }
    if (m_list.isEmpty())
        m_urlsTitle->setText(tr("The tenant has no custom URL category."));
    if (!selectCategory(m_pendingSelect) && !m_list.isEmpty())
        m_categories->setCurrentRow(0);
    emit categoriesLoaded(int(m_list.size()));
}

void UrlCategoryWidget::showCategory()
{
    m_urls->clear();
    const int row = m_categories->currentRow();
    if (row < 0 || row >= m_list.size()) {
        if (!m_list.isEmpty() || m_tenantId.isEmpty())
            m_urlsTitle->setText(tr("URLs"));
        updateButtons();
        return;
    }
    const ZiaUrlCategory &c = m_list.at(row);
    m_urlsTitle->setText(tr("URLs of “%1” (%2)").arg(isolated(c.displayName()), c.id));
    QStringList urls = c.urls;
    urls.sort(Qt::CaseInsensitive);
    m_urls->addItems(urls);
    updateButtons();
}

void UrlCategoryWidget::validateInput()
{
    const QStringList entries = splitEntries(m_input->text());
    if (entries.isEmpty()) {
        m_validation->setText(tr("Separate several URLs with spaces or commas. A leading dot (.example.com) "
                                 "also matches the subdomains."));
        m_validation->setStyleSheet(QString());
        updateButtons();
        return;
    }
    const UrlLookupInput in = UrlLookup::prepare(entries, true);
    QStringList parts;
    parts << (in.urls.size() == 1 ? tr("1 URL ready") : tr("%1 URLs ready").arg(in.urls.size()));
    if (in.duplicates > 0)
        parts << tr("%1 duplicate(s) dropped").arg(in.duplicates);
    if (!in.invalid.isEmpty()) {
        const UrlIssue &i = in.invalid.first();
        parts << tr("not valid: “%1”: %2").arg(i.input, i.reason);
        if (in.invalid.size() > 1)
            parts << tr("%1 more invalid").arg(in.invalid.size() - 1);
    }
    m_validation->setText(parts.join(QStringLiteral(" · ")));
    m_validation->setStyleSheet(in.invalid.isEmpty() ? QString() : QStringLiteral("color: #b91c1c;"));
    updateButtons();
}

void UrlCategoryWidget::updateButtons()
{
    const bool can = m_writable && !m_busy && !m_clientId.isEmpty() && !currentCategoryId().isEmpty();
    const bool anyValid = !UrlLookup::prepare(splitEntries(m_input->text()), true).urls.isEmpty();
    m_add->setEnabled(can && anyValid);
    m_remove->setEnabled(can && !m_urls->selectedItems().isEmpty());
    m_input->setEnabled(m_writable);
    m_reload->setEnabled(!m_clientId.isEmpty() && !m_loading);
    const QString ro = tr("The ZIA API is in read-only mode: changes are disabled until it ends");
    m_add->setToolTip(m_writable ? tr("Add the URLs to the category (the tenant becomes PENDING until activated)") : ro);
    m_remove->setToolTip(m_writable ? tr("Remove the selected URLs from the category (asks first; Del)") : ro);
}

void UrlCategoryWidget::addUrls()
{
    if (!m_add->isEnabled())
        return;
    edit(splitEntries(m_input->text()), true);
}

void UrlCategoryWidget::removeSelected()
{
    if (!m_remove->isEnabled())
        return;
    QStringList urls;
    for (QListWidgetItem *i : m_urls->selectedItems())
        urls << i->text();
    const int row = m_categories->currentRow();
    const QString cat = row >= 0 ? m_list.at(row).displayName() : QString();
    Confirm::Request req;
    req.title = tr("Remove URLs");
    req.text = urls.size() == 1 ? tr("Remove “%1” from the URL category “%2”?").arg(urls.first(), cat)
                                : tr("Remove %1 URLs from the URL category “%2”?").arg(urls.size()).arg(cat);
    req.details = tr("The change is saved at once and takes effect when the tenant's configuration is activated.");
    req.acceptLabel = tr("Remove");
    Confirm::ask(this, req, this, [this, urls](bool yes) {
        if (yes)
            edit(urls, false);
    });
}

void UrlCategoryWidget::edit(const QStringList &urls, bool add)
{
    const QString id = currentCategoryId();
    if (id.isEmpty() || urls.isEmpty())
        return;
    m_busy = true;
    m_lastAdd = add;
    updateButtons();
    showResult(int(MessageBar::Type::Info), add ? tr("Adding to the category: %1…").arg(urls.join(QStringLiteral(", ")))
                                                : tr("Removing from the category: %1…").arg(urls.join(QStringLiteral(", "))));
    m_result->setBusy(true);
    m_services->zia()->editUrls(m_clientId, id, urls, add);
}

void UrlCategoryWidget::onEdited(const QString &clientId, const ZiaUrlEditResult &r)
{
    if (clientId != m_clientId || !m_busy)
        return;
    m_busy = false;
    m_result->setBusy(false);
    if (!r.ok()) {
        showResult(int(r.readOnly ? MessageBar::Type::Warning : MessageBar::Type::Error),
                   r.readOnly ? tr("Not changed: the ZIA API is in read-only mode (a scheduled upgrade). Try again "
                                   "when it ends.")
                              : tr("Not changed: %1").arg(r.error.message));
        updateButtons();
        return;
    }
    for (ZiaUrlCategory &c : m_list)
        if (c.id == r.edit.category.id && !r.edit.category.id.isEmpty())
            c = r.edit.category;
    const int row = m_categories->currentRow();
    if (row >= 0 && row < m_list.size())
        m_categories->item(row)->setText(itemText(m_list[row]));
    showCategory();
    const Tenant *t = m_services->store()->tenant(m_tenantId);
    const QString cat = isolated(r.edit.category.displayName());
    const QString urls = r.edit.changed.join(QStringLiteral(", "));
    QString text;
    if (!r.edit.sent)
        text = tr("Nothing changed: the category “%1” already is as asked (%2).")
                   .arg(cat, r.edit.unchanged.join(QStringLiteral(", ")));
    else
        text = (m_lastAdd ? tr("Added %1 to “%2”.") : tr("Removed %1 from “%2”.")).arg(urls, cat) + QLatin1Char(' ')
               + tr("Tenant “%1” now has pending changes: nothing takes effect until someone activates them "
                    "(Activate… above).")
                     .arg(t ? t->name : QString());
    if (r.input.invalid.size() == 1)
        text += QLatin1Char(' ') + tr("1 entry was not sent: “%1”: %2.").arg(r.input.invalid.first().input, r.input.invalid.first().reason);
    else if (r.input.invalid.size() > 1)
        text += QLatin1Char(' ') + tr("%1 entries were not sent (not valid).").arg(r.input.invalid.size());
    showResult(int(r.edit.sent ? MessageBar::Type::Success : MessageBar::Type::Info), text);
    if (r.edit.sent)
        m_input->clear();
    updateButtons();
}

void UrlCategoryWidget::showResult(int type, const QString &text)
{
    m_result->setType(MessageBar::Type(type));
    m_result->setText(text);
    m_result->setBusy(false);
    m_result->show();
    emit statusMessage(text);
}

} // namespace zc
