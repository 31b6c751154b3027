#include "services/ZiaStatusTracker.h"

#include <limits>

namespace zc {

ZiaStatusTracker::ZiaStatusTracker(ZiaApi *api, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_clock(clock ? clock : api->caller()->broker()->clock())
{
    qRegisterMetaType<zc::ZiaTenantStatus>();
    qRegisterMetaType<zc::ZiaActivationState>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ZiaStatusTracker::processDue);
    connect(m_api, &ZiaApi::statusSeen, this, &ZiaStatusTracker::apply);
    connect(m_api, &ZiaApi::activationRequested, this, [this](const QString &tenantId, ZiaActivationState s) {
        if (s != ZiaActivationState::Unknown)
            apply(tenantId, s);
        else
            refreshNow(tenantId); // a session end answered 204: look
    });
    connect(m_api, &ZiaApi::changesMade, this, &ZiaStatusTracker::onChangesMade);
    connect(m_api, &ZiaApi::modeChanged, this, &ZiaStatusTracker::onModeChanged);
}

ZiaStatusTracker::~ZiaStatusTracker()
{
    for (Entry &e : m_entries)
        if (e.inflight)
            e.inflight->cancel();
}

void ZiaStatusTracker::setConfig(const ZiaPollConfig &config)
{
    m_config = config;
    for (Entry &e : m_entries)
        reschedule(e);
    rearm();
}

QString ZiaStatusTracker::pickClient(const QString &tenantId) const
{
    TokenBroker *broker = m_api->caller()->broker();
    QString best;
    int bestRank = std::numeric_limits<int>::max();
    for (const QString &id : broker->clientIds()) {
        const AuthTarget *t = broker->target(id);
        if (!t || t->tenant.id != tenantId || !ZiaApi::isZiaKind(t->client.kind))
            continue;
        const AuthKind k = t->client.kind;
        const int rank = (k == AuthKind::OneApiSecret || k == AuthKind::OneApiJwt) ? 0 : k == AuthKind::ZiaOAuth ? 1 : 2;
        if (rank < bestRank || (rank == bestRank && id < best)) {
            best = id;
            bestRank = rank;
        }
    }
    return best;
}

bool ZiaStatusTracker::addTenant(const QString &tenantId, const QString &clientId)
{
    const QString client = clientId.isEmpty() ? pickClient(tenantId) : clientId;
    if (client.isEmpty() || !m_api->checkClient(client) || m_api->tenantIdOf(client) != tenantId)
        return false;
    Entry &e = m_entries[tenantId];
    if (e.st.clientId != client && e.inflight) {
        e.inflight->cancel();
        e.inflight.reset();
    }
    e.st.tenantId = tenantId;
    e.st.clientId = client;
    e.st.tenantName = m_api->tenantNameOf(client);
    e.st.readOnly = m_api->isReadOnly(tenantId);
    e.in.readOnly = e.st.readOnly;
    updateSession(e);
    reschedule(e);
    emitIfChanged(e);
    rearm();
    return true;
}

void ZiaStatusTracker::removeTenant(const QString &tenantId)
{
    auto it = m_entries.find(tenantId);
    if (it == m_entries.end())
        return;
    if (it->inflight)
        it->inflight->cancel();
    m_entries.erase(it);
    rearm();
}

ZiaTenantStatus ZiaStatusTracker::status(const QString &tenantId) const
{
    return m_entries.value(tenantId).st;
}

QList<ZiaTenantStatus> ZiaStatusTracker::statuses() const
{
    QList<ZiaTenantStatus> out;
    for (const Entry &e : m_entries)
        out.append(e.st);
    return out;
}

bool ZiaStatusTracker::hasPendingChanges(const QString &tenantId) const
{
    auto it = m_entries.find(tenantId);
    return it != m_entries.end() && it->st.pendingChanges;
}

QStringList ZiaStatusTracker::tenantsWithPendingChanges() const
{
    QStringList out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->st.pendingChanges)
            out.append(it.key());
    return out;
}

