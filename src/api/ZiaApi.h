#pragma once

#include "core/ZiaTypes.h"
#include "auth/ApiCaller.h"
#include "core/UrlLookup.h"

#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcZia)

namespace zc {

// The ZIA cloud service API, one method per endpoint, for zia-legacy (JSESSIONID cookie),
// zia-oauth (Bearer from the customer's IdP) and OneAPI clients (Bearer, gateway prefix
// /zia/api/v1 instead of /api/v1). Built on ApiCaller, so every call is authenticated, paced
// and retried as the network layer says:
//  - reads go under "<tenant>/zia/read" (2/s, 1000/h), writes under "<tenant>/zia/write"
//    (1/s, 400/h); POST /status/activate under "<tenant>/zia/activate" (10/min, 40/h) and
//    POST /urlLookup under "<tenant>/zia/urlLookup" (1 per 1.1 s, 400/h): RequestPolicy's table;
//  - 409 EDIT_LOCK_NOT_AVAILABLE is retried by the pipeline's RetryPolicy (5 s doubling, capped
//    at 60 s, bounded in total: RetryConfig::editLock*; tests shrink editLockBaseMs there);
//  - 403 STATE_READONLY (or `x-zscaler-mode: read-only`) comes back as a typed read-only reply
//    (ZiaReply::readOnly, error code "STATE_READONLY") and flips the tenant's known mode;
//    every response's `x-zscaler-mode` header keeps that mode current (modeChanged).
// Callbacks run in this object's thread, never synchronously, unless `ctx` dies first.
// Lives in the thread of its ApiCaller (the session worker, or the CLI's main thread).
class ZiaApi : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(const ZiaReply<T> &)>;

    explicit ZiaApi(ApiCaller *caller, QObject *parent = nullptr);

    ApiCaller *caller() const { return m_caller; }

    static bool isZiaKind(AuthKind kind);
    // Whether the client is known to the broker and speaks ZIA; *why says what is wrong.
    bool checkClient(const QString &clientId, QString *why = nullptr) const;
    QString tenantIdOf(const QString &clientId) const;
    QString tenantNameOf(const QString &clientId) const;
    // "/zia/api/v1" for OneAPI clients, else the client's ZIA prefix ("/api/v1").
    QString apiPrefix(const QString &clientId) const;

    static QString activationRateKey(const QString &tenantId);
    static QString urlLookupRateKey(const QString &tenantId);
    static QList<RateBudget> activationBudgets(const ZiaActivationBudget &b = {});
    static QList<RateBudget> urlLookupBudgets();
    static constexpr qint64 UrlLookupIntervalMs = ziaLimits::UrlLookupIntervalMs; // 1/s plus a margin
    static constexpr int UrlLookupPerHour = ziaLimits::UrlLookupPerHour;
    // Installs RequestPolicy's budgets of the tenant's dedicated keys, unless some are set
    // already (a test or a setting may set them first; the pipeline does it on first use too).
    void ensureBudgets(const QString &tenantId);
    // The tenant's activation budget as set (ActivationController::setBudget), and its use.
    void setActivationBudget(const QString &tenantId, const ZiaActivationBudget &budget);
    QList<RateBudget> activationBudgetsOf(const QString &tenantId) const;
    int activationsWithin(const QString &tenantId, qint64 windowMs) const;
    qint64 activationWaitMs(const QString &tenantId) const;
    // Until the next URL lookup request of the client's tenant could go (0 = now).
    qint64 urlLookupWaitMs(const QString &clientId) const;
    // URL lookup requests granted under the client's tenant key in the last hour (of the 400).
    int urlLookupsInLastHour(const QString &clientId) const;

    // The tenant's API mode as last seen in any reply (Unknown before the first).
    ZiaApiMode knownMode(const QString &tenantId) const { return m_modes.value(tenantId, ZiaApiMode::Unknown); }
    bool isReadOnly(const QString &tenantId) const { return knownMode(tenantId) == ZiaApiMode::ReadOnly; }
    static bool isReadOnlyError(const ApiError &e);

