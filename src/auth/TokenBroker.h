#pragma once

#include "auth/Authenticator.h"
#include "auth/RefreshPlanner.h"
#include "core/TokenStatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace zc {

class CredentialProvider;

struct BrokerSettings
{
    RefreshPlanner::Config refresh;      // ⅔–¾ window, min interval, spacing between clients
    qint64 backoffBaseMs = 10'000;       // a failed background refresh: 10 s doubling…
    qint64 backoffMaxMs = 300'000;       // …to 5 min, while the old token stays valid
    qint64 ziaIdleMarginMs = 30'000;     // a JSESSIONID is not used this close to its idle end
    qint64 maxUsableMarginMs = 30'000;   // a token is handed out only with min(30 s, 10 %) left
    bool autoRefresh = false;            // renew ahead of expiry (the worker: on; the CLI: off)
    bool useTokenCache = false;          // keychain token cache (the CLI: on)
};

// Per-client tokens in memory. Single flight: however many callers ask while a token request
// runs, one request is made and all get its result. Background renewal ahead of expiry (with
// jitter, a minimum interval, spacing between clients, and backoff that keeps the still-valid
// token on failure). ONE timer for all clients, armed for the next deadline. 401 recovery
// support: invalidate(generation) drops a refused token exactly once however many requests
// saw it refused. Lives in one thread (the session worker's, or the CLI's main thread).
class TokenBroker : public QObject
{
    Q_OBJECT
public:
    using TokenDone = std::function<void(const Token &token, const ApiError &error)>;

    TokenBroker(HttpPipeline *http, CredentialProvider *creds, Clock *clock = Clock::system(),
                QObject *parent = nullptr);
    ~TokenBroker() override;

    void setSettings(const BrokerSettings &s);
    const BrokerSettings &settings() const { return m_settings; }
    void setAuthSettings(const AuthSettings &s);
    const AuthSettings &authSettings() const { return m_authSettings; }
    HttpPipeline *pipeline() const { return m_http; }
    Clock *clock() const { return m_clock; }

    // Profiles (values; the caller keeps them in step with the TenantStore).
    void upsertClient(const ApiClient &client, const Tenant &tenant);
    void removeClient(const QString &clientId);
    const AuthTarget *target(const QString &clientId) const;
    Authenticator *authenticator(AuthKind kind);
    // Replaces the authenticator of a scheme (tests: a scripted token source).
    void setAuthenticator(AuthKind kind, std::shared_ptr<Authenticator> auth) { m_auth.insert(int(kind), std::move(auth)); }
    QStringList clientIds() const { return m_entries.keys(); }

    // A usable token (cached, or fetched once for all concurrent callers). `done` is always
    // called later from the event loop (never synchronously), unless `ctx` dies first.
    void token(const QString &clientId, QObject *ctx, TokenDone done, CancelHandle cancel = {});
    // The token of `generation` was refused by the server (401): drop it if it is still the
    // current one (a later token() fetches a new one). Idempotent for one generation.
    void invalidate(const QString &clientId, quint64 generation);
    // A request with the current token succeeded (moves a ZIA session's idle deadline).
    void touch(const QString &clientId);
    // Drops the token (memory and keychain cache). Does not end a ZIA session on the server.
    void forget(const QString &clientId);
    // Ends the session on the server where the scheme has one (ZPA /signout; ZIA DELETE
    // /authenticatedSession, which ACTIVATES pending changes: only on an explicit request).
    void signOut(const QString &clientId, QObject *ctx, std::function<void(const ApiError &)> done);
    // Installs a token as if fetched (keychain cache, tests, benchmarks).
    void adopt(const QString &clientId, Token token);

    TokenStatus status(const QString &clientId) const;
    QList<TokenStatus> statuses() const;
    int tokenRequests() const { return m_tokenRequests; } // fetches started (tests, stats)
    qint64 nextDeadlineMs() const { return m_nextDeadline; }
    qint64 plannedRefreshMs(const QString &clientId) const { return m_planner.plannedFor(clientId); }

public slots:
    // Runs whatever is due now and re-arms the one timer (the timer calls it; tests with a
    // ManualClock call it after advancing the clock).
    void processDeadlines();

signals:
    void statusChanged(const zc::TokenStatus &status);
    void tokenRequestStarted(const QString &clientId, bool background);

private:
    struct Waiter
    {
        QPointer<QObject> ctx;
        bool hasCtx;
        TokenDone done;
        CancelHandle cancel;
    };
    struct Entry
    {
        AuthTarget target;
        Token token;
        bool fetching = false;
        bool cacheChecked = false;
        CancelHandle fetchCancel;
        QList<Waiter> waiters;
        qint64 lastRequestMs = std::numeric_limits<qint64>::min() / 2;
        qint64 fetchAtMs = -1;    // a fetch for waiters held back by the minimum interval
        qint64 refreshAtMs = -1;  // planned background renewal
        int failures = 0;
        ApiError lastError;
        TokenStatus lastEmitted;
    };
    qint64 usableMargin(const Token &t) const;
    bool usable(const Entry &e, qint64 now) const;
    void requestFetch(const QString &id, Entry &e);
    void startFetch(const QString &id, Entry &e, bool background);
    void startNetworkFetch(const QString &id, Entry &e, bool background);
    void onFetched(const QString &id, Token token, const ApiError &error, bool background);
    void install(const QString &id, Entry &e, Token token, bool fromCache);
    void planRefresh(const QString &id, Entry &e);
    void planRetry(const QString &id, Entry &e);
    void completeWaiters(Entry &e, const Token &token, const ApiError &error);
    TokenStatus computeStatus(const QString &id, const Entry &e, qint64 now) const;
    qint64 nextTransition(const Entry &e, qint64 now) const;
    void emitIfChanged(const QString &id, Entry &e);
    void rearm();

    HttpPipeline *m_http;
    CredentialProvider *m_creds;
    Clock *m_clock;
    BrokerSettings m_settings;
    AuthSettings m_authSettings;
    RefreshPlanner m_planner;
    QHash<QString, Entry> m_entries;
    QHash<int, std::shared_ptr<Authenticator>> m_auth;
    QTimer m_timer;
    qint64 m_nextDeadline = -1;
    quint64 m_generation = 0;
    int m_tokenRequests = 0;
};

} // namespace zc
