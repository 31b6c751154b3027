// The ZIdentity admin API client (issue 12) over HTTPS against the simulator: the whole inventory
// exactly once with the server clamping the page size below what was asked, both routes (the
// gateway's /ziam/admin/api/v1 and ZIdentity's own /admin/api/v1), the budget the server states,
// create / update (and its conflict) / delete, secrets in every reply shape, a new secret that
// gets a token, and the secrets of every client read concurrently.
#include "ZiaTestEnv.h"

#include "api/ZidentityApi.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace zc;
using ziatest::ZiaStack;

namespace {
constexpr int kClients = 260;     // remote clients the simulator makes (plus the demo profile's)
constexpr int kServerPage = 37;   // the page size the server clamps to
const QString kGatewayList = QStringLiteral("GET /ziam/admin/api/v1/api-clients");
const QString kDirectList = QStringLiteral("GET /admin/api/v1/api-clients");

bool g_timedOut = false; // an answer did not come: cleanup() fails the test function

template <typename Reply, typename Call>
Reply wait(Call call, int ms = 60'000)
{
    bool done = false;
    Reply out;
    call([&](const Reply &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, ms))
        g_timedOut = true;
    return out;
}

ApiError waitError(const std::function<void(std::function<void(const ApiError &)>)> &call)
{
    bool done = false;
    ApiError out;
    call([&](const ApiError &e) {
        out = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60'000))
        g_timedOut = true;
    return out;
}
} // namespace

class TestZidentityApi : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    zsim::Simulator *sim() const { return m_sim->sim(); }

    // The admin profile with the tenant's ZIdentity route set.
    static void route(ZiaStack &s, const QString &route, const QString &directUrl = {})
    {
        const QString admin = s.clientId(QStringLiteral("oneapi-secret"));
        ApiClient c = s.broker->target(admin)->client;
        s.tenant.zidRoute = route;
        s.tenant.zidDirectUrl = directUrl;
        s.broker->upsertClient(c, s.tenant);
    }

    ZidClientsReply list(ZiaStack &s, ZidentityApi &api, int pageSize, QList<qint64> *progress = nullptr)
    {
        const QString admin = s.clientId(QStringLiteral("oneapi-secret"));
        return wait<ZidClientsReply>([&](auto done) {
            api.listClients(admin, {}, pageSize, this, [progress](qint64 got, qint64) {
                if (progress)
                    progress->append(got);
            }, done);
        });
    }

private slots:
    void initTestCase()
    {
        zsim::SimOptions o;
        o.segments = 10;
        o.zidClients = kClients;
        m_sim = std::make_unique<zsim::SimulatorThread>(o);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void init()
    {
        sim()->resetKnobs();
        sim()->resetCounters();
        g_timedOut = false;
    }

    void cleanup() { QVERIFY2(!g_timedOut, "an answer did not come in time"); }

    void everyClientOnceWithClampedPages()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("zidMaxPageSize"), kServerPage}});
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        QList<qint64> progress;
        const ZidClientsReply r = list(s, api, 100, &progress);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.toString()));
        QVERIFY2(r.clients.size() >= kClients, qPrintable(QString::number(r.clients.size())));
        QSet<QString> ids;
        for (const ZidApiClient &c : r.clients) {
            QVERIFY(!c.id.isEmpty());
            ids.insert(c.id);
        }
        QCOMPARE(ids.size(), r.clients.size());    // exactly once
        QCOMPARE(qint64(r.clients.size()), r.total); // all the server counts
        // One request per page the server cut: no page read twice, none left out.
        const qint64 pages = (r.total + kServerPage - 1) / kServerPage;
        QCOMPARE(sim()->count(kGatewayList), pages);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), r.total);
        // The generated clients come with their authentication and resources.
        int withResources = 0;
        for (const ZidApiClient &c : r.clients)
            withResources += c.resources.isEmpty() ? 0 : 1;
        QVERIFY(withResources >= kClients / 2);
    }

    void directRouteReadsTheSameClients()
    {
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        const ZidClientsReply viaGateway = list(s, api, 1000);
        QVERIFY2(!viaGateway.error.isError(), qPrintable(viaGateway.error.toString()));
        route(s, QStringLiteral("direct"), sim()->baseUrl());
        const QString admin = s.clientId(QStringLiteral("oneapi-secret"));
        QCOMPARE(api.baseUrl(admin), sim()->baseUrl() + QStringLiteral("/admin/api/v1"));
        const ZidClientsReply direct = list(s, api, 1000);
        QVERIFY2(!direct.error.isError(), qPrintable(direct.error.toString()));
        QCOMPARE(direct.clients.size(), viaGateway.clients.size());
        QCOMPARE(sim()->count(kGatewayList), 1);
        QCOMPARE(sim()->count(kDirectList), 1);
    }

    void directRouteNeedsAHost()
    {
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        const QString admin = s.clientId(QStringLiteral("oneapi-secret"));
        s.tenant.vanity.clear();
        route(s, QStringLiteral("direct"));
        const ApiError e = api.checkAdmin(admin);
        QCOMPARE(e.kind, ErrorKind::Config);
        QVERIFY2(e.message.contains(QLatin1String("vanity")), qPrintable(e.message));
    }

    void onlyOneApiProfilesAreAdmins()
    {
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        const ZidClientsReply r = wait<ZidClientsReply>([&](auto done) {
            api.listClients(s.clientId(QStringLiteral("zia-legacy")), {}, 100, this, {}, done);
        });
        QCOMPARE(r.error.kind, ErrorKind::Config);
        QVERIFY2(r.error.message.contains(QLatin1String("oneapi-secret or oneapi-jwt")), qPrintable(r.error.message));
        QCOMPARE(sim()->count(kGatewayList), 0);
    }

    void budgetAsTheServerStatesIt()
    {
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        const ZidClientsReply r = list(s, api, 1000);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.toString()));
        const QString key = RequestPolicy::rateKey(s.tenant.id, QStringLiteral("ziam"), QStringLiteral("read"));
        const QList<RateBudget> b = s.caller->policy()->budgets(key);
        QCOMPARE(b.size(), 2); // x-ratelimit-limit: 500, 500;w=1, 20000;w=60
        QCOMPARE(b.at(0).count, 500);
        QCOMPARE(b.at(0).windowMs, 1000);
        QCOMPARE(b.at(1).count, 20000);
        QCOMPARE(b.at(1).windowMs, 60000);
    }

    void createUpdateConflictDelete()
    {
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        const QString admin = s.clientId(QStringLiteral("oneapi-secret"));
        ZidApiClient draft;
        draft.name = QStringLiteral("zid_api create ✓");
        draft.description = QStringLiteral("made by the test");
        draft.accessTokenLifeTime = ZidLifetime::toApi(15);
        draft.authType = zidAuth::Secret;
        const ZidClientReply created = wait<ZidClientReply>([&](auto done) { api.createClient(admin, draft, this, done); });
        QVERIFY2(!created.error.isError(), qPrintable(created.error.toString()));
        QVERIFY(!created.client.id.isEmpty());
        QCOMPARE(created.client.name, draft.name);
        QCOMPARE(created.client.accessTokenLifeTime, 900);

        const ZidClientReply read = wait<ZidClientReply>([&](auto done) { api.client(admin, created.client.id, this, done); });
        QVERIFY2(!read.error.isError(), qPrintable(read.error.toString()));
        ZidApiClient edited = read.client;
        edited.description = QStringLiteral("edited once");
        const ZidClientReply updated = wait<ZidClientReply>([&](auto done) { api.updateClient(admin, edited, read.client, this, done); });
        QVERIFY2(!updated.error.isError(), qPrintable(updated.error.toString()));
        QVERIFY(!updated.conflict);
        QCOMPARE(updated.client.description, QStringLiteral("edited once"));

        // A second editor still holding the first read: shown the change, nothing written.
        const qint64 putsBefore = sim()->count(QStringLiteral("PUT /ziam/admin/api/v1/api-clients/{id}"));
        ZidApiClient stale = read.client;
        stale.description = QStringLiteral("would overwrite");
        const ZidClientReply conflict = wait<ZidClientReply>([&](auto done) { api.updateClient(admin, stale, read.client, this, done); });
        QVERIFY(conflict.conflict);
        QVERIFY(conflict.error.isError());
        QCOMPARE(conflict.remote.description, QStringLiteral("edited once"));
        QCOMPARE(sim()->count(QStringLiteral("PUT /ziam/admin/api/v1/api-clients/{id}")), putsBefore);
        const ZidClientReply after = wait<ZidClientReply>([&](auto done) { api.client(admin, created.client.id, this, done); });
        QCOMPARE(after.client.description, QStringLiteral("edited once"));

        const ApiError del = waitError([&](auto done) { api.deleteClient(admin, created.client.id, this, done); });
        QVERIFY2(!del.isError(), qPrintable(del.toString()));
        const ZidClientReply gone = wait<ZidClientReply>([&](auto done) { api.client(admin, created.client.id, this, done); });
        QCOMPARE(gone.error.httpStatus, 404);
    }

    void newSecretGetsATokenAndIsDeleted()
    {
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        const QString admin = s.clientId(QStringLiteral("oneapi-secret"));
        ZidApiClient draft;
        draft.name = QStringLiteral("zid_api secrets");
        draft.authType = zidAuth::Secret;
        const ZidClientReply created = wait<ZidClientReply>([&](auto done) { api.createClient(admin, draft, this, done); });
        QVERIFY2(!created.error.isError(), qPrintable(created.error.toString()));
        const QString id = created.client.id;
        const QDateTime expires = QDateTime::currentDateTimeUtc().addDays(40);
        const ZidSecretReply secret = wait<ZidSecretReply>([&](auto done) { api.createSecret(admin, id, expires, this, done); });
        QVERIFY2(!secret.error.isError(), qPrintable(secret.error.toString()));
        QVERIFY(!secret.secret.value.isEmpty());
        QCOMPARE(secret.secret.expiresAt.toSecsSinceEpoch(), expires.toSecsSinceEpoch());

        // A profile for the new client with the new secret gets a token.
        ApiClient p = s.broker->target(admin)->client;
        p.id = QStringLiteral("c-zid-new");
        p.name = QStringLiteral("new zid client");
        p.clientId = id;
        s.creds->set(p.id, SecretField::Secret, secret.secret.value.toUtf8());
        s.broker->upsertClient(p, s.tenant);
        bool got = false;
        Token token;
        ApiError tokenError;
        s.broker->token(p.id, this, [&](const Token &t, const ApiError &e) {
            token = t;
            tokenError = e;
            got = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(got, 30'000);
        QVERIFY2(!tokenError.isError(), qPrintable(tokenError.toString()));
        QVERIFY(!token.isNull());

        const ZidSecretsReply listed = wait<ZidSecretsReply>([&](auto done) { api.secrets(admin, id, this, done); });
        QVERIFY2(!listed.error.isError(), qPrintable(listed.error.toString()));
        QCOMPARE(listed.secrets.size(), 1);
        QCOMPARE(listed.secrets.first().id, secret.secret.id);
        QVERIFY(listed.secrets.first().value.isEmpty()); // never shown again

        const ApiError del = waitError([&](auto done) { api.deleteSecret(admin, id, secret.secret.id, this, done); });
        QVERIFY2(!del.isError(), qPrintable(del.toString()));
        const ZidSecretsReply none = wait<ZidSecretsReply>([&](auto done) { api.secrets(admin, id, this, done); });
        QVERIFY(none.secrets.isEmpty());
        waitError([&](auto done) { api.deleteClient(admin, id, this, done); });
    }

    void secretsInEveryShape_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("array") << QStringLiteral("array");
        QTest::newRow("envelope") << QStringLiteral("envelope");
        QTest::newRow("object") << QStringLiteral("object");
    }

    void secretsInEveryShape()
    {
        QFETCH(QString, shape);
        sim()->setKnobs(QJsonObject{{QStringLiteral("zidSecretsShape"), shape}});
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        const ZidClientsReply all = list(s, api, 1000);
        QVERIFY2(!all.error.isError(), qPrintable(all.error.toString()));
        int withSecrets = 0;
        for (const ZidApiClient &c : all.clients) {
            if (c.authType != zidAuth::Secret)
                continue;
            const ZidSecretsReply r = wait<ZidSecretsReply>([&](auto done) { api.secrets(s.clientId(QStringLiteral("oneapi-secret")), c.id, this, done); });
            QVERIFY2(!r.error.isError(), qPrintable(r.error.toString()));
            for (const ZidSecret &sec : r.secrets) {
                QVERIFY(!sec.id.isEmpty());
                QVERIFY(sec.expiresAt.isValid());
            }
            withSecrets += r.secrets.isEmpty() ? 0 : 1;
            if (withSecrets == 5)
                break;
        }
        QCOMPARE(withSecrets, 5);
    }

    void secretsOfEveryClientConcurrently()
    {
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        const QString admin = s.clientId(QStringLiteral("oneapi-secret"));
        const ZidClientsReply all = list(s, api, 1000);
        QVERIFY2(!all.error.isError(), qPrintable(all.error.toString()));
        QStringList ids;
        for (const ZidApiClient &c : all.clients)
            ids << c.id;
        QList<qint64> progress;
        const QList<ZidSecretsReply> replies = wait<QList<ZidSecretsReply>>([&](auto done) {
            api.secretsOf(admin, ids, this, [&](qint64 n, qint64) { progress.append(n); }, done);
        }, 120'000);
        QCOMPARE(replies.size(), ids.size()); // (empty when no answer came)
        int expiring = 0;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QCOMPARE(replies.at(i).clientId, ids.at(i));
            QVERIFY2(!replies.at(i).error.isError(), qPrintable(replies.at(i).error.toString()));
            for (const ZidSecret &sec : replies.at(i).secrets)
                expiring += sec.daysLeft(now) < 30 ? 1 : 0;
        }
        QVERIFY(expiring > 0); // the data set has secrets that expire soon
        QCOMPARE(progress.last(), qint64(ids.size()));
        QCOMPARE(sim()->count(QStringLiteral("GET /ziam/admin/api/v1/api-clients/{id}/secrets")), qint64(ids.size()));
    }

    void cancelStopsTheListing()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("zidMaxPageSize"), 5}, {QStringLiteral("latencyMs"), 200}});
        ZiaStack s(sim());
        ZidentityApi api(s.caller.get());
        const QString admin = s.clientId(QStringLiteral("oneapi-secret"));
        CancelHandle cancel = makeCancelHandle();
        bool done = false;
        ZidClientsReply out;
        api.listClients(admin, {}, 100, this, [&](qint64 got, qint64) {
            if (got >= 5)
                cancel->cancel();
        }, [&](const ZidClientsReply &r) {
            out = r;
            done = true;
        }, cancel);
        QTRY_VERIFY_WITH_TIMEOUT(done, 60'000);
        QCOMPARE(out.error.kind, ErrorKind::Cancelled);
        QVERIFY(out.clients.isEmpty());
        QVERIFY(sim()->count(kGatewayList) < (kClients + 4) / 5);
    }
};

QTEST_GUILESS_MAIN(TestZidentityApi)
#include "tst_zidentity_api.moc"
