#pragma once

#include "services/ConnectionTest.h"

#include <QObject>

namespace zc {

class SessionWorker;
class TokenTracker;

// What the API Clients page's buttons call (GUI thread): Test connection, Forget token, Sign
// out; their outcomes as signals with a sentence to show; the status-bar summary.
class TokenController : public QObject
{
    Q_OBJECT
public:
    TokenController(SessionWorker *worker, TokenTracker *tracker, QObject *parent = nullptr);

    TokenTracker *tracker() const { return m_tracker; }

public slots:
    void testConnection(const QString &clientId);
    void forgetToken(const QString &clientId);
    // ZIA legacy: ending the session ACTIVATES the tenant's pending changes; the GUI must ask
    // first (signOutWarning() gives the text).
    void signOut(const QString &clientId);

public:
    static QString signOutWarning();
    // "Connection OK: GET https://…/status -> 200 in 85 ms; token expires 2030-01-01 12:00 UTC"
    static QString describe(const ConnectionTestResult &r);

signals:
    void testStarted(const QString &clientId);
    void testFinished(const QString &clientId, bool ok, const QString &message);
    void tokenForgotten(const QString &clientId);
    void signedOut(const QString &clientId, bool ok, const QString &message);
    void summaryChanged(const QString &summary);

private:
    SessionWorker *m_worker;
    TokenTracker *m_tracker;
};

} // namespace zc
