#include "services/CredentialSet.h"

#include "services/AppServices.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSaveFile>
#include <memory>
#include <sodium.h>

namespace zc {

using backup::SecretRecord;

namespace {
constexpr int InFlight = 4; // keychain jobs at a time (qtkeychain queues them anyway)

// Runs `count` keychain jobs, at most InFlight at once; `start(i)` makes job i and `onResult(i, r)`
// takes its answer (false = stop). `finished(error)` once at the end.
struct JobRun : std::enable_shared_from_this<JobRun>
{
    int count = 0;
    int next = 0;
    int running = 0;
    bool stopped = false;
    QPointer<QObject> ctx;
    std::function<SecretJob *(int)> start;
    std::function<bool(int, const SecretResult &)> onResult;
    std::function<void()> finished;

    void pump()
    {
        while (!stopped && running < InFlight && next < count) {
            const int i = next++;
            SecretJob *job = start(i);
            ++running;
            QObject::connect(job, &SecretJob::finished, job, [self = shared_from_this(), i](const SecretResult &r) {
                --self->running;
                if (!self->stopped && !self->onResult(i, r))
                    self->stopped = true;
                self->pump();
            });
        }
        if (running == 0 && (stopped || next >= count) && finished) {
            auto f = std::move(finished);
            finished = nullptr;
            if (ctx)
                f();
        }
    }
};

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && (a.isEmpty() || sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0);
}
} // namespace

