#include "SimAuthFixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace zc;

namespace zctest {

namespace {
bool waitFor(const bool &flag, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!flag && t.elapsed() < ms)
        QTest::qWait(5);
    return flag;
}
} // namespace

SimAuthFixture::SimAuthFixture(const QJsonObject &knobs, int segments)
{
    zsim::SimOptions o;
    o.segments = segments;
    o.knobs = knobs;
    o.stateDir = m_dir.path() + QStringLiteral("/sim");
    m_sim = std::make_unique<zsim::SimulatorThread>(o);
}

SimAuthFixture::~SimAuthFixture()
{
    m_secrets.reset();
    if (m_sim)
        m_sim->stop();
}

bool SimAuthFixture::start(QString *error)
{
    if (!m_sim->start(error))
        return false;
    m_store = std::make_unique<TenantStore>(m_dir.path() + QStringLiteral("/config"));
    m_store->load();
    m_keychain = std::make_unique<SecretStore>();
    m_secrets = std::make_unique<ClientSecrets>(m_store.get(), m_keychain.get());
    const QJsonObject t = sim()->demoProfile().value(QStringLiteral("tenant")).toObject();
    Tenant tenant;
    tenant.name = QStringLiteral("Sim tenant");
    tenant.cloud = QStringLiteral("zscaler");
    tenant.vanity = t.value(QStringLiteral("vanity")).toString();
    tenant.zpaCustomerId = t.value(QStringLiteral("zpaCustomerId")).toString();
    tenant.ziaOrgId = t.value(QStringLiteral("ziaOrgId")).toString();
    const StoreResult r = m_store->addTenant(tenant);
    if (!r.ok) {
        if (error)
            *error = r.message();
        return false;
    }
    m_tenantId = r.id;
    return true;
}

const Tenant &SimAuthFixture::tenant() const { return *m_store->tenant(m_tenantId); }

QJsonObject SimAuthFixture::demoClient(const QString &kind) const
{
    for (const QJsonValue &v : sim()->demoProfile().value(QStringLiteral("clients")).toArray())
        if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
            return v.toObject();
    return {};
}

QJsonObject SimAuthFixture::registerWithSim(const QJsonObject &client) { return sim()->registerClient(client); }

QString SimAuthFixture::addClient(const QString &name, const QJsonObject &sc,
                                  const QHash<QString, QByteArray> &overrideSecrets)
{
    ApiClient c;
    c.name = name;
    c.tenantId = m_tenantId;
    parseAuthKind(sc.value(QStringLiteral("kind")).toString(), &c.kind);
    c.clientId = sc.value(QStringLiteral("clientId")).toString();
    c.username = sc.value(QStringLiteral("username")).toString();
    c.scope = sc.value(QStringLiteral("scope")).toString();
    c.region = sc.value(QStringLiteral("region")).toString();
    c.tokenUrl = sc.value(QStringLiteral("tokenUrl")).toString();
    c.baseUrl = sim()->baseUrl();
    c.caFile = sim()->caCertificatePath();
    parseClientAuthStyle(sc.value(QStringLiteral("clientAuth")).toString(), &c.clientAuth);
    const StoreResult r = m_store->addClient(c);
    if (!r.ok) {
        qWarning() << "addClient failed:" << r.message();
        return {};
    }
    const QList<QPair<const char *, SecretField>> fields = {{"secret", SecretField::Secret},
                                                            {"password", SecretField::Password},
                                                            {"apiKey", SecretField::ApiKey},
                                                            {"privateKey", SecretField::PrivateKey}};
    for (const auto &[key, field] : fields) {
        const QString k = QLatin1String(key);
        if (!sc.contains(k) && !overrideSecrets.contains(k))
            continue;
        const QByteArray value = overrideSecrets.contains(k) ? overrideSecrets.value(k)
                                                             : sc.value(k).toString().toUtf8();
        m_secretValues.insert(value);
        bool done = false;
        ApiError err;
        QObject ctx;
        m_secrets->setSecret(r.id, field, value, &ctx, [&](const ApiError &e) {
            err = e;
            done = true;
        });
        if (!waitFor(done, 30000) || err)
            qWarning() << "storing a secret failed:" << err.toString();
    }
    return r.id;
}

QStringList SimAuthFixture::cliArgs(const QStringList &args) const
{
    return QStringList{QStringLiteral("--config-dir"), m_dir.path() + QStringLiteral("/config")} + args;
}

AuthStack::AuthStack(ClientSecrets *secrets, BrokerSettings settings)
    : creds(secrets)
{
    broker.setSettings(settings);
}

void AuthStack::add(TenantStore *store, const QString &clientId)
{
    const ApiClient *c = store->client(clientId);
    broker.upsertClient(*c, *store->tenant(c->tenantId));
}

HttpResponse AuthStack::call(const QString &clientId, const ApiRequest &request, int waitMs)
{
    HttpResponse out;
    bool done = false;
    QObject ctx;
    caller.call(clientId, request, &ctx, [&](const HttpResponse &r) {
        out = r;
        done = true;
    });
    if (!waitFor(done, waitMs))
        out.error = ApiError::make(ErrorKind::Network, QStringLiteral("test: no answer in time"));
    return out;
}

Token AuthStack::token(const QString &clientId, ApiError *error, int waitMs)
{
    Token out;
    bool done = false;
    QObject ctx;
    broker.token(clientId, &ctx, [&](const Token &t, const ApiError &e) {
        out = t;
        if (error)
            *error = e;
        done = true;
    });
    if (!waitFor(done, waitMs) && error)
        *error = ApiError::make(ErrorKind::Network, QStringLiteral("test: no token in time"));
    return out;
}

} // namespace zctest
