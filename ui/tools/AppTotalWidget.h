#pragma once

#include "core/AppTotal.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace zc {

class AppServices;
class ClientCombo;
class MessageBar;

// AppTotal app lookup by id: risk (coloured), score, publisher, permissions, and the remaining
// daily quota (X-Rate-Limit-Remaining; no request is sent once it is known to be spent).
class AppTotalWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AppTotalWidget(AppServices *services, QWidget *parent = nullptr);

    ClientCombo *clientCombo() const { return m_client; }
    QLineEdit *appIdEdit() const { return m_appId; }
    QPushButton *lookupButton() const { return m_lookup; }
    QString quotaText() const;
    QString riskText() const;
    QString scoreText() const;
    QString appNameText() const;
    int permissionCount() const;
    MessageBar *resultBar() const { return m_result; }
    bool isBusy() const { return m_busy; }

public slots:
    void lookup();

signals:
    void statusMessage(const QString &text);

private:
    void onFinished(const QString &clientId, const QString &appId, const AppTotalReply &reply);
    void onQuota(const QString &clientId, int remaining, const QDateTime &resetsUtc);
    void showApp(const AppTotalApp &app);
    void updateButtons();

    AppServices *m_services;
    ClientCombo *m_client;
    QLineEdit *m_appId;
    QPushButton *m_lookup;
    QLabel *m_quota;
    QWidget *m_details;
    QLabel *m_name;
    QLabel *m_risk;
    QLabel *m_score;
    QLabel *m_publisher;
    QLabel *m_more;
    QTableWidget *m_permissions;
    MessageBar *m_result;
    bool m_busy = false;
};

} // namespace zc
