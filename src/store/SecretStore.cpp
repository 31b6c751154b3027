#include "store/SecretStore.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <utility>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "zconsole.keychain")

namespace zc {

namespace {

SecretStatus classify(QKeychain::Error error, const QString &text)
{
    switch (error) {
    case QKeychain::NoError: return SecretStatus::Ok;
    case QKeychain::EntryNotFound: return SecretStatus::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser: return SecretStatus::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented: return SecretStatus::Unavailable;
    default: break;
    }
    const QString t = text.toLower();
    if (t.contains(QLatin1String("locked")))
        return SecretStatus::Denied;
    static const char *const unavailable[] = {"d-bus", "dbus", "org.freedesktop.secrets",
                                              "unknown error", "no keychain", "kwallet",
                                              "object does not exist at path", "not provided by"};
    for (const char *u : unavailable)
        if (t.contains(QLatin1String(u)))
            return SecretStatus::Unavailable;
    return SecretStatus::Failed;
}

QString describe(SecretStatus s, const QString &backend)
{
    switch (s) {
    case SecretStatus::Ok: return {};
    case SecretStatus::NotFound: return QObject::tr("no such entry in the keychain");
    case SecretStatus::Unavailable:
        return QObject::tr("no usable OS keychain (%1). Start a Secret Service provider such as "
                           "gnome-keyring or KWallet in a desktop session; zconsole never stores "
                           "secrets in plain files")
            .arg(backend);
    case SecretStatus::Denied:
        return QObject::tr("the keychain refused access (%1); unlock it and try again").arg(backend);
    default: return backend;
    }
}

} // namespace

QString SecretResult::statusName(SecretStatus s)
{
    switch (s) {
    case SecretStatus::Ok: return QStringLiteral("ok");
    case SecretStatus::NotFound: return QStringLiteral("not-found");
    case SecretStatus::Unavailable: return QStringLiteral("unavailable");
    case SecretStatus::Denied: return QStringLiteral("denied");
    case SecretStatus::Timeout: return QStringLiteral("timeout");
    case SecretStatus::Cancelled: return QStringLiteral("cancelled");
    case SecretStatus::Failed: return QStringLiteral("failed");
    }
    return {};
}

ApiError SecretResult::toError(const QString &what) const
{
    if (ok())
        return {};
    ApiError e = ApiError::make(status == SecretStatus::Cancelled ? ErrorKind::Cancelled
                                                                  : ErrorKind::Keychain,
                                what.isEmpty() ? message : what + QStringLiteral(": ") + message);
    e.code = statusName(status);
    return e;
}

// ---------------------------------------------------------------------------------------------

SecretJob::SecretJob(SecretStore *store, Op op, const QString &key, const QByteArray &value)
    : QObject(store)
    , m_store(store)
    , m_op(op)
    , m_step(op)
    , m_key(key)
    , m_value(value)
{
    m_clock.start();
    m_watchdog.setSingleShot(true);
    m_slowTimer.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        const int secs = m_watchdog.interval() / 1000;
        SecretResult r;
        r.status = SecretStatus::Timeout;
        r.message = tr("the keychain did not answer within %1 s (is it waiting for an unlock "
                       "prompt?)")
                        .arg(secs);
        finish(r);
    });
    connect(&m_slowTimer, &QTimer::timeout, this, [this] {
        if (!m_finished)
            emit slow();
    });
    // Start on the next event-loop turn so that callers can connect first.
    QTimer::singleShot(0, this, &SecretJob::begin);
}

void SecretJob::begin()
{
    if (m_finished)
        return;
    const int max = SecretStore::maxSecretBytes();
    if (m_op == Op::Write && max > 0 && m_value.size() > max) {
        SecretResult r;
        r.status = SecretStatus::Failed;
        r.message = tr("the secret is %1 bytes; this platform's keychain takes at most %2")
                        .arg(m_value.size())
                        .arg(max);
        finish(r);
        return;
    }
    m_watchdog.start(m_op == Op::Probe ? m_store->m_probeTimeoutMs : m_store->m_timeoutMs);
    m_slowTimer.start(m_store->m_slowMs);
    if (m_store->m_hold) {
        m_store->m_held.append(this);
        return;
    }
    startFirstStep();
}

