#pragma once

#include "core/Validation.h"

#include <QHash>
#include <QSet>
#include <QString>

class QFormLayout;
class QLabel;

namespace zc {

// Shows validation messages next to their fields: one red label per field name (a row of a
// QFormLayout, hidden while empty). Messages of fields the person has not touched yet stay
// hidden until showAll() (so a fresh form is not a wall of red), but still count as issues.
class FieldErrors
{
public:
    void add(const QString &field, QLabel *label, QFormLayout *form);
    void touch(const QString &field) { m_touched.insert(field); }
    void showAll() { m_all = true; }
    // Shows `issues`; returns those that have no label of their own (show them elsewhere).
    // `hidden` receives the issues of untouched fields (for a neutral "still needed" hint).
    ValidationIssues show(const ValidationIssues &issues, ValidationIssues *hidden = nullptr);
    QString shownText(const QString &field) const;

    static void styleErrorLabel(QLabel *label);
    // "Still needed: …" in a neutral colour, hidden when there is nothing to say.
    static void showHint(QLabel *label, const ValidationIssues &pending);

private:
    struct Slot
    {
        QLabel *label;
        QFormLayout *form;
    };
    QHash<QString, Slot> m_slots;
    QSet<QString> m_touched;
    bool m_all = false;
};

} // namespace zc
