#include "api/ZpaApi.h"

#include "core/ZpaPage.h"
#include "core/ZpaResults.h"

#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <memory>

Q_LOGGING_CATEGORY(lcZpa, "zconsole.zpa")

namespace zc {

namespace {

template <typename T>
ZpaReply<T> replyFrom(const HttpResponse &r)
{
    ZpaReply<T> out;
    out.error = r.error;
    out.httpStatus = r.status;
    out.requestId = r.requestId;
    out.attempts = r.attempts;
    return out;
}

ApiError unexpectedStatus(const HttpResponse &r, int expected)
{
    return r.parseError(QObject::tr("expected HTTP %1, got %2").arg(expected).arg(r.status));
}

} // namespace

ZpaApi::ZpaApi(ApiCaller *caller, QObject *parent)
    : QObject(parent)
    , m_caller(caller)
{
    qRegisterMetaType<zc::ZpaListProgress>();
    qRegisterMetaType<zc::ZpaListResult>();
}

bool ZpaApi::isZpaKind(AuthKind kind)
{
    return kind == AuthKind::ZpaLegacy || kind == AuthKind::OneApiSecret || kind == AuthKind::OneApiJwt;
}

const AuthTarget *ZpaApi::target(const QString &clientId) const
{
    return m_caller->broker()->target(clientId);
}

bool ZpaApi::checkClient(const QString &clientId, QString *why) const
{
    const AuthTarget *t = target(clientId);
    QString reason;
    if (!t)
        reason = tr("unknown API client %1").arg(clientId);
    else if (!isZpaKind(t->client.kind))
        reason = tr("%1 is a %2 client: ZPA needs a zpa-legacy or oneapi-* client")
                     .arg(t->label(), authKindName(t->client.kind));
    else if (t->tenant.zpaCustomerId.isEmpty())
        reason = tr("tenant \"%1\" has no ZPA customer id (set it with: zconsole-cli tenant edit \"%1\" "
                    "--zpa-customer-id ID)")
                     .arg(t->tenant.name);
    if (why)
        *why = reason;
    return reason.isEmpty();
}

QString ZpaApi::basePath(const QString &clientId) const
{
    const AuthTarget *t = target(clientId);
    if (!t)
        return {};
    const bool oneApi = t->client.kind == AuthKind::OneApiSecret || t->client.kind == AuthKind::OneApiJwt;
    const QString prefix = oneApi ? QStringLiteral("/zpa/mgmtconfig/v1")
                           : t->endpoints.apiPrefix.isEmpty() ? QStringLiteral("/mgmtconfig/v1")
                                                              : t->endpoints.apiPrefix;
    return prefix + QStringLiteral("/admin/customers/") + t->tenant.zpaCustomerId;
}

QString ZpaApi::readRateKey(const QString &tenantId)
{
    return RequestPolicy::rateKey(tenantId, QStringLiteral("zpa"), QStringLiteral("read"));
}

QString ZpaApi::writeRateKey(const QString &tenantId)
{
    return RequestPolicy::rateKey(tenantId, QStringLiteral("zpa"), QStringLiteral("write"));
}

void ZpaApi::setReadBudget(const QString &tenantId, int count, qint64 windowMs)
{
    m_caller->policy()->setBudget(readRateKey(tenantId), count, windowMs);
}

void ZpaApi::setWriteBudget(const QString &tenantId, int count, qint64 windowMs)
{
    m_caller->policy()->setBudget(writeRateKey(tenantId), count, windowMs);
}

qint64 ZpaApi::readWaitMs(const QString &tenantId) const
{
    return m_caller->policy()->waitMs(readRateKey(tenantId));
}

QString ZpaApi::searchExpression(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    static const QRegularExpression op(
        QStringLiteral("^[A-Za-z][A-Za-z0-9_.]*\\+(EQ|NE|GT|LT|GE|LE|CONTAINS|STARTSWITH|ENDSWITH)\\+"),
        QRegularExpression::CaseInsensitiveOption);
    if (op.match(t).hasMatch())
        return t;
    return QStringLiteral("name+CONTAINS+") + t;
}

QString ZpaApi::encodedSearch(const QString &expression)
{
    // Every reserved character percent-encoded; the '+' separators become %2B (a literal '+'
    // in a query is read as a space by many servers).
    return QString::fromLatin1(QUrl::toPercentEncoding(expression));
}

QString ZpaApi::listPath(const QString &clientId, int page, int pageSize, const QString &search,
                         const ZpaMicrotenantChoice &microtenant) const
{
    QString p = basePath(clientId) + QStringLiteral("/application?page=") + QString::number(page)
                + QStringLiteral("&pagesize=") + QString::number(pageSize);
    const QString expr = searchExpression(search);
    if (!expr.isEmpty())
        p += QStringLiteral("&search=") + encodedSearch(expr);
    const QString mt = microtenant.queryValue();
    if (!mt.isEmpty())
        p += QStringLiteral("&microtenantId=") + mt;
    return p;
}

void ZpaApi::send(const QString &clientId, const QByteArray &method, const QString &rest, const QByteArray &body,
                  QObject *ctx, std::function<void(const HttpResponse &)> done, CancelHandle cancel)
{
    QString why;
    if (!checkClient(clientId, &why)) {
        HttpResponse r;
        r.error = ApiError::make(ErrorKind::Config, why);
        QTimer::singleShot(0, ctx ? ctx : this, [done, r] { done(r); });
        return;
    }
    ApiRequest req;
    req.method = method;
    req.path = rest.startsWith(QLatin1Char('/')) && rest.startsWith(basePath(clientId)) ? rest : basePath(clientId) + rest;
    req.body = body;
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    m_caller->call(clientId, req, this, [done, guard, hasCtx](const HttpResponse &r) {
        if (hasCtx && !guard)
            return;
        if (r.error.isError())
            qCInfo(lcZpa).noquote() << r.endpoint << "failed:" << r.error.toString();
        done(r);
    }, cancel);
}

void ZpaApi::listSegmentsPageRaw(const QString &clientId, int page, int pageSize, const QString &search,
                                 const ZpaMicrotenantChoice &microtenant, QObject *ctx,
                                 std::function<void(const HttpResponse &)> done, CancelHandle cancel)
{
    send(clientId, "GET", listPath(clientId, page, pageSize, search, microtenant), {}, ctx, std::move(done),
         std::move(cancel));
}

void ZpaApi::listSegmentsPage(const QString &clientId, int page, int pageSize, const QString &search,
                              const ZpaMicrotenantChoice &microtenant, QObject *ctx, Done<AppSegmentPage> done,
                              CancelHandle cancel)
{
    listSegmentsPageRaw(clientId, page, pageSize, search, microtenant, ctx, [done](const HttpResponse &r) {
        auto rep = replyFrom<AppSegmentPage>(r);
        if (rep.ok()) {
            rep.value = AppSegmentPage::parse(r.body);
            rep.problems = rep.value.problems;
            if (!rep.value.ok)
                rep.error = r.parseError(rep.value.error);
        }
        done(rep);
    }, std::move(cancel));
}

void ZpaApi::segment(const QString &clientId, const QString &id, QObject *ctx, Done<AppSegment> done,
                     CancelHandle cancel)
{
    const QString rest = QStringLiteral("/application/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
    send(clientId, "GET", rest, {}, ctx, [done](const HttpResponse &r) {
        auto rep = replyFrom<AppSegment>(r);
        if (rep.ok()) {
            bool ok = false;
            rep.value = AppSegment::fromJsonBytes(r.body, &rep.problems, nullptr, &ok);
            if (!ok || rep.value.id().isEmpty())
                rep.error = r.parseError(ok ? tr("the reply has no segment id")
                                             : tr("the reply is not a segment: %1").arg(rep.problems.value(0)));
        }
        done(rep);
    }, std::move(cancel));
}

void ZpaApi::createSegment(const QString &clientId, const QJsonObject &segment, QObject *ctx, Done<AppSegment> done,
                           CancelHandle cancel)
{
    const QByteArray body = QJsonDocument(segment).toJson(QJsonDocument::Compact);
    send(clientId, "POST", QStringLiteral("/application"), body, ctx, [done](const HttpResponse &r) {
        auto rep = replyFrom<AppSegment>(r);
        if (rep.ok()) {
            bool ok = false;
            rep.value = AppSegment::fromJsonBytes(r.body, &rep.problems, nullptr, &ok);
            if (r.status != 201 && r.status != 200)
                rep.error = unexpectedStatus(r, 201);
            else if (!ok || rep.value.id().isEmpty())
                rep.error = r.parseError(tr("the server accepted the segment but its reply has no id; "
                                             "list the segments to find it before creating it again"));
        }
        done(rep);
    }, std::move(cancel));
}

void ZpaApi::updateSegment(const QString &clientId, const QString &id, const QJsonObject &segment, QObject *ctx,
                           Done<bool> done, CancelHandle cancel)
{
    const QByteArray body = QJsonDocument(segment).toJson(QJsonDocument::Compact);
    const QString rest = QStringLiteral("/application/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
    send(clientId, "PUT", rest, body, ctx, [done](const HttpResponse &r) {
        auto rep = replyFrom<bool>(r);
        rep.value = rep.ok();
        done(rep);
    }, std::move(cancel));
}

void ZpaApi::deleteSegment(const QString &clientId, const QString &id, QObject *ctx, Done<bool> done,
                           CancelHandle cancel)
{
    const QString rest = QStringLiteral("/application/") + QString::fromLatin1(QUrl::toPercentEncoding(id))
                         + QStringLiteral("?forceDelete=true");
    send(clientId, "DELETE", rest, {}, ctx, [done](const HttpResponse &r) {
        auto rep = replyFrom<bool>(r);
        rep.value = rep.ok();
        done(rep);
    }, std::move(cancel));
}

template <typename T>
void ZpaApi::listAll(const QString &clientId, const QString &resource, const ZpaMicrotenantChoice &microtenant,
                     QObject *ctx, Done<QList<T>> done, CancelHandle cancel)
{
    constexpr int PageSize = 500;
    constexpr int MaxPages = 2000;
    struct State
    {
        ZpaReply<QList<T>> reply;
        QSet<QString> ids;
        qint64 pages = 1;
        int page = 1;
    };
    auto st = std::make_shared<State>();
    QPointer<QObject> guard(ctx);
    const bool hasCtx = ctx != nullptr;
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, clientId, resource, microtenant, st, step, done, guard, hasCtx, cancel] {
        QString rest = QStringLiteral("/") + resource + QStringLiteral("?page=") + QString::number(st->page)
                       + QStringLiteral("&pagesize=") + QString::number(PageSize);
        if (!microtenant.queryValue().isEmpty())
            rest += QStringLiteral("&microtenantId=") + microtenant.queryValue();
        send(clientId, "GET", rest, {}, this, [st, step, done, guard, hasCtx](const HttpResponse &r) {
            auto finish = [&] {
                *step = nullptr; // breaks the cycle step -> lambda -> step
                if (!hasCtx || guard)
                    done(st->reply);
            };
            st->reply.attempts += r.attempts;
            st->reply.httpStatus = r.status;
            st->reply.requestId = r.requestId;
            if (r.error.isError()) {
                st->reply.error = r.error;
                return finish();
            }
            const ZpaPage page = ZpaPage::parse(r.body, MaxPages);
            if (!page.ok) {
                st->reply.error = r.parseError(page.error);
                return finish();
            }
            st->reply.problems.append(page.problems);
            for (const QJsonValue &v : page.list) {
                T row = T::fromJson(v.toObject());
                if (row.id.isEmpty() || st->ids.contains(row.id))
                    continue;
                st->ids.insert(row.id);
                st->reply.value.append(row);
            }
            if (st->page == 1)
                st->pages = page.bareArray ? 1 : std::max<qint64>(1, page.plannedPages(PageSize, MaxPages, &st->reply.problems));
            if (st->page >= st->pages || page.list.isEmpty())
                return finish();
            ++st->page;
            (*step)();
        }, cancel);
    };
    (*step)();
}

void ZpaApi::segmentGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant, QObject *ctx,
                           Done<QList<ZpaSegmentGroup>> done, CancelHandle cancel)
{
    listAll<ZpaSegmentGroup>(clientId, QStringLiteral("segmentGroup"), microtenant, ctx, std::move(done), std::move(cancel));
}

void ZpaApi::serverGroups(const QString &clientId, const ZpaMicrotenantChoice &microtenant, QObject *ctx,
                          Done<QList<ZpaServerGroup>> done, CancelHandle cancel)
{
    listAll<ZpaServerGroup>(clientId, QStringLiteral("serverGroup"), microtenant, ctx, std::move(done), std::move(cancel));
}

void ZpaApi::microtenants(const QString &clientId, QObject *ctx, Done<QList<ZpaMicrotenant>> done, CancelHandle cancel)
{
    listAll<ZpaMicrotenant>(clientId, QStringLiteral("microtenants"), ZpaMicrotenantChoice(), ctx, std::move(done),
                            std::move(cancel));
}

} // namespace zc
