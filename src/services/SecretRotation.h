#pragma once

#include "core/ApiError.h"
#include "core/ZidClient.h"
#include "store/RotationJournal.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace zc {

class ClientSecrets;
class NetworkStack;
class ZidentityService;

struct RotationRequest
{
    QString profileId;      // the oneapi-secret profile whose secret is renewed
    QString adminId;        // the profile that calls the admin API (registered with the stack)
    int validityDays = 90;  // of the new secret: 30-365
    QString deleteFirst;    // with two secrets: the one to delete before creating the new one
};

struct RotationResult
{
    enum class Outcome {
        Rotated,    // the keychain holds the new secret, which got a token
        Refused,    // nothing changed (two secrets already: see `existing`)
        Failed,     // a step failed; the keychain holds a secret that works (keychainHolds)
        RolledBack, // an interrupted rotation was undone
    };
    Outcome outcome = Outcome::Failed;
    QString failedStep;      // the step that failed (Failed, or Rotated with the old secret left)
    ApiError error;
    QString newSecretId;
    QDateTime newExpiresAt;
    QString oldSecretId;     // deleted (Rotated), or left on the server when failedStep says so
    QList<ZidSecret> existing;
    QString keychainHolds;   // "new" | "old" | "none"
    bool recovered = false;  // finished or rolled back from the journal

    bool ok() const { return outcome == Outcome::Rotated && !error.isError(); }
};

// One secret rotation of an oneapi-secret profile (or key rotation of an oneapi-jwt one: a new key
// pair made here, its public key added to the client, then the old public key removed — the same
// steps and journal), in an order that always leaves a working
// credential in the keychain: create a new secret on the server → store it in the keychain
// (the old value kept beside it) → get a token with it (retrying over a short propagation
// delay) → only then delete the old secret on the server → forget the old value, link the
// profile to the new secret in the inventory cache. A failure undoes what came before it (the
// new secret deleted again, the old value put back) and says which step failed. Every step is
// written to the RotationJournal first, so a rotation cut off by a killed process is finished
// (the new secret got a token) or rolled back by recover(). With two secrets already (a third
// would silently replace the newest) it changes nothing unless told which one to delete first.
// Lives in the thread of the stack; never blocks.
class SecretRotation : public QObject
{
    Q_OBJECT
public:
    static constexpr int MinValidityDays = 30;
    static constexpr int MaxValidityDays = 365;

    SecretRotation(ZidentityService *zid, ClientSecrets *secrets, NetworkStack *stack, RotationJournal *journal,
                   QObject *parent = nullptr);
    ~SecretRotation() override;

    // How often and how far apart a token is tried with the new secret (propagation delay).
    void setTokenRetry(int attempts, int delayMs);
    // Test seam: after this step is journaled the rotation stops as a killed process would
    // (no further request, no callback).
    void setStopAfter(std::optional<RotationJournal::Step> step) { m_stopAfter = step; }

    void rotate(const RotationRequest &request, std::function<void(const RotationResult &)> done);
    // Finishes or rolls back the journaled rotation of `profileId` (its admin must be registered).
    void recover(const QString &profileId, std::function<void(const RotationResult &)> done);

    static QString stepLabel(const QString &step);

signals:
    // "check", "delete-first", "create", "store", "token", "delete-old", "finish".
    void stepStarted(const QString &step);

private:
    struct Run;
    void check(const std::shared_ptr<Run> &run);
    void create(const std::shared_ptr<Run> &run);
    void store(const std::shared_ptr<Run> &run);
    void verify(const std::shared_ptr<Run> &run, int attempt);
    void deleteOld(const std::shared_ptr<Run> &run);
    void finish(const std::shared_ptr<Run> &run);
    // Undo after `step` failed: new secret deleted, old value back (when it was replaced).
    void rollBack(const std::shared_ptr<Run> &run, const QString &step, const ApiError &error);
    bool journal(const std::shared_ptr<Run> &run, RotationJournal::Step step);
    void end(const std::shared_ptr<Run> &run, RotationResult result);
    void forgetPrevious(const std::shared_ptr<Run> &run);
    // jwt: the remote client's public keys changed by `change` (GET, then a conflict-checked PUT).
    void editKeys(const std::shared_ptr<Run> &run, const std::function<void(QList<ZidPublicKey> &)> &change,
                  std::function<void(const ZidClientReply &)> done);
    // The profile is linked to the new secret in the inventory cache, its expiry recorded.
    void linkNew(const std::shared_ptr<Run> &run);

    ZidentityService *m_zid;
    ClientSecrets *m_secrets;
    NetworkStack *m_stack;
    RotationJournal *m_journal;
    int m_tokenAttempts = 6;
    int m_tokenDelayMs = 1000;
    std::optional<RotationJournal::Step> m_stopAfter;
};

} // namespace zc
