// zconsole-cli tenant/client commands end to end, including the keychain and the exit codes.
#include "CliRunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using zctest::CliResult;

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_cfg;

    CliResult cli(QStringList args, const QByteArray &in = {})
    {
        args.prepend(m_cfg);
        args.prepend(QStringLiteral("--config-dir"));
        return zctest::runCli(args, in);
    }
    static QJsonValue json(const CliResult &r) { return QJsonDocument::fromJson(r.out).isArray()
                                                          ? QJsonValue(QJsonDocument::fromJson(r.out).array())
                                                          : QJsonValue(QJsonDocument::fromJson(r.out).object()); }
#define CLI_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).text()))

private slots:
    void init()
    {
        m_cfg = m_tmp.filePath(QString::fromLatin1(QTest::currentTestFunction()));
    }

    void tenantLifecycle()
    {
        CliResult r = cli({"tenant", "add", "Acme Prod", "--cloud", "zscalertwo", "--vanity", "acme.zslogin.net",
                           "--zpa-customer-id", "216196257331281920", "--zia-org-id", "8956412", "--notes",
                           "<b>prod</b>", "--color", "#c0392b", "--json"});
        CLI_OK(r);
        const QJsonObject added = json(r).toObject();
        QCOMPARE(added.value("name").toString(), QStringLiteral("Acme Prod"));
        QCOMPARE(added.value("vanity").toString(), QStringLiteral("acme"));
        QCOMPARE(added.value("cloud").toString(), QStringLiteral("zscalertwo"));
        QCOMPARE(added.value("protected").toBool(), false);
        QVERIFY(added.value("id").toString().startsWith("t-"));

        CLI_OK(cli({"tenant", "add", "Lab", "--cloud", "zsapi.lab.example.net"}));
        r = cli({"--json", "tenant", "list"});
        CLI_OK(r);
        QCOMPARE(json(r).toArray().size(), 2);
        QCOMPARE(json(r).toArray().at(1).toObject().value("customHost").toString(), QStringLiteral("zsapi.lab.example.net"));

        r = cli({"tenant", "edit", "acme prod", "--name", "Acme Production", "--protected", "--notes", ""});
        CLI_OK(r);
        r = cli({"tenant", "show", "Acme Production", "--json"});
        CLI_OK(r);
        QCOMPARE(json(r).toObject().value("protected").toBool(), true);
        QVERIFY(!json(r).toObject().contains("notes"));

        // Protected: changes need the name typed (no terminal here, so --confirm).
        r = cli({"tenant", "edit", "Acme Production", "--zia-org-id", "1"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.text().contains("protected"));
        CLI_OK(cli({"tenant", "edit", "Acme Production", "--zia-org-id", "1", "--confirm", "Acme Production"}));
        r = cli({"tenant", "remove", "Acme Production"});
        QCOMPARE(r.exitCode, 2);
        r = cli({"tenant", "remove", "Acme Production", "--confirm", "acme production"}); // exact name
        QCOMPARE(r.exitCode, 2);
        CLI_OK(cli({"tenant", "remove", "Acme Production", "--confirm", "Acme Production"}));
        r = cli({"tenant", "show", "Acme Production"});
        QCOMPARE(r.exitCode, 7);
        QVERIFY(r.text().contains("No tenant named"));
    }

    void tenantErrors()
    {
        CLI_OK(cli({"tenant", "add", "One"}));
        CliResult r = cli({"tenant", "add", "ONE"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.text().contains("already exists"));
        r = cli({"tenant", "add", "Two", "--zpa-customer-id", "12ab", "--cloud", "nowhere", "--json"});
        QCOMPARE(r.exitCode, 2);
        const QJsonObject err = QJsonDocument::fromJson(r.err).object().value("error").toObject();
        QCOMPARE(err.value("exitCode").toInt(), 2);
        QCOMPARE(err.value("issues").toArray().size(), 2);
        QCOMPARE(cli({"tenant", "add"}).exitCode, 2);
        QCOMPARE(cli({"tenant", "add", "x", "--bogus"}).exitCode, 2);
        QCOMPARE(cli({"tenant", "frobnicate"}).exitCode, 2);
        QCOMPARE(cli({"nonsense"}).exitCode, 2);
        QCOMPARE(cli({"tenant", "show", "nobody"}).exitCode, 7);
    }

    void clientLifecycleWithSecrets()
    {
        // Without the private keyring this test cannot run: that is a failure, not a skip.
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh (run it through ctest)");
        CLI_OK(cli({"tenant", "add", "T", "--vanity", "acme", "--zpa-customer-id", "123"}));
        CliResult r = cli({"client", "add", "zia admin", "--tenant", "T", "--kind", "zia-legacy", "--username",
                           "admin@acme.example", "--base-url", "https://zsapi.zscalerbeta.net", "--json"});
        CLI_OK(r);
        QCOMPARE(json(r).toObject().value("effectiveTokenUrl").toString(),
                 QStringLiteral("https://zsapi.zscalerbeta.net/api/v1/authenticatedSession"));
        // Two secrets: --field is required.
        r = cli({"client", "set-secret", "zia admin"}, "x\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.text().contains("--field"));
        CLI_OK(cli({"client", "set-secret", "zia admin", "--field", "password"}, "canary-Passw0rd-1357\n"));
        CLI_OK(cli({"client", "set-secret", "zia admin", "--field", "api-key"}, "canary-ApiKey-24680abc\r\n"));
        r = cli({"client", "show", "zia admin", "--json"});
        CLI_OK(r);
        for (const QJsonValue &s : json(r).toObject().value("secrets").toArray())
            QVERIFY(s.toObject().value("stored").toBool());
        QCOMPARE(cli({"client", "set-secret", "zia admin", "--field", "private-key"}, "x\n").exitCode, 2);
        QCOMPARE(cli({"client", "set-secret", "zia admin", "--field", "password"}, "").exitCode, 2);

        // A private key: the whole input, validated as PEM.
        CLI_OK(cli({"client", "add", "jwt", "--tenant", "T", "--kind", "oneapi-jwt", "--client-id", "cid"}));
        QCOMPARE(cli({"client", "set-secret", "jwt"}, "not a pem\n").exitCode, 2);
        const QByteArray pem = "-----BEGIN PRIVATE KEY-----\ncanaryPEMline1\ncanaryPEMline2\n-----END PRIVATE KEY-----\n";
        CLI_OK(cli({"client", "set-secret", "jwt"}, pem));

        // Listing never needs the keychain and shows no secret.
        r = cli({"client", "list"});
        CLI_OK(r);
        QVERIFY(r.text().contains("zia admin"));
        QVERIFY(!r.text().contains("canary"));

        // Edits keep the recorded secrets; the kind cannot change.
        CLI_OK(cli({"client", "edit", "zia admin", "--name", "zia-admin", "--notes", "rotated"}));
        r = cli({"client", "show", "zia-admin", "--json"});
        QCOMPARE(json(r).toObject().value("notes").toString(), QStringLiteral("rotated"));
        QCOMPARE(json(r).toObject().value("secrets").toArray().first().toObject().value("stored").toBool(), true);
        QCOMPARE(cli({"client", "edit", "zia-admin", "--kind", "zpa-legacy"}).exitCode, 2);
        QCOMPARE(cli({"client", "add", "bad", "--tenant", "T", "--kind", "zia-oauth", "--client-id", "x",
                      "--token-url", "http://idp.example.com/t", "--scope", "a::b::c"})
                     .exitCode,
                 2);
        QCOMPARE(cli({"client", "add", "bad", "--tenant", "nope", "--kind", "zpa-legacy", "--client-id", "x"}).exitCode, 7);

        // No secret in any file of the config folder (nor in HOME).
        QVERIFY(zctest::filesContaining(m_cfg, "canary").isEmpty());
        QVERIFY(zctest::filesContaining(QDir::homePath() + "/.config", "canary").isEmpty());

        // Removing the tenant removes its clients and their keychain entries.
        QCOMPARE(cli({"tenant", "remove", "T"}).exitCode, 2); // has clients: needs --yes
        CLI_OK(cli({"tenant", "remove", "T", "--yes"}));
        r = cli({"--json", "client", "list"});
        QCOMPARE(json(r).toArray().size(), 0);
    }

    void corruptConfigWarnsAndKeepsTheFile()
    {
        QDir().mkpath(m_cfg);
        QFile f(m_cfg + "/config.json");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ this is not json");
        f.close();
        CliResult r = cli({"tenant", "list"});
        CLI_OK(r);
        QVERIFY2(r.err.contains("config.json.corrupt-"), r.err.constData());
        QCOMPARE(QDir(m_cfg).entryList({"config.json.corrupt-*"}).size(), 1);
        CLI_OK(cli({"tenant", "add", "After"}));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
