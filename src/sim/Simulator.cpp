#include "sim/Simulator.h"

#include "sim/Crypto.h"
#include "sim/SimCore.h"
#include "sim/SimServer.h"
#include "sim/TlsMaterial.h"

#include <QFile>
#include <QMutexLocker>
#include <QSaveFile>
#include <QTemporaryDir>

#include <algorithm>

namespace zsim {

namespace {

// The demo private-key client's RSA pair: kept in the state folder when there is one, and
// generated once per process otherwise (RSA generation is the slow part of a start).
bool demoJwtKey(const QString &stateDir, QByteArray *priv, QByteArray *pub, QString *error)
{
    static QMutex cacheMutex;
    static QByteArray cachedPriv, cachedPub;
    const QString path = stateDir.isEmpty() ? QString() : stateDir + QStringLiteral("/demo-oneapi-jwt-key.pem");
    if (!path.isEmpty()) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            *priv = f.readAll();
            QString ignored;
            *pub = crypto::rsaPublicKeyPem(*priv, &ignored);
            if (!pub->isEmpty())
                return true;
        }
    }
    {
        QMutexLocker lock(&cacheMutex);
        if (cachedPriv.isEmpty() && !crypto::generateRsaKeyPair(&cachedPriv, &cachedPub, error))
            return false;
        *priv = cachedPriv;
        *pub = cachedPub;
    }
    if (!path.isEmpty()) {
        QSaveFile f(path);
        if (f.open(QIODevice::WriteOnly)) {
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            f.write(*priv);
            f.commit();
        }
    }
    return true;
}

} // namespace

Simulator::Simulator(SimOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_core(std::make_unique<SimCore>(m_options))
{
}

Simulator::~Simulator()
{
    stop();
}

bool Simulator::start(QString *error)
{
    QString e;
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        m_server.reset();
        return false;
    };
    if (m_server)
        return true;
    if (m_used)
        m_core = std::make_unique<SimCore>(m_options);   // a restart starts from a fresh data set
    m_used = true;
    Knobs probe(m_options.seed);
    if (!probe.merge(m_options.knobs, &e))
        return fail(QStringLiteral("invalid knobs: ") + e);

    QString dir = m_options.stateDir;
    if (dir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid())
            return fail(QStringLiteral("cannot create a temporary state folder"));
        dir = m_tempDir->path();
    }
    TlsMaterial tls;
    if (!TlsMaterial::loadOrCreate(dir, &tls, &e))
        return fail(e);
    QByteArray jwtPriv, jwtPub;
    if (!demoJwtKey(m_options.stateDir, &jwtPriv, &jwtPub, &e))
        return fail(e);

    m_server = std::make_unique<SimServer>(*m_core);
    if (!m_server->listen(m_options.port, tls, &e))
        return fail(e);
    m_caPem = tls.caPem;
    QMutexLocker lock(&m_core->mutex);
    m_core->baseUrl = QStringLiteral("https://127.0.0.1:%1").arg(m_server->port());
    m_core->caPath = tls.caPath;
    m_core->buildData(jwtPriv, jwtPub);
    m_core->registerRoutes();
    return true;
}

void Simulator::stop()
{
    m_server.reset();
}

quint16 Simulator::port() const
{
    return m_server ? m_server->port() : 0;
}

QString Simulator::baseUrl() const
{
    QMutexLocker lock(&m_core->mutex);
    return m_core->baseUrl;
}

QString Simulator::caCertificatePath() const
{
    QMutexLocker lock(&m_core->mutex);
    return m_core->caPath;
}

QByteArray Simulator::caCertificatePem() const
{
    return m_caPem;
}

QString Simulator::controlToken() const
{
    return m_core->controlToken;
}

void Simulator::setKnobs(const QJsonObject &knobs)
{
    QMutexLocker lock(&m_core->mutex);
    QString error;
    if (!m_core->knobs.merge(knobs, &error))
        qWarning("zsim: knobs ignored: %s", qPrintable(error));
}

QJsonObject Simulator::knobs() const
{
    QMutexLocker lock(&m_core->mutex);
    return m_core->knobs.effective();
}

void Simulator::resetKnobs()
{
    QMutexLocker lock(&m_core->mutex);
    m_core->knobs.reset();
}

QJsonObject Simulator::counters() const
{
    QMutexLocker lock(&m_core->mutex);
    QJsonObject o;
    for (auto it = m_core->counters.cbegin(); it != m_core->counters.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

qint64 Simulator::count(const QString &routeKey) const
{
    QMutexLocker lock(&m_core->mutex);
    return m_core->counters.value(routeKey);
}

void Simulator::resetCounters()
{
    QMutexLocker lock(&m_core->mutex);
    m_core->resetCounters();
}

QList<qint64> Simulator::arrivals(const QString &routeKey) const
{
    QMutexLocker lock(&m_core->mutex);
    const auto it = m_core->arrivals.constFind(routeKey);
    return it == m_core->arrivals.cend() ? QList<qint64>() : QList<qint64>(it->begin(), it->end());
}

qint64 Simulator::clockMs() const
{
    QMutexLocker lock(&m_core->mutex);
    return m_core->clock.now();
}

void Simulator::freezeClock()
{
    QMutexLocker lock(&m_core->mutex);
    m_core->clock.freeze();
}

void Simulator::advanceClock(qint64 ms)
{
    QMutexLocker lock(&m_core->mutex);
    m_core->clock.offsetMs += std::max<qint64>(0, ms);
}

QJsonObject Simulator::demoProfile() const
{
    QMutexLocker lock(&m_core->mutex);
    return m_core->demoProfile();
}

QJsonObject Simulator::registerClient(const QJsonObject &client)
{
    QMutexLocker lock(&m_core->mutex);
    QString error;
    const QJsonObject c = m_core->registerClient(client, &error);
    return c.isEmpty() ? QJsonObject{{QStringLiteral("error"), error}} : c;
}

} // namespace zsim
