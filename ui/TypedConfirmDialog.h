#pragma once

#include "Confirm.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace zc {

// "Type the tenant's name to confirm": the accept button stays disabled until the text typed
// equals Request::typedName exactly. Used for protected (production) tenants.
class TypedConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TypedConfirmDialog(const Confirm::Request &request, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_edit; }
    QPushButton *acceptButton() const { return m_accept; }

private:
    void updateButton();

    Confirm::Request m_request;
    QLineEdit *m_edit;
    QPushButton *m_accept;
    QPushButton *m_cancel;
};

} // namespace zc
