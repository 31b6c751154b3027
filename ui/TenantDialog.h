#pragma once

#include "FieldErrors.h"
#include "core/Tenant.h"

#include <QDialog>
#include <memory>

namespace Ui {
class TenantDialog;
}

namespace zc {

class TenantStore;

// Adds or edits one tenant. Every edit runs Tenant::validate() and the name-uniqueness check and
// shows each message under its field; OK stays disabled while anything is wrong. OK saves through
// TenantStore::addTenant/updateTenant; if the store refuses, the dialog stays open with the reason.
class TenantDialog : public QDialog
{
    Q_OBJECT
public:
    // Edits the tenant `tenantId`, or adds a new one when it is empty.
    TenantDialog(TenantStore *store, const QString &tenantId, QWidget *parent = nullptr);
    ~TenantDialog() override;

    bool isNew() const { return m_original.id.isEmpty(); }
    QString tenantId() const { return m_savedId; }
    Tenant tenantFromForm() const;
    ValidationIssues currentIssues() const;
    QString errorText(const QString &field) const { return m_errors.shownText(field); }
    QString storeErrorText() const;

public slots:
    void accept() override;

signals:
    void saved(const QString &tenantId);

private:
    void fillForm(const Tenant &t);
    void save(const Tenant &t);
    void revalidate();
    void chooseColor();
    void setColor(const QString &color);
    QString cloudInput() const;

    std::unique_ptr<Ui::TenantDialog> m_ui;
    TenantStore *m_store;
    Tenant m_original;
    QString m_color;
    QString m_savedId;
    FieldErrors m_errors;
};

} // namespace zc
