#pragma once

#include <QColor>
#include <QFrame>

class QComboBox;
class QLabel;

namespace zc {

class TenantStore;

// The active-tenant banner: the tenant's name in its colour (neutral by default), a PROTECTED
// badge for production tenants, where it lives, and the combo box that chooses it. Admins with
// many tenants see at a glance which one they are about to change.
class TenantBanner : public QFrame
{
    Q_OBJECT
public:
    explicit TenantBanner(TenantStore *store, QWidget *parent = nullptr);

    QString activeTenantId() const { return m_activeId; }
    // Chooses the tenant (empty or unknown: none); emits activeTenantChanged if it changed.
    void setActiveTenant(const QString &tenantId);

    QComboBox *combo() const { return m_combo; }
    QString nameText() const;
    QColor nameColor() const { return m_nameColor; }
    bool isProtectedShown() const;
    // The active tenant's ZIA activation state as a small badge ("ZIA PENDING"); empty hides it.
    void setZiaBadge(const QString &text, const QColor &color, const QString &toolTip);
    QString ziaBadgeText() const;

signals:
    void activeTenantChanged(const QString &tenantId);

private:
    void rebuild();
    void refresh();
    void onComboChanged(int index);

    TenantStore *m_store;
    QString m_activeId;
    QColor m_nameColor;
    QFrame *m_stripe;
    QLabel *m_name;
    QLabel *m_badge;
    QLabel *m_ziaBadge;
    QLabel *m_details;
    QComboBox *m_combo;
    bool m_rebuilding = false;
};

} // namespace zc