void SecretJob::startStep(Op step)
{
    m_step = step;
    QKeychain::Job *job = nullptr;
    switch (step) {
    case Op::Write: {
        auto *w = new QKeychain::WritePasswordJob(m_store->service());
        w->setBinaryData(m_value);
        job = w;
        break;
    }
    case Op::Read: job = new QKeychain::ReadPasswordJob(m_store->service()); break;
    case Op::Remove:
    case Op::Probe: job = new QKeychain::DeletePasswordJob(m_store->service()); break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never, on any platform
    job->setKey(m_key);
    m_current = job;
    connect(job, &QKeychain::Job::finished, this, &SecretJob::onStepDone);
    job->start();
}

void SecretJob::onStepDone(QKeychain::Job *job)
{
    if (m_finished || job != m_current)
        return;
    const SecretStatus st = classify(job->error(), job->errorString());
    QByteArray data;
    if (st == SecretStatus::Ok && m_step == Op::Read)
        data = static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData();

    SecretResult r;
    r.status = st;
    r.message = describe(st, job->errorString());
    if (m_op != Op::Probe) {
        if (st == SecretStatus::Ok)
            r.data = data;
        SecretStore::wipe(m_value);
        finish(r);
        return;
    }
    // Probe: write -> read back -> delete.
    if (st != SecretStatus::Ok) {
        if (m_step == Op::Read && st == SecretStatus::NotFound) {
            r.status = SecretStatus::Denied;
            r.message = tr("the keychain accepted a test entry but did not return it (locked?)");
        }
        finish(r);
        return;
    }
    if (m_step == Op::Write) {
        startStep(Op::Read);
    } else if (m_step == Op::Read) {
        if (data != m_value) {
            r.status = SecretStatus::Failed;
            r.message = tr("the keychain returned a different value for a test entry");
            finish(r);
            return;
        }
        startStep(Op::Remove);
    } else {
        finish(r);
    }
}

void SecretJob::cancel()
{
    SecretResult r;
    r.status = SecretStatus::Cancelled;
    r.message = tr("stopped waiting for the keychain");
    finish(r);
}

void SecretJob::finish(SecretResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_watchdog.stop();
    m_slowTimer.stop();
    SecretStore::wipe(m_value);
    if (m_current)
        disconnect(m_current, nullptr, this, nullptr);
    m_result = result;
    qCDebug(lcKeychain).noquote() << "keychain" << int(m_op) << "key" << m_key << "->"
                                  << SecretResult::statusName(result.status) << "in"
                                  << m_clock.elapsed() << "ms";
    emit finished(m_result);
    SecretStore::wipe(m_result.data);
    deleteLater();
}

// ---------------------------------------------------------------------------------------------

QString SecretStore::defaultService()
{
    const QString env = qEnvironmentVariable("ZCONSOLE_KEYCHAIN_SERVICE");
    return env.isEmpty() ? QStringLiteral("zconsole") : env;
}

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    qRegisterMetaType<zc::SecretResult>();
    bool ok = false;
    const int secs = qEnvironmentVariableIntValue("ZCONSOLE_KEYCHAIN_TIMEOUT", &ok);
    m_timeoutMs = ok && secs > 0 ? secs * 1000 : 30000;
}

int SecretStore::maxSecretBytes()
{
#ifdef Q_OS_WIN
    return 2560 / 2; // CRED_MAX_CREDENTIAL_BLOB_SIZE with qtkeychain < 0.15, UTF-16 halved
#else
    return 0;
#endif
}

void SecretStore::setHoldJobs(bool hold)
{
    m_hold = hold;
    if (hold)
        return;
    const QList<QPointer<SecretJob>> held = std::exchange(m_held, {});
    for (const QPointer<SecretJob> &job : held)
        if (job && !job->isFinished())
            job->startFirstStep();
}

SecretJob *SecretStore::write(const QString &key, const QByteArray &value)
{
    return new SecretJob(this, SecretJob::Op::Write, key, value);
}

SecretJob *SecretStore::read(const QString &key) { return new SecretJob(this, SecretJob::Op::Read, key, {}); }

SecretJob *SecretStore::remove(const QString &key)
{
    return new SecretJob(this, SecretJob::Op::Remove, key, {});
}

SecretJob *SecretStore::probe()
{
    QByteArray sentinel = QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    return new SecretJob(this, SecretJob::Op::Probe,
                         QStringLiteral("zconsole-probe/") + QString::fromLatin1(sentinel),
                         sentinel);
}

SecretResult SecretStore::waitFor(SecretJob *job)
{
    SecretResult out;
    QEventLoop loop;
    QObject::connect(job, &SecretJob::finished, &loop, [&](const SecretResult &r) {
        out = r;
        out.data = QByteArray(r.data.constData(), r.data.size()); // deep copy before the wipe
        loop.quit();
    });
    loop.exec();
    return out;
}

void SecretStore::wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach(); // do not scribble over another owner's copy
    if (!bytes.isEmpty())
        std::fill(bytes.begin(), bytes.end(), char(0));
    bytes.clear();
}

} // namespace zc
