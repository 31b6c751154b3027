#include "SegmentEditorDialog.h"

#include "ui_SegmentEditorDialog.h"

#include "MessageBar.h"
#include "core/ZpaSegmentInput.h"
#include "core/PortRange.h"

#include <QListWidgetItem>
#include <QPushButton>
#include <QSet>
#include <algorithm>

namespace zc {

namespace {

QStringList domainLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString d = line.trimmed();
        if (!d.isEmpty())
            out << d;
    }
    return out;
}

const QString kTcp = QStringLiteral("tcpPortRanges");
const QString kUdp = QStringLiteral("udpPortRanges");
const QString kDomains = QStringLiteral("domainNames");
} // namespace

SegmentEditorDialog::SegmentEditorDialog(const SegmentEditorContext &context, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SegmentEditorDialog>())
    , m_ctx(context)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("segmentEditorDialog"));
    setWindowTitle(isCreate() ? tr("New application segment — %1").arg(m_ctx.tenantName)
                              : tr("Edit “%1” — %2").arg(m_ctx.base.name(), m_ctx.tenantName));

    m_bar = new MessageBar(MessageBar::Type::Info, QString(), this);
    m_bar->setObjectName(QStringLiteral("editorMessage"));
    m_bar->setClosable(false);
    m_bar->hide();
    m_ui->barLayout->addWidget(m_bar);

    // Each error label sits under its field in the field's cell, so no row of the form is ever
    // hidden: with hidden rows, Qt 6.4.2's QFormLayout::setGeometry writes past its row array on
    // a form this long (valgrind: invalid writes, then heap corruption).
    m_errors.add(QStringLiteral("name"), m_ui->nameError, nullptr);
    m_errors.add(QStringLiteral("description"), m_ui->descriptionError, nullptr);
    m_errors.add(kDomains, m_ui->domainsError, nullptr);
    m_errors.add(kTcp, m_ui->tcpError, nullptr);
    m_errors.add(kUdp, m_ui->udpError, nullptr);
    m_errors.add(QStringLiteral("ports"), m_ui->portsError, nullptr);
    m_errors.add(QStringLiteral("segmentGroupId"), m_ui->segmentGroupError, nullptr);
    m_errors.add(QStringLiteral("serverGroups"), m_ui->serverGroupsError, nullptr);

    const int line = m_ui->descriptionEdit->fontMetrics().lineSpacing();
    m_ui->descriptionEdit->setMaximumHeight(line * 3 + 12);
    m_ui->domainsEdit->setMaximumHeight(line * 5 + 12);
    m_ui->serverGroupsList->setMaximumHeight(line * 6 + 12);
    m_ui->segmentGroupCombo->setPlaceholderText(tr("Choose a segment group"));
    m_ui->bypassCombo->addItem(tr("Never (default)"), QStringLiteral("NEVER"));
    m_ui->bypassCombo->addItem(tr("Always"), QStringLiteral("ALWAYS"));
    m_ui->bypassCombo->addItem(tr("On the corporate network"), QStringLiteral("ON_NET"));
    m_ui->healthCombo->addItem(tr("On access (default)"), QStringLiteral("ON_ACCESS"));
    m_ui->healthCombo->addItem(tr("Continuous"), QStringLiteral("CONTINUOUS"));
    m_ui->healthCombo->addItem(tr("None"), QStringLiteral("NONE"));
    m_ui->confirmButton->setText(isCreate() ? tr("&Create segment") : tr("Save &changes"));
    m_ui->saveButton->setToolTip(tr("Shows what will change before anything is sent"));

    fillForm(m_ctx.base);
    if (!isCreate())
        m_errors.showAll(); // an existing segment: say at once if something is off

    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, [this] { fieldEdited(QStringLiteral("name")); });
    connect(m_ui->descriptionEdit, &QPlainTextEdit::textChanged, this,
            [this] { fieldEdited(QStringLiteral("description")); });
    connect(m_ui->enabledCheck, &QCheckBox::toggled, this, [this] { fieldEdited(QString()); });
    connect(m_ui->domainsEdit, &QPlainTextEdit::textChanged, this, [this] { fieldEdited(kDomains); });
    connect(m_ui->tcpEdit, &QLineEdit::textChanged, this, [this] {
        fieldEdited(kTcp);
        fieldEdited(QStringLiteral("ports"));
    });
    connect(m_ui->udpEdit, &QLineEdit::textChanged, this, [this] {
        fieldEdited(kUdp);
        fieldEdited(QStringLiteral("ports"));
    });
    connect(m_ui->segmentGroupCombo, &QComboBox::currentIndexChanged, this,
            [this] { fieldEdited(QStringLiteral("segmentGroupId")); });
    connect(m_ui->serverGroupsList, &QListWidget::itemChanged, this,
            [this] { fieldEdited(QStringLiteral("serverGroups")); });
    connect(m_ui->bypassCombo, &QComboBox::currentIndexChanged, this, [this] { fieldEdited(QString()); });
    connect(m_ui->healthCombo, &QComboBox::currentIndexChanged, this, [this] { fieldEdited(QString()); });
    // Port text is shown in its canonical form once the person leaves the field.
    for (QLineEdit *edit : {m_ui->tcpEdit, m_ui->udpEdit})
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
            PortRangeList parsed;
            QStringList errors;
            if (ports::parseText(edit->text(), &parsed, &errors) && ports::toText(parsed) != edit->text())
                edit->setText(ports::toText(parsed));
        });

    connect(m_ui->saveButton, &QPushButton::clicked, this, &SegmentEditorDialog::save);
    connect(m_ui->confirmButton, &QPushButton::clicked, this, &SegmentEditorDialog::confirmPreview);
    connect(m_ui->backButton, &QPushButton::clicked, this, &SegmentEditorDialog::backToEditing);
    connect(m_ui->reloadButton, &QPushButton::clicked, this, &SegmentEditorDialog::reloadTheirs);
    connect(m_ui->mergeButton, &QPushButton::clicked, this,
            [this] { applyOnTop(ZpaConflictPolicy::MergeDisjoint); });
    connect(m_ui->overwriteButton, &QPushButton::clicked, this,
            [this] { applyOnTop(ZpaConflictPolicy::Overwrite); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SegmentEditorDialog::reject);

    if (m_ctx.readOnly) {
        for (QWidget *w : std::initializer_list<QWidget *>{m_ui->enabledCheck, m_ui->segmentGroupCombo,
                                                            m_ui->serverGroupsList, m_ui->bypassCombo,
                                                            m_ui->healthCombo})
            w->setEnabled(false);
        m_ui->nameEdit->setReadOnly(true);
        m_ui->descriptionEdit->setReadOnly(true);
        m_ui->domainsEdit->setReadOnly(true);
        m_ui->tcpEdit->setReadOnly(true);
        m_ui->udpEdit->setReadOnly(true);
        m_ui->cancelButton->setText(tr("Close"));
        showMessage(Tone::Info, tr("Read-only: this segment cannot be changed from here."));
    }
    setStage(Stage::Editing);
    revalidate();
    m_ui->nameEdit->setFocus();
}