qint64 ZiaStatusTracker::sessionIdleRemainingMs(const QString &tenantId) const
{
    auto it = m_entries.find(tenantId);
    if (it == m_entries.end())
        return -1;
    TokenBroker *broker = m_api->caller()->broker();
    const TokenStatus ts = broker->status(it->st.clientId);
    if (ts.source != ExpirySource::IdleTimeout || (ts.state != TokenState::Valid && ts.state != TokenState::Expiring))
        return -1;
    return std::max<qint64>(0, ts.expiresMs - broker->clock()->monotonicMs());
}

qint64 ZiaStatusTracker::nextPollMs(const QString &tenantId) const
{
    auto it = m_entries.find(tenantId);
    return it == m_entries.end() ? -1 : it->nextMs;
}

int ZiaStatusTracker::pollsSent(const QString &tenantId) const
{
    return m_entries.value(tenantId).polls;
}

void ZiaStatusTracker::setWatched(const QString &tenantId, bool watched)
{
    if (!m_entries.contains(tenantId) && (!watched || !addTenant(tenantId)))
        return;
    Entry &e = m_entries[tenantId];
    if (e.in.watched == watched)
        return;
    e.in.watched = watched;
    e.st.watched = watched;
    if (watched)
        e.in.unchanged = 0; // back on screen: start again at the base interval
    reschedule(e);
    emitIfChanged(e);
    rearm();
}

void ZiaStatusTracker::refreshNow(const QString &tenantId)
{
    auto it = m_entries.find(tenantId);
    if (it == m_entries.end())
        return;
    it->in.unchanged = 0;
    it->forcedMs = m_clock->monotonicMs();
    reschedule(*it);
    rearm();
}

void ZiaStatusTracker::processDue()
{
    const qint64 now = m_clock->monotonicMs();
    QStringList due;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (!it->inflight && it->nextMs >= 0 && it->nextMs <= now)
            due.append(it.key());
    for (const QString &t : due)
        poll(t);
    rearm();
}

void ZiaStatusTracker::poll(const QString &tenantId)
{
    auto it = m_entries.find(tenantId);
    if (it == m_entries.end() || it->inflight)
        return;
    Entry &e = *it;
    const qint64 now = m_clock->monotonicMs();
    e.in.lastPollMs = now;
    e.in.recentPolls.push_back(now);
    while (!e.in.recentPolls.empty() && e.in.recentPolls.front() <= now - 3'600'000)
        e.in.recentPolls.pop_front();
    e.forcedMs = -1;
    e.nextMs = -1;
    ++e.polls;
    e.inflight = makeCancelHandle();
    const CancelHandle handle = e.inflight;
    m_api->status(e.st.clientId, this, [this, tenantId, handle](const ZiaReply<ZiaActivationState> &r) {
        auto found = m_entries.find(tenantId);
        if (found == m_entries.end() || found->inflight != handle)
            return;
        onPolled(tenantId, r);
    }, handle);
}

void ZiaStatusTracker::onPolled(const QString &tenantId, const ZiaReply<ZiaActivationState> &reply)
{
    Entry &e = m_entries[tenantId];
    e.inflight.reset();
    if (reply.ok()) {
        // apply() already ran through ZiaApi::statusSeen.
        e.in.errors = 0;
        e.st.lastError = {};
        e.st.checkedUtc = m_clock->nowUtc();
    } else if (reply.error.kind != ErrorKind::Cancelled) {
        ++e.in.errors;
        e.st.lastError = reply.error;
        qCInfo(lcZia).noquote() << "status of tenant" << tenantId << "failed:" << reply.error.message;
    }
    updateSession(e);
    reschedule(e);
    emitIfChanged(e);
    rearm();
}

