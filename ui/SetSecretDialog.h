#pragma once

#include "core/ApiError.h"
#include "core/AuthKind.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace zc {

class ClientSecrets;
class SecretFieldsWidget;
class SecretWriter;

// "Set secret…" for one API client: one input per secret field of its kind; OK writes the
// filled ones into the keychain (ClientSecrets::setSecret) and clears the inputs.
class SetSecretDialog : public QDialog
{
    Q_OBJECT
public:
    SetSecretDialog(ClientSecrets *secrets, const QString &clientId, QWidget *parent = nullptr);

    SecretFieldsWidget *fields() const { return m_fields; }
    QString errorText() const;

public slots:
    void accept() override;
    void reject() override;

private:
    void revalidate();
    void onWritten(const QList<zc::SecretField> &stored, const zc::ApiError &error);

    ClientSecrets *m_secrets;
    QString m_clientId;
    SecretFieldsWidget *m_fields;
    SecretWriter *m_writer;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace zc