    // GET /status
    void status(const QString &clientId, QObject *ctx, Done<ZiaActivationState> done, CancelHandle cancel = {});
    // POST /status/activate (raw endpoint: the budget check and the confirmation belong to
    // ActivationController). Activation is tenant-wide and cannot be undone.
    void activate(const QString &clientId, QObject *ctx, Done<ZiaActivationState> done, CancelHandle cancel = {});
    // GET /urlCategories[?customOnly=true]
    void urlCategories(const QString &clientId, bool customOnly, QObject *ctx, Done<QList<ZiaUrlCategory>> done,
                       CancelHandle cancel = {});
    // GET /urlCategories/{id}
    void urlCategory(const QString &clientId, const QString &id, QObject *ctx, Done<ZiaUrlCategory> done,
                     CancelHandle cancel = {});
    // GET /urlCategories/{id}, then PUT /urlCategories/{id}?action=ADD_TO_LIST with the URLs
    // not yet in it (none: no PUT). `urls` must be normalised already (UrlLookup::normalize with
    // allowLeadingDot). Refused for a predefined category. A sent change makes the tenant's
    // configuration PENDING (changesMade).
    void addUrls(const QString &clientId, const QString &id, const QStringList &urls, QObject *ctx,
                 Done<ZiaUrlEdit> done, CancelHandle cancel = {});
    // The same with ?action=REMOVE_FROM_LIST for the URLs that are in it.
    void removeUrls(const QString &clientId, const QString &id, const QStringList &urls, QObject *ctx,
                    Done<ZiaUrlEdit> done, CancelHandle cancel = {});
    // POST /urlLookup with at most UrlLookup::MaxBatch normalised URLs.
    void urlLookup(const QString &clientId, const QStringList &urls, QObject *ctx,
                   Done<QList<UrlLookupResult>> done, CancelHandle cancel = {});
    // GET /authenticatedSession: whether the client's session is alive.
    void sessionStatus(const QString &clientId, QObject *ctx, Done<ZiaSessionInfo> done, CancelHandle cancel = {});
    // zia-legacy only: DELETE /authenticatedSession. ENDING A SESSION ACTIVATES THE TENANT'S
    // PENDING CHANGES (every admin's), exactly like activate(); the token is dropped either way.
    // Other kinds: a Usage error, nothing sent.
    void endSession(const QString &clientId, QObject *ctx, Done<ZiaActivationState> done);

signals:
    // The tenant's API mode changed (read-only during a scheduled upgrade, or back).
    void modeChanged(const QString &tenantId, bool readOnly);
    // A write succeeded: the tenant now has pending changes.
    void changesMade(const QString &tenantId);
    // POST /status/activate (or a session end) answered with this state.
    void activationRequested(const QString &tenantId, zc::ZiaActivationState state);
    // A status was read (GET /status); the tracker and controllers share what anyone learns.
    void statusSeen(const QString &tenantId, zc::ZiaActivationState state);

private:
    using Parse = std::function<bool(const HttpResponse &, QString *why)>;
    void send(const QString &clientId, ApiRequest request, QObject *ctx,
              std::function<void(const HttpResponse &, const ApiError &, bool readOnly)> done,
              CancelHandle cancel);
    void observe(const QString &tenantId, const HttpResponse &r, bool *readOnly);
    void editUrls(const QString &clientId, const QString &id, const QStringList &urls, bool add,
                  QObject *ctx, Done<ZiaUrlEdit> done, CancelHandle cancel);
    QString path(const QString &clientId, const QString &rest) const;

    // Replies that tell a tenant's activation state are told on (statusSeen, activationRequested)
    // only when no request issued later has told it already: a status read overtaken by a later
    // read is stale. Numbered when issued. An activation's answer (or a session end's) also makes
    // every read issued before it ARRIVED stale (told = the newest number then): such a read may
    // have been written later yet reached the server first (another connection, the activation
    // waiting for its budget), so it may say PENDING after the activation was accepted.
    quint64 stateRequestSent() { return ++m_stateRequests; }
    bool isLatestState(const QString &tenantId, quint64 sent);
    bool isLatestActivation(const QString &tenantId, quint64 sent);

    ApiCaller *m_caller;
    QHash<QString, ZiaApiMode> m_modes;
    quint64 m_stateRequests = 0;
    QHash<QString, quint64> m_latestStateTold; // tenant → number of the request last told on
};

} // namespace zc
