#include "services/ZidClientSetup.h"

#include "auth/RsaKeyPair.h"
#include "auth/TokenBroker.h"
#include "services/NetworkStack.h"
#include "services/ZidentityService.h"
#include "store/ClientSecrets.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"
#include "store/ZidInventoryCache.h"

#include <QFuture>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent>

namespace zc {

struct ZidClientSetup::Run
{
    Request request;
    std::function<void(const Result &)> done;
    RsaKeyPair keys;
    ZidApiClient created;
    ZidSecret secret;
    QString profileId;
    bool profileMade = false;     // the profile is ours (removed on undo), not an existing one
    QString previousClientId;     // an existing profile's client id before it held the new secret
    ~Run()
    {
        keys.wipe();
        wipeSecret();
    }
    void wipeSecret()
    {
        secret.value.fill(QLatin1Char('\0')); // in place unless a Result still shares it
        secret.value.clear();
    }
};

ZidClientSetup::ZidClientSetup(ZidentityService *zid, ClientSecrets *secrets, NetworkStack *stack, QObject *parent)
    : QObject(parent)
    , m_zid(zid)
    , m_secrets(secrets)
    , m_stack(stack)
{
}

void ZidClientSetup::setTokenRetry(int attempts, int delayMs)
{
    m_tokenAttempts = std::max(1, attempts);
    m_tokenDelayMs = std::max(0, delayMs);
}

void ZidClientSetup::run(const Request &request, std::function<void(const Result &)> done)
{
    auto run = std::make_shared<Run>();
    run->request = request;
    run->done = std::move(done);
    const ApiClient *admin = m_secrets->store()->client(request.adminId);
    const ApiClient *existing = request.existingProfileId.isEmpty() ? nullptr : m_secrets->store()->client(request.existingProfileId);
    QString problem;
    if (!admin || !ZidentityService::isAdminKind(admin->kind))
        problem = tr("unknown admin profile");
    else if ((existing ? existing->name : request.profileName).trimmed().isEmpty() || request.client.name.trimmed().isEmpty())
        problem = tr("a profile name and a client name are needed");
    else if (!request.existingProfileId.isEmpty()
             && (!existing || request.auth != Auth::Secret || existing->kind != AuthKind::OneApiSecret
                 || existing->tenantId != admin->tenantId || existing->hasSecret(SecretField::Secret)))
        problem = tr("the profile to hold the secret must be an oneapi-secret profile of the tenant without a secret");
    else if (request.auth == Auth::Secret && (request.validityDays < 30 || request.validityDays > 365))
        problem = tr("a secret is valid for 30 to 365 days");
    if (!problem.isEmpty()) {
        const QString step = request.auth == Auth::Secret ? QStringLiteral("create") : QStringLiteral("key");
        QTimer::singleShot(0, this, [this, run, step, problem] { fail(run, step, ApiError::make(ErrorKind::Usage, problem)); });
        return;
    }
    if (request.auth == Auth::Secret) {
        QTimer::singleShot(0, this, [this, run] { create(run); });
        return;
    }
    emit stepStarted(QStringLiteral("key"));
    const int bits = request.keyBits;
    QPointer<ZidClientSetup> self(this);
    QtConcurrent::run([bits] { return RsaKeyPair::generate(bits); }).then(this, [self, run](RsaKeyPair keys) {
        if (!self) {
            keys.wipe();
            return;
        }
        run->keys = keys;
        keys.wipe();
        if (!run->keys.ok()) {
            self->fail(run, QStringLiteral("key"), ApiError::make(ErrorKind::Config, run->keys.error));
            return;
        }
        self->create(run);
    });
}

void ZidClientSetup::create(const std::shared_ptr<Run> &run)
{
    emit stepStarted(QStringLiteral("create"));
    ZidApiClient draft = run->request.client;
    if (run->request.auth == Auth::Secret) {
        draft.authType = zidAuth::Secret;
        draft.publicKeys.clear();
        draft.jwksUrl.clear();
    } else {
        draft.authType = zidAuth::PublicKey;
        draft.publicKeys = {{QStringLiteral("zconsole %1").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)),
                             QString::fromLatin1(run->keys.publicPem)}};
    }
    QPointer<ZidClientSetup> self(this);
    m_zid->createClient(run->request.adminId, draft, this, [self, run](const ZidentityService::Change &c) {
        if (!self)
            return;
        if (c.reply.error.isError()) {
            self->fail(run, QStringLiteral("create"), c.reply.error);
            return;
        }
        run->created = c.reply.client;
        if (run->request.auth == Auth::Secret)
            self->createSecret(run);
        else
            self->addProfile(run);
    });
}

void ZidClientSetup::createSecret(const std::shared_ptr<Run> &run)
{
    emit stepStarted(QStringLiteral("secret"));
    const QDateTime expires = QDateTime::currentDateTimeUtc().addDays(run->request.validityDays);
    QPointer<ZidClientSetup> self(this);
    m_zid->createSecret(run->request.adminId, run->created.id, expires, this, [self, run](const ZidSecretReply &r) {
        if (!self)
            return;
        if (r.error.isError() || r.secret.value.isEmpty()) {
            self->fail(run, QStringLiteral("secret"),
                       r.error.isError() ? r.error
                                         : ApiError::make(ErrorKind::Parse, tr("the server sent no value for the new secret")));
            return;
        }
        run->secret = r.secret;
        self->addProfile(run);
    });
}

