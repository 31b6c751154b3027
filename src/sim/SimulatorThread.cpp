#include "sim/Simulator.h"

#include <QThread>

namespace zsim {

SimulatorThread::SimulatorThread(SimOptions options) : m_options(std::move(options)) {}

SimulatorThread::~SimulatorThread()
{
    stop();
}

bool SimulatorThread::start(QString *error)
{
    if (m_sim)
        return true;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("zsim"));
    m_sim = new Simulator(m_options);
    m_sim->moveToThread(m_thread);
    m_thread->start();
    bool ok = false;
    QString why;
    Simulator *sim = m_sim;
    QMetaObject::invokeMethod(sim, [sim, &ok, &why] { ok = sim->start(&why); }, Qt::BlockingQueuedConnection);
    if (!ok) {
        stop();
        if (error)
            *error = why;
        return false;
    }
    return true;
}

void SimulatorThread::stop()
{
    if (!m_thread)
        return;
    if (m_sim) {
        // Stop on the server thread (its sockets live there), then hand the object back.
        QThread *caller = QThread::currentThread();
        Simulator *sim = m_sim;
        QMetaObject::invokeMethod(sim, [sim, caller] {
            sim->stop();
            sim->moveToThread(caller);
        }, Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    delete m_sim;
    m_sim = nullptr;
}

Simulator *SimulatorThread::sim() const
{
    return m_sim;
}

} // namespace zsim
