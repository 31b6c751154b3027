// The built-in HTTPS simulator of the ZPA, ZIA, ZIdentity/OneAPI, SaaS Security, AppTotal and
// Sandbox APIs. Independent of the client code. Behaviour, routes and knobs: src/sim/README.md.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QTemporaryDir;
class QThread;

namespace zsim {

struct SimOptions {
    quint16 port = 0;          // 0 = any free port
    quint64 seed = 1;          // generated data and probabilistic faults are deterministic for a seed
    int segments = 10000;      // generated ZPA application segments
    int zidClients = 300;      // generated ZIdentity API clients (12 named, then "Automation NNNN"), besides the 2 demo ones
    QString stateDir;          // where ca.pem / server cert+key are kept and reused; empty = a private temp dir
    QJsonObject knobs;         // initial knobs (README.md "Knobs")
};

class SimCore;
class SimServer;

class Simulator : public QObject
{
    Q_OBJECT
public:
    explicit Simulator(SimOptions options, QObject *parent = nullptr);
    ~Simulator() override;

    // Generates or loads the TLS material, builds the data set and listens on 127.0.0.1.
    // The server runs on the thread that calls start().
    bool start(QString *error = nullptr);
    void stop();

    quint16 port() const;
    QString baseUrl() const;                // "https://127.0.0.1:<port>"
    QString caCertificatePath() const;      // PEM file of the CA that signed the server cert
    QByteArray caCertificatePem() const;
    QString controlToken() const;           // required as header X-Sim-Control on /__sim/* routes

    // Thread-safe (callable from any thread while the server runs in another):
    void setKnobs(const QJsonObject &knobs);   // merge into current knobs (invalid entries ignored)
    QJsonObject knobs() const;
    void resetKnobs();                         // back to the start-up knobs
    QJsonObject counters() const;              // {"<route key>": n, ...}
    qint64 count(const QString &routeKey) const;
    void resetCounters();                      // also forgets the arrival times
    // When the requests of a route key arrived, in the simulator's clock (ms; the most recent
    // 10,000), oldest first.
    QList<qint64> arrivals(const QString &routeKey) const;
    // The simulator's clock (epoch ms): what token expiry, session idle time, rate windows,
    // activation and the daily quotas go by. The wall clock unless a test moves it:
    qint64 clockMs() const;
    void freezeClock();                        // from now on it moves only with advanceClock()
    void advanceClock(qint64 ms);              // forward by ms (frozen or not)
    QJsonObject demoProfile() const;
    // Adds or replaces a credential; returns it with generated values filled in, or
    // {"error": "..."} when the object is invalid.
    QJsonObject registerClient(const QJsonObject &client);

private:
    SimOptions m_options;
    std::unique_ptr<SimCore> m_core;
    std::unique_ptr<SimServer> m_server;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QByteArray m_caPem;
    bool m_used = false;
};

// Runs a Simulator on its own QThread; start() blocks until it listens (or fails). All Simulator
// thread-safe methods are reachable through sim().
class SimulatorThread
{
public:
    explicit SimulatorThread(SimOptions options);
    ~SimulatorThread();
    SimulatorThread(const SimulatorThread &) = delete;
    SimulatorThread &operator=(const SimulatorThread &) = delete;

    bool start(QString *error = nullptr);
    void stop();
    Simulator *sim() const;

private:
    SimOptions m_options;
    QThread *m_thread = nullptr;
    Simulator *m_sim = nullptr;
};

} // namespace zsim
