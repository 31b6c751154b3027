#pragma once

#include "auth/ApiCaller.h"
#include "auth/CredentialProvider.h"
#include "auth/TokenBroker.h"
#include "net/HttpClient.h"
#include "net/HttpPipeline.h"
#include "net/RateLimiter.h"
#include "sim/Simulator.h"
#include "store/ClientSecrets.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <memory>

namespace zctest {

// A running simulator (own thread), a temporary config folder with the simulator's tenant, and
// API clients whose secrets are in the real test keychain. Clients trust only the simulator's CA
// (their --ca-file) and talk to its base URL (their --base-url / token URL).
class SimAuthFixture
{
public:
    explicit SimAuthFixture(const QJsonObject &knobs = {}, int segments = 30);
    ~SimAuthFixture();

    bool start(QString *error);
    zsim::Simulator *sim() const { return m_sim->sim(); }
    QString configDir() const { return m_dir.path(); }
    zc::TenantStore *store() const { return m_store.get(); }
    zc::ClientSecrets *secrets() const { return m_secrets.get(); }
    const zc::Tenant &tenant() const;

    // The demo profile's client of a kind ("oneapi-secret", …).
    QJsonObject demoClient(const QString &kind) const;
    // Registers a new credential with the simulator (fields per src/sim/README.md).
    QJsonObject registerWithSim(const QJsonObject &client);
    // Adds an ApiClient named `name` for a simulator credential and stores its secrets in the
    // keychain. `override` replaces secret values (e.g. a wrong secret). Returns the client id.
    QString addClient(const QString &name, const QJsonObject &simClient,
                      const QHash<QString, QByteArray> &overrideSecrets = {});

    // Every secret, API key and private key handed to the keychain so far (log-leak checks).
    const QSet<QByteArray> &secretValues() const { return m_secretValues; }
    // Common CLI arguments (--config-dir).
    QStringList cliArgs(const QStringList &args) const;

private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    QTemporaryDir m_dir;
    std::unique_ptr<zc::TenantStore> m_store;
    std::unique_ptr<zc::SecretStore> m_keychain;
    std::unique_ptr<zc::ClientSecrets> m_secrets;
    QString m_tenantId;
    QSet<QByteArray> m_secretValues;
};

// The in-process network + token stack a service would use, on the calling thread.
struct AuthStack
{
    explicit AuthStack(zc::ClientSecrets *secrets, zc::BrokerSettings settings = {});
    void add(zc::TenantStore *store, const QString &clientId);
    // Runs one authenticated request and waits for it.
    zc::HttpResponse call(const QString &clientId, const zc::ApiRequest &request, int waitMs = 30000);
    zc::Token token(const QString &clientId, zc::ApiError *error, int waitMs = 30000);

    zc::HttpClient http;
    zc::RateLimiter limiter;
    zc::HttpPipeline pipeline{&http, &limiter};
    zc::KeychainCredentials creds;
    zc::TokenBroker broker{&pipeline, &creds};
    zc::ApiCaller caller{&broker};
};

} // namespace zctest