SegmentEditorDialog::~SegmentEditorDialog() = default;

bool SegmentEditorDialog::isCreate() const { return m_ctx.base.id().isEmpty(); }

void SegmentEditorDialog::fillForm(const AppSegment &s)
{
    m_filling = true;
    m_ui->nameEdit->setText(s.name());
    m_ui->descriptionEdit->setPlainText(s.description());
    m_ui->enabledCheck->setChecked(isCreate() ? true : s.enabled());
    m_ui->domainsEdit->setPlainText(s.domainNames().join(QLatin1Char('\n')));
    m_ui->tcpEdit->setText(ports::toText(s.tcpPorts()));
    m_ui->udpEdit->setText(ports::toText(s.udpPorts()));
    for (QComboBox *combo : {m_ui->bypassCombo, m_ui->healthCombo}) {
        const QString value = combo == m_ui->bypassCombo ? s.bypassType() : s.healthReporting();
        int idx = combo->findData(value);
        if (idx < 0 && !value.isEmpty()) {
            combo->addItem(value, value); // a value this version does not know: kept as it is
            idx = combo->count() - 1;
        }
        if (idx < 0) {
            // Not set on the server: keep it unset unless the person picks a value.
            combo->insertItem(0, tr("(not set)"), QString());
            idx = 0;
        }
        combo->setCurrentIndex(idx);
    }
    fillGroups(s.segmentGroupId(), s.serverGroupIds());
    m_filling = false;
}

