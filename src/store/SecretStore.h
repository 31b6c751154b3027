#pragma once

#include "core/ApiError.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace QKeychain {
class Job;
}

namespace zc {

enum class SecretStatus {
    Ok,
    NotFound,    // no entry under that key (NB: a locked keyring also answers this)
    Unavailable, // no keychain backend: no D-Bus session, no Secret Service, no libsecret
    Denied,      // locked collection, user refused the prompt
    Timeout,     // the keychain did not answer in time (an unlock prompt may be open)
    Cancelled,   // the user stopped waiting
    Failed,      // anything else; message has the backend's words
};

struct SecretResult
{
    SecretStatus status = SecretStatus::Failed;
    QString message; // the backend's reason, for people
    QByteArray data; // read: the secret; wipe it when done (SecretStore::wipe)

    bool ok() const { return status == SecretStatus::Ok; }
    // A keychain error (exit code 6) naming what was being done, e.g. "reading the secret of …".
    ApiError toError(const QString &what) const;
    static QString statusName(SecretStatus s);
};

// One asynchronous keychain operation. Emits finished() exactly once (success, failure, timeout
// or cancel), then deletes itself. Emits slow() once if it takes longer than the store's slow
// threshold, so a GUI can show "waiting for the keychain" with a Cancel button.
class SecretJob : public QObject
{
    Q_OBJECT
public:
    enum class Op { Write, Read, Remove, Probe };

    Op op() const { return m_op; }
    QString key() const { return m_key; }
    bool isFinished() const { return m_finished; }
    const SecretResult &result() const { return m_result; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

public slots:
    void cancel();

signals:
    void finished(const zc::SecretResult &result);
    void slow();

private:
    friend class SecretStore;
    SecretJob(class SecretStore *store, Op op, const QString &key, const QByteArray &value);
    void begin();
    void startStep(Op step);
    void startFirstStep() { startStep(m_op == Op::Probe ? Op::Write : m_op); } // a probe writes, reads, removes
    void onStepDone(QKeychain::Job *job);
    void finish(SecretResult result);

    SecretStore *m_store;
    Op m_op;
    Op m_step;
    QString m_key;
    QByteArray m_value;
    QTimer m_watchdog;
    QTimer m_slowTimer;
    QElapsedTimer m_clock;
    QPointer<QKeychain::Job> m_current;
    bool m_finished = false;
    SecretResult m_result;
};

// The OS keychain (qtkeychain) behind a small interface. No plaintext fallback exists anywhere:
// when the keychain is missing, locked or slow, operations fail with a clear status.
// Start jobs from one thread only (qtkeychain's executor is a global queue).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    // $ZCONSOLE_KEYCHAIN_SERVICE or "zconsole".
    static QString defaultService();
    static QString demoService() { return QStringLiteral("zconsole-demo"); }

    explicit SecretStore(const QString &service = defaultService(), QObject *parent = nullptr);

    QString service() const { return m_service; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    void setProbeTimeoutMs(int ms) { m_probeTimeoutMs = ms; }
    void setSlowThresholdMs(int ms) { m_slowMs = ms; }
    int slowThresholdMs() const { return m_slowMs; }
    // Test seam (off unless a test turns it on): while held, a started job does not reach the
    // keychain yet, as if the keychain were slow to answer; its slow(), timeout and cancel() work
    // as usual. Releasing lets the held jobs that are still running go on.
    void setHoldJobs(bool hold);
    bool holdsJobs() const { return m_hold; }

    SecretJob *write(const QString &key, const QByteArray &value);
    SecretJob *read(const QString &key);
    SecretJob *remove(const QString &key);
    // Writes, reads back and deletes a sentinel: tells a usable keychain from a missing or
    // locked one (a plain read cannot: a locked keyring answers "not found").
    SecretJob *probe();

    // For command-line tools: runs a local event loop until the job finishes.
    static SecretResult waitFor(SecretJob *job);
    // Overwrites a buffer that held a secret (best effort; Qt may hold other copies).
    static void wipe(QByteArray &bytes);

    // Largest value the platform keychain takes (0 = no known limit).
    static int maxSecretBytes();

private:
    friend class SecretJob;
    QString m_service;
    int m_timeoutMs;
    int m_probeTimeoutMs = 10000;
    int m_slowMs = 700;
    bool m_hold = false;
    QList<QPointer<SecretJob>> m_held;
};

} // namespace zc

Q_DECLARE_METATYPE(zc::SecretResult)
