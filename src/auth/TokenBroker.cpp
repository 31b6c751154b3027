#include "auth/TokenBroker.h"

#include "auth/AuthLog.h"
#include "auth/CredentialProvider.h"

#include <QRandomGenerator>

namespace zc {

namespace {
constexpr qint64 kNever = std::numeric_limits<qint64>::max();
}

TokenBroker::TokenBroker(HttpPipeline *http, CredentialProvider *creds, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_creds(creds)
    , m_clock(clock)
    , m_planner(m_settings.refresh)
    , m_timer(this) // a child, so that it moves with the broker to another thread
{
    qRegisterMetaType<zc::TokenStatus>();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TokenBroker::processDeadlines);
}

TokenBroker::~TokenBroker()
{
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->fetchCancel)
            it->fetchCancel->cancel();
        it->token.wipe();
    }
}

void TokenBroker::setSettings(const BrokerSettings &s)
{
    m_settings = s;
    m_planner.setConfig(s.refresh);
    rearm();
}

void TokenBroker::setAuthSettings(const AuthSettings &s)
{
    m_authSettings = s;
    m_auth.clear();
}

Authenticator *TokenBroker::authenticator(AuthKind kind)
{
    auto it = m_auth.find(int(kind));
    if (it == m_auth.end())
        it = m_auth.insert(int(kind), std::shared_ptr<Authenticator>(
                                          Authenticator::create(kind, m_http, m_creds, m_authSettings)));
    return it->get();
}

void TokenBroker::upsertClient(const ApiClient &client, const Tenant &tenant)
{
    Entry &e = m_entries[client.id];
    const AuthTarget next = AuthTarget::make(client, tenant);
    const bool changed = e.target.client.id.isEmpty()
                         || e.target.endpoints.tokenUrl != next.endpoints.tokenUrl
                         || e.target.endpoints.baseUrl != next.endpoints.baseUrl
                         || e.target.client.kind != next.client.kind
                         || e.target.client.clientId != next.client.clientId
                         || e.target.client.username != next.client.username
                         || e.target.client.caFile != next.client.caFile
                         || e.target.client.secretsSetAt != next.client.secretsSetAt;
    const bool isNew = e.target.client.id.isEmpty();
    e.target = next;
    if (changed && !isNew && !e.token.isNull()) {
        // Another credential, endpoint or secret: the old token no longer says anything.
        e.token.wipe();
        e.token = Token();
        e.refreshAtMs = -1;
        m_planner.remove(client.id);
    }
    emitIfChanged(client.id, e);
}

void TokenBroker::removeClient(const QString &clientId)
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end())
        return;
    if (it->fetchCancel)
        it->fetchCancel->cancel();
    completeWaiters(*it, {}, ApiError::make(ErrorKind::Config, tr("the API client was removed")));
    it->token.wipe();
    m_planner.remove(clientId);
    m_entries.erase(it);
    rearm();
}

const AuthTarget *TokenBroker::target(const QString &clientId) const
{
    auto it = m_entries.find(clientId);
    return it == m_entries.end() ? nullptr : &it->target;
}

qint64 TokenBroker::usableMargin(const Token &t) const
{
    if (t.source == ExpirySource::IdleTimeout)
        return std::min(m_settings.ziaIdleMarginMs, t.idleTimeoutMs / 2);
    return std::min(m_settings.maxUsableMarginMs, std::max<qint64>(0, t.lifetimeMs() / 10));
}

bool TokenBroker::usable(const Entry &e, qint64 now) const
{
    return e.token.isUsableAt(now, usableMargin(e.token));
}

