#include "services/TokenTracker.h"

namespace zc {

TokenTracker::TokenTracker(Clock *clock, QObject *parent)
    : TokenStatusSource(parent)
    , m_clock(clock)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &TokenTracker::onTick);
    refreshSummary();
}

TokenStatus TokenTracker::status(const QString &clientId) const
{
    TokenStatus s = m_states.value(clientId); // stored under its own client id
    s.clientId = clientId;                     // a client never seen: an empty state of its own
    return s;
}

qint64 TokenTracker::remainingMs(const QString &clientId) const
{
    const TokenStatus s = status(clientId);
    if (s.expiresMs == 0)
        return 0;
    return s.expiresMs - m_clock->monotonicMs();
}

int TokenTracker::count(TokenState state) const
{
    int n = 0;
    for (const TokenStatus &s : m_states)
        if (s.state == state)
            ++n;
    return n;
}

void TokenTracker::update(const TokenStatus &status)
{
    m_states.insert(status.clientId, status);
    emit statusChanged(status.clientId);
    refreshSummary();
    updateTimer();
}

void TokenTracker::remove(const QString &clientId)
{
    if (m_states.remove(clientId)) {
        emit statusChanged(clientId);
        refreshSummary();
        updateTimer();
    }
}

void TokenTracker::onTick() { emit tick(); }

void TokenTracker::updateTimer()
{
    bool any = false;
    for (const TokenStatus &s : std::as_const(m_states))
        if (s.expiresMs != 0 && s.state != TokenState::Expired && s.state != TokenState::NoToken) {
            any = true;
            break;
        }
    if (any && !m_tick.isActive())
        m_tick.start();
    else if (!any)
        m_tick.stop();
}

QStringList TokenTracker::summaryParts() const
{
    const int valid = count(TokenState::Valid);
    const int expiring = count(TokenState::Expiring);
    const int expired = count(TokenState::Expired);
    const int errors = count(TokenState::Error);
    QStringList parts;
    parts << (valid == 1 ? tr("1 token valid") : tr("%1 tokens valid").arg(valid));
    if (expiring)
        parts << tr("%1 expiring").arg(expiring);
    if (expired)
        parts << tr("%1 expired").arg(expired);
    if (errors)
        parts << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    return parts;
}

void TokenTracker::refreshSummary()
{
    const QString s = summaryParts().join(QStringLiteral(", "));
    if (s != m_summary) {
        m_summary = s;
        emit summaryChanged(s);
    }
}

} // namespace zc
