// The zid commands of the real zconsole-cli binary against the in-process HTTPS simulator: the
// inventory listed and cached (no secret in any file), the JSON contract, a client's secrets,
// create / get / update / delete with --yes and the protected tenant's confirmation, a profile
// that cannot be an admin, and the direct route set on the tenant.
#include "CliRunner.h"
#include "ZiaTestEnv.h"

#include "api/ZidentityApi.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using zctest::CliResult;

#define CLI_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).text()))

class TestZidCli : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    QTemporaryDir m_tmp;
    QString m_cfg;
    QString m_adminClientId; // the admin profile's OAuth client id (also a remote client)
    QString m_adminSecret;
    zsim::Simulator *sim() const { return m_sim->sim(); }

    CliResult cli(QStringList args, const QByteArray &in = {}, int timeoutMs = 120'000)
    {
        args.prepend(m_cfg);
        args.prepend(QStringLiteral("--config-dir"));
        return zctest::runCli(args, in, timeoutMs);
    }
    static QJsonObject obj(const CliResult &r) { return QJsonDocument::fromJson(r.out).object(); }
    QJsonObject profileClient(const QString &kind) const
    {
        for (const QJsonValue &v : sim()->demoProfile().value(QStringLiteral("clients")).toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
                return v.toObject();
        return {};
    }
    QString writeFile(const QString &name, const QJsonObject &o)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QJsonDocument(o).toJson());
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh");
        QString error;
        m_sim = ziatest::startSimulator(&error);
        QVERIFY2(m_sim, qPrintable(error));
        m_cfg = m_tmp.filePath(QStringLiteral("cfg"));
        const QJsonObject p = sim()->demoProfile();
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("Demo"), QStringLiteral("--cloud"), QStringLiteral("zscalerbeta"),
                    QStringLiteral("--vanity"), p.value(QStringLiteral("tenant")).toObject().value(QStringLiteral("vanity")).toString()}));
        const QJsonObject os = profileClient(QStringLiteral("oneapi-secret"));
        m_adminClientId = os.value(QStringLiteral("clientId")).toString();
        m_adminSecret = os.value(QStringLiteral("secret")).toString();
        QVERIFY(!m_adminClientId.isEmpty() && !m_adminSecret.isEmpty());
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("admin"), QStringLiteral("--tenant"), QStringLiteral("Demo"),
                    QStringLiteral("--kind"), QStringLiteral("oneapi-secret"), QStringLiteral("--client-id"), m_adminClientId,
                    QStringLiteral("--token-url"), os.value(QStringLiteral("tokenUrl")).toString(),
                    QStringLiteral("--base-url"), p.value(QStringLiteral("baseUrl")).toString(),
                    QStringLiteral("--ca-file"), p.value(QStringLiteral("caFile")).toString()}));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), QStringLiteral("admin")}, m_adminSecret.toUtf8() + '\n'));
        const QJsonObject zl = profileClient(QStringLiteral("zia-legacy"));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("zl"), QStringLiteral("--tenant"), QStringLiteral("Demo"),
                    QStringLiteral("--kind"), QStringLiteral("zia-legacy"), QStringLiteral("--username"), zl.value(QStringLiteral("username")).toString(),
                    QStringLiteral("--base-url"), p.value(QStringLiteral("baseUrl")).toString()}));
    }

    void init() { sim()->resetCounters(); }

    // A remote client with one secret (made in-process over the API), and a profile P for it.
    QPair<QString, QString> remoteClientWithProfile(const QString &profile)
    {
        ziatest::ZiaStack s(sim());
        zc::ZidentityApi api(s.caller.get());
        const QString admin = s.clientId(QStringLiteral("oneapi-secret"));
        zc::ZidApiClient draft;
        draft.name = QStringLiteral("zid_cli rotation ") + profile;
        draft.authType = zc::zidAuth::Secret;
        bool done = false;
        zc::ZidClientReply made;
        api.createClient(admin, draft, nullptr, [&](const zc::ZidClientReply &r) { made = r; done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 30'000) || made.error.isError())
            return {};
        done = false;
        zc::ZidSecretReply secret;
        api.createSecret(admin, made.client.id, QDateTime::currentDateTimeUtc().addDays(40), nullptr,
                         [&](const zc::ZidSecretReply &r) { secret = r; done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 30'000) || secret.error.isError())
            return {};
        const QJsonObject p = sim()->demoProfile();
        const CliResult add = cli({QStringLiteral("client"), QStringLiteral("add"), profile, QStringLiteral("--tenant"), QStringLiteral("Demo"),
                                   QStringLiteral("--kind"), QStringLiteral("oneapi-secret"), QStringLiteral("--client-id"), made.client.id,
                                   QStringLiteral("--token-url"), profileClient(QStringLiteral("oneapi-secret")).value(QStringLiteral("tokenUrl")).toString(),
                                   QStringLiteral("--base-url"), p.value(QStringLiteral("baseUrl")).toString(),
                                   QStringLiteral("--ca-file"), p.value(QStringLiteral("caFile")).toString()});
        if (add.exitCode != 0)
            return {};
        if (cli({QStringLiteral("client"), QStringLiteral("set-secret"), profile}, secret.secret.value.toUtf8() + '\n').exitCode != 0)
            return {};
        return {made.client.id, secret.secret.id};
    }

    void help()
    {
        for (const QStringList &words : {QStringList{"zid", "clients"}, QStringList{"zid", "secrets"}, QStringList{"zid", "client", "get"},
                                         QStringList{"zid", "client", "create"}, QStringList{"zid", "client", "update"},
                                         QStringList{"zid", "client", "delete"}}) {
            const CliResult r = zctest::runCli(QStringList(words) << QStringLiteral("--help"));
            CLI_OK(r);
            QVERIFY2(r.text().contains(QLatin1String("Exit")) && r.text().contains(words.join(QLatin1Char(' '))), qPrintable(r.text()));
        }
    }

    void clientsListedAndCachedWithoutSecrets()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("zidMaxPageSize"), 50}});
        const CliResult r = cli({QStringLiteral("zid"), QStringLiteral("clients"), QStringLiteral("admin"), QStringLiteral("--json")});
        sim()->resetKnobs();
        CLI_OK(r);
        const QJsonArray clients = obj(r).value(QLatin1String("clients")).toArray();
        QVERIFY2(clients.size() >= 300, qPrintable(QString::number(clients.size())));
        QSet<QString> ids;
        int withSecrets = 0;
        QString adminProfile;
        for (const QJsonValue &v : clients) {
            const QJsonObject c = v.toObject();
            for (const char *k : {"id", "name", "description", "status", "authType", "accessTokenLifeTime", "resources", "secrets", "profile"})
                QVERIFY2(c.contains(QLatin1String(k)), k);
            ids.insert(c.value(QLatin1String("id")).toString());
            for (const QJsonValue &s : c.value(QLatin1String("secrets")).toArray()) {
                const QJsonObject so = s.toObject();
                QVERIFY(!so.contains(QLatin1String("value")));
                QVERIFY2(QDateTime::fromString(so.value(QLatin1String("expiresAt")).toString(), Qt::ISODate).isValid(),
                         qPrintable(so.value(QLatin1String("expiresAt")).toString()));
                QVERIFY(so.value(QLatin1String("expiresAt")).toString().endsWith(QLatin1Char('Z')));
            }
            withSecrets += c.value(QLatin1String("secrets")).toArray().isEmpty() ? 0 : 1;
            if (c.value(QLatin1String("id")).toString() == m_adminClientId)
                adminProfile = c.value(QLatin1String("profile")).toString();
            else
                QVERIFY(c.value(QLatin1String("profile")).isNull());
        }
        QCOMPARE(ids.size(), clients.size());
        QVERIFY(withSecrets > 200);
        QCOMPARE(adminProfile, QStringLiteral("admin")); // the local profile linked by client id
        QCOMPARE(sim()->count(QStringLiteral("GET /ziam/admin/api/v1/api-clients")), (clients.size() + 49) / 50);

        // Cached for offline use, and nothing secret in the config folder.
        QFile cache(QDir(m_cfg).filePath(QStringLiteral("zid-inventory.json")));
        QVERIFY(cache.open(QIODevice::ReadOnly));
        const QJsonObject c = QJsonDocument::fromJson(cache.readAll()).object();
        QCOMPARE(c.value(QLatin1String("tenants")).toObject().begin().value().toObject().value(QLatin1String("clients")).toArray().size(),
                 clients.size());
        QCOMPARE(zctest::filesContaining(m_cfg, m_adminSecret.toUtf8()), QStringList{});

        // The table form.
        const CliResult t = cli({QStringLiteral("zid"), QStringLiteral("clients"), QStringLiteral("admin"), QStringLiteral("--search"), QStringLiteral("Automation 00")});
        CLI_OK(t);
        QVERIFY2(t.out.contains("DAYS LEFT") && t.out.contains("Automation 00"), t.out.constData());
    }

    void secretsOfOneClient()
    {
        const CliResult r = cli({QStringLiteral("zid"), QStringLiteral("secrets"), QStringLiteral("admin"), m_adminClientId, QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonArray s = obj(r).value(QLatin1String("secrets")).toArray();
        QVERIFY(!s.isEmpty());
        for (const QJsonValue &v : s) {
            QVERIFY(!v.toObject().value(QLatin1String("id")).toString().isEmpty());
            QVERIFY(!v.toObject().contains(QLatin1String("value")));
        }
        QCOMPARE(cli({QStringLiteral("zid"), QStringLiteral("secrets"), QStringLiteral("admin"), QStringLiteral("no-such-client")}).exitCode, 5);
    }

    void createAndUpdateFollowTheRules()
    {
        // A lifetime over 24 h, an http JWKS URL, an unknown auth type: each refused (exit 2) before any request.
        const QList<QJsonObject> bad = {
            QJsonObject{{QStringLiteral("name"), QStringLiteral("zid_cli too long")}, {QStringLiteral("accessTokenLifeTime"), 2 * 86400}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("zid_cli http jwks")},
                        {QStringLiteral("clientAuthentication"), QJsonObject{{QStringLiteral("authType"), QStringLiteral("JWKS")},
                                                                             {QStringLiteral("clientJWKsUrl"), QStringLiteral("http://keys.example.com/jwks")}}}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("zid_cli odd auth")},
                        {QStringLiteral("clientAuthentication"), QJsonObject{{QStringLiteral("authType"), QStringLiteral("PASSWORD")}}}}};
        const QStringList says = {QStringLiteral("1 minute to 24 hours"), QStringLiteral("https://"), QStringLiteral("Unknown authentication type")};
        for (int i = 0; i < bad.size(); ++i) {
            const QString file = writeFile(QStringLiteral("bad%1.json").arg(i), bad.at(i));
            const CliResult r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("create"), QStringLiteral("admin"),
                                     QStringLiteral("--file"), file});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(QString::fromUtf8(r.err).contains(says.at(i)), r.err.constData());
        }
        const CliResult list = cli({QStringLiteral("zid"), QStringLiteral("clients"), QStringLiteral("admin"), QStringLiteral("--search"),
                                    QStringLiteral("zid_cli "), QStringLiteral("--json")});
        CLI_OK(list);
        for (const QJsonValue &v : obj(list).value(QLatin1String("clients")).toArray())
            QVERIFY2(!v.toObject().value(QLatin1String("name")).toString().startsWith(QLatin1String("zid_cli too long")), "created anyway");
    }

    void createGetUpdateDelete()
    {
        const QString file = writeFile(QStringLiteral("new.json"), QJsonObject{
            {QStringLiteral("name"), QStringLiteral("zid_cli client ✓")}, {QStringLiteral("description"), QStringLiteral("from a file")},
            {QStringLiteral("status"), true}, {QStringLiteral("accessTokenLifeTime"), 1800},
            {QStringLiteral("clientAuthentication"), QJsonObject{{QStringLiteral("authType"), QStringLiteral("SECRET")}}}});
        CliResult r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("create"), QStringLiteral("admin"),
                           QStringLiteral("--file"), file, QStringLiteral("--json")});
        CLI_OK(r);
        const QString id = obj(r).value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(obj(r).value(QLatin1String("accessTokenLifeTime")).toInt(), 1800);

        r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("get"), QStringLiteral("admin"), id});
        CLI_OK(r);
        QCOMPARE(obj(r).value(QLatin1String("description")).toString(), QStringLiteral("from a file"));

        const QString edit = writeFile(QStringLiteral("edit.json"), QJsonObject{{QStringLiteral("description"), QStringLiteral("edited by the CLI")}});
        r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("update"), QStringLiteral("admin"), id, QStringLiteral("--file"), edit});
        CLI_OK(r);
        r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("get"), QStringLiteral("admin"), id});
        QCOMPARE(obj(r).value(QLatin1String("description")).toString(), QStringLiteral("edited by the CLI"));
        QCOMPARE(obj(r).value(QLatin1String("name")).toString(), QStringLiteral("zid_cli client ✓")); // the rest kept

        // Delete needs --yes; nothing is sent without it.
        r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("delete"), QStringLiteral("admin"), id});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.text().contains(QLatin1String("--yes")), qPrintable(r.text()));
        QCOMPARE(sim()->count(QStringLiteral("DELETE /ziam/admin/api/v1/api-clients/{id}")), 0);
        r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("delete"), QStringLiteral("admin"), id, QStringLiteral("--yes")});
        CLI_OK(r);
        r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("get"), QStringLiteral("admin"), id});
        QCOMPARE(r.exitCode, 5);

        // The audit log kept all three changes.
        QFile audit(QDir(m_cfg).filePath(QStringLiteral("audit.jsonl")));
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QByteArray log = audit.readAll();
        QCOMPARE(log.count("\"zid.apiClient\""), 3);
        QVERIFY(!log.contains(m_adminSecret.toUtf8()));
    }

    void protectedTenantNeedsItsName()
    {
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("edit"), QStringLiteral("Demo"), QStringLiteral("--protected")}));
        const QString file = writeFile(QStringLiteral("p.json"), QJsonObject{{QStringLiteral("name"), QStringLiteral("zid_cli protected")}});
        CliResult r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("create"), QStringLiteral("admin"), QStringLiteral("--file"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.text().contains(QLatin1String("protected")), qPrintable(r.text()));
        QCOMPARE(sim()->count(QStringLiteral("POST /ziam/admin/api/v1/api-clients")), 0);
        r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("create"), QStringLiteral("admin"), QStringLiteral("--file"), file,
                 QStringLiteral("--confirm"), QStringLiteral("Demo"), QStringLiteral("--json")});
        CLI_OK(r);
        const QString id = obj(r).value(QLatin1String("id")).toString();
        r = cli({QStringLiteral("zid"), QStringLiteral("client"), QStringLiteral("delete"), QStringLiteral("admin"), id, QStringLiteral("--yes"),
                 QStringLiteral("--confirm"), QStringLiteral("Demo")});
        CLI_OK(r);
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("edit"), QStringLiteral("Demo"), QStringLiteral("--unprotected"),
                    QStringLiteral("--confirm"), QStringLiteral("Demo")}));
    }

    void onlyOneApiProfilesAreAdmins()
    {
        const CliResult r = cli({QStringLiteral("zid"), QStringLiteral("clients"), QStringLiteral("zl")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.text().contains(QLatin1String("oneapi-secret or oneapi-jwt")), qPrintable(r.text()));
        QCOMPARE(cli({QStringLiteral("zid"), QStringLiteral("clients"), QStringLiteral("nobody")}).exitCode, 7);
        QCOMPARE(cli({QStringLiteral("zid"), QStringLiteral("clients")}).exitCode, 2);
    }

    void rotateThroughTheCli()
    {
        const auto [remote, firstSecret] = remoteClientWithProfile(QStringLiteral("P"));
        QVERIFY(!remote.isEmpty());
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("test"), QStringLiteral("P")}));
        sim()->resetCounters();
        // Without --yes (and no terminal) nothing is changed.
        CliResult r = cli({QStringLiteral("client"), QStringLiteral("rotate"), QStringLiteral("P"), QStringLiteral("--admin"), QStringLiteral("admin")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.text().contains(QLatin1String("--yes")), qPrintable(r.text()));
        QCOMPARE(sim()->count(QStringLiteral("POST /ziam/admin/api/v1/api-clients/{id}/secrets")), 0);
        QCOMPARE(cli({QStringLiteral("client"), QStringLiteral("rotate"), QStringLiteral("P"), QStringLiteral("--validity"), QStringLiteral("10"),
                      QStringLiteral("--yes")}).exitCode, 2);

        r = cli({QStringLiteral("client"), QStringLiteral("rotate"), QStringLiteral("P"), QStringLiteral("--admin"), QStringLiteral("admin"),
                 QStringLiteral("--validity"), QStringLiteral("45"), QStringLiteral("--yes"), QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonObject o = obj(r);
        QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("rotated"));
        QCOMPARE(o.value(QLatin1String("oldSecretId")).toString(), firstSecret);
        QCOMPARE(o.value(QLatin1String("keychainHolds")).toString(), QStringLiteral("new"));
        const QString fresh = o.value(QLatin1String("newSecretId")).toString();
        const QDateTime expires = QDateTime::fromString(o.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().daysTo(expires) - 45) <= 1);
        QVERIFY2(r.err.contains("create a new secret") && r.err.contains("delete the old secret"), r.err.constData()); // the steps are told
        r = cli({QStringLiteral("zid"), QStringLiteral("secrets"), QStringLiteral("admin"), remote, QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonArray secrets = obj(r).value(QLatin1String("secrets")).toArray();
        QCOMPARE(secrets.size(), 1);
        QCOMPARE(secrets.first().toObject().value(QLatin1String("id")).toString(), fresh);
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("test"), QStringLiteral("P"), QStringLiteral("--no-token-cache")})); // the new secret works
        QFile journal(QDir(m_cfg).filePath(QStringLiteral("rotation-journal.json")));
        if (journal.open(QIODevice::ReadOnly)) // written during the rotation, empty of it at the end
            QVERIFY(!journal.readAll().contains(remote.toUtf8()));
    }

    void rotateRefusesWithTwoSecrets()
    {
        const auto [remote, firstSecret] = remoteClientWithProfile(QStringLiteral("P2"));
        QVERIFY(!remote.isEmpty());
        ziatest::ZiaStack s(sim());
        zc::ZidentityApi api(s.caller.get());
        bool done = false;
        zc::ZidSecretReply second;
        api.createSecret(s.clientId(QStringLiteral("oneapi-secret")), remote, QDateTime::currentDateTimeUtc().addDays(100), nullptr,
                         [&](const zc::ZidSecretReply &r) { second = r; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
        QVERIFY(!second.error.isError());
        CliResult r = cli({QStringLiteral("client"), QStringLiteral("rotate"), QStringLiteral("P2"), QStringLiteral("--admin"), QStringLiteral("admin"),
                           QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.text().contains(firstSecret) && r.text().contains(second.secret.id) && r.text().contains(QLatin1String("--delete")),
                 qPrintable(r.text()));
        r = cli({QStringLiteral("client"), QStringLiteral("rotate"), QStringLiteral("P2"), QStringLiteral("--admin"), QStringLiteral("admin"),
                 QStringLiteral("--yes"), QStringLiteral("--delete"), second.secret.id});
        CLI_OK(r);
        QVERIFY2(r.out.contains("Rotated the secret of \"P2\""), r.out.constData());
    }

    void expiringExitCodesAndJson()
    {
        // A fresh config: nothing known, exit 0.
        QTemporaryDir other;
        CliResult r = zctest::runCli({QStringLiteral("--config-dir"), other.path(), QStringLiteral("client"), QStringLiteral("expiring")});
        CLI_OK(r);
        QVERIFY2(r.out.contains("No known secret"), r.out.constData());

        // After a sync (earlier test functions) the demo inventory has secrets expiring within days and expired ones.
        CLI_OK(cli({QStringLiteral("zid"), QStringLiteral("clients"), QStringLiteral("admin")}));
        r = cli({QStringLiteral("client"), QStringLiteral("expiring"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 8);
        const QJsonArray list = obj(r).value(QLatin1String("expiring")).toArray();
        QVERIFY(list.size() > 10);
        QDateTime previous;
        bool expired = false;
        for (const QJsonValue &v : list) {
            const QJsonObject e = v.toObject();
            for (const char *k : {"tenant", "clientId", "name", "profile", "secretId", "expiresAt", "daysLeft"})
                QVERIFY2(e.contains(QLatin1String(k)), k);
            QCOMPARE(e.value(QLatin1String("tenant")).toString(), QStringLiteral("Demo"));
            QVERIFY(e.value(QLatin1String("daysLeft")).toInt() <= 30);
            const QDateTime at = QDateTime::fromString(e.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
            QVERIFY(at.isValid());
            QVERIFY(!previous.isValid() || previous <= at); // soonest first
            previous = at;
            // daysLeft agrees with the date (rounded down, negative once expired).
            const qint64 secs = QDateTime::currentDateTimeUtc().secsTo(at);
            const int expected = int(secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400));
            QVERIFY(qAbs(e.value(QLatin1String("daysLeft")).toInt() - expected) <= 1);
            expired = expired || e.value(QLatin1String("daysLeft")).toInt() < 0;
        }
        QVERIFY(expired);
        r = cli({QStringLiteral("client"), QStringLiteral("expiring"), QStringLiteral("--within"), QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 8);
        for (const QJsonValue &v : obj(r).value(QLatin1String("expiring")).toArray())
            QVERIFY(v.toObject().value(QLatin1String("daysLeft")).toInt() <= 0);
        QVERIFY(obj(r).value(QLatin1String("expiring")).toArray().size() < list.size());
        QCOMPARE(cli({QStringLiteral("client"), QStringLiteral("expiring"), QStringLiteral("--within"), QStringLiteral("soon")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("client"), QStringLiteral("expiring"), QStringLiteral("--tenant"), QStringLiteral("Nope")}).exitCode, 7);

        // A local profile's own expiry date counts too (no secret id), offline.
        CLI_OK(zctest::runCli({QStringLiteral("--config-dir"), other.path(), QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("Lab")}));
        CLI_OK(zctest::runCli({QStringLiteral("--config-dir"), other.path(), QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("lab-zpa"),
                               QStringLiteral("--tenant"), QStringLiteral("Lab"), QStringLiteral("--kind"), QStringLiteral("zpa-legacy"),
                               QStringLiteral("--client-id"), QStringLiteral("abc"),
                               QStringLiteral("--secret-expires"), QDate::currentDate().addDays(5).toString(Qt::ISODate)}));
        r = zctest::runCli({QStringLiteral("--config-dir"), other.path(), QStringLiteral("client"), QStringLiteral("expiring"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 8);
        const QJsonArray local = obj(r).value(QLatin1String("expiring")).toArray();
        QCOMPARE(local.size(), 1);
        QCOMPARE(local.first().toObject().value(QLatin1String("profile")).toString(), QStringLiteral("lab-zpa"));
        QVERIFY(local.first().toObject().value(QLatin1String("secretId")).isNull());
        r = zctest::runCli({QStringLiteral("--config-dir"), other.path(), QStringLiteral("client"), QStringLiteral("expiring"),
                            QStringLiteral("--within"), QStringLiteral("3")});
        CLI_OK(r);
    }

    void directRouteFromTheTenant()
    {
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("edit"), QStringLiteral("Demo"), QStringLiteral("--zid-route"), QStringLiteral("direct"),
                    QStringLiteral("--zid-url"), sim()->baseUrl()}));
        const CliResult r = cli({QStringLiteral("zid"), QStringLiteral("clients"), QStringLiteral("admin"), QStringLiteral("--json")});
        CLI_OK(r);
        QVERIFY(obj(r).value(QLatin1String("clients")).toArray().size() >= 300);
        QVERIFY(sim()->count(QStringLiteral("GET /admin/api/v1/api-clients")) >= 1);
        QCOMPARE(sim()->count(QStringLiteral("GET /ziam/admin/api/v1/api-clients")), 0);
        QCOMPARE(cli({QStringLiteral("tenant"), QStringLiteral("edit"), QStringLiteral("Demo"), QStringLiteral("--zid-route"), QStringLiteral("sideways")}).exitCode, 2);
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("edit"), QStringLiteral("Demo"), QStringLiteral("--zid-route"), QStringLiteral("gateway")}));
    }
};

QTEST_GUILESS_MAIN(TestZidCli)
#include "tst_zidcli.moc"
