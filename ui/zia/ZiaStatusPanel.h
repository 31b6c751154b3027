#pragma once

#include "core/ZiaResults.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace zc {

class AppServices;
class ClientCombo;
class MessageBar;

// The selected ZIA tenant at a glance and its activation: name, a large ACTIVE / PENDING /
// INPROGRESS badge, the API client to act with, the legacy session's idle countdown (ending
// it activates pending changes), "Activate…" (confirmation naming the tenant; protected
// tenants: type the name), progress while the activation runs (edit-lock retries and budget
// refusals shown as they come) with "Stop waiting", and the outcome in a message bar.
class ZiaStatusPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ZiaStatusPanel(AppServices *services, QWidget *parent = nullptr);

    void setTenant(const QString &tenantId);
    QString tenant() const { return m_tenantId; }
    QString clientId() const;
    bool setClient(const QString &clientId);

    QString badgeText() const;
    QString progressText() const;
    bool isProgressShown() const;
    QString sessionText() const;
    QPushButton *activateButton() const { return m_activate; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *endSessionButton() const { return m_endSession; }
    MessageBar *resultBar() const { return m_result; }
    // Writes (URL edits, activation) possible for the tenant right now.
    bool writable() const;

public slots:
    void activate();
    void refresh();
    void endSession();
    void stopWaiting();

signals:
    void clientChanged(const QString &tenantId, const QString &clientId);
    void writableChanged(bool writable);
    void statusMessage(const QString &text);

private:
    void updateView();
    void updateSession();
    void updateButtons();
    void startActivation(const QString &clientId);
    void onStarted(const QString &tenantId);
    void onProgress(const QString &tenantId, const QString &message);
    void onFinished(const QString &tenantId, const ZiaActivationResult &result);
    void onSessionEnded(const QString &clientId, const QString &tenantId, const ApiError &error);
    void showResult(int type, const QString &text);
    QString tenantName() const;

    AppServices *m_services;
    QString m_tenantId;
    QLabel *m_name;
    QLabel *m_badge;
    QLabel *m_readOnlyBadge;
    QLabel *m_describe;
    ClientCombo *m_client;
    QLabel *m_session;
    QPushButton *m_endSession;
    QPushButton *m_activate;
    QPushButton *m_refresh;
    QWidget *m_progressRow;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QPushButton *m_stop;
    MessageBar *m_result;
    bool m_lastWritable = true;
};

} // namespace zc
