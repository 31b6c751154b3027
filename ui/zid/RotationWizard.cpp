#include "RotationWizard.h"

#include "Confirm.h"
#include "services/AppServices.h"
#include "services/ZidentityService.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <QFormLayout>
#include <QPointer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace zc {

// A page whose completeness the wizard decides (no subclass per page).
class RotationWizard::Page : public QWizardPage
{
public:
    Page(std::function<bool()> complete, QWidget *parent)
        : QWizardPage(parent)
        , m_complete(std::move(complete))
    {
    }
    bool isComplete() const override { return m_complete(); }
    void changed() { emit completeChanged(); }

private:
    std::function<bool()> m_complete;
};

namespace {
QString dateText(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : RotationWizard::tr("—");
}

QString secretLine(const ZidSecret &s)
{
    return RotationWizard::tr("%1 (created %2, expires %3)").arg(s.id, dateText(s.createdAt), dateText(s.expiresAt));
}

} // namespace

RotationWizard::RotationWizard(AppServices *services, const QString &profileId, const QString &adminId, QWidget *parent)
    : QWizard(parent)
    , m_services(services)
    , m_profileId(profileId)
    , m_adminId(adminId)
{
    setObjectName(QStringLiteral("rotationWizard"));
    if (const ApiClient *p = services->store()->client(profileId))
        m_clientId = p->clientId;
    setWindowTitle(isJwt() ? tr("Rotate key pair") : tr("Rotate secret"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(PlanPage, makePlanPage());
    setPage(ConfirmPage, makeConfirmPage());
    setPage(RunPage, makeRunPage());
    setStartId(PlanPage);
    setMinimumSize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 26);
    connect(services->rotation(), &SecretRotation::stepStarted, this, &RotationWizard::onStep);
    readSecrets();
}

RotationWizard::~RotationWizard() = default;

bool RotationWizard::isJwt() const
{
    const ApiClient *p = m_services->store()->client(m_profileId);
    return p && p->kind == AuthKind::OneApiJwt;
}

QString RotationWizard::tenantName() const
{
    const ApiClient *p = m_services->store()->client(m_profileId);
    const Tenant *t = p ? m_services->store()->tenant(p->tenantId) : nullptr;
    return t ? t->name : QString();
}

bool RotationWizard::isProtected() const
{
    const ApiClient *p = m_services->store()->client(m_profileId);
    const Tenant *t = p ? m_services->store()->tenant(p->tenantId) : nullptr;
    return t && t->isProtected;
}

QWizardPage *RotationWizard::makePlanPage()
{
    m_plan = new Page([this] { return planComplete(); }, this);
    m_plan->setTitle(isJwt() ? tr("A new key pair for this profile") : tr("A new secret for this profile"));
    const ApiClient *p = m_services->store()->client(m_profileId);
    m_planText = new QLabel(m_plan);
    m_planText->setWordWrap(true);
    m_planText->setTextFormat(Qt::PlainText);
    m_planText->setText(isJwt()
        ? tr("Profile “%1” of tenant “%2”, ZIdentity client %3. zconsole makes a new RSA 3072 key pair here, "
             "adds its public key to the client, gets a token with it, and only then removes the old public key. "
             "The private key stays in the keychain.").arg(p ? p->name : m_profileId, tenantName(), m_clientId)
        : tr("Profile “%1” of tenant “%2”, ZIdentity client %3. zconsole creates a new secret, keeps it in the "
             "keychain (the old value beside it until the end), gets a token with it, and only then deletes the "
             "old secret on the server.").arg(p ? p->name : m_profileId, tenantName(), m_clientId));
    m_readState = new QLabel(tr("Reading the client's secrets on the server…"), m_plan);
    m_readState->setObjectName(QStringLiteral("readStateLabel"));
    m_readState->setTextFormat(Qt::PlainText);
    m_readState->setWordWrap(true);
    m_tree = new QTreeWidget(m_plan);
    m_tree->setObjectName(QStringLiteral("secretsTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("Secret"), tr("Created"), tr("Expires"), tr("Days left"), tr("In the keychain")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("The client's secrets on the server"));
    m_twoNote = new QLabel(m_plan);
    m_twoNote->setObjectName(QStringLiteral("twoSecretsNote"));
    m_twoNote->setWordWrap(true);
    m_twoNote->setTextFormat(Qt::PlainText);
    m_twoNote->hide();
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column != 0 || item->checkState(0) != Qt::Checked)
            return;
        chooseDeleteFirst(item->data(0, Qt::UserRole).toString());
    });
    m_validity = new QSpinBox(m_plan);
    m_validity->setObjectName(QStringLiteral("validitySpin"));
    m_validity->setRange(SecretRotation::MinValidityDays, SecretRotation::MaxValidityDays);
    m_validity->setValue(90);
    m_validity->setSuffix(tr(" days"));
    m_validity->setAccessibleName(tr("Validity of the new secret in days"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Valid for:"), m_validity);
    auto *l = new QVBoxLayout(m_plan);
    l->addWidget(m_planText);
    l->addWidget(m_readState);
    l->addWidget(m_tree, 1);
    l->addWidget(m_twoNote);
    l->addLayout(form);
    if (isJwt()) {
        m_tree->hide();
        m_validity->setEnabled(false);
        m_validity->hide();
        form->labelForField(m_validity)->hide();
    }
    return m_plan;
}

QWizardPage *RotationWizard::makeConfirmPage()
{
    m_confirm = new Page([this] { return confirmComplete(); }, this);
    m_confirm->setTitle(tr("Confirm"));
    m_confirm->setCommitPage(true);
    m_confirm->setButtonText(QWizard::CommitButton, isJwt() ? tr("&Rotate key pair") : tr("&Rotate secret"));
    m_confirmText = new QLabel(m_confirm);
    m_confirmText->setObjectName(QStringLiteral("confirmText"));
    m_confirmText->setWordWrap(true);
    m_confirmText->setTextFormat(Qt::PlainText);
    m_typedLabel = new QLabel(m_confirm);
    m_typedLabel->setWordWrap(true);
    m_typedLabel->setTextFormat(Qt::PlainText);
    m_typed = new QLineEdit(m_confirm);
    m_typed->setObjectName(QStringLiteral("typedNameEdit"));
    m_typed->setAccessibleName(tr("Tenant name typed to confirm"));
    m_typedLabel->setBuddy(m_typed);
    connect(m_typed, &QLineEdit::textChanged, m_confirm, &Page::changed);
    auto *l = new QVBoxLayout(m_confirm);
    l->addWidget(m_confirmText);
    l->addSpacing(8);
    l->addWidget(m_typedLabel);
    l->addWidget(m_typed);
    l->addStretch(1);
    const bool prot = isProtected();
    m_typedLabel->setVisible(prot);
    m_typed->setVisible(prot);
    m_typedLabel->setText(tr("“%1” is a protected tenant. Type its name to confirm:").arg(tenantName()));
    return m_confirm;
}

QWizardPage *RotationWizard::makeRunPage()
{
    m_run = new Page([this] { return m_hasResult; }, this);
    m_run->setTitle(tr("Rotating"));
    m_run->setFinalPage(true);
    m_steps = new QListWidget(m_run);
    m_steps->setObjectName(QStringLiteral("stepsList"));
    m_steps->setAccessibleName(tr("Rotation steps"));
    m_outcome = new QLabel(m_run);
    m_outcome->setObjectName(QStringLiteral("outcomeLabel"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *l = new QVBoxLayout(m_run);
    l->addWidget(m_steps, 1);
    l->addWidget(m_outcome);
    return m_run;
}

void RotationWizard::readSecrets()
{
    if (isJwt()) {
        m_secretsRead = true;
        m_readState->setText(tr("The client authenticates with its public key."));
        return;
    }
    const ApiClient *p = m_services->store()->client(m_profileId);
    if (const ZidSecret *held = p ? m_services->zid()->cache()->secretOfProfile(p->tenantId, p->id, p->clientId) : nullptr)
        m_heldSecret = held->id;
    m_services->zid()->secrets(m_adminId, m_clientId, this, [this](const ZidSecretsReply &r) {
        m_secretsRead = true;
        if (r.error.isError()) {
            m_readState->setText(tr("The secrets could not be read (%1). The rotation reads them again first and "
                                    "changes nothing if that fails.").arg(r.error.toString()));
            m_plan->changed();
            return;
        }
        m_secrets = r.secrets;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_tree->blockSignals(true);
        m_tree->clear();
        for (const ZidSecret &s : m_secrets) {
            auto *item = new QTreeWidgetItem(m_tree);
            item->setText(0, s.id);
            item->setData(0, Qt::UserRole, s.id);
            item->setText(1, dateText(s.createdAt));
            item->setText(2, dateText(s.expiresAt));
            const int days = s.daysLeft(now);
            item->setText(3, !s.expiresAt.isValid() ? tr("never") : days < 0 ? tr("expired") : QString::number(days));
            item->setText(4, s.id == m_heldSecret ? tr("yes") : QString());
            if (m_secrets.size() >= 2)
                item->setCheckState(0, Qt::Unchecked);
        }
        m_tree->blockSignals(false);
        m_readState->setText(tr("The server holds %n secret(s) of this client.", nullptr, int(m_secrets.size())));
        if (m_secrets.size() >= 2) {
            m_twoNote->setText(tr("The client has two secrets, the most there can be: a third would silently replace "
                                  "the newest. Tick the one to delete first (not the one in the keychain unless you "
                                  "mean it)."));
            m_twoNote->show();
        }
        m_plan->changed();
    });
}

void RotationWizard::chooseDeleteFirst(const QString &secretId)
{
    m_deleteFirst = secretId;
    m_tree->blockSignals(true);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        item->setCheckState(0, item->data(0, Qt::UserRole).toString() == secretId ? Qt::Checked : Qt::Unchecked);
    }
    m_tree->blockSignals(false);
    m_plan->changed();
}

bool RotationWizard::planComplete() const
{
    return m_secretsRead && (m_secrets.size() < 2 || !m_deleteFirst.isEmpty());
}

bool RotationWizard::confirmComplete() const
{
    return !isProtected() || m_typed->text() == tenantName();
}

void RotationWizard::initializePage(int id)
{
    if (id == ConfirmPage) {
        QStringList steps;
        if (!m_deleteFirst.isEmpty())
            steps << tr("delete the secret %1 on the server").arg(m_deleteFirst);
        if (isJwt())
            steps << tr("make a new key pair and add its public key to the client")
                  << tr("store the private key in the keychain (the old one kept beside it)")
                  << tr("get a token with the new key") << tr("remove the old public key");
        else
            steps << tr("create a new secret valid %n days", nullptr, m_validity->value())
                  << tr("store it in the keychain (the old value kept beside it)")
                  << tr("get a token with the new secret") << tr("delete the old secret on the server");
        QString text = tr("zconsole will, in this order:") + QLatin1Char('\n');
        for (int i = 0; i < steps.size(); ++i)
            text += QStringLiteral("%1. %2\n").arg(i + 1).arg(steps.at(i));
        text += tr("If a step fails, what came before it is undone and the keychain keeps a working credential.");
        m_confirmText->setText(text);
        if (m_typed->isVisible())
            m_typed->setFocus();
    }
    if (id == RunPage)
        start();
}

bool RotationWizard::validateCurrentPage()
{
    if (currentId() == ConfirmPage && !confirmComplete())
        return false;
    return QWizard::validateCurrentPage();
}

void RotationWizard::start()
{
    m_running = true;
    m_hasResult = false;
    m_steps->clear();
    m_outcome->setText(tr("Rotating… do not close zconsole (if it is closed anyway, the next start finishes or "
                          "undoes the rotation)."));
    button(QWizard::FinishButton)->setEnabled(false);
    RotationRequest req;
    req.profileId = m_profileId;
    req.adminId = m_adminId;
    req.validityDays = m_validity->value();
    req.deleteFirst = m_deleteFirst;
    m_services->rotation()->rotate(req, [self = QPointer<RotationWizard>(this)](const RotationResult &r) {
        if (self)
            self->onDone(r);
    });
}

void RotationWizard::onStep(const QString &step)
{
    if (!m_running)
        return;
    if (m_steps->count() > 0) {
        QListWidgetItem *last = m_steps->item(m_steps->count() - 1);
        last->setText(tr("✔ %1").arg(last->data(Qt::UserRole + 1).toString()));
    }
    auto *item = new QListWidgetItem(tr("… %1").arg(SecretRotation::stepLabel(step)), m_steps);
    item->setData(Qt::UserRole, step);
    item->setData(Qt::UserRole + 1, SecretRotation::stepLabel(step));
}

QStringList RotationWizard::stepsShown() const
{
    QStringList out;
    for (int i = 0; i < m_steps->count(); ++i)
        out << m_steps->item(i)->data(Qt::UserRole).toString();
    return out;
}

void RotationWizard::onDone(const RotationResult &r)
{
    m_running = false;
    m_hasResult = true;
    m_result = r;
    if (m_steps->count() > 0) {
        QListWidgetItem *last = m_steps->item(m_steps->count() - 1);
        const bool failedHere = !r.failedStep.isEmpty() && last->data(Qt::UserRole).toString() == r.failedStep;
        last->setText((failedHere ? tr("✘ %1") : tr("✔ %1")).arg(last->data(Qt::UserRole + 1).toString()));
    }
    m_outcome->setText(resultText());
    m_run->setTitle(r.ok() ? tr("Rotated") : r.outcome == RotationResult::Outcome::Refused ? tr("Nothing changed")
                                                                                            : tr("Rotation failed"));
    m_run->changed();
    button(QWizard::FinishButton)->setEnabled(true);
    emit rotationFinished(r);
}

QString RotationWizard::resultText() const
{
    const RotationResult &r = m_result;
    if (!m_hasResult)
        return {};
    const QString cred = isJwt() ? tr("key") : tr("secret");
    switch (r.outcome) {
    case RotationResult::Outcome::Rotated: {
        QString text = isJwt()
            ? tr("Rotated. The keychain holds the new private key, which got a token.")
            : tr("Rotated. The keychain holds the new secret %1 (expires %2), which got a token.")
                  .arg(r.newSecretId, dateText(r.newExpiresAt));
        if (!r.failedStep.isEmpty())
            text += QLatin1Char(' ') + tr("But the old %1 %2 could not be removed on the server (%3): remove it later; "
                                          "it still works until it expires.").arg(cred, r.oldSecretId, r.error.toString());
        else if (!r.oldSecretId.isEmpty())
            text += QLatin1Char(' ') + tr("The old %1 %2 was removed on the server.").arg(cred, r.oldSecretId);
        return text;
    }
    case RotationResult::Outcome::Refused: {
        QStringList both;
        for (const ZidSecret &s : r.existing)
            both << secretLine(s);
        return tr("Nothing changed: the client already has two secrets (%1), and a third would replace the newest. "
                  "Open the wizard again and tick the one to delete first.").arg(both.join(QStringLiteral("; ")));
    }
    case RotationResult::Outcome::RolledBack:
        return tr("The interrupted rotation was undone; the keychain holds the old %1.").arg(cred);
    case RotationResult::Outcome::Failed:
        break;
    }
    const QString holds = r.keychainHolds == QLatin1String("new") ? tr("the new %1").arg(cred)
        : r.keychainHolds == QLatin1String("old")                 ? tr("the old %1").arg(cred)
                                                                  : tr("no %1").arg(cred);
    return tr("The step “%1” failed: %2 What came before it was undone; the keychain holds %3, which still gets tokens.")
        .arg(SecretRotation::stepLabel(r.failedStep), r.error.toString(), holds);
}

void RotationWizard::reject()
{
    if (m_running)
        return; // cannot be stopped halfway: the journal would finish it at the next start anyway
    QWizard::reject();
}

} // namespace zc
