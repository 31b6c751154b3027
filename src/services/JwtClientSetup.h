#pragma once

#include "core/ApiError.h"
#include "core/ZidClient.h"

#include <QObject>
#include <functional>

namespace zc {

class ClientSecrets;
class NetworkStack;
class ZidentityService;

// A ZIdentity API client authenticated by a key pair made here: an RSA 3072 pair from OpenSSL (on
// the thread pool), the public key uploaded with the new remote client (authType PUBKEYCERT), an
// oneapi-jwt profile created for it whose private key goes straight into the keychain (it never
// exists outside the keychain and memory, and is wiped there), and a first token with it
// (retrying over the key's propagation delay). A failure undoes what was made (the local profile,
// the remote client) and names the step. Lives in the thread of the stack.
class JwtClientSetup : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QString adminId;      // the profile that calls the admin API (its endpoints are reused)
        QString profileName;  // the new local profile's name
        ZidApiClient client;  // the remote client to create (name, resources, …)
        int keyBits = 3072;
    };
    struct Result
    {
        ApiError error;
        QString failedStep;   // "key", "create", "profile", "store", "token"
        QString profileId;
        ZidApiClient client;
        bool ok() const { return !error.isError(); }
    };

    JwtClientSetup(ZidentityService *zid, ClientSecrets *secrets, NetworkStack *stack, QObject *parent = nullptr);
    void setTokenRetry(int attempts, int delayMs);
    void run(const Request &request, std::function<void(const Result &)> done);

signals:
    void stepStarted(const QString &step);

private:
    struct Run;
    void create(const std::shared_ptr<Run> &run);
    void addProfile(const std::shared_ptr<Run> &run);
    void firstToken(const std::shared_ptr<Run> &run, int attempt);
    void fail(const std::shared_ptr<Run> &run, const QString &step, const ApiError &error);

    ZidentityService *m_zid;
    ClientSecrets *m_secrets;
    NetworkStack *m_stack;
    int m_tokenAttempts = 6;
    int m_tokenDelayMs = 1000;
};

} // namespace zc
