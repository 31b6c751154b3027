#include "GuiTestUtil.h"

#include "services/SessionWorker.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QSignalSpy>

#include <memory>

namespace zc::guitest {

namespace {
SecretResult runJob(SecretJob *job, int timeoutMs)
{
    QSignalSpy spy(job, &SecretJob::finished);
    if (!spy.wait(timeoutMs) && spy.isEmpty()) {
        SecretResult r;
        r.status = SecretStatus::Timeout;
        r.message = QStringLiteral("test: no answer from the keychain");
        return r;
    }
    return spy.constFirst().constFirst().value<SecretResult>();
}
} // namespace

void deliverPosted()
{
    QCoreApplication::sendPostedEvents();
}

bool drainWorker(SessionWorker *worker, int safetyMs)
{
    if (!worker)
        return false;
    // The worker and the services share this thread: events are delivered in the order they
    // were posted, so this marker's turn comes after everything queued before it.
    auto back = std::make_shared<bool>(false);
    QMetaObject::invokeMethod(qApp, [back] { *back = true; }, Qt::QueuedConnection);
    return QTest::qWaitFor([&] { return *back; }, safetyMs);
}

SecretResult readKeychain(const QString &key, int timeoutMs)
{
    SecretStore store; // ZCONSOLE_KEYCHAIN_SERVICE=zconsole-test under run-isolated.sh
    return runJob(store.read(key), timeoutMs);
}

SecretResult writeKeychain(const QString &key, const QByteArray &value, int timeoutMs)
{
    SecretStore store;
    return runJob(store.write(key, value), timeoutMs);
}

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            out << path;
    }
    return out;
}

int maxDistinctColoursInARow(const QImage &image)
{
    int best = 0;
    for (int y = 0; y < image.height(); ++y) {
        QSet<QRgb> colours;
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
        best = qMax(best, int(colours.size()));
    }
    return best;
}

Tenant makeTenant(const QString &name, const QString &cloud, bool isProtected)
{
    Tenant t;
    t.name = name;
    t.cloud = cloud;
    t.isProtected = isProtected;
    return t;
}

ApiClient makeClient(const QString &tenantId, const QString &name, AuthKind kind)
{
    ApiClient c;
    c.tenantId = tenantId;
    c.name = name;
    c.kind = kind;
    const AuthKindInfo &k = c.info();
    if (k.needsClientId)
        c.clientId = QStringLiteral("client-") + name;
    if (k.needsUsername)
        c.username = QStringLiteral("admin@example.com");
    if (k.needsScope)
        c.scope = QStringLiteral("zscalerbeta.net::8956412::ApiRole");
    if (k.needsRegion)
        c.region = QStringLiteral("eu");
    if (k.needsTokenUrl)
        c.tokenUrl = QStringLiteral("https://idp.example.com/oauth2/token");
    return c;
}

} // namespace zc::guitest
