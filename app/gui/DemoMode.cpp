#include "DemoMode.h"

#include "services/AppServices.h"
#include "SettingsKeys.h"
#include "store/SecretStore.h"

#ifdef ZCONSOLE_HAVE_SIM
#include "sim/Simulator.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <cstdio>
#endif

namespace zc {

#ifdef ZCONSOLE_HAVE_SIM

namespace {
// The demo profile's secret values, by the JSON field the simulator uses.
const struct
{
    const char *json;
    SecretField field;
} kSecretFields[] = {
    {"secret", SecretField::Secret},
    {"password", SecretField::Password},
    {"apiKey", SecretField::ApiKey},
    {"privateKey", SecretField::PrivateKey},
};
} // namespace

struct DemoMode::Private
{
    QTemporaryDir dir; // config, settings and the simulator's TLS material; removed on exit
    std::unique_ptr<zsim::SimulatorThread> sim;
};

DemoMode::DemoMode()
    : d(std::make_unique<Private>())
{
}

DemoMode::~DemoMode() { stop(); }

QString DemoMode::keychainService() const { return SecretStore::demoService(); }

zsim::Simulator *DemoMode::simulator() const { return d->sim ? d->sim->sim() : nullptr; }

bool DemoMode::start(const QString &baseConfigDir, QString *error)
{
    Q_UNUSED(baseConfigDir); // the demo never touches the real configuration
    m_exitCode = 1;
    if (!d->dir.isValid()) {
        m_error = QStringLiteral("demo mode: cannot create a temporary folder (%1)").arg(d->dir.errorString());
        *error = m_error;
        return false;
    }
    m_configDir = d->dir.filePath(QStringLiteral("config"));
    zsim::SimOptions options;
    options.stateDir = d->dir.filePath(QStringLiteral("sim"));
    d->sim = std::make_unique<zsim::SimulatorThread>(options);
    QString simError;
    if (!d->sim->start(&simError)) {
        m_error = QStringLiteral("demo mode: the simulator did not start: %1").arg(simError);
        *error = m_error;
        d->sim.reset();
        return false;
    }
    m_exitCode = 0;
    return true;
}

bool DemoMode::seed(AppServices *services)
{
    if (!d->sim) {
        m_error = QStringLiteral("demo mode: the simulator is not running");
        m_exitCode = 1;
        return false;
    }
    const QJsonObject profile = d->sim->sim()->demoProfile();
    const QString baseUrl = profile.value(QLatin1String("baseUrl")).toString();
    const QString caFile = profile.value(QLatin1String("caFile")).toString();
    const QJsonObject tj = profile.value(QLatin1String("tenant")).toObject();

    TenantStore *store = services->store();
    Tenant t;
    t.id = QStringLiteral("t-demo");
    t.name = tj.value(QLatin1String("name")).toString(QStringLiteral("Demo Corp"));
    t.setCloudFromInput(tj.value(QLatin1String("ziaCloud")).toString(QStringLiteral("zscalerbeta")));
    t.vanity = tj.value(QLatin1String("vanity")).toString();
    t.zpaCustomerId = tj.value(QLatin1String("zpaCustomerId")).toString();
    t.ziaOrgId = tj.value(QLatin1String("ziaOrgId")).toString();
    t.color = QStringLiteral("#00897b");
    t.notes = QStringLiteral("Demo tenant on the built-in simulator at %1. Nothing real is touched.").arg(baseUrl);
    const StoreResult tr = store->addTenant(t);
    if (!tr.ok) {
        m_error = QStringLiteral("demo mode: cannot create the demo tenant: %1").arg(tr.message());
        m_exitCode = 1;
        return false;
    }

    for (const QJsonValue &v : profile.value(QLatin1String("clients")).toArray()) {
        const QJsonObject o = v.toObject();
        ApiClient c;
        if (!parseAuthKind(o.value(QLatin1String("kind")).toString(), &c.kind))
            continue;
        c.id = QStringLiteral("c-demo-") + c.info().name;
        c.tenantId = tr.id;
        c.name = QStringLiteral("demo-") + c.info().name;
        c.clientId = o.value(QLatin1String("clientId")).toString();
        c.username = o.value(QLatin1String("username")).toString();
        c.scope = o.value(QLatin1String("scope")).toString();
        c.region = o.value(QLatin1String("region")).toString();
        c.tokenUrl = o.value(QLatin1String("tokenUrl")).toString();
        c.baseUrl = o.value(QLatin1String("baseUrl")).toString(baseUrl);
        c.caFile = caFile;
        parseClientAuthStyle(o.value(QLatin1String("clientAuth")).toString(), &c.clientAuth);
        c.notes = o.value(QLatin1String("name")).toString();
        const StoreResult cr = store->addClient(c);
        if (!cr.ok) {
            std::fprintf(stderr, "zconsole: demo client %s skipped: %s\n", qPrintable(c.name),
                         qPrintable(cr.message()));
            continue;
        }
        for (const auto &s : kSecretFields) {
            QByteArray value = o.value(QLatin1String(s.json)).toString().toUtf8();
            if (value.isEmpty() || !c.info().secrets.contains(s.field))
                continue;
            const QString name = c.name;
            services->secrets()->setSecret(cr.id, s.field, std::move(value), services,
                                           [name](const ApiError &e) {
                                               if (e)
                                                   std::fprintf(stderr, "zconsole: demo secret of %s not stored: %s\n",
                                                                qPrintable(name), qPrintable(e.message));
                                           });
            SecretStore::wipe(value);
        }
    }
    services->settings()->setValue(settingskey::activeTenant(), tr.id);
    return true;
}

void DemoMode::stop()
{
    if (d && d->sim) {
        d->sim->stop();
        d->sim.reset();
    }
}

#else // no simulator in this build

struct DemoMode::Private
{
};

DemoMode::DemoMode()
    : d(std::make_unique<Private>())
{
}

DemoMode::~DemoMode() = default;

QString DemoMode::keychainService() const { return SecretStore::demoService(); }

zsim::Simulator *DemoMode::simulator() const { return nullptr; }

bool DemoMode::start(const QString &baseConfigDir, QString *error)
{
    Q_UNUSED(baseConfigDir);
    m_exitCode = 2;
    m_error = QStringLiteral("demo mode needs the simulator, and this build has none (zconsole_sim)");
    *error = m_error;
    return false;
}

bool DemoMode::seed(AppServices *services)
{
    Q_UNUSED(services);
    return false;
}

void DemoMode::stop() {}

#endif

} // namespace zc
