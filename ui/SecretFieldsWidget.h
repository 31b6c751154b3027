#pragma once

#include "core/ApiClient.h"
#include "core/Validation.h"

#include <QMap>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace zc {

// One input per secret field of an auth kind: a password QLineEdit, or for the private key a
// QPlainTextEdit with "Load from file…". The text is taken out (take()) only to hand it to the
// keychain, and the input is cleared at once; nothing here is logged or kept in settings.
class SecretFieldsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SecretFieldsWidget(QWidget *parent = nullptr);

    // Rebuilds the inputs for `fields`. `existing` (may be null) tells which are stored already:
    // then the hint says "leave empty to keep the current value".
    void setFields(const QList<SecretField> &fields, const ApiClient *existing);
    QList<SecretField> fields() const { return m_fields; }

    bool isFilled(SecretField field) const;
    QList<SecretField> filledFields() const;
    // The typed value as UTF-8, and the input cleared. The caller hands it on and wipes it.
    QByteArray take(SecretField field);
    void clearAll();
    // Checks every filled input with ClientSecrets::checkValue (field names: secretFieldName).
    ValidationIssues check() const;
    void showIssues(const ValidationIssues &issues);

    QWidget *inputFor(SecretField field) const;

signals:
    void changed();

private:
    void loadPemFile(QPlainTextEdit *edit);

    QFormLayout *m_form;
    QLabel *m_hint;
    QList<SecretField> m_fields;
    QMap<SecretField, QLineEdit *> m_lines;
    QMap<SecretField, QPlainTextEdit *> m_pems;
    QMap<SecretField, QLabel *> m_errors;
};

} // namespace zc
