#include "services/JwtClientSetup.h"

#include "auth/RsaKeyPair.h"
#include "auth/TokenBroker.h"
#include "services/NetworkStack.h"
#include "services/ZidentityService.h"
#include "store/ClientSecrets.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QFuture>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent>

namespace zc {

struct JwtClientSetup::Run
{
    Request request;
    std::function<void(const Result &)> done;
    RsaKeyPair keys;
    ZidApiClient created;
    QString profileId;
    ~Run() { keys.wipe(); }
};

JwtClientSetup::JwtClientSetup(ZidentityService *zid, ClientSecrets *secrets, NetworkStack *stack, QObject *parent)
    : QObject(parent)
    , m_zid(zid)
    , m_secrets(secrets)
    , m_stack(stack)
{
}

void JwtClientSetup::setTokenRetry(int attempts, int delayMs)
{
    m_tokenAttempts = std::max(1, attempts);
    m_tokenDelayMs = std::max(0, delayMs);
}

void JwtClientSetup::run(const Request &request, std::function<void(const Result &)> done)
{
    auto run = std::make_shared<Run>();
    run->request = request;
    run->done = std::move(done);
    const ApiClient *admin = m_secrets->store()->client(request.adminId);
    if (!admin || !ZidentityService::isAdminKind(admin->kind) || request.profileName.trimmed().isEmpty()
        || request.client.name.trimmed().isEmpty()) {
        QTimer::singleShot(0, this, [this, run, admin] {
            fail(run, QStringLiteral("key"), ApiError::make(ErrorKind::Usage, !admin ? tr("unknown admin profile")
                                                                            : tr("a profile name and a client name are needed")));
        });
        return;
    }
    emit stepStarted(QStringLiteral("key"));
    const int bits = request.keyBits;
    QPointer<JwtClientSetup> self(this);
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

void JwtClientSetup::create(const std::shared_ptr<Run> &run)
{
    emit stepStarted(QStringLiteral("create"));
    ZidApiClient draft = run->request.client;
    draft.authType = zidAuth::PublicKey;
    draft.publicKeys = {{QStringLiteral("zconsole %1").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)),
                         QString::fromLatin1(run->keys.publicPem)}};
    QPointer<JwtClientSetup> self(this);
    m_zid->createClient(run->request.adminId, draft, this, [self, run](const ZidentityService::Change &c) {
        if (!self)
            return;
        if (c.reply.error.isError()) {
            self->fail(run, QStringLiteral("create"), c.reply.error);
            return;
        }
        run->created = c.reply.client;
        self->addProfile(run);
    });
}

void JwtClientSetup::addProfile(const std::shared_ptr<Run> &run)
{
    emit stepStarted(QStringLiteral("profile"));
    const ApiClient *admin = m_secrets->store()->client(run->request.adminId);
    if (!admin) {
        fail(run, QStringLiteral("profile"), ApiError::make(ErrorKind::Config, tr("the admin profile is gone")));
        return;
    }
    ApiClient p;
    p.name = run->request.profileName.trimmed();
    p.tenantId = admin->tenantId;
    p.kind = AuthKind::OneApiJwt;
    p.clientId = run->created.id;
    p.tokenUrl = admin->tokenUrl; // the same tenant: the same endpoints as its admin
    p.baseUrl = admin->baseUrl;
    p.caFile = admin->caFile;
    p.notes = tr("Key pair made by zconsole; the private key is only in the keychain.");
    const StoreResult r = m_secrets->store()->addClient(p);
    if (!r.ok) {
        fail(run, QStringLiteral("profile"), ApiError::make(r.error.isError() ? r.error.kind : ErrorKind::Usage, r.message()));
        return;
    }
    run->profileId = r.id;
    emit stepStarted(QStringLiteral("store"));
    QPointer<JwtClientSetup> self(this);
    QByteArray pem = run->keys.privatePem;
    m_secrets->setSecret(r.id, SecretField::PrivateKey, pem, this, [self, run](const ApiError &e) {
        if (!self)
            return;
        run->keys.wipe(); // only the keychain has it now
        if (e.isError()) {
            self->fail(run, QStringLiteral("store"), e);
            return;
        }
        const ApiClient *c = self->m_secrets->store()->client(run->profileId);
        const Tenant *t = c ? self->m_secrets->store()->tenant(c->tenantId) : nullptr;
        if (!c || !t) {
            self->fail(run, QStringLiteral("store"), ApiError::make(ErrorKind::Config, tr("the new profile is gone")));
            return;
        }
        self->m_stack->addClient(*c, *t);
        emit self->stepStarted(QStringLiteral("token"));
        self->firstToken(run, 1);
    });
    SecretStore::wipe(pem);
}

void JwtClientSetup::firstToken(const std::shared_ptr<Run> &run, int attempt)
{
    QPointer<JwtClientSetup> self(this);
    m_stack->broker()->forget(run->profileId);
    m_stack->token(run->profileId, this, [self, run, attempt](const Token &, const ApiError &e) {
        if (!self)
            return;
        if (!e.isError()) {
            Result r;
            r.profileId = run->profileId;
            r.client = run->created;
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

void JwtClientSetup::fail(const std::shared_ptr<Run> &run, const QString &step, const ApiError &error)
{
    run->keys.wipe();
    Result r;
    r.error = error;
    r.failedStep = step;
    // Undo what was made: the local profile (and its keychain entries), then the remote client.
    const auto removeRemote = [this, run, r] {
        if (run->created.id.isEmpty()) {
            run->done(r);
            return;
        }
        m_zid->deleteClient(run->request.adminId, run->created.id, this, [run, r](const ZidentityService::Change &) { run->done(r); });
    };
    if (!run->profileId.isEmpty()) {
        m_secrets->removeClient(run->profileId, this, [removeRemote](const ApiError &) { removeRemote(); });
        return;
    }
    removeRemote();
}

} // namespace zc
