#pragma once

#include "core/ApiError.h"
#include "core/AuthKind.h"
#include "core/ZidClient.h"

#include <QObject>
#include <functional>

namespace zc {

class ClientSecrets;
class NetworkStack;
class ZidentityService;

// A new ZIdentity API client with a working local profile, made in an order that leaves nothing
// half-made: the remote client is created, then its credential, a local profile holds it in the
// keychain, and a first token is got with it (retrying over the propagation delay). A failure
// undoes what was made (the local profile or its new secret, the remote client) and names the step.
//  - KeyPair: an RSA 3072 pair from OpenSSL (on the thread pool), the public key uploaded with the
//    client (authType PUBKEYCERT), an oneapi-jwt profile whose private key goes straight into the
//    keychain (it never exists outside the keychain and memory, and is wiped there).
//  - Secret: a client with authType SECRET and a secret valid `validityDays`; the secret goes into
//    the keychain of a new oneapi-secret profile, or of an existing one of the tenant that holds no
//    secret yet (its client id becomes the new client's). Its value is handed back once
//    (Result::secretValue) to be shown and wiped; the profile is linked to it in the cache.
// Lives in the thread of the stack.
class ZidClientSetup : public QObject
{
    Q_OBJECT
public:
    enum class Auth { KeyPair, Secret };
    struct Request
    {
        QString adminId;      // the profile that calls the admin API (its endpoints are reused)
        QString profileName;  // the new local profile's name (ignored with existingProfileId)
        ZidApiClient client;  // the remote client to create (name, resources, …)
        Auth auth = Auth::KeyPair;
        int keyBits = 3072;
        int validityDays = 90;     // Secret: of the first secret (30-365)
        QString existingProfileId; // Secret: an oneapi-secret profile without a secret to hold it
    };
    struct Result
    {
        ApiError error;
        QString failedStep;   // "key", "create", "secret", "profile", "store", "token"
        QString profileId;
        ZidApiClient client;
        ZidSecret secret;     // Secret: the new secret (its value only here: show once, then wipe)
        bool ok() const { return !error.isError(); }
    };

    ZidClientSetup(ZidentityService *zid, ClientSecrets *secrets, NetworkStack *stack, QObject *parent = nullptr);
    void setTokenRetry(int attempts, int delayMs);
    void run(const Request &request, std::function<void(const Result &)> done);

signals:
    void stepStarted(const QString &step);

private:
    struct Run;
    void create(const std::shared_ptr<Run> &run);
    void createSecret(const std::shared_ptr<Run> &run);
    void addProfile(const std::shared_ptr<Run> &run);
    void firstToken(const std::shared_ptr<Run> &run, int attempt);
    void store(const std::shared_ptr<Run> &run, SecretField field, QByteArray value);
    void fail(const std::shared_ptr<Run> &run, const QString &step, const ApiError &error);

    ZidentityService *m_zid;
    ClientSecrets *m_secrets;
    NetworkStack *m_stack;
    int m_tokenAttempts = 6;
    int m_tokenDelayMs = 1000;
};

} // namespace zc