void TokenBroker::token(const QString &clientId, QObject *ctx, TokenDone done, CancelHandle cancel)
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end()) {
        QTimer::singleShot(0, ctx ? ctx : this, [done] {
            done({}, ApiError::make(ErrorKind::Config, tr("no such API client")));
        });
        return;
    }
    Entry &e = *it;
    if (usable(e, m_clock->monotonicMs())) {
        const Token t = e.token;
        QPointer<QObject> guard(ctx);
        const bool hasCtx = ctx != nullptr;
        QMetaObject::invokeMethod(this, [guard, hasCtx, done, t, cancel] {
            if ((hasCtx && !guard) || (cancel && cancel->isCancelled()))
                return;
            done(t, {});
        }, Qt::QueuedConnection);
        return;
    }
    e.waiters.append({ctx, ctx != nullptr, std::move(done), cancel});
    requestFetch(clientId, e);
}

void TokenBroker::requestFetch(const QString &id, Entry &e)
{
    if (e.fetching)
        return;
    const qint64 now = m_clock->monotonicMs();
    const qint64 allowed = e.lastRequestMs + m_settings.refresh.minIntervalMs;
    if (now < allowed) {
        // Too soon after the last token request: the waiters wait (they are not failed).
        e.fetchAtMs = allowed;
        qCDebug(lcAuth).noquote() << "token request for" << e.target.label() << "held back"
                                  << allowed - now << "ms (minimum interval)";
        rearm();
        return;
    }
    startFetch(id, e, false);
}

void TokenBroker::startFetch(const QString &id, Entry &e, bool background)
{
    e.fetchAtMs = -1;
    e.fetching = true;
    if (m_settings.useTokenCache && !e.cacheChecked && !background && m_creds) {
        e.cacheChecked = true;
        m_creds->loadCachedToken(e.target.client, this, [this, id, background](QByteArray json) {
            auto it = m_entries.find(id);
            if (it == m_entries.end())
                return;
            Token t;
            if (!json.isEmpty())
                t = Token::fromCacheJson(json, m_clock->monotonicMs(), m_clock->nowUtc(), 0);
            std::fill(json.begin(), json.end(), char(0));
            if (!t.isNull() && t.isUsableAt(m_clock->monotonicMs(), usableMargin(t))) {
                qCDebug(lcAuth).noquote() << "using the cached token of" << it->target.label();
                it->fetching = false;
                install(id, *it, t, true);
                return;
            }
            startNetworkFetch(id, *it, background);
        });
        emitIfChanged(id, e);
        return;
    }
    startNetworkFetch(id, e, background);
}

void TokenBroker::startNetworkFetch(const QString &id, Entry &e, bool background)
{
    Authenticator *auth = authenticator(e.target.client.kind);
    e.fetching = true;
    e.lastRequestMs = m_clock->monotonicMs();
    e.fetchCancel = makeCancelHandle();
    ++m_tokenRequests;
    emit tokenRequestStarted(id, background);
    emitIfChanged(id, e);
    auth->fetch(e.target, this,
                [this, id, background](Token t, const ApiError &err) { onFetched(id, t, err, background); },
                e.fetchCancel);
}

void TokenBroker::onFetched(const QString &id, Token token, const ApiError &error, bool background)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        token.wipe();
        return;
    }
    Entry &e = *it;
    e.fetching = false;
    e.fetchCancel.reset();
    if (!error) {
        install(id, e, token, false);
        return;
    }
    e.lastError = error;
    ++e.failures;
    qCInfo(lcAuth).noquote() << (background ? "background renewal failed:" : "token request failed:")
                             << error.toString();
    const qint64 now = m_clock->monotonicMs();
    const bool stillValid = usable(e, now);
    const bool permanent = error.kind == ErrorKind::Authentication || error.kind == ErrorKind::Config
                           || error.kind == ErrorKind::Keychain || error.kind == ErrorKind::Usage;
    if (stillValid && !permanent && m_settings.autoRefresh)
        planRetry(id, e); // keep the valid token; try again with backoff
    else {
        m_planner.remove(id);
        e.refreshAtMs = -1;
    }
    // Waiters only exist when no usable token was there: they get the error.
    completeWaiters(e, {}, error);
    emitIfChanged(id, e);
    rearm();
}

