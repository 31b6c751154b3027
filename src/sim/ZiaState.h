// ZIA state of the simulated tenant: admin sessions, the activation state machine and URL
// categories (predefined and custom).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace zsim {

struct ZiaSession {
    QString username;
    qint64 lastUsedMs = 0;
};

class ZiaState
{
public:
    QList<QJsonObject> categories;   // predefined first, then custom
    int nextCustom = 1;
    int nextVal = 128;
    QHash<QByteArray, ZiaSession> sessions;

    // Activation: ACTIVE -> (write) PENDING -> (activate) INPROGRESS -> (after N s) ACTIVE, or
    // PENDING again when more changes arrived meanwhile.
    QString status(qint64 nowMs);
    void markChanged(qint64 nowMs);
    QString activate(qint64 nowMs, int seconds);   // returns the status after the call
    void activateNow(qint64 nowMs);

    // Drops sessions idle for longer than idleSeconds; an expired session activates pending
    // changes like the real service does. Returns the live session for id, or nullptr.
    ZiaSession *session(const QByteArray &id, qint64 nowMs, int idleSeconds);
    void expireSessions(qint64 nowMs, int idleSeconds);

    int findCategory(const QString &id) const;
    int customUrlCount() const;

private:
    enum class Status { Active, Pending, InProgress };
    Status m_status = Status::Active;
    qint64 m_doneAtMs = 0;
    bool m_changedDuringRun = false;
};

// The SDKs' API-key obfuscation (zscaler-api-notes.md §4.2): from a timestamp in epoch ms.
QString obfuscateApiKey(const QString &apiKey, const QString &timestampMs);

} // namespace zsim