void ZidClientSetup::addProfile(const std::shared_ptr<Run> &run)
{
    emit stepStarted(QStringLiteral("profile"));
    const ApiClient *admin = m_secrets->store()->client(run->request.adminId);
    if (!admin) {
        fail(run, QStringLiteral("profile"), ApiError::make(ErrorKind::Config, tr("the admin profile is gone")));
        return;
    }
    const bool secret = run->request.auth == Auth::Secret;
    TenantStore *tenants = m_secrets->store();
    if (const ApiClient *existing = tenants->client(run->request.existingProfileId)) {
        ApiClient p = *existing;
        run->previousClientId = p.clientId;
        p.clientId = run->created.id;
        const StoreResult r = tenants->updateClient(p);
        if (!r.ok) {
            fail(run, QStringLiteral("profile"), ApiError::make(r.error.isError() ? r.error.kind : ErrorKind::Usage, r.message()));
            return;
        }
        run->profileId = p.id;
    } else {
        ApiClient p;
        p.name = run->request.profileName.trimmed();
        p.tenantId = admin->tenantId;
        p.kind = secret ? AuthKind::OneApiSecret : AuthKind::OneApiJwt;
        p.clientId = run->created.id;
        p.tokenUrl = admin->tokenUrl; // the same tenant: the same endpoints as its admin
        p.baseUrl = admin->baseUrl;
        p.caFile = admin->caFile;
        p.notes = secret ? tr("Client and secret made by zconsole; the secret is only in the keychain.")
                         : tr("Key pair made by zconsole; the private key is only in the keychain.");
        const StoreResult r = tenants->addClient(p);
        if (!r.ok) {
            fail(run, QStringLiteral("profile"), ApiError::make(r.error.isError() ? r.error.kind : ErrorKind::Usage, r.message()));
            return;
        }
        run->profileId = r.id;
        run->profileMade = true;
    }
    if (secret) {
        m_zid->cache()->setLink(run->profileId, {run->created.id, run->secret.id, QStringLiteral("created")});
        store(run, SecretField::Secret, run->secret.value.toUtf8());
        return;
    }
    store(run, SecretField::PrivateKey, run->keys.privatePem);
}

void ZidClientSetup::store(const std::shared_ptr<Run> &run, SecretField field, QByteArray value)
{
    emit stepStarted(QStringLiteral("store"));
    QPointer<ZidClientSetup> self(this);
    m_secrets->setSecret(run->profileId, field, value, this, [self, run](const ApiError &e) {
        if (!self)
            return;
        run->keys.wipe(); // only the keychain has it now
        if (e.isError()) {
            self->fail(run, QStringLiteral("store"), e);
            return;
        }
        TenantStore *store = self->m_secrets->store();
        const ApiClient *stored = store->client(run->profileId);
        if (stored && run->secret.expiresAt.isValid() && stored->secretExpiresAt != run->secret.expiresAt) {
            ApiClient dated = *stored;
            dated.secretExpiresAt = run->secret.expiresAt;
            store->updateClient(dated); // the store's records move: look them up again below
        }
        const ApiClient *c = store->client(run->profileId);
        const Tenant *t = c ? store->tenant(c->tenantId) : nullptr;
        if (!c || !t) {
            self->fail(run, QStringLiteral("store"), ApiError::make(ErrorKind::Config, tr("the new profile is gone")));
            return;
        }
        self->m_stack->addClient(ApiClient(*c), Tenant(*t));
        emit self->stepStarted(QStringLiteral("token"));
        self->firstToken(run, 1);
    });
    SecretStore::wipe(value);
}

void ZidClientSetup::firstToken(const std::shared_ptr<Run> &run, int attempt)
{
    QPointer<ZidClientSetup> self(this);
    m_stack->broker()->forget(run->profileId);
    m_stack->token(run->profileId, this, [self, run, attempt](const Token &, const ApiError &e) {
        if (!self)
            return;
        if (!e.isError()) {
            Result r;
            r.profileId = run->profileId;
            r.client = run->created;
            if (!run->secret.id.isEmpty()) { // the cache has it already (ZidentityService::createSecret)
                r.client.secrets = {run->secret};
                r.client.secrets.first().value.clear();
            }
            r.secret = run->secret;
            run->wipeSecret();
            run->done(r);
            return;
        }
        if (attempt < self->m_tokenAttempts) {
            QTimer::singleShot(self->m_tokenDelayMs, self, [self, run, attempt] {
                if (self)
                    self->firstToken(run, attempt + 1);
            });
            return;
        }
        self->fail(run, QStringLiteral("token"), e);
    });
}

void ZidClientSetup::fail(const std::shared_ptr<Run> &run, const QString &step, const ApiError &error)
{
    run->keys.wipe();
    run->wipeSecret();
    Result r;
    r.error = error;
    r.failedStep = step;
    // Undo what was made: the local profile (and its keychain entries) or, for an existing
    // profile, its client id and secret; then the remote client (its secret goes with it).
    const auto removeRemote = [this, run, r] {
        if (run->created.id.isEmpty()) {
            run->done(r);
            return;
        }
        m_zid->deleteClient(run->request.adminId, run->created.id, this, [run, r](const ZidentityService::Change &) { run->done(r); });
    };
    if (!run->profileId.isEmpty() && run->profileMade) {
        m_secrets->removeClient(run->profileId, this, [removeRemote](const ApiError &) { removeRemote(); });
        return;
    }
    if (const ApiClient *existing = m_secrets->store()->client(run->profileId)) {
        ApiClient p = *existing;
        p.clientId = run->previousClientId;
        p.secretsSetAt.remove(SecretField::Secret);
        p.secretExpiresAt = {};
        m_secrets->store()->updateClient(p);
        m_zid->cache()->setLink(p.id, {});
        SecretJob *job = m_secrets->keychain()->remove(p.keychainKey(SecretField::Secret));
        connect(job, &SecretJob::finished, this, [removeRemote](const SecretResult &) { removeRemote(); });
        return;
    }
    removeRemote();
}

} // namespace zc
