// The zia, apptotal and saas commands of the real zconsole-cli binary against the in-process
// HTTPS simulator: config written through the CLI, secrets in the test keychain (set-secret
// from standard input), exit codes, confirmations, JSON output.
#include "CliRunner.h"
#include "ZiaTestEnv.h"
#include "store/ActivationLedger.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using zctest::CliResult;

#define CLI_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).text()))

class TestZiaCli : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    QTemporaryDir m_tmp;
    QString m_cfg;
    zsim::Simulator *sim() const { return m_sim->sim(); }

    CliResult cli(QStringList args, const QByteArray &in = {}, int timeoutMs = 60'000)
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
    void addClient(const QString &name, const QString &kind, const QStringList &extra,
                   const QList<QPair<QString, QString>> &secrets)
    {
        const QJsonObject p = sim()->demoProfile();
        QStringList args{QStringLiteral("client"), QStringLiteral("add"), name, QStringLiteral("--tenant"), QStringLiteral("Demo"),
                         QStringLiteral("--kind"), kind, QStringLiteral("--base-url"), p.value(QStringLiteral("baseUrl")).toString(),
                         QStringLiteral("--ca-file"), p.value(QStringLiteral("caFile")).toString()};
        args << extra;
        CLI_OK(cli(args));
        for (const auto &[field, value] : secrets)
            CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), name, QStringLiteral("--field"), field}, value.toUtf8() + '\n'));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh");
        QString error;
        m_sim = ziatest::startSimulator(&error);
        QVERIFY2(m_sim, qPrintable(error));
        sim()->setKnobs(QJsonObject{{QStringLiteral("activationSeconds"), 1}, {QStringLiteral("appTotalDailyQuota"), 2}});
        m_cfg = m_tmp.filePath(QStringLiteral("cfg"));
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("Demo"), QStringLiteral("--cloud"), QStringLiteral("zscalerbeta")}));
        const QJsonObject zl = profileClient(QStringLiteral("zia-legacy"));
        addClient(QStringLiteral("zl"), QStringLiteral("zia-legacy"), {QStringLiteral("--username"), zl.value(QStringLiteral("username")).toString()},
                  {{QStringLiteral("password"), zl.value(QStringLiteral("password")).toString()},
                   {QStringLiteral("api-key"), zl.value(QStringLiteral("apiKey")).toString()}});
        addClient(QStringLiteral("at"), QStringLiteral("apptotal-key"), {},
                  {{QStringLiteral("api-key"), profileClient(QStringLiteral("apptotal-key")).value(QStringLiteral("apiKey")).toString()}});
        const QJsonObject ss = profileClient(QStringLiteral("saas-security"));
        addClient(QStringLiteral("ss"), QStringLiteral("saas-security"),
                  {QStringLiteral("--client-id"), ss.value(QStringLiteral("clientId")).toString(), QStringLiteral("--region"), QStringLiteral("us")},
                  {{QStringLiteral("secret"), ss.value(QStringLiteral("secret")).toString()}});
    }

    void help()
    {
        for (const QStringList &words : {QStringList{"zia", "status"}, QStringList{"zia", "activate"}, QStringList{"zia", "url-lookup"},
                                         QStringList{"zia", "url-category", "add-urls"}, QStringList{"zia", "url-category", "remove-urls"},
                                         QStringList{"apptotal", "app"}, QStringList{"saas", "incidents"}}) {
            CliResult r = zctest::runCli(QStringList(words) << QStringLiteral("--help"));
            CLI_OK(r);
            QVERIFY2(r.text().contains(QLatin1String("Exit codes:")) && r.text().contains(words.join(QLatin1Char(' '))), qPrintable(r.text()));
        }
        CLI_OK(zctest::runCli({QStringLiteral("zia"), QStringLiteral("--help")}));
    }

    void statusEditActivate()
    {
        CliResult r = cli({QStringLiteral("zia"), QStringLiteral("status"), QStringLiteral("zl")});
        CLI_OK(r);
        QCOMPARE(r.out.trimmed(), QByteArray("ACTIVE"));

        // Without a terminal, activation needs --yes: exit 2, nothing sent.
        const qint64 before = sim()->count(QStringLiteral("POST /api/v1/status/activate"));
        r = cli({QStringLiteral("zia"), QStringLiteral("activate"), QStringLiteral("zl")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.text().contains(QLatin1String("--yes")) && r.text().contains(QLatin1String("\"Demo\"")), qPrintable(r.text()));
        QCOMPARE(sim()->count(QStringLiteral("POST /api/v1/status/activate")), before);

        r = cli({QStringLiteral("zia"), QStringLiteral("url-category"), QStringLiteral("add-urls"), QStringLiteral("zl"),
                 QStringLiteral("CUSTOM_04"), QStringLiteral("https://cli-one.example/"), QStringLiteral("cli-two.example"),
                 QStringLiteral("bad url"), QStringLiteral("--json")});
        CLI_OK(r);
        QJsonObject o = obj(r);
        QCOMPARE(o.value("category").toString(), QStringLiteral("CUSTOM_04"));
        QCOMPARE(o.value("added").toArray().size(), 2);
        QCOMPARE(o.value("invalid").toArray().size(), 1);
        QVERIFY(o.value("pending").toBool());
        QVERIFY2(r.err.contains("pending changes") && r.err.contains("zia activate"), r.err.constData());

        r = cli({QStringLiteral("zia"), QStringLiteral("status"), QStringLiteral("zl"), QStringLiteral("--json")});
        CLI_OK(r);
        QCOMPARE(obj(r).value("status").toString(), QStringLiteral("PENDING"));

        r = cli({QStringLiteral("zia"), QStringLiteral("activate"), QStringLiteral("zl"), QStringLiteral("--yes"),
                 QStringLiteral("--wait"), QStringLiteral("--timeout"), QStringLiteral("30"), QStringLiteral("--json")});
        CLI_OK(r);
        o = obj(r);
        QCOMPARE(o.value("status").toString(), QStringLiteral("ACTIVE"));
        QVERIFY(o.value("waited").toBool());
        QCOMPARE(o.value("tenant").toString(), QStringLiteral("Demo"));

        // Both changes are in the audit log, with no secret in it.
        QFile auditFile(m_cfg + QStringLiteral("/audit.jsonl"));
        QVERIFY(auditFile.open(QIODevice::ReadOnly));
        const QByteArray audit = auditFile.readAll();
        QJsonObject addRecord, activateRecord;
        for (const QByteArray &line : audit.split('\n')) {
            const QJsonObject rec = QJsonDocument::fromJson(line).object();
            if (rec.value("action").toString() == QLatin1String("addUrls"))
                addRecord = rec;
            if (rec.value("action").toString() == QLatin1String("activate"))
                activateRecord = rec;
        }
        QVERIFY2(!addRecord.isEmpty(), audit.constData());
        QCOMPARE(addRecord.value("objectId").toString(), QStringLiteral("CUSTOM_04"));
        QCOMPARE(addRecord.value("tenant").toObject().value("name").toString(), QStringLiteral("Demo"));
        QVERIFY(QJsonDocument(addRecord).toJson().contains("cli-two.example"));
        QVERIFY2(!activateRecord.isEmpty(), audit.constData());
        QCOMPARE(activateRecord.value("objectType").toString(), QStringLiteral("zia.configuration"));
        const QJsonObject zl = profileClient(QStringLiteral("zia-legacy"));
        QVERIFY(!audit.contains(zl.value(QStringLiteral("password")).toString().toUtf8()));
        QVERIFY(!audit.contains(zl.value(QStringLiteral("apiKey")).toString().toUtf8()));

        r = cli({QStringLiteral("zia"), QStringLiteral("url-category"), QStringLiteral("remove-urls"), QStringLiteral("zl"),
                 QStringLiteral("<script>alert(1)</script> & \"test\""), QStringLiteral("cli-one.example"), QStringLiteral("cli-two.example")});
        CLI_OK(r);
        QVERIFY2(r.out.contains("Removed 2 URL(s)"), r.out.constData());
        r = cli({QStringLiteral("zia"), QStringLiteral("activate"), QStringLiteral("zl"), QStringLiteral("--yes")});
        CLI_OK(r);
        QVERIFY(r.out.trimmed() == "INPROGRESS" || r.out.trimmed() == "ACTIVE");

        r = cli({QStringLiteral("zia"), QStringLiteral("activate"), QStringLiteral("zl"), QStringLiteral("--yes"),
                 QStringLiteral("--timeout"), QStringLiteral("abc")});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("zia"), QStringLiteral("status"), QStringLiteral("at")});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("zia"), QStringLiteral("status"), QStringLiteral("nobody")});
        QCOMPARE(r.exitCode, 7);
    }

    void protectedTenantNeedsName()
    {
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("edit"), QStringLiteral("Demo"), QStringLiteral("--protected")}));
        const qint64 before = sim()->count(QStringLiteral("POST /api/v1/status/activate"));
        CliResult r = cli({QStringLiteral("zia"), QStringLiteral("activate"), QStringLiteral("zl"), QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.text().contains(QLatin1String("protected")), qPrintable(r.text()));
        r = cli({QStringLiteral("zia"), QStringLiteral("url-category"), QStringLiteral("add-urls"), QStringLiteral("zl"),
                 QStringLiteral("CUSTOM_04"), QStringLiteral("p.example")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(sim()->count(QStringLiteral("POST /api/v1/status/activate")), before);
        r = cli({QStringLiteral("zia"), QStringLiteral("activate"), QStringLiteral("zl"), QStringLiteral("--yes"),
                 QStringLiteral("--confirm"), QStringLiteral("Demo")});
        CLI_OK(r);
        QCOMPARE(sim()->count(QStringLiteral("POST /api/v1/status/activate")), before + 1);
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("edit"), QStringLiteral("Demo"), QStringLiteral("--unprotected"),
                    QStringLiteral("--confirm"), QStringLiteral("Demo")}));
    }

    void readOnlyMode()
    {
        sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), true}});
        CliResult r = cli({QStringLiteral("zia"), QStringLiteral("url-category"), QStringLiteral("add-urls"), QStringLiteral("zl"),
                           QStringLiteral("CUSTOM_04"), QStringLiteral("ro.example"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 5);
        const QJsonObject e = QJsonDocument::fromJson(r.err.trimmed().split('\n').last()).object().value("error").toObject();
        QCOMPARE(e.value("code").toString(), QStringLiteral("STATE_READONLY"));
        QVERIFY(e.value("message").toString().contains(QLatin1String("read-only")));
        r = cli({QStringLiteral("zia"), QStringLiteral("activate"), QStringLiteral("zl"), QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 5);
        r = cli({QStringLiteral("zia"), QStringLiteral("status"), QStringLiteral("zl")});
        CLI_OK(r);
        QVERIFY(r.err.contains("read-only"));
        sim()->setKnobs(QJsonObject{{QStringLiteral("readOnly"), false}});
        r = cli({QStringLiteral("zia"), QStringLiteral("url-category"), QStringLiteral("add-urls"), QStringLiteral("zl"),
                 QStringLiteral("CUSTOM_04"), QStringLiteral("ro.example")});
        CLI_OK(r);
        CLI_OK(cli({QStringLiteral("zia"), QStringLiteral("url-category"), QStringLiteral("remove-urls"), QStringLiteral("zl"),
                    QStringLiteral("CUSTOM_04"), QStringLiteral("ro.example")}));
    }

    void urlLookup()
    {
        CliResult r = cli({QStringLiteral("zia"), QStringLiteral("url-lookup"), QStringLiteral("zl"), QStringLiteral("google.com"),
                           QStringLiteral("https://www.Facebook.com/"), QStringLiteral("ftp://nope.example"), QStringLiteral("google.com"),
                           QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonObject o = obj(r);
        QCOMPARE(o.value("results").toArray().size(), 2);
        QCOMPARE(o.value("invalid").toArray().size(), 1);
        QCOMPARE(o.value("duplicates").toInt(), 1);
        QCOMPARE(o.value("requests").toInt(), 1);
        QVERIFY(o.value("complete").toBool());
        QCOMPARE(o.value("results").toArray().at(1).toObject().value("url").toString(), QStringLiteral("www.facebook.com"));
        QVERIFY(r.err.contains("ftp"));

        // From standard input, with a CSV file and a table.
        const QString csv = m_tmp.filePath(QStringLiteral("lookup.csv"));
        QByteArray in;
        for (int i = 0; i < 150; ++i)
            in += "site" + QByteArray::number(i) + ".example\n";
        in += "\nmalware-test.example\r\n";
        r = cli({QStringLiteral("zia"), QStringLiteral("url-lookup"), QStringLiteral("zl"), QStringLiteral("--csv"), csv}, in);
        CLI_OK(r);
        QVERIFY2(r.out.startsWith("URL"), r.out.left(200).constData());
        QVERIFY(r.out.contains("MALWARE_SITE"));
        QVERIFY2(r.err.contains("2 request(s)") && r.err.contains("request 2/2 done"), r.err.constData());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("URL,Categories,Security alerts\r"));
        QCOMPARE(lines.size(), 1 + 151 + 1);

        r = cli({QStringLiteral("zia"), QStringLiteral("url-lookup"), QStringLiteral("zl")}, "\n  \nfile:///etc/passwd\n");
        QCOMPARE(r.exitCode, 2);
    }

    void appTotalAndSaas()
    {
        CliResult r = cli({QStringLiteral("apptotal"), QStringLiteral("app"), QStringLiteral("at"), QStringLiteral("100001")});
        CLI_OK(r);
        QVERIFY2(r.out.contains("Risk:") && r.out.contains("Score:") && r.out.contains("PERMISSION")
                     && r.out.contains("Quota left today: 1 (resets"),
                 r.out.constData());
        r = cli({QStringLiteral("apptotal"), QStringLiteral("app"), QStringLiteral("at"), QStringLiteral("100002"), QStringLiteral("--json")});
        CLI_OK(r);
        QCOMPARE(obj(r).value("remainingQuota").toInt(), 0);
        QVERIFY(!obj(r).value("permissions").toArray().isEmpty());
        QVERIFY(QFile::exists(m_cfg + QStringLiteral("/apptotal-quota.json")));
        const qint64 sent = sim()->count(QStringLiteral("GET /v1/apps/app"));
        r = cli({QStringLiteral("apptotal"), QStringLiteral("app"), QStringLiteral("at"), QStringLiteral("100003")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("quota") && r.err.contains("resets at") && r.err.contains("No request was sent"), r.err.constData());
        QCOMPARE(sim()->count(QStringLiteral("GET /v1/apps/app")), sent);

        r = cli({QStringLiteral("saas"), QStringLiteral("incidents"), QStringLiteral("ss"), QStringLiteral("--limit"), QStringLiteral("5"),
                 QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonArray a = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(a.size(), 5);
        QVERIFY(!a.first().toObject().value("severity").toString().isEmpty());
        r = cli({QStringLiteral("saas"), QStringLiteral("incidents"), QStringLiteral("ss")});
        CLI_OK(r);
        QVERIFY(r.out.startsWith("ID"));
        r = cli({QStringLiteral("saas"), QStringLiteral("incidents"), QStringLiteral("ss"), QStringLiteral("--limit"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
    }

    // Last: uses up the minute's activation budget. Each run is its own process; the budget of
    // 10 per minute holds across them (zia-activations.json in the config folder).
    void activationBudgetHoldsAcrossCliRuns()
    {
        const QString tenantId = [this] {
            const CliResult r = cli({QStringLiteral("tenant"), QStringLiteral("show"), QStringLiteral("Demo"), QStringLiteral("--json")});
            return obj(r).value(QStringLiteral("id")).toString();
        }();
        QVERIFY(!tenantId.isEmpty());
        zc::ActivationLedger ledger(m_cfg);
        int refusedAt = -1;
        for (int run = 0; run < 12 && refusedAt < 0; ++run) {
            const qint64 before = sim()->count(QStringLiteral("POST /api/v1/status/activate"));
            const CliResult r = cli({QStringLiteral("zia"), QStringLiteral("activate"), QStringLiteral("zl"), QStringLiteral("--yes"),
                                     QStringLiteral("--json")});
            if (r.exitCode == 0) {
                QCOMPARE(sim()->count(QStringLiteral("POST /api/v1/status/activate")), before + 1);
                continue;
            }
            QCOMPARE(r.exitCode, 5);
            QVERIFY2(r.err.contains("activation budget") && r.err.contains("next slot"), r.err.constData());
            QCOMPARE(sim()->count(QStringLiteral("POST /api/v1/status/activate")), before); // nothing sent
            refusedAt = run;
        }
        QVERIFY2(refusedAt >= 0, "the 11th activation within a minute must be refused");
        QCOMPARE(ledger.countWithin(tenantId, 60'000), 10);
        QVERIFY(ledger.waitMs(tenantId, zc::ZiaActivationBudget{}) > 0);
        QCOMPARE(QFile::permissions(ledger.path()) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }
};

QTEST_GUILESS_MAIN(TestZiaCli)
#include "tst_ziacli.moc"
