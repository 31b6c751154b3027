#pragma once

#include "api/ZpaTypes.h"
#include "auth/ApiCaller.h"
#include "core/AppSegment.h"
#include "core/AppSegmentPage.h"
#include "core/ZpaGroups.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcZpa)

namespace zc {

// The ZPA management API (zscaler-api-notes.md §3), one method per endpoint, for zpa-legacy
// clients (legacy host, /mgmtconfig/v1/admin/customers/{id}/…) and OneAPI clients (gateway,
// /zpa/mgmtconfig/v1/admin/customers/{id}/…), with the tenant's ZPA customer id. Built on
// ApiCaller: every call is authenticated, paced under "<tenant>/zpa/read" or
// "<tenant>/zpa/write" and retried per RetryPolicy (429 `retry-after: 4s` pauses the key).
// Errors are ApiError with ZPA's {id, reason} in code / message.
//
// Budgets: ZPA's documented budgets (20 GET and 10 writes per 10 s) plus an arrival margin on
// the window (arrivalMarginMs) are RequestPolicy's, installed by the pipeline on a key's first
// use whoever sends first (this class, the connection test): the server counts a request when
// it arrives, the limiter when it was written to its connection (RateLimiter::markSent; a new
// connection's handshakes come before that), and without a margin the jitter between writing
// and arriving alone produces 429s whenever the budget binds. setReadBudget() changes them.
//
// Callbacks run in this object's thread, never synchronously, unless `ctx` dies first.
// Lives in the thread of its ApiCaller (the session worker, or the CLI's main thread).
class ZpaApi : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(const ZpaReply<T> &)>;

    explicit ZpaApi(ApiCaller *caller, QObject *parent = nullptr);

    ApiCaller *caller() const { return m_caller; }

    static bool isZpaKind(AuthKind kind); // zpa-legacy, oneapi-secret, oneapi-jwt
    // Whether the client is known, speaks ZPA and its tenant has a customer id.
    bool checkClient(const QString &clientId, QString *why = nullptr) const;
    const AuthTarget *target(const QString &clientId) const;
    // "/mgmtconfig/v1/admin/customers/<id>" (zpa-legacy) or "/zpa/mgmtconfig/v1/admin/customers/<id>"
    QString basePath(const QString &clientId) const;

    static QString readRateKey(const QString &tenantId);  // "<tenant>/zpa/read"
    static QString writeRateKey(const QString &tenantId); // "<tenant>/zpa/write"
    // max(50 ms, 1 % of the window) (RequestPolicy::arrivalMarginMs)
    static qint64 arrivalMarginMs(qint64 windowMs) { return RequestPolicy::arrivalMarginMs(windowMs); }
    static QList<RateBudget> withMargin(const QList<RateBudget> &b) { return RequestPolicy::withMargin(b); }
    // Sets the tenant's GET budget (e.g. 20 per 10'000 ms), the arrival margin added; count <= 0
    // = unlimited.
    void setReadBudget(const QString &tenantId, int count, qint64 windowMs);
    void setWriteBudget(const QString &tenantId, int count, qint64 windowMs);
    // Until a new GET of the tenant could go (0 = now), for progress displays.
    qint64 readWaitMs(const QString &tenantId) const;

    // The `search` query value: "name+EQ+x" (an operator of §3.4) is kept; other text becomes
    // "name+CONTAINS+<text>"; "" = none. Percent-encoded ('+' as %2B, as recorded).
    static QString searchExpression(const QString &text);
    static QString encodedSearch(const QString &expression);
    // "/application?page=2&pagesize=500[&search=…][&microtenantId=…]" under basePath().
    QString listPath(const QString &clientId, int page, int pageSize, const QString &search,
                     const ZpaMicrotenantChoice &microtenant) const;

    // GET /application?page&pagesize[&search][&microtenantId]: the raw reply (ZpaSegmentLister
    // parses it where it likes). `done` gets the HttpResponse with error set for non-2xx.
    void listSegmentsPageRaw(const QString &clientId, int page, int pageSize, const QString &search,
                             const ZpaMicrotenantChoice &microtenant, QObject *ctx,
                             std::function<void(const HttpResponse &)> done, CancelHandle cancel = {});
    // The same, parsed (AppSegmentPage: rows, totals as sent, problems). A body that is not a
    // complete page is a Parse error (never half a page).
    void listSegmentsPage(const QString &clientId, int page, int pageSize, const QString &search,
                          const ZpaMicrotenantChoice &microtenant, QObject *ctx, Done<AppSegmentPage> done,
                          CancelHandle cancel = {});
    // GET /application/{id}
    void segment(const QString &clientId, const QString &id, QObject *ctx, Done<AppSegment> done,
                 CancelHandle cancel = {});
    // POST /application → 201 with the created object.
    void createSegment(const QString &clientId, const QJsonObject &segment, QObject *ctx,
                       Done<AppSegment> done, CancelHandle cancel = {});
    // PUT /application/{id} → 204, no body (re-read with segment()).
    void updateSegment(const QString &clientId, const QString &id, const QJsonObject &segment,
                       QObject *ctx, Done<bool> done, CancelHandle cancel = {});
    // DELETE /application/{id}?forceDelete=true → 204.
    void deleteSegment(const QString &clientId, const QString &id, QObject *ctx, Done<bool> done,
                       CancelHandle cancel = {});
    // Complete lists (every page, pagesize 500, one page after another; rows deduplicated).
    void segmentGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant, QObject *ctx,
                       Done<QList<ZpaSegmentGroup>> done, CancelHandle cancel = {});
    void serverGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant, QObject *ctx,
                      Done<QList<ZpaServerGroup>> done, CancelHandle cancel = {});
    void microtenants(const QString &clientId, QObject *ctx, Done<QList<ZpaMicrotenant>> done,
                      CancelHandle cancel = {});

    // Sends one request under basePath() + rest; `done` gets the response with `error` set for
    // a non-2xx reply, an unknown client or a tenant without a customer id.
    void send(const QString &clientId, const QByteArray &method, const QString &rest, const QByteArray &body,
              QObject *ctx, std::function<void(const HttpResponse &)> done, CancelHandle cancel = {});

private:
    template <typename T>
    void listAll(const QString &clientId, const QString &resource, const ZpaMicrotenantChoice &microtenant,
                 QObject *ctx, Done<QList<T>> done, CancelHandle cancel);

    ApiCaller *m_caller;
};

} // namespace zc