CredentialSet::CredentialSet(TenantStore *store, SecretStore *keychain, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keychain(keychain)
{
}

QString CredentialSet::settingsPath() const
{
    return QDir(m_store->configDir()).filePath(AppServices::settingsFileName());
}

void CredentialSet::collect(QObject *ctx, Collected done)
{
    struct Want
    {
        QString clientId, key, name;
        SecretField field;
    };
    auto snap = std::make_shared<Snapshot>();
    auto wants = std::make_shared<QList<Want>>();
    auto error = std::make_shared<ApiError>();
    snap->definitions.tenants = m_store->tenants();
    snap->definitions.clients = m_store->clients();
    QFile settings(settingsPath());
    if (settings.open(QIODevice::ReadOnly))
        snap->definitions.settings = settings.read(1024 * 1024);
    for (const ApiClient &c : m_store->clients())
        for (SecretField f : c.secretFields())
            if (c.hasSecret(f))
                wants->append({c.id, c.keychainKey(f), c.name, f});
    auto run = std::make_shared<JobRun>();
    run->count = int(wants->size());
    run->ctx = ctx ? ctx : this;
    run->start = [this, wants](int i) { return m_keychain->read(wants->at(i).key); };
    run->onResult = [snap, wants, error](int i, const SecretResult &r) {
        const Want &w = wants->at(i);
        if (r.ok()) {
            snap->secrets.append({w.clientId, w.field, r.data});
            return true;
        }
        if (r.status == SecretStatus::NotFound) {
            snap->missing << w.name + QLatin1Char('/') + secretFieldName(w.field);
            return true;
        }
        *error = r.toError(tr("Could not read the %1 of \"%2\" from the keychain").arg(secretFieldName(w.field), w.name));
        return false;
    };
    run->finished = [snap, error, done] {
        if (error->isError())
            backup::wipeAll(snap->secrets);
        done(std::move(*snap), *error);
    };
    run->pump();
}

void CredentialSet::plan(const backup::Definitions &incoming, const QList<SecretRecord> *secrets, QObject *ctx,
                         std::function<void(MergePlan plan, const ApiError &error)> done)
{
    auto p = std::make_shared<MergePlan>(planMerge(m_store->tenants(), m_store->clients(), incoming.tenants,
                                                   incoming.clients, secrets != nullptr));
    // Secrets of clients left as they are: compare them with the keychain's.
    struct Check
    {
        QString localId, key;
        QByteArray value;
    };
    auto checks = std::make_shared<QList<Check>>();
    if (secrets) {
        for (const SecretRecord &r : *secrets) {
            const QString local = p->clientIds.value(r.clientId);
            for (const MergeItem &item : std::as_const(p->items))
                if (item.type == MergeItem::ClientItem && item.localId == local && item.action == MergeItem::Leave) {
                    const ApiClient *c = m_store->client(local);
                    if (c)
                        checks->append({local, c->keychainKey(r.field), r.value});
                }
        }
    }
    auto error = std::make_shared<ApiError>();
    auto run = std::make_shared<JobRun>();
    run->count = int(checks->size());
    run->ctx = ctx ? ctx : this;
    run->start = [this, checks](int i) { return m_keychain->read(checks->at(i).key); };
    run->onResult = [p, checks, error](int i, const SecretResult &r) {
        if (r.ok() || r.status == SecretStatus::NotFound) {
            QByteArray have = r.data;
            if (!r.ok() || !sameBytes(have, checks->at(i).value))
                p->markReplaced(checks->at(i).localId);
            SecretStore::wipe(have);
            return true;
        }
        *error = r.toError(tr("Could not read a secret of the keychain to compare it"));
        return false;
    };
    run->finished = [p, checks, error, done] {
        for (Check &c : *checks)
            SecretStore::wipe(c.value);
        done(*p, *error);
    };
    run->pump();
}

void CredentialSet::apply(const MergePlan &plan, const QList<SecretRecord> &secrets, const QByteArray &settings,
                          QObject *ctx, Done done)
{
    QHash<QString, const ApiClient *> byLocal;
    QSet<QString> changing;
    for (const MergeItem &i : plan.items)
        if (i.type == MergeItem::ClientItem && i.action != MergeItem::Leave)
            changing.insert(i.localId);
    QList<ApiClient> clients;
    for (const ApiClient &c : plan.clients)
        if (changing.contains(c.id)) {
            clients.append(c);
            byLocal.insert(c.id, &c);
        }
    struct Write
    {
        QString key;
        QByteArray value; // empty = remove (the token cached for a replaced client)
        QString name;
    };
    auto writes = std::make_shared<QList<Write>>();
    for (const SecretRecord &r : secrets) {
        const QString local = plan.clientIds.value(r.clientId);
        if (const ApiClient *c = byLocal.value(local); c && c->secretFields().contains(r.field))
            writes->append({c->keychainKey(r.field), r.value, c->name});
    }
    for (const MergeItem &i : plan.items)
        if (i.type == MergeItem::ClientItem && i.action == MergeItem::Replace)
            if (const ApiClient *c = byLocal.value(i.localId))
                writes->append({c->keychainTokenKey(), {}, c->name});
    auto error = std::make_shared<ApiError>();
    auto run = std::make_shared<JobRun>();
    run->count = int(writes->size());
    run->ctx = ctx ? ctx : this;
    run->start = [this, writes](int i) {
        Write &w = (*writes)[i];
        if (w.value.isEmpty())
            return m_keychain->remove(w.key);
        SecretJob *job = m_keychain->write(w.key, w.value);
        SecretStore::wipe(w.value);
        return job;
    };
    run->onResult = [writes, error](int i, const SecretResult &r) {
        if (r.ok() || (writes->at(i).value.isEmpty() && r.status == SecretStatus::NotFound))
            return true;
        *error = r.toError(tr("Could not store a secret of \"%1\" in the keychain").arg(writes->at(i).name));
        return false;
    };
    const QList<Tenant> tenants = plan.tenants;
    run->finished = [this, writes, error, done, tenants, clients, settings] {
        for (Write &w : *writes)
            SecretStore::wipe(w.value);
        if (error->isError()) {
            done(*error);
            return;
        }
        if (!tenants.isEmpty() || !clients.isEmpty()) {
            const StoreResult r = m_store->upsert(tenants, clients);
            if (!r.ok) {
                done(r.error.isError() ? r.error : ApiError::make(ErrorKind::Config, r.message()));
                return;
            }
        }
        if (!settings.isEmpty() && !QFile::exists(settingsPath())) {
            QSaveFile f(settingsPath());
            if (!f.open(QIODevice::WriteOnly) || f.write(settings) != settings.size() || !f.commit()) {
                done(ApiError::make(ErrorKind::Config, tr("Cannot write %1: %2").arg(settingsPath(), f.errorString())));
                return;
            }
        }
        done({});
    };
    run->pump();
}

} // namespace zc
