#include "FieldErrors.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>

namespace zc {

void FieldErrors::styleErrorLabel(QLabel *label)
{
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void FieldErrors::add(const QString &field, QLabel *label, QFormLayout *form)
{
    styleErrorLabel(label);
    label->clear();
    if (form)
        form->setRowVisible(label, false);
    else
        label->hide();
    m_slots.insert(field, {label, form});
}

void FieldErrors::showHint(QLabel *label, const ValidationIssues &pending)
{
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText).darker(120));
    label->setPalette(pal);
    QStringList parts;
    for (const ValidationIssue &i : pending)
        if (!parts.contains(i.message))
            parts << i.message;
    label->setText(parts.isEmpty() ? QString()
                                   : QCoreApplication::translate("zc::FieldErrors", "Still needed: %1")
                                         .arg(parts.join(QStringLiteral("; "))));
    label->setVisible(!parts.isEmpty());
}

ValidationIssues FieldErrors::show(const ValidationIssues &issues, ValidationIssues *hidden)
{
    if (hidden)
        hidden->clear();
    ValidationIssues unplaced;
    QHash<QString, QString> text;
    for (const ValidationIssue &i : issues) {
        if (!m_slots.contains(i.field)) {
            unplaced.append(i);
            continue;
        }
        if (!text.contains(i.field))
            text.insert(i.field, i.message);
        if (hidden && !m_all && !m_touched.contains(i.field))
            hidden->append(i);
    }
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it) {
        const bool visible = m_all || m_touched.contains(it.key());
        const QString msg = visible ? text.value(it.key()) : QString();
        it->label->setText(msg);
        it->label->setAccessibleDescription(msg);
        if (it->form)
            it->form->setRowVisible(it->label, !msg.isEmpty());
        else
            it->label->setVisible(!msg.isEmpty());
    }
    return unplaced;
}

QString FieldErrors::shownText(const QString &field) const
{
    const auto it = m_slots.constFind(field);
    return it == m_slots.cend() ? QString() : it->label->text();
}

} // namespace zc
