#include "ZiaTestEnv.h"

#include "core/AuthKind.h"

#include <QJsonArray>
#include <QTimer>

namespace ziatest {

using namespace zc;

std::unique_ptr<zsim::SimulatorThread> startSimulator(QString *error)
{
    zsim::SimOptions o;
    o.segments = 50;
    auto t = std::make_unique<zsim::SimulatorThread>(o);
    if (!t->start(error))
        return nullptr;
    return t;
}

ZiaStack::ZiaStack(zsim::Simulator *simulator, Clock *limiterClock)
    : sim(simulator)
{
    const QJsonObject profile = sim->demoProfile();
    const QJsonObject t = profile.value(QStringLiteral("tenant")).toObject();
    tenant.id = QStringLiteral("t-simtenant");
    tenant.name = t.value(QStringLiteral("name")).toString();
    tenant.cloud = QStringLiteral("zscalerbeta");
    tenant.vanity = t.value(QStringLiteral("vanity")).toString();
    tenant.ziaOrgId = t.value(QStringLiteral("ziaOrgId")).toString();

    http = std::make_unique<HttpClient>();
    limiter = std::make_unique<RateLimiter>(limiterClock);
    pipeline = std::make_unique<HttpPipeline>(http.get(), limiter.get());
    creds = std::make_unique<MemoryCredentials>();
    broker = std::make_unique<TokenBroker>(pipeline.get(), creds.get());
    caller = std::make_unique<ApiCaller>(broker.get());
    api = std::make_unique<ZiaApi>(caller.get());

    const QString ca = profile.value(QStringLiteral("caFile")).toString();
    for (const QJsonValue &v : profile.value(QStringLiteral("clients")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString kindName = o.value(QStringLiteral("kind")).toString();
        AuthKind kind;
        if (!parseAuthKind(kindName, &kind) || m_ids.contains(kindName))
            continue;
        ApiClient c;
        c.id = QStringLiteral("c-") + kindName;
        c.tenantId = tenant.id;
        c.name = QStringLiteral("sim ") + kindName;
        c.kind = kind;
        c.clientId = o.value(QStringLiteral("clientId")).toString();
        c.username = o.value(QStringLiteral("username")).toString();
        c.scope = o.value(QStringLiteral("scope")).toString();
        c.region = o.value(QStringLiteral("region")).toString();
        c.tokenUrl = o.value(QStringLiteral("tokenUrl")).toString();
        c.baseUrl = o.value(QStringLiteral("baseUrl")).toString();
        c.caFile = ca;
        ClientAuthStyle style = ClientAuthStyle::Basic;
        if (parseClientAuthStyle(o.value(QStringLiteral("clientAuth")).toString(), &style))
            c.clientAuth = style;
        const QList<QPair<SecretField, const char *>> fields{{SecretField::Secret, "secret"},
                                                             {SecretField::Password, "password"},
                                                             {SecretField::ApiKey, "apiKey"},
                                                             {SecretField::PrivateKey, "privateKey"}};
        for (const auto &[field, key] : fields) {
            const QString value = o.value(QLatin1String(key)).toString();
            if (!value.isEmpty()) {
                creds->set(c.id, field, value.toUtf8());
                c.secretsSetAt.insert(field, QDateTime::currentDateTimeUtc());
            }
        }
        broker->upsertClient(c, tenant);
        m_ids.insert(kindName, c.id);
    }
}

ZiaStack::~ZiaStack()
{
    api.reset();
    caller.reset();
    broker.reset();
}

} // namespace ziatest
