// import-from of the real zconsole-cli binary against the in-process HTTPS simulator: a .env, a
// zscaler.yaml and a Postman environment (written here with the simulator's demo credentials)
// become working profiles (each tested by the command, and again by `client test`), the secrets
// land in the keychain only, and the file that still holds plaintext is named; exec --token hands
// the imported profile's fresh bearer token (not its secret) to a child.
#include "CliRunner.h"
#include "ZiaTestEnv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using zctest::CliResult;

#define CLI_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).text()))

class TestImportFrom : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    QTemporaryDir m_tmp;
    QString m_cfg;
    QJsonObject m_profile;

    CliResult cli(QStringList args, const QByteArray &in = {})
    {
        args.prepend(m_cfg);
        args.prepend(QStringLiteral("--config-dir"));
        return zctest::runCli(args, in, 120'000);
    }
    QJsonObject demo(const QString &kind) const
    {
        for (const QJsonValue &v : m_profile.value(QStringLiteral("clients")).toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
                return v.toObject();
        return {};
    }
    QString write(const QString &name, const QByteArray &text)
    {
        QFile f(m_tmp.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return f.fileName();
    }
    QStringList endpointArgs() const
    {
        return {QStringLiteral("--base-url"), m_profile.value(QStringLiteral("baseUrl")).toString(),
                QStringLiteral("--token-url"), demo(QStringLiteral("oneapi-secret")).value(QStringLiteral("tokenUrl")).toString(),
                QStringLiteral("--ca-file"), m_profile.value(QStringLiteral("caFile")).toString(), QStringLiteral("--json")};
    }
    // Runs the import, checks every profile tested OK and the plaintext file is named.
    void importAndCheck(const QString &format, const QString &path, const QString &tenant, const QStringList &expectClients,
                        const QList<QByteArray> &secrets)
    {
        const CliResult r = cli(QStringList{QStringLiteral("import-from"), format, path, QStringLiteral("--tenant"), tenant} + endpointArgs());
        CLI_OK(r);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("plaintextFile")).toString(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!o.value(QLatin1String("plaintextVariables")).toArray().isEmpty());
        QStringList names;
        for (const QJsonValue &v : o.value(QLatin1String("profiles")).toArray()) {
            QVERIFY2(v.toObject().value(QLatin1String("ok")).toBool(), qPrintable(r.text()));
            names << v.toObject().value(QLatin1String("client")).toString();
        }
        QCOMPARE(names, expectClients);
        for (const QString &c : expectClients)
            CLI_OK(cli({QStringLiteral("client"), QStringLiteral("test"), c, QStringLiteral("--no-token-cache")}));
        for (const QByteArray &s : secrets) {
            QVERIFY2(zctest::filesContaining(m_cfg, s).isEmpty(), "a secret in the config folder");
            QVERIFY(!r.out.contains(s) && !r.err.contains(s));
        }
        QVERIFY(QFile::exists(path)); // never deleted
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh");
        QString error;
        m_sim = ziatest::startSimulator(&error);
        QVERIFY2(m_sim, qPrintable(error));
        m_profile = m_sim->sim()->demoProfile();
        m_cfg = m_tmp.filePath(QStringLiteral("cfg"));
    }

    void dotenv()
    {
        const QJsonObject os = demo(QStringLiteral("oneapi-secret"));
        const QJsonObject t = m_profile.value(QStringLiteral("tenant")).toObject();
        const QByteArray secret = os.value(QStringLiteral("secret")).toString().toUtf8();
        const QByteArray env = "# exported by a script\n"
                               "export ZSCALER_CLIENT_ID=" + os.value(QStringLiteral("clientId")).toString().toUtf8() + "\n"
                               "ZSCALER_CLIENT_SECRET=\"" + secret + "\"\n"
                               "ZSCALER_VANITY_DOMAIN=" + t.value(QStringLiteral("vanity")).toString().toUtf8() + "\n"
                               "ZSCALER_CLOUD=beta\n"
                               "ZPA_CUSTOMER_ID='" + t.value(QStringLiteral("zpaCustomerId")).toString().toUtf8() + "'\n";
        const QString path = write(QStringLiteral("acme.env"), env);
        const CliResult dry = cli({QStringLiteral("import-from"), QStringLiteral("dotenv"), path, QStringLiteral("--tenant"), QStringLiteral("EnvT"), QStringLiteral("--dry-run")});
        CLI_OK(dry);
        QVERIFY2(dry.text().contains(QLatin1String("would add client \"envt-oneapi\"")), qPrintable(dry.text()));
        QCOMPARE(QJsonDocument::fromJson(cli({QStringLiteral("client"), QStringLiteral("list"), QStringLiteral("--json")}).out).array().size(), 0);
        importAndCheck(QStringLiteral("dotenv"), path, QStringLiteral("EnvT"), {QStringLiteral("envt-oneapi")}, {secret});

        // exec --token: a fresh bearer token from the simulator instead of the secret.
        const CliResult ex = cli({QStringLiteral("exec"), QStringLiteral("--token"), QStringLiteral("envt-oneapi"), QStringLiteral("--"), QStringLiteral("sh"),
                                  QStringLiteral("-c"), QStringLiteral("test -z \"$ZSCALER_CLIENT_SECRET\" && printf '%s' \"$ZSCALER_ACCESS_TOKEN\"")});
        CLI_OK(ex);
        QVERIFY2(ex.out.size() > 20 && !ex.out.contains(secret), ex.out.constData());
        const CliResult tok = cli({QStringLiteral("token"), QStringLiteral("envt-oneapi"), QStringLiteral("--no-token-cache")});
        CLI_OK(tok);
        QCOMPARE(ex.out.count('.'), tok.out.trimmed().count('.')); // the same shape of token (a JWT)
    }

    void zscalerYaml()
    {
        const QJsonObject os = demo(QStringLiteral("oneapi-secret"));
        const QJsonObject t = m_profile.value(QStringLiteral("tenant")).toObject();
        const QByteArray secret = os.value(QStringLiteral("secret")).toString().toUtf8();
        const QByteArray yaml = "zscaler:\n  client:\n"
                                "    clientId: \"" + os.value(QStringLiteral("clientId")).toString().toUtf8() + "\"\n"
                                "    clientSecret: '" + secret + "'\n"
                                "    vanityDomain: " + t.value(QStringLiteral("vanity")).toString().toUtf8() + "\n"
                                "    cloud: beta # the beta cloud\n";
        importAndCheck(QStringLiteral("zscaler-yaml"), write(QStringLiteral("zscaler.yaml"), yaml), QStringLiteral("YamlT"),
                       {QStringLiteral("yamlt-oneapi")}, {secret});
    }

    void postman()
    {
        const QJsonObject zl = demo(QStringLiteral("zia-legacy"));
        const QJsonObject t = m_profile.value(QStringLiteral("tenant")).toObject();
        const auto value = [](const char *k, const QString &v) {
            return QJsonObject{{QStringLiteral("key"), QLatin1String(k)}, {QStringLiteral("value"), v},
                               {QStringLiteral("type"), QStringLiteral("secret")}, {QStringLiteral("enabled"), true}};
        };
        const QJsonObject envJson{{QStringLiteral("name"), QStringLiteral("Acme ZIA")},
                                  {QStringLiteral("_postman_variable_scope"), QStringLiteral("environment")},
                                  {QStringLiteral("values"),
                                   QJsonArray{value("ZIA_USERNAME", zl.value(QStringLiteral("username")).toString()),
                                              value("ZIA_PASSWORD", zl.value(QStringLiteral("password")).toString()),
                                              value("ZIA_API_KEY", zl.value(QStringLiteral("apiKey")).toString()),
                                              value("ZIA_CLOUD", t.value(QStringLiteral("ziaCloud")).toString()),
                                              QJsonObject{{QStringLiteral("key"), QStringLiteral("ZPA_CLIENT_ID")},
                                                          {QStringLiteral("value"), QStringLiteral("disabled")},
                                                          {QStringLiteral("enabled"), false}}}}};
        importAndCheck(QStringLiteral("postman"), write(QStringLiteral("acme.postman_environment.json"), QJsonDocument(envJson).toJson()),
                       QStringLiteral("PmT"), {QStringLiteral("pmt-zia")},
                       {zl.value(QStringLiteral("password")).toString().toUtf8(), zl.value(QStringLiteral("apiKey")).toString().toUtf8()});
    }

    void nothingUsable()
    {
        const QString path = write(QStringLiteral("empty.env"), "FOO=bar\n");
        QCOMPARE(cli({QStringLiteral("import-from"), QStringLiteral("dotenv"), path}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestImportFrom)
#include "tst_importfrom.moc"
