#pragma once

#include "core/Clock.h"
#include "core/TokenStatusSource.h"

#include <QHash>
#include <QStringList>
#include <QTimer>

namespace zc {

// The GUI-thread copy of every client's token state, fed by SessionWorker::statusChanged (or a
// TokenBroker in the same thread). Emits statusChanged(clientId) on state changes, tick() once
// per second while any countdown runs (one timer), and a summary for the status bar:
// "12 tokens valid, 1 expiring, 2 errors" (its parts apart for a face to join its own way).
// Never holds a token.
class TokenTracker : public TokenStatusSource
{
    Q_OBJECT
public:
    explicit TokenTracker(Clock *clock = Clock::system(), QObject *parent = nullptr);

    TokenStatus status(const QString &clientId) const override;
    qint64 remainingMs(const QString &clientId) const override;
    QString summary() const { return m_summary; }
    QStringList summaryParts() const;
    int count(TokenState state) const;

public slots:
    void update(const zc::TokenStatus &status);
    void remove(const QString &clientId);

private:
    void onTick();
    void refreshSummary();
    void updateTimer();

    Clock *m_clock;
    QHash<QString, TokenStatus> m_states;
    QTimer m_tick;
    QString m_summary;
};

} // namespace zc
