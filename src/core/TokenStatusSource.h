#pragma once

#include "core/TokenStatus.h"

#include <QObject>

namespace zc {

// Where views read token states from (implemented by session/TokenTracker), so that models
// depend on core types only. Lives in the GUI thread.
class TokenStatusSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual TokenStatus status(const QString &clientId) const = 0;
    // Milliseconds left on the monotonic clock (<= 0: expired); meaningless for NoToken/static.
    virtual qint64 remainingMs(const QString &clientId) const = 0;
    // "expires in" text for a view: "12 min 5 s", "no stated expiry", "static key", "—".
    QString countdown(const QString &clientId) const;

signals:
    void statusChanged(const QString &clientId);
    void tick(); // once per second while any countdown runs
    void summaryChanged(const QString &summary);
};

} // namespace zc
