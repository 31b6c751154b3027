#include "sim/ZiaState.h"

#include <QJsonArray>

namespace zsim {

QString ZiaState::status(qint64 nowMs)
{
    if (m_status == Status::InProgress && nowMs >= m_doneAtMs) {
        m_status = m_changedDuringRun ? Status::Pending : Status::Active;
        m_changedDuringRun = false;
    }
    switch (m_status) {
    case Status::Active: return QStringLiteral("ACTIVE");
    case Status::Pending: return QStringLiteral("PENDING");
    case Status::InProgress: return QStringLiteral("INPROGRESS");
    }
    return QStringLiteral("ACTIVE");
}

void ZiaState::markChanged(qint64 nowMs)
{
    status(nowMs);
    if (m_status == Status::InProgress)
        m_changedDuringRun = true;
    else
        m_status = Status::Pending;
}

QString ZiaState::activate(qint64 nowMs, int seconds)
{
    status(nowMs);
    if (m_status == Status::Pending) {
        if (seconds <= 0) {
            m_status = Status::Active;
        } else {
            m_status = Status::InProgress;
            m_doneAtMs = nowMs + qint64(seconds) * 1000;
            m_changedDuringRun = false;
        }
    }
    return status(nowMs);
}

void ZiaState::activateNow(qint64 nowMs)
{
    status(nowMs);
    m_status = Status::Active;
    m_changedDuringRun = false;
}

void ZiaState::expireSessions(qint64 nowMs, int idleSeconds)
{
    bool expired = false;
    for (auto it = sessions.begin(); it != sessions.end();) {
        if (nowMs - it->lastUsedMs > qint64(idleSeconds) * 1000) {
            it = sessions.erase(it);
            expired = true;
        } else {
            ++it;
        }
    }
    if (expired && status(nowMs) == QLatin1String("PENDING"))
        activateNow(nowMs);
}

ZiaSession *ZiaState::session(const QByteArray &id, qint64 nowMs, int idleSeconds)
{
    expireSessions(nowMs, idleSeconds);
    if (id.isEmpty())
        return nullptr;
    auto it = sessions.find(id);
    if (it == sessions.end())
        return nullptr;
    it->lastUsedMs = nowMs;
    return &it.value();
}

int ZiaState::findCategory(const QString &id) const
{
    for (qsizetype i = 0; i < categories.size(); ++i) {
        if (categories.at(i).value(QLatin1String("id")).toString() == id)
            return int(i);
    }
    return -1;
}

int ZiaState::customUrlCount() const
{
    int n = 0;
    for (const QJsonObject &c : categories)
        n += int(c.value(QLatin1String("urls")).toArray().size());
    return n;
}

QString obfuscateApiKey(const QString &apiKey, const QString &timestampMs)
{
    if (apiKey.size() < 12 || timestampMs.size() < 6)
        return {};
    const QString high = timestampMs.right(6);
    for (const QChar c : high) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return {};
    }
    bool ok = false;
    const int highValue = high.toInt(&ok);
    if (!ok)
        return {};
    const QString low = QStringLiteral("%1").arg(highValue >> 1, 6, 10, QLatin1Char('0'));
    QString key;
    for (const QChar c : high)
        key += apiKey.at(c.digitValue());
    for (const QChar c : low)
        key += apiKey.at(c.digitValue() + 2);
    return key;
}

} // namespace zsim
