#include "services/SecretRotation.h"

#include "auth/RsaKeyPair.h"
#include "auth/TokenBroker.h"
#include "services/NetworkStack.h"
#include "services/ZidentityService.h"
#include "store/ClientSecrets.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent>

Q_LOGGING_CATEGORY(lcRotation, "zconsole.rotation")

namespace zc {

struct SecretRotation::Run
{
    RotationRequest request;
    std::function<void(const RotationResult &)> done;
    RotationJournal::Entry entry;
    ApiClient profile;
    QByteArray oldValue;      // the keychain's value before (wiped at the end)
    QByteArray newValue;      // the new secret's value until stored
    bool replaced = false;    // the keychain holds the new value
    ZidSecret created;        // with its value until stored
    QList<ZidSecret> existing;
    bool recovering = false;
    bool stopped = false;
    bool jwt = false;                  // an oneapi-jwt profile: a key pair instead of a secret
    QList<ZidPublicKey> keysBefore;    // jwt: the client's public keys before
    SecretField field() const { return jwt ? SecretField::PrivateKey : SecretField::Secret; }

    ~Run()
    {
        SecretStore::wipe(oldValue);
        SecretStore::wipe(newValue);
    }
};

namespace {
// A step failed before the keychain changed: it still holds the old value.
RotationResult failedBefore(const QString &step, const ApiError &error)
{
    RotationResult r;
    r.outcome = RotationResult::Outcome::Failed;
    r.failedStep = step;
    r.error = error;
    r.keychainHolds = QStringLiteral("old");
    return r;
}

QString previousKey(const ApiClient &c, SecretField field)
{
    return c.keychainKey(field) + QStringLiteral(".previous");
}
} // namespace

SecretRotation::SecretRotation(ZidentityService *zid, ClientSecrets *secrets, NetworkStack *stack,
                               RotationJournal *journal, QObject *parent)
    : QObject(parent)
    , m_zid(zid)
    , m_secrets(secrets)
    , m_stack(stack)
    , m_journal(journal)
{
}

SecretRotation::~SecretRotation() = default;

void SecretRotation::setTokenRetry(int attempts, int delayMs)
{
    m_tokenAttempts = std::max(1, attempts);
    m_tokenDelayMs = std::max(0, delayMs);
}

QString SecretRotation::stepLabel(const QString &step)
{
    if (step == QLatin1String("check")) return tr("read the client's secrets");
    if (step == QLatin1String("delete-first")) return tr("delete the secret named by --delete");
    if (step == QLatin1String("create")) return tr("create a new secret");
    if (step == QLatin1String("store")) return tr("store the new secret in the keychain");
    if (step == QLatin1String("token")) return tr("get a token with the new secret");
    if (step == QLatin1String("delete-old")) return tr("delete the old secret on the server");
    if (step == QLatin1String("finish")) return tr("finish");
    return step;
}

bool SecretRotation::journal(const std::shared_ptr<Run> &run, RotationJournal::Step step)
{
    run->entry.step = step;
    QString err;
    if (!m_journal->write(run->entry, &err))
        qCWarning(lcRotation) << "the rotation journal could not be written:" << err;
    if (m_stopAfter && *m_stopAfter == step) {
        run->stopped = true; // as if the process were killed here
        return false;
    }
    return true;
}

void SecretRotation::end(const std::shared_ptr<Run> &run, RotationResult result)
{
    result.recovered = run->recovering;
    if (result.existing.isEmpty())
        result.existing = run->existing;
    if (result.outcome != RotationResult::Outcome::Refused || run->recovering)
        m_journal->remove(run->profile.id);
    if (run->done)
        run->done(result);
}

void SecretRotation::rotate(const RotationRequest &request, std::function<void(const RotationResult &)> done)
{
    auto run = std::make_shared<Run>();
    run->request = request;
    run->done = std::move(done);
    RotationResult refuse;
    refuse.outcome = RotationResult::Outcome::Refused;
    refuse.keychainHolds = QStringLiteral("old");
    const ApiClient *p = m_secrets->store()->client(request.profileId);
    if (!p)
        refuse.error = ApiError::make(ErrorKind::Config, tr("unknown API client %1").arg(request.profileId));
    else if (p->kind != AuthKind::OneApiSecret && p->kind != AuthKind::OneApiJwt)
        refuse.error = ApiError::make(ErrorKind::Usage, tr("\"%1\" is a %2 client: rotation renews oneapi-secret secrets and oneapi-jwt keys")
                                                            .arg(p->name, p->info().name));
    else if (p->clientId.isEmpty())
        refuse.error = ApiError::make(ErrorKind::Config, tr("\"%1\" has no client id").arg(p->name));
    else if (p->kind == AuthKind::OneApiJwt && !request.deleteFirst.isEmpty())
        refuse.error = ApiError::make(ErrorKind::Usage, tr("--delete names a secret: \"%1\" authenticates with a key pair").arg(p->name));
    else if (request.validityDays < MinValidityDays || request.validityDays > MaxValidityDays)
        refuse.error = ApiError::make(ErrorKind::Usage, tr("a secret is valid %1 to %2 days").arg(MinValidityDays).arg(MaxValidityDays));
    else if (m_journal->has(p->id))
        refuse.error = ApiError::make(ErrorKind::Usage, tr("an interrupted rotation of \"%1\" is pending: it is finished or rolled back first")
                                                            .arg(p->name));
    if (refuse.error.isError()) {
        QTimer::singleShot(0, this, [run, refuse] { run->done(refuse); });
        return;
    }
    run->profile = *p;
    run->jwt = p->kind == AuthKind::OneApiJwt;
    run->entry.profileId = p->id;
    run->entry.clientId = p->clientId;
    run->entry.adminId = request.adminId;
    run->entry.startedAt = QDateTime::currentDateTimeUtc();
    check(run);
}

void SecretRotation::check(const std::shared_ptr<Run> &run)
{
    emit stepStarted(QStringLiteral("check"));
    QPointer<SecretRotation> self(this);
    if (run->jwt) {
        m_zid->client(run->entry.adminId, run->entry.clientId, this, [self, run](const ZidClientReply &r) {
            if (!self)
                return;
            if (r.error.isError()) {
                self->end(run, failedBefore(QStringLiteral("check"), r.error));
                return;
            }
            run->keysBefore = r.client.publicKeys;
            for (const ZidPublicKey &k : r.client.publicKeys)
                run->entry.secretsBefore << k.name;
            if (!self->journal(run, RotationJournal::Step::Started))
                return;
            self->create(run);
        });
        return;
    }
    m_zid->secrets(run->entry.adminId, run->entry.clientId, this, [self, run](const ZidSecretsReply &r) {
        if (!self)
            return;
        if (r.error.isError()) {
            self->end(run, failedBefore(QStringLiteral("check"), r.error));
            return;
        }
        RotationResult out;
        out.keychainHolds = QStringLiteral("old");
        run->existing = r.secrets;
        const QString del = run->request.deleteFirst;
        bool delKnown = del.isEmpty();
        for (const ZidSecret &s : r.secrets)
            delKnown = delKnown || s.id == del;
        if (!delKnown) {
            out.outcome = RotationResult::Outcome::Refused;
            out.error = ApiError::make(ErrorKind::Usage, tr("client %1 has no secret %2").arg(run->entry.clientId, del));
            self->end(run, out);
            return;
        }
        if (r.secrets.size() >= 2 && del.isEmpty()) {
            out.outcome = RotationResult::Outcome::Refused;
            QStringList both;
            for (const ZidSecret &s : r.secrets)
                both << tr("%1 (created %2, expires %3)")
                            .arg(s.id, s.createdAt.toUTC().toString(Qt::ISODate), s.expiresAt.toUTC().toString(Qt::ISODate));
            out.error = ApiError::make(ErrorKind::Usage,
                                       tr("client %1 already has two secrets: %2. A third would silently replace the newest; "
                                          "nothing was changed. Name the one to delete first with --delete SECRET_ID.")
                                           .arg(run->entry.clientId, both.join(QStringLiteral("; "))));
            self->end(run, out);
            return;
        }
        // The old secret: the one the profile is linked to, else the only one left after --delete,
        // else the earliest expiry.
        ZidApiClient c;
        for (const ZidSecret &s : r.secrets)
            if (s.id != del)
                c.secrets << s;
        const ZidInventoryCache::Link link = self->m_zid->cache()->link(run->profile.id);
        QString old;
        for (const ZidSecret &s : c.secrets)
            if (s.id == link.secretId)
                old = s.id;
        if (old.isEmpty() && !c.secrets.isEmpty())
            old = c.earliestExpiry() ? c.earliestExpiry()->id : c.secrets.first().id;
        for (const ZidSecret &s : r.secrets)
            run->entry.secretsBefore << s.id;
        run->entry.oldSecretId = old;
        if (!self->journal(run, RotationJournal::Step::Started))
            return;
        if (del.isEmpty()) {
            self->create(run);
            return;
        }
        emit self->stepStarted(QStringLiteral("delete-first"));
        self->m_zid->deleteSecret(run->entry.adminId, run->entry.clientId, del, self, [self, run](const ApiError &e) {
            if (!self)
                return;
            if (e.isError()) {
                self->end(run, failedBefore(QStringLiteral("delete-first"), e));
                return;
            }
            run->entry.secretsBefore.removeAll(run->request.deleteFirst);
            self->create(run);
        });
    });
}

void SecretRotation::editKeys(const std::shared_ptr<Run> &run, const std::function<void(QList<ZidPublicKey> &)> &change,
                              std::function<void(const ZidClientReply &)> done)
{
    QPointer<SecretRotation> self(this);
    m_zid->client(run->entry.adminId, run->entry.clientId, this, [self, run, change, done](const ZidClientReply &now) {
        if (!self)
            return;
        if (now.error.isError()) {
            done(now);
            return;
        }
        ZidApiClient edited = now.client;
        change(edited.publicKeys);
        self->m_zid->updateClient(run->entry.adminId, edited, now.client, self,
                                  [done](const ZidentityService::Change &c) { done(c.reply); });
    });
}

void SecretRotation::create(const std::shared_ptr<Run> &run)
{
    emit stepStarted(QStringLiteral("create"));
    QPointer<SecretRotation> self(this);
    if (run->jwt) {
        QtConcurrent::run([] { return RsaKeyPair::generate(3072); }).then(this, [self, run](RsaKeyPair keys) {
            if (!self) {
                keys.wipe();
                return;
            }
            if (!keys.ok()) {
                self->end(run, failedBefore(QStringLiteral("create"), ApiError::make(ErrorKind::Config, keys.error)));
                return;
            }
            const QString name = QStringLiteral("zconsole %1").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            const QString pub = QString::fromLatin1(keys.publicPem);
            run->newValue = keys.privatePem;
            keys.wipe();
            self->editKeys(run, [name, pub](QList<ZidPublicKey> &k) { k.append({name, pub}); }, [self, run, name](const ZidClientReply &r) {
                if (!self)
                    return;
                if (r.error.isError()) {
                    self->end(run, failedBefore(QStringLiteral("create"), r.error));
                    return;
                }
                run->entry.newSecretId = name;
                if (!self->journal(run, RotationJournal::Step::Created))
                    return;
                self->store(run);
            });
        });
        return;
    }
    const QDateTime expires = QDateTime::currentDateTimeUtc().addDays(run->request.validityDays);
    m_zid->createSecret(run->entry.adminId, run->entry.clientId, expires, this, [self, run](const ZidSecretReply &r) {
        if (!self)
            return;
        if (r.error.isError()) {
            self->end(run, failedBefore(QStringLiteral("create"), r.error));
            return;
        }
        run->created = r.secret;
        run->newValue = r.secret.value.toUtf8();
        run->created.value.clear();
        run->entry.newSecretId = r.secret.id;
        if (!self->journal(run, RotationJournal::Step::Created))
            return;
        self->store(run);
    });
}

void SecretRotation::store(const std::shared_ptr<Run> &run)
{
    emit stepStarted(QStringLiteral("store"));
    QPointer<SecretRotation> self(this);
    // The old value first, kept beside the new one until the end.
    m_secrets->readSecret(run->profile.id, run->field(), this, [self, run](QByteArray old, const ApiError &readError) {
        if (!self)
            return;
        run->oldValue = old;
        SecretStore::wipe(old);
        if (run->jwt && !run->oldValue.isEmpty()) {
            // The old key on the server is the one whose public half is the keychain's key.
            const QByteArray pub = RsaKeyPair::publicOf(run->oldValue);
            for (const ZidPublicKey &k : run->keysBefore)
                if (RsaKeyPair::samePublicKey(k.value.toLatin1(), pub))
                    run->entry.oldSecretId = k.name;
        }
        const auto write = [self, run] {
            self->m_secrets->setSecret(run->profile.id, run->field(), run->newValue, self, [self, run](const ApiError &e) {
                if (!self)
                    return;
                if (e.isError()) {
                    self->rollBack(run, QStringLiteral("store"), e);
                    return;
                }
                run->replaced = true;
                SecretStore::wipe(run->newValue);
                if (!self->journal(run, RotationJournal::Step::Stored))
                    return;
                self->verify(run, 1);
            });
        };
        if (readError.isError() || run->oldValue.isEmpty()) {
            write(); // no old value to keep (a profile without a secret yet)
            return;
        }
        SecretJob *job = self->m_secrets->keychain()->write(previousKey(run->profile, run->field()), run->oldValue);
        connect(job, &SecretJob::finished, self, [self, run, write](const SecretResult &r) {
            if (!r.ok()) {
                self->rollBack(run, QStringLiteral("store"), r.toError(tr("Could not keep the old secret of \"%1\"").arg(run->profile.name)));
                return;
            }
            write();
        });
    });
}

void SecretRotation::verify(const std::shared_ptr<Run> &run, int attempt)
{
    if (attempt == 1)
        emit stepStarted(QStringLiteral("token"));
    m_stack->broker()->forget(run->profile.id); // the token must come from the new secret
    QPointer<SecretRotation> self(this);
    m_stack->token(run->profile.id, this, [self, run, attempt](const Token &, const ApiError &e) {
        if (!self)
            return;
        if (!e.isError()) {
            if (!self->journal(run, RotationJournal::Step::Verified))
                return;
            self->deleteOld(run);
            return;
        }
        if (attempt < self->m_tokenAttempts) {
            qCInfo(lcRotation) << "no token with the new secret yet (" << e.toString() << "): trying again";
            QTimer::singleShot(self->m_tokenDelayMs, self, [self, run, attempt] {
                if (self)
                    self->verify(run, attempt + 1);
            });
            return;
        }
        self->rollBack(run, QStringLiteral("token"), e);
    });
}

void SecretRotation::deleteOld(const std::shared_ptr<Run> &run)
{
    const QString old = run->entry.oldSecretId;
    if (old.isEmpty()) {
        finish(run);
        return;
    }
    emit stepStarted(QStringLiteral("delete-old"));
    QPointer<SecretRotation> self(this);
    const auto deleted = [self, run, old](const ApiError &e) {
        if (!self)
            return;
        if (e.isError() && e.httpStatus != 404) {
            // The new secret works and is in the keychain: the rotation stands, the old secret is left.
            self->forgetPrevious(run);
            RotationResult r;
            r.outcome = RotationResult::Outcome::Rotated;
            r.failedStep = QStringLiteral("delete-old");
            r.error = e;
            r.error.message = tr("the new secret is in the keychain and works, but the old secret %1 could not be deleted "
                                 "(%2): delete it with zconsole-cli zid client … or in the portal")
                                  .arg(old, e.message);
            r.newSecretId = run->entry.newSecretId;
            r.oldSecretId = old;
            r.keychainHolds = QStringLiteral("new");
            self->linkNew(run);
            self->end(run, r);
            return;
        }
        self->finish(run);
    };
    if (run->jwt)
        editKeys(run, [old](QList<ZidPublicKey> &k) { k.removeIf([&](const ZidPublicKey &x) { return x.name == old; }); },
                 [deleted](const ZidClientReply &r) { deleted(r.error); });
    else
        m_zid->deleteSecret(run->entry.adminId, run->entry.clientId, old, this, deleted);
}

void SecretRotation::linkNew(const std::shared_ptr<Run> &run)
{
    if (!run->jwt)
        m_zid->cache()->setLink(run->profile.id, {run->entry.clientId, run->entry.newSecretId, QStringLiteral("created")});
    if (const ApiClient *p = m_secrets->store()->client(run->profile.id)) {
        ApiClient updated = *p;
        if (run->created.expiresAt.isValid())
            updated.secretExpiresAt = run->created.expiresAt;
        m_secrets->store()->updateClient(updated);
    }
}

void SecretRotation::finish(const std::shared_ptr<Run> &run)
{
    emit stepStarted(QStringLiteral("finish"));
    forgetPrevious(run);
    linkNew(run);
    RotationResult r;
    r.outcome = RotationResult::Outcome::Rotated;
    r.newSecretId = run->entry.newSecretId;
    r.newExpiresAt = run->created.expiresAt;
    r.oldSecretId = run->entry.oldSecretId;
    r.keychainHolds = QStringLiteral("new");
    end(run, r);
}

void SecretRotation::forgetPrevious(const std::shared_ptr<Run> &run)
{
    m_secrets->keychain()->remove(previousKey(run->profile, run->field()));
}

void SecretRotation::rollBack(const std::shared_ptr<Run> &run, const QString &step, const ApiError &error)
{
    QPointer<SecretRotation> self(this);
    auto r = std::make_shared<RotationResult>();
    r->outcome = run->recovering ? RotationResult::Outcome::RolledBack : RotationResult::Outcome::Failed;
    r->failedStep = step;
    r->error = error;
    r->oldSecretId = run->entry.oldSecretId;
    const std::function<void()> deleteNew = [self, run, r] {
        if (!self)
            return;
        if (run->entry.newSecretId.isEmpty()) {
            self->end(run, *r);
            return;
        }
        const auto deleted = [self, run, r](const ApiError &e) {
            if (!self)
                return;
            if (e.isError() && e.httpStatus != 404)
                qCWarning(lcRotation) << "the unused new secret or key" << run->entry.newSecretId
                                      << "could not be deleted:" << e.toString();
            self->end(run, *r);
        };
        if (run->jwt) {
            const QString name = run->entry.newSecretId;
            self->editKeys(run, [name](QList<ZidPublicKey> &k) { k.removeIf([&](const ZidPublicKey &x) { return x.name == name; }); },
                           [deleted](const ZidClientReply &c) { deleted(c.error); });
        } else {
            self->m_zid->deleteSecret(run->entry.adminId, run->entry.clientId, run->entry.newSecretId, self, deleted);
        }
    };
    if (!run->replaced) {
        r->keychainHolds = QStringLiteral("old");
        forgetPrevious(run);
        deleteNew();
        return;
    }
    // Put the old value back (from memory, or from the entry kept beside it after a restart).
    const std::function<void(const QByteArray &)> restore = [self, run, r, deleteNew](const QByteArray &old) {
        if (!self)
            return;
        if (old.isEmpty()) {
            r->keychainHolds = QStringLiteral("new");
            r->error.message += tr(" (the old secret could not be put back: the keychain holds the new one)");
            self->end(run, *r);
            return;
        }
        self->m_secrets->setSecret(run->profile.id, run->field(), old, self, [self, run, r, deleteNew](const ApiError &e) {
            if (!self)
                return;
            if (e.isError()) {
                r->keychainHolds = QStringLiteral("new");
                r->error.message += tr(" (putting the old secret back failed: %1; it is kept under %2)")
                                        .arg(e.message, previousKey(run->profile, run->field()));
                self->end(run, *r);
                return;
            }
            r->keychainHolds = QStringLiteral("old");
            self->forgetPrevious(run);
            deleteNew();
        });
    };
    if (!run->oldValue.isEmpty()) {
        restore(run->oldValue);
        return;
    }
    SecretJob *job = m_secrets->keychain()->read(previousKey(run->profile, run->field()));
    connect(job, &SecretJob::finished, this, [restore](const SecretResult &res) {
        QByteArray v = res.ok() ? res.data : QByteArray();
        restore(v);
        SecretStore::wipe(v);
    });
}

void SecretRotation::recover(const QString &profileId, std::function<void(const RotationResult &)> done)
{
    auto run = std::make_shared<Run>();
    run->done = std::move(done);
    run->recovering = true;
    const ApiClient *p = m_secrets->store()->client(profileId);
    if (!m_journal->has(profileId) || !p) {
        RotationResult r;
        r.outcome = RotationResult::Outcome::Refused;
        r.error = ApiError::make(ErrorKind::Usage, tr("no interrupted rotation of %1").arg(profileId));
        if (!p && m_journal->has(profileId))
            m_journal->remove(profileId); // the profile is gone: nothing left to finish
        QTimer::singleShot(0, this, [run, r] { run->done(r); });
        return;
    }
    run->profile = *p;
    run->jwt = p->kind == AuthKind::OneApiJwt;
    run->entry = m_journal->entry(profileId);
    run->request.profileId = profileId;
    run->request.adminId = run->entry.adminId;
    QPointer<SecretRotation> self(this);
    switch (run->entry.step) {
    case RotationJournal::Step::Started:
        if (run->jwt) {
            // A new key may have been added whose private half was lost: remove any not seen before.
            m_zid->client(run->entry.adminId, run->entry.clientId, this, [self, run](const ZidClientReply &r) {
                if (!self)
                    return;
                if (r.error.isError()) {
                    run->done(failedBefore(QStringLiteral("check"), r.error));
                    return;
                }
                for (const ZidPublicKey &k : r.client.publicKeys)
                    if (!run->entry.secretsBefore.contains(k.name))
                        run->entry.newSecretId = k.name;
                self->rollBack(run, QStringLiteral("create"), ApiError::make(ErrorKind::Cancelled, tr("the rotation was interrupted")));
            });
            return;
        }
        // A new secret may have been made whose value was lost: delete any not seen before.
        m_zid->secrets(run->entry.adminId, run->entry.clientId, this, [self, run](const ZidSecretsReply &r) {
            if (!self)
                return;
            if (r.error.isError()) {
                run->done(failedBefore(QStringLiteral("check"), r.error)); // the journal stays: recovery is tried again next time
                return;
            }
            for (const ZidSecret &s : r.secrets)
                if (!run->entry.secretsBefore.contains(s.id))
                    run->entry.newSecretId = s.id; // made by the interrupted run
            self->rollBack(run, QStringLiteral("create"), ApiError::make(ErrorKind::Cancelled, tr("the rotation was interrupted")));
        });
        return;
    case RotationJournal::Step::Created:
        rollBack(run, QStringLiteral("store"), ApiError::make(ErrorKind::Cancelled, tr("the rotation was interrupted")));
        return;
    case RotationJournal::Step::Stored:
        run->replaced = true;
        verify(run, 1); // the keychain holds the new value: finish if it gets a token, else roll back
        return;
    case RotationJournal::Step::Verified:
        run->replaced = true;
        deleteOld(run);
        return;
    }
}

} // namespace zc