void ZiaStatusTracker::apply(const QString &tenantId, ZiaActivationState state)
{
    auto it = m_entries.find(tenantId);
    if (it == m_entries.end() || state == ZiaActivationState::Unknown)
        return;
    Entry &e = *it;
    const ZiaActivationState before = e.st.state;
    const bool wasPending = e.st.pendingChanges;
    const bool completed = (state == ZiaActivationState::Active
                            && (before == ZiaActivationState::Pending || before == ZiaActivationState::InProgress
                                || e.in.localChanges))
                           || (state == ZiaActivationState::Pending && before == ZiaActivationState::InProgress);
    e.in.unchanged = (state == before && !e.in.localChanges) ? e.in.unchanged + 1 : 0;
    e.in.localChanges = false;
    e.in.state = state;
    e.in.errors = 0;
    e.st.state = state;
    e.st.lastError = {};
    e.st.checkedUtc = m_clock->nowUtc();
    e.st.pendingChanges = state == ZiaActivationState::Pending;
    updateSession(e);
    reschedule(e);
    emitIfChanged(e);
    if (completed) {
        qCInfo(lcZia).noquote() << "activation of tenant" << tenantId << "completed:" << ziaActivationStateName(state);
        emit activationCompleted(tenantId, e.st.tenantName);
    }
    if (wasPending != e.st.pendingChanges)
        emit pendingChangesChanged(tenantId, e.st.pendingChanges);
    rearm();
}

void ZiaStatusTracker::onChangesMade(const QString &tenantId)
{
    auto it = m_entries.find(tenantId);
    if (it == m_entries.end())
        return; // not tracked: what is polled is the face's choice (the CLI polls nothing)
    Entry &e = *it;
    const bool wasPending = e.st.pendingChanges;
    e.in.localChanges = true;
    e.in.unchanged = 0;
    e.st.pendingChanges = true;
    e.forcedMs = m_clock->monotonicMs(); // confirm PENDING now
    updateSession(e);
    reschedule(e);
    emitIfChanged(e);
    if (!wasPending)
        emit pendingChangesChanged(tenantId, true);
    rearm();
}

void ZiaStatusTracker::onModeChanged(const QString &tenantId, bool readOnly)
{
    auto it = m_entries.find(tenantId);
    if (it == m_entries.end() || it->st.readOnly == readOnly)
        return;
    it->st.readOnly = readOnly;
    it->in.readOnly = readOnly;
    reschedule(*it);
    emitIfChanged(*it);
    emit readOnlyChanged(tenantId, readOnly);
    rearm();
}

void ZiaStatusTracker::updateSession(Entry &e) const
{
    TokenBroker *broker = m_api->caller()->broker();
    const TokenStatus ts = broker->status(e.st.clientId);
    const bool live = ts.source == ExpirySource::IdleTimeout
                      && (ts.state == TokenState::Valid || ts.state == TokenState::Expiring);
    e.st.sessionDeadlineMs = live ? ts.expiresMs : -1;
    e.st.sessionExpiresUtc = live ? ts.expiresUtc : QDateTime();
    e.st.sessionIdleTimeoutMs = live ? broker->authSettings().ziaIdleTimeoutMs : 0;
}

void ZiaStatusTracker::reschedule(Entry &e)
{
    if (e.inflight) {
        e.nextMs = -1; // decided when the poll returns
        return;
    }
    const qint64 now = m_clock->monotonicMs();
    qint64 next = ZiaStatusSchedule::nextPollMs(e.in, m_config, now);
    if (e.forcedMs >= 0) {
        qint64 forced = e.forcedMs;
        const qint64 n = qint64(e.in.recentPolls.size());
        if (m_config.maxPollsPerHour > 0 && n >= m_config.maxPollsPerHour)
            forced = std::max(forced, e.in.recentPolls[size_t(n - m_config.maxPollsPerHour)] + 3'600'000);
        next = next < 0 ? forced : std::min(next, forced);
    }
    e.nextMs = next;
}

void ZiaStatusTracker::emitIfChanged(Entry &e)
{
    if (e.emittedOnce && e.lastEmitted == e.st)
        return;
    e.emittedOnce = true;
    e.lastEmitted = e.st;
    emit statusChanged(e.st);
}

void ZiaStatusTracker::rearm()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Entry &e : std::as_const(m_entries))
        if (!e.inflight && e.nextMs >= 0)
            next = std::min(next, e.nextMs);
    if (next == std::numeric_limits<qint64>::max()) {
        m_nextDeadline = -1;
        m_timer.stop();
        return;
    }
    m_nextDeadline = next;
    const qint64 now = m_clock->monotonicMs();
    m_timer.start(int(std::clamp<qint64>(next - now, 0, 24LL * 3600 * 1000)));
}

} // namespace zc