void TokenBroker::install(const QString &id, Entry &e, Token token, bool fromCache)
{
    e.token.wipe();
    token.generation = ++m_generation;
    e.token = token;
    e.failures = 0;
    e.lastError = {};
    e.cacheChecked = true;
    if (m_settings.useTokenCache && !fromCache && m_creds && !token.isStaticKey())
        m_creds->storeCachedToken(e.target.client, token.toCacheJson());
    planRefresh(id, e);
    completeWaiters(e, e.token, {});
    emitIfChanged(id, e);
    rearm();
}

void TokenBroker::planRefresh(const QString &id, Entry &e)
{
    const Token &t = e.token;
    if (!m_settings.autoRefresh || t.isStaticKey() || t.source == ExpirySource::IdleTimeout) {
        e.refreshAtMs = -1;
        m_planner.remove(id);
        return;
    }
    e.refreshAtMs = m_planner.plan(id, t.obtainedMs, t.lifetimeMs(), e.lastRequestMs,
                                   QRandomGenerator::global()->generateDouble());
}

void TokenBroker::planRetry(const QString &id, Entry &e)
{
    const qint64 now = m_clock->monotonicMs();
    const int n = std::min(e.failures - 1, 20);
    qint64 backoff = std::min(m_settings.backoffMaxMs, m_settings.backoffBaseMs * (qint64(1) << n));
    qint64 at = std::max(now + backoff, e.lastRequestMs + m_settings.refresh.minIntervalMs);
    // One more try before the token runs out, if the backoff would pass its end.
    const qint64 lastChance = e.token.expiresMs - usableMargin(e.token) - 1000;
    if (at > lastChance && lastChance > now + m_settings.refresh.minIntervalMs)
        at = lastChance;
    e.refreshAtMs = m_planner.planAt(id, at, at + backoff / 4);
}

void TokenBroker::completeWaiters(Entry &e, const Token &token, const ApiError &error)
{
    const QList<Waiter> waiters = std::move(e.waiters);
    e.waiters.clear();
    for (const Waiter &w : waiters) {
        if ((w.hasCtx && !w.ctx) || (w.cancel && w.cancel->isCancelled()))
            continue;
        QMetaObject::invokeMethod(this, [w, token, error] {
            if ((w.hasCtx && !w.ctx) || (w.cancel && w.cancel->isCancelled()))
                return;
            w.done(token, error);
        }, Qt::QueuedConnection);
    }
}

void TokenBroker::invalidate(const QString &clientId, quint64 generation)
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end() || it->token.isNull() || it->token.generation != generation)
        return;
    qCInfo(lcAuth).noquote() << "the server refused the token of" << it->target.label()
                             << "- getting a new one";
    it->token.wipe();
    it->token = Token();
    it->refreshAtMs = -1;
    m_planner.remove(clientId);
    if (m_settings.useTokenCache && m_creds)
        m_creds->removeCachedToken(it->target.client);
    emitIfChanged(clientId, *it);
    rearm();
}

void TokenBroker::touch(const QString &clientId)
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end() || it->token.source != ExpirySource::IdleTimeout)
        return;
    it->token.touch(m_clock->monotonicMs(), m_clock->nowUtc());
    // The ZIA idle deadline moved; the state changes only when it passes (see rearm()).
}

void TokenBroker::forget(const QString &clientId)
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end())
        return;
    it->token.wipe();
    it->token = Token();
    it->refreshAtMs = -1;
    it->lastError = {};
    it->failures = 0;
    m_planner.remove(clientId);
    if (m_creds)
        m_creds->removeCachedToken(it->target.client);
    emitIfChanged(clientId, *it);
    rearm();
}

void TokenBroker::signOut(const QString &clientId, QObject *ctx, std::function<void(const ApiError &)> done)
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end() || it->token.isNull() || !usable(*it, m_clock->monotonicMs())) {
        forget(clientId);
        QTimer::singleShot(0, ctx ? ctx : this, [done] {
            if (done)
                done({});
        });
        return;
    }
    const Token t = it->token;
    const AuthTarget target = it->target;
    forget(clientId);
    authenticator(target.client.kind)->signOut(target, t, ctx, done);
}

