#include "store/ClientSecrets.h"

#include <QLocale>
#include <memory>

namespace zc {

namespace {
// Calls `fn` only while `ctx` lives.
template <typename... Args>
std::function<void(Args...)> guarded(QObject *ctx, std::function<void(Args...)> fn)
{
    return [g = QPointer<QObject>(ctx), hasCtx = ctx != nullptr, fn](Args... args) {
        if ((hasCtx && !g) || !fn)
            return;
        fn(std::forward<Args>(args)...);
    };
}
} // namespace

ClientSecrets::ClientSecrets(TenantStore *store, SecretStore *keychain, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keychain(keychain)
{
}

ApiError ClientSecrets::checkValue(SecretField field, const QByteArray &value)
{
    if (value.isEmpty())
        return ApiError::make(ErrorKind::Usage, tr("The %1 is empty").arg(secretFieldLabel(field)));
    if (value.size() > 64 * 1024)
        return ApiError::make(ErrorKind::Usage,
                              tr("The %1 is larger than 64 KB").arg(secretFieldLabel(field)));
    if (field == SecretField::PrivateKey) {
        // PEM armour: a BEGIN … PRIVATE KEY line between five dashes (PKCS#8, RSA or EC).
        static const QByteArray dashes = QByteArrayLiteral("-----");
        static const QByteArray begin = dashes + QByteArrayLiteral("BEGIN");
        static const QByteArray end = QByteArrayLiteral("PRIVATE KEY") + dashes;
        if (!value.contains(begin) || !value.contains(end))
            return ApiError::make(ErrorKind::Usage,
                                  tr("The private key must be PEM text (a BEGIN … PRIVATE KEY line, as written by openssl)"));
    } else if (value.contains('\n') || value.contains('\r') || value.contains('\0')) {
        return ApiError::make(ErrorKind::Usage,
                              tr("The %1 must be one line of text").arg(secretFieldLabel(field)));
    }
    return {};
}

SecretJob *ClientSecrets::setSecret(const QString &clientId, SecretField field, QByteArray value,
                                    QObject *ctx, Done done)
{
    auto cb = guarded(ctx, done);
    const ApiClient *c = m_store->client(clientId);
    ApiError err;
    if (!c)
        err = ApiError::make(ErrorKind::Usage, tr("No such API client"));
    else if (!c->secretFields().contains(field))
        err = ApiError::make(ErrorKind::Usage, tr("Client \"%1\" (%2) has no %3; it takes: %4")
                                                   .arg(c->name, c->info().name, secretFieldName(field),
                                                        [c] {
                                                            QStringList l;
                                                            for (auto f : c->secretFields())
                                                                l << secretFieldName(f);
                                                            return l.join(QStringLiteral(", "));
                                                        }()));
    else if (m_store->isReadOnly())
        err = ApiError::make(ErrorKind::Config, m_store->readOnlyReason());
    else
        err = checkValue(field, value);
    if (err) {
        SecretStore::wipe(value);
        cb(err);
        return nullptr;
    }
    const QString key = c->keychainKey(field);
    const QString name = c->name;
    SecretJob *job = m_keychain->write(key, value);
    SecretStore::wipe(value);
    connect(job, &SecretJob::finished, this, [this, cb, clientId, field, name](const SecretResult &r) {
        if (!r.ok()) {
            cb(r.toError(tr("Could not store the %1 of \"%2\" in the keychain")
                             .arg(secretFieldName(field), name)));
            return;
        }
        const StoreResult sr = m_store->setSecretRecorded(clientId, field, true);
        cb(sr.ok ? ApiError() : sr.error);
    });
    return job;
}

SecretJob *ClientSecrets::readSecret(const QString &clientId, SecretField field, QObject *ctx,
                                     ReadDone done)
{
    auto cb = guarded(ctx, done);
    const ApiClient *c = m_store->client(clientId);
    if (!c) {
        cb({}, ApiError::make(ErrorKind::Usage, tr("No such API client")));
        return nullptr;
    }
    const QString name = c->name;
    const QString what = secretFieldName(field);
    const bool recorded = c->hasSecret(field);
    const QDateTime since = c->secretsSetAt.value(field);
    SecretJob *job = m_keychain->read(c->keychainKey(field));
    connect(job, &SecretJob::finished, this,
            [this, cb, name, what, recorded, since](const SecretResult &r) {
                if (r.ok()) {
                    cb(r.data, {});
                    return;
                }
                if (r.status != SecretStatus::NotFound) {
                    cb({}, r.toError(tr("Could not read the %1 of \"%2\"").arg(what, name)));
                    return;
                }
                if (!recorded) {
                    ApiError e = ApiError::make(
                        ErrorKind::Config,
                        tr("No %1 is stored for \"%2\"; set it with: zconsole-cli client set-secret "
                           "\"%2\" --field %1")
                            .arg(what, name));
                    cb({}, e);
                    return;
                }
                // The config says it was stored: a locked keyring also answers "not found", so
                // find out which it is before saying anything.
                SecretJob *probe = m_keychain->probe();
                connect(probe, &SecretJob::finished, this,
                        [this, cb, name, what, since](const SecretResult &p) {
                            if (!p.ok()) {
                                cb({}, p.toError(tr("The keychain did not return the %1 of \"%2\"; "
                                                    "it seems locked or unavailable")
                                                     .arg(what, name)));
                                return;
                            }
                            ApiError e = ApiError::make(
                                ErrorKind::Keychain,
                                tr("The %1 of \"%2\" was stored on %3 but the keychain (service "
                                   "\"%4\") has no entry for it: it was removed outside zconsole or "
                                   "the keychain backend changed. Store it again with "
                                   "zconsole-cli client set-secret \"%2\" --field %1")
                                    .arg(what, name,
                                         QLocale::c().toString(since.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                                         m_keychain->service()));
                            e.code = QStringLiteral("missing-entry");
                            cb({}, e);
                        });
            });
    return job;
}

void ClientSecrets::wipeEntries(const ApiClient &client, QObject *ctx, Done done)
{
    auto cb = guarded(ctx, done);
    QStringList keys;
    for (auto f : {SecretField::Secret, SecretField::Password, SecretField::ApiKey, SecretField::PrivateKey})
        keys << client.keychainKey(f);
    keys << client.keychainTokenKey();
    auto pending = std::make_shared<int>(int(keys.size()));
    auto firstError = std::make_shared<ApiError>();
    const QString name = client.name;
    for (const QString &key : std::as_const(keys)) {
        SecretJob *job = m_keychain->remove(key);
        connect(job, &SecretJob::finished, this, [cb, pending, firstError, name](const SecretResult &r) {
            if (!r.ok() && r.status != SecretStatus::NotFound && !firstError->isError())
                *firstError = r.toError(tr("Could not delete the keychain entries of \"%1\"").arg(name));
            if (--*pending == 0)
                cb(*firstError);
        });
    }
}

void ClientSecrets::removeClient(const QString &clientId, QObject *ctx, Done done)
{
    auto cb = guarded(ctx, done);
    ApiClient removed;
    const StoreResult sr = m_store->removeClient(clientId, &removed);
    if (!sr.ok) {
        cb(sr.error);
        return;
    }
    wipeEntries(removed, this, cb);
}

void ClientSecrets::removeTenant(const QString &tenantId, QObject *ctx, Done done)
{
    auto cb = guarded(ctx, done);
    QList<ApiClient> removed;
    const StoreResult sr = m_store->removeTenant(tenantId, &removed);
    if (!sr.ok) {
        cb(sr.error);
        return;
    }
    if (removed.isEmpty()) {
        cb({});
        return;
    }
    auto pending = std::make_shared<int>(int(removed.size()));
    auto firstError = std::make_shared<ApiError>();
    for (const ApiClient &c : std::as_const(removed))
        wipeEntries(c, this, [cb, pending, firstError](const ApiError &e) {
            if (e && !firstError->isError())
                *firstError = e;
            if (--*pending == 0)
                cb(*firstError);
        });
}

} // namespace zc