void SegmentEditorDialog::fillGroups(const QString &segmentGroupId, const QStringList &checkedServerGroups)
{
    const bool wasFilling = m_filling;
    m_filling = true;
    QComboBox *combo = m_ui->segmentGroupCombo;
    combo->clear();
    for (const ZpaSegmentGroup &g : std::as_const(m_ctx.segmentGroups)) {
        const QString text = g.microtenantName.isEmpty() ? g.name : tr("%1 (%2)").arg(g.name, g.microtenantName);
        combo->addItem(text, g.id);
    }
    if (!segmentGroupId.isEmpty() && combo->findData(segmentGroupId) < 0) {
        const QString name = segmentGroupId == m_ctx.base.segmentGroupId() ? m_ctx.base.segmentGroupName() : QString();
        combo->addItem(name.isEmpty() ? segmentGroupId : name, segmentGroupId);
    }
    combo->setCurrentIndex(segmentGroupId.isEmpty() ? -1 : combo->findData(segmentGroupId));

    QListWidget *list = m_ui->serverGroupsList;
    list->clear();
    QSet<QString> listed;
    auto addItem = [&](const QString &id, const QString &name) {
        auto *item = new QListWidgetItem(name.isEmpty() ? id : name, list);
        item->setData(Qt::UserRole, id);
        item->setToolTip(tr("Server group %1").arg(id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(checkedServerGroups.contains(id) ? Qt::Checked : Qt::Unchecked);
        listed.insert(id);
    };
    for (const ZpaServerGroup &g : std::as_const(m_ctx.serverGroups))
        addItem(g.id, g.microtenantName.isEmpty() ? g.name : tr("%1 (%2)").arg(g.name, g.microtenantName));
    for (const ZpaRef &r : m_ctx.base.serverGroups())
        if (!listed.contains(r.id) && checkedServerGroups.contains(r.id))
            addItem(r.id, r.name);
    for (const QString &id : checkedServerGroups)
        if (!listed.contains(id))
            addItem(id, QString());
    m_filling = wasFilling;
}

void SegmentEditorDialog::setGroups(const QList<ZpaSegmentGroup> &segmentGroups,
                                    const QList<ZpaServerGroup> &serverGroups)
{
    const QString chosen = chosenSegmentGroup();
    const QStringList checked = checkedServerGroups();
    m_ctx.segmentGroups = segmentGroups;
    m_ctx.serverGroups = serverGroups;
    fillGroups(chosen, checked);
    revalidate();
}

QString SegmentEditorDialog::chosenSegmentGroup() const { return m_ui->segmentGroupCombo->currentData().toString(); }

QStringList SegmentEditorDialog::checkedServerGroups() const
{
    QStringList ids;
    for (int i = 0; i < m_ui->serverGroupsList->count(); ++i) {
        const QListWidgetItem *item = m_ui->serverGroupsList->item(i);
        if (item->checkState() == Qt::Checked)
            ids << item->data(Qt::UserRole).toString();
    }
    return ids;
}

AppSegment SegmentEditorDialog::editedSegment() const
{
    AppSegment s = m_ctx.base;
    s.setName(m_ui->nameEdit->text().trimmed());
    s.setDescription(m_ui->descriptionEdit->toPlainText());
    s.setEnabled(m_ui->enabledCheck->isChecked());
    s.setDomainNames(domainLines(m_ui->domainsEdit->toPlainText()));
    PortRangeList tcp, udp;
    QStringList ignored;
    ports::parseText(m_ui->tcpEdit->text(), &tcp, &ignored);
    ports::parseText(m_ui->udpEdit->text(), &udp, &ignored);
    s.setTcpPorts(tcp);
    s.setUdpPorts(udp);

    const QString groupId = chosenSegmentGroup();
    if (groupId != m_ctx.base.segmentGroupId()) {
        QString name;
        for (const ZpaSegmentGroup &g : m_ctx.segmentGroups)
            if (g.id == groupId)
                name = g.name;
        s.setSegmentGroup(groupId, name);
    }

    // Keep the server's order of the groups that stay; new ones follow in list order.
    const QStringList checked = checkedServerGroups();
    QList<ZpaRef> refs;
    for (const ZpaRef &r : m_ctx.base.serverGroups())
        if (checked.contains(r.id))
            refs << r;
    for (int i = 0; i < m_ui->serverGroupsList->count(); ++i) {
        const QListWidgetItem *item = m_ui->serverGroupsList->item(i);
        const QString id = item->data(Qt::UserRole).toString();
        const bool known = std::any_of(refs.cbegin(), refs.cend(), [&](const ZpaRef &r) { return r.id == id; });
        if (item->checkState() == Qt::Checked && !known) {
            QString name;
            for (const ZpaServerGroup &g : m_ctx.serverGroups)
                if (g.id == id)
                    name = g.name;
            refs << ZpaRef{id, name};
        }
    }
    s.setServerGroups(refs);
    s.setBypassType(m_ui->bypassCombo->currentData().toString());
    s.setHealthReporting(m_ui->healthCombo->currentData().toString());
    return s;
}

ValidationIssues SegmentEditorDialog::currentIssues() const
{
    ValidationIssues issues;
    PortRangeList parsed;
    QStringList tcpErrors, udpErrors;
    ports::parseText(m_ui->tcpEdit->text(), &parsed, &tcpErrors);
    ports::parseText(m_ui->udpEdit->text(), &parsed, &udpErrors);
    for (const QString &e : std::as_const(tcpErrors))
        issues.append({kTcp, tr("TCP ports: %1").arg(e)});
    for (const QString &e : std::as_const(udpErrors))
        issues.append({kUdp, tr("UDP ports: %1").arg(e)});
    const bool badText = !tcpErrors.isEmpty() || !udpErrors.isEmpty();
    for (const ValidationIssue &i : ZpaSegmentInput::validate(editedSegment())) {
        if ((i.field == kTcp && !tcpErrors.isEmpty()) || (i.field == kUdp && !udpErrors.isEmpty())
            || (i.field == QLatin1String("ports") && badText))
            continue; // the text's own message says more
        if (i.field == kTcp)
            issues.append({i.field, tr("TCP ports: %1").arg(i.message)});
        else if (i.field == kUdp)
            issues.append({i.field, tr("UDP ports: %1").arg(i.message)});
        else if (i.field == kDomains)
            issues.append({i.field, tr("Domains: %1").arg(i.message)});
        else
            issues.append(i);
    }
    return issues;
}

void SegmentEditorDialog::fieldEdited(const QString &field)
{
    if (m_filling)
        return;
    if (!field.isEmpty())
        m_errors.touch(field);
    revalidate();
}

void SegmentEditorDialog::revalidate()
{
    const ValidationIssues issues = currentIssues();
    ValidationIssues pending;
    const ValidationIssues rest = m_errors.show(issues, &pending);
    FieldErrors::showHint(m_ui->hintLabel, pending + rest);
    m_ui->saveButton->setToolTip(issues.isEmpty() ? tr("Shows what will change before anything is sent")
                                                  : joinIssues(issues));
    updateButtons();
}

void SegmentEditorDialog::updateButtons()
{
    const bool idle = !m_busy && !m_asking;
    const bool editing = m_stage == Stage::Editing;
    const bool previewing = m_stage == Stage::Previewing;
    const bool conflict = m_stage == Stage::Conflict;
    m_ui->saveButton->setVisible(editing && !m_ctx.readOnly);
    m_ui->saveButton->setEnabled(idle && currentIssues().isEmpty());
    m_ui->confirmButton->setVisible(previewing);
    m_ui->confirmButton->setEnabled(idle);
    m_ui->backButton->setVisible(!editing);
    m_ui->backButton->setEnabled(idle);
    m_ui->backButton->setText(conflict ? tr("&Back to my edit") : tr("&Back to editing"));
    m_ui->reloadButton->setVisible(conflict);
    m_ui->mergeButton->setVisible(conflict);
    m_ui->overwriteButton->setVisible(conflict);
    m_ui->reloadButton->setEnabled(idle);
    m_ui->mergeButton->setEnabled(idle && m_last.conflict.fields.isEmpty());
    m_ui->mergeButton->setToolTip(m_last.conflict.fields.isEmpty()
                                      ? tr("Keeps their changes and adds yours (no field was changed by both)")
                                      : tr("Not possible: some fields were changed on both sides"));
    m_ui->overwriteButton->setEnabled(idle);
    m_ui->cancelButton->setEnabled(!m_busy);
    m_ui->pages->setEnabled(!m_busy);
    // Enter presses the step forward only when it is possible; on a conflict it goes back.
    m_ui->saveButton->setDefault(editing && m_ui->saveButton->isEnabled());
    m_ui->confirmButton->setDefault(previewing);
    m_ui->backButton->setDefault(conflict);
}

void SegmentEditorDialog::setStage(Stage stage)
{
    m_stage = stage;
    m_ui->pages->setCurrentWidget(stage == Stage::Editing      ? m_ui->formPage
                                  : stage == Stage::Previewing ? m_ui->previewPage
                                                               : m_ui->conflictPage);
    updateButtons();
}

void SegmentEditorDialog::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_closeWhileBusy = false;
    if (busy) {
        m_bar->setType(MessageBar::Type::Info);
        m_bar->setText(text);
        m_bar->show();
    } else {
        showMessage(Tone::Info, QString()); // the answer says what happened
    }
    m_bar->setBusy(busy);
    updateButtons();
}

void SegmentEditorDialog::showMessage(Tone tone, const QString &text)
{
    m_bar->setType(tone == Tone::Error     ? MessageBar::Type::Error
                   : tone == Tone::Warning ? MessageBar::Type::Warning
                                           : MessageBar::Type::Info);
    m_bar->setText(text);
    m_bar->setVisible(!text.isEmpty());
}

void SegmentEditorDialog::clearMessage()
{
    if (!m_ctx.readOnly)
        showMessage(Tone::Info, QString());
}

QString SegmentEditorDialog::messageText() const { return m_bar->isVisibleTo(this) ? m_bar->text() : QString(); }

void SegmentEditorDialog::reject()
{
    if (m_busy && !m_closeWhileBusy) {
        // Closing now would hide the answer (the request still runs). A second Esc closes anyway,
        // so that a lost answer never traps the person in the dialog.
        m_closeWhileBusy = true;
        m_bar->setText(tr("Waiting for the server's answer… Press Esc again to close anyway (the request may "
                          "still complete; check the list or the audit log)."));
        return;
    }
    QDialog::reject();
}

} // namespace zc