void TokenBroker::adopt(const QString &clientId, Token token)
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end())
        return;
    install(clientId, *it, token, true);
}

TokenStatus TokenBroker::computeStatus(const QString &id, const Entry &e, qint64 now) const
{
    TokenStatus s;
    s.clientId = id;
    s.fetching = e.fetching;
    s.lastError = e.lastError;
    const Token &t = e.token;
    if (t.isNull()) {
        s.state = e.lastError ? TokenState::Error : TokenState::NoToken;
        return s;
    }
    s.source = t.source;
    s.expiresMs = t.isStaticKey() ? 0 : t.expiresMs;
    s.expiresUtc = t.expiresUtc;
    s.obtainedUtc = t.obtainedUtc;
    if (t.isStaticKey())
        s.state = TokenState::Valid;
    else if (now >= t.expiresMs)
        s.state = e.lastError ? TokenState::Error : TokenState::Expired;
    else if (now >= t.expiresMs - std::max(usableMargin(t), t.lifetimeMs() / 5))
        s.state = TokenState::Expiring;
    else
        s.state = TokenState::Valid;
    if (t.source == ExpirySource::IdleTimeout && s.state != TokenState::Expired
        && now >= t.expiresMs - usableMargin(t))
        s.state = TokenState::Expiring;
    return s;
}

qint64 TokenBroker::nextTransition(const Entry &e, qint64 now) const
{
    const Token &t = e.token;
    if (t.isNull() || t.isStaticKey())
        return kNever;
    qint64 next = kNever;
    for (qint64 at : {t.expiresMs - std::max(usableMargin(t), t.lifetimeMs() / 5),
                      t.expiresMs - usableMargin(t), t.expiresMs})
        if (at > now)
            next = std::min(next, at);
    return next;
}

void TokenBroker::emitIfChanged(const QString &id, Entry &e)
{
    const TokenStatus s = computeStatus(id, e, m_clock->monotonicMs());
    if (s == e.lastEmitted && !e.lastEmitted.clientId.isEmpty())
        return;
    e.lastEmitted = s;
    emit statusChanged(s);
}


} // namespace zc

namespace zc {

TokenStatus TokenBroker::status(const QString &clientId) const
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end()) {
        TokenStatus s;
        s.clientId = clientId;
        return s;
    }
    return computeStatus(clientId, *it, m_clock->monotonicMs());
}

QList<TokenStatus> TokenBroker::statuses() const
{
    QList<TokenStatus> out;
    const qint64 now = m_clock->monotonicMs();
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        out << computeStatus(it.key(), *it, now);
    return out;
}

void TokenBroker::processDeadlines()
{
    const qint64 now = m_clock->monotonicMs();
    const QStringList ids = m_entries.keys();
    for (const QString &id : ids) {
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            continue;
        Entry &e = *it;
        if (e.fetchAtMs >= 0 && e.fetchAtMs <= now && !e.fetching) {
            startFetch(id, e, false);
        } else if (e.refreshAtMs >= 0 && e.refreshAtMs <= now && !e.fetching) {
            e.refreshAtMs = -1;
            m_planner.remove(id);
            if (m_settings.autoRefresh && !e.token.isNull())
                startNetworkFetch(id, e, true);
        }
        auto again = m_entries.find(id);
        if (again != m_entries.end())
            emitIfChanged(id, *again);
    }
    rearm();
}

void TokenBroker::rearm()
{
    const qint64 now = m_clock->monotonicMs();
    qint64 next = kNever;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const Entry &e = *it;
        if (e.fetchAtMs >= 0)
            next = std::min(next, e.fetchAtMs);
        if (e.refreshAtMs >= 0 && !e.fetching)
            next = std::min(next, e.refreshAtMs);
        next = std::min(next, nextTransition(e, now));
    }
    if (next == kNever) {
        m_nextDeadline = -1;
        m_timer.stop();
        return;
    }
    m_nextDeadline = next;
    m_timer.start(int(std::clamp<qint64>(next - now, 0, 24LL * 3600 * 1000)));
}

} // namespace zc
