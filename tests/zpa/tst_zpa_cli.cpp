// The zpa commands of the real zconsole-cli binary against the in-process HTTPS simulator:
// config written through the CLI, secrets in the test keychain (set-secret from standard input),
// listings as JSON / CSV / table, microtenants, search, an incomplete listing (exit 5, pages
// named), get / create / update (diff, conflict, --force) / delete (--yes, protected tenants),
// the audit file, exit codes and --help.
#include "CliRunner.h"
#include "ZpaTestEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using zctest::CliResult;

#define CLI_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).text()))

namespace {
constexpr int kSegments = 1234; // three pages: 500, 500, 234
const QString kList = QStringLiteral("GET /mgmtconfig/v1/admin/customers/{customerId}/application");
const QString kDelete = QStringLiteral("DELETE /mgmtconfig/v1/admin/customers/{customerId}/application/{id}");
} // namespace

class TestZpaCli : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<zsim::SimulatorThread> m_sim;
    QTemporaryDir m_tmp;
    QString m_cfg;
    QString m_segmentGroup;
    QString m_serverGroup;
    zsim::Simulator *sim() const { return m_sim->sim(); }

    CliResult cli(QStringList args, const QByteArray &in = {}, int timeoutMs = 120'000)
    {
        args.prepend(m_cfg);
        args.prepend(QStringLiteral("--config-dir"));
        return zctest::runCli(args, in, timeoutMs);
    }
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
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(QJsonDocument(o).toJson());
        return path;
    }
    QJsonArray listJson(const QStringList &extra)
    {
        CliResult r = cli(QStringList{QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("zl")} << extra);
        if (r.exitCode != 0)
            qWarning() << r.text().left(2000);
        return QJsonDocument::fromJson(r.out).array();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh");
        QString error;
        m_sim = zpatest::startSimulator(kSegments, {}, &error);
        QVERIFY2(m_sim, qPrintable(error));
        m_cfg = m_tmp.filePath(QStringLiteral("cfg"));
        const QJsonObject p = sim()->demoProfile();
        const QString customer = p.value(QStringLiteral("tenant")).toObject().value(QStringLiteral("zpaCustomerId")).toString();
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("Demo"), QStringLiteral("--cloud"),
                    QStringLiteral("zscalerbeta"), QStringLiteral("--vanity"), QStringLiteral("demo"),
                    QStringLiteral("--zpa-customer-id"), customer}));
        for (const auto &[name, kind] : {std::pair{QStringLiteral("zl"), QStringLiteral("zpa-legacy")},
                                         std::pair{QStringLiteral("oa"), QStringLiteral("oneapi-secret")}}) {
            const QJsonObject c = profileClient(kind);
            QStringList args{QStringLiteral("client"), QStringLiteral("add"), name, QStringLiteral("--tenant"), QStringLiteral("Demo"),
                             QStringLiteral("--kind"), kind, QStringLiteral("--client-id"), c.value(QStringLiteral("clientId")).toString(),
                             QStringLiteral("--base-url"), p.value(QStringLiteral("baseUrl")).toString(),
                             QStringLiteral("--ca-file"), p.value(QStringLiteral("caFile")).toString()};
            if (c.contains(QStringLiteral("tokenUrl")))
                args << QStringLiteral("--token-url") << c.value(QStringLiteral("tokenUrl")).toString();
            CLI_OK(cli(args));
            CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), name},
                       c.value(QStringLiteral("secret")).toString().toUtf8() + '\n'));
        }
        // A segment group of the Default microtenant and a server group, from a listing.
        const QJsonArray all = listJson({QStringLiteral("--microtenant"), QStringLiteral("default"), QStringLiteral("--format"),
                                         QStringLiteral("json")});
        QVERIFY(!all.isEmpty());
        const QJsonObject s = all.first().toObject();
        m_segmentGroup = s.value(QStringLiteral("segmentGroupId")).toString();
        m_serverGroup = s.value(QStringLiteral("serverGroups")).toArray().first().toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!m_segmentGroup.isEmpty() && !m_serverGroup.isEmpty());
    }

    void init()
    {
        sim()->resetKnobs();
        sim()->resetCounters();
    }

    void help()
    {
        for (const QStringList &words : {QStringList{"zpa", "segments"}, QStringList{"zpa", "segment", "get"},
                                         QStringList{"zpa", "segment", "create"}, QStringList{"zpa", "segment", "update"},
                                         QStringList{"zpa", "segment", "delete"}}) {
            const CliResult r = zctest::runCli(QStringList(words) << QStringLiteral("--help"));
            CLI_OK(r);
            QVERIFY2(r.text().contains(QLatin1String("Exit codes:")) && r.text().contains(words.join(QLatin1Char(' ')))
                         && r.text().contains(QLatin1String("Exit 0")),
                     qPrintable(r.text()));
        }
        CLI_OK(zctest::runCli({QStringLiteral("zpa"), QStringLiteral("--help")}));
    }

    void listingFormats()
    {
        QJsonArray a = listJson({QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(a.size(), kSegments);
        QSet<QString> ids;
        for (const QJsonValue &v : a)
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.size(), kSegments);
        QCOMPARE(sim()->count(kList), qint64(3));
        // --json means JSON too; the OneAPI client reads the same set through the gateway.
        CliResult r = cli({QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("oa"), QStringLiteral("--json")});
        CLI_OK(r);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), kSegments);

        r = cli({QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("zl"), QStringLiteral("--format"), QStringLiteral("csv")});
        CLI_OK(r);
        const QByteArray header = r.out.left(r.out.indexOf('\n')).trimmed();
        QCOMPARE(header, QByteArray("ID,Name,Status,Domains,TCP ports,UDP ports,Segment group,Server groups,Microtenant,Modified"));
        const QString csvPath = m_tmp.filePath(QStringLiteral("segments.csv"));
        r = cli({QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("zl"), QStringLiteral("--output"), csvPath});
        CLI_OK(r);
        QVERIFY2(r.err.contains(QByteArray(QByteArray("wrote ") + QByteArray::number(kSegments))), r.err.constData());
        QFile f(csvPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readLine().startsWith("ID,Name,"));

        r = cli({QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("zl")});
        CLI_OK(r);
        QVERIFY(r.out.startsWith("ID "));
        QVERIFY(r.out.contains("MICROTENANT"));
        QCOMPARE(r.out.count('\n'), kSegments + 1);
    }

    void microtenantsAndSearch()
    {
        const qint64 all = kSegments;
        const QJsonArray def = listJson({QStringLiteral("--microtenant"), QStringLiteral("default"), QStringLiteral("--json")});
        QVERIFY(def.size() > 0 && def.size() < all);
        for (const QJsonValue &v : def)
            QVERIFY(v.toObject().value(QStringLiteral("microtenantId")).toString().isEmpty()
                    || v.toObject().value(QStringLiteral("microtenantId")).toString() == QLatin1String("0"));
        QHash<QString, int> others;
        for (const QJsonValue &v : listJson({QStringLiteral("--json")})) {
            const QString mt = v.toObject().value(QStringLiteral("microtenantId")).toString();
            if (!mt.isEmpty() && mt != QLatin1String("0"))
                ++others[mt];
        }
        QCOMPARE(others.size(), 3);
        qint64 sum = def.size();
        for (auto it = others.cbegin(); it != others.cend(); ++it) {
            const QJsonArray part = listJson({QStringLiteral("--microtenant"), it.key(), QStringLiteral("--json")});
            QCOMPARE(part.size(), it.value());
            sum += part.size();
        }
        QCOMPARE(sum, all);
        CliResult r = cli({QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("zl"), QStringLiteral("--microtenant"),
                           QStringLiteral("bogus")});
        QCOMPARE(r.exitCode, 2);

        const QString name = def.first().toObject().value(QStringLiteral("name")).toString();
        const QJsonArray found = listJson({QStringLiteral("--search"), QStringLiteral("name+EQ+") + name, QStringLiteral("--json")});
        QVERIFY(found.size() >= 1);
        for (const QJsonValue &v : found)
            QCOMPARE(v.toObject().value(QStringLiteral("name")).toString().toLower(), name.toLower());
        r = cli({QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("zl"), QStringLiteral("--budget"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
    }

    void incompleteListingExit5()
    {
        // Every request after page 1 fails with 500: pages 2 and 3 are retried, then named.
        QJsonArray nth;
        for (int i = 2; i <= 40; ++i)
            nth.append(i);
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                     QJsonArray{QJsonObject{{QStringLiteral("route"), kList},
                                                            {QStringLiteral("kind"), QStringLiteral("500")},
                                                            {QStringLiteral("nth"), nth}}}}});
        CliResult r = cli({QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("zl"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.out.isEmpty());
        const QJsonObject e = QJsonDocument::fromJson(r.err.trimmed().split('\n').last()).object().value(QStringLiteral("error")).toObject();
        QVERIFY2(e.value(QStringLiteral("message")).toString().contains(QLatin1String("page(s) 2-3")), r.err.constData());
        QCOMPARE(e.value(QStringLiteral("exitCode")).toInt(), 5);
        QCOMPARE(sim()->count(kList), qint64(1 + 2 * 4)); // page 1, then 4 attempts of pages 2 and 3
        sim()->setKnobs(QJsonObject{{QStringLiteral("faults"),
                                     QJsonArray{QJsonObject{{QStringLiteral("route"), kList},
                                                            {QStringLiteral("kind"), QStringLiteral("500")},
                                                            {QStringLiteral("nth"), nth}}}}});
        r = cli({QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("zl"), QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--allow-incomplete")});
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 500);
    }

    void segmentLifecycle()
    {
        const QJsonObject seg{{QStringLiteral("name"), QStringLiteral("cli segment")},
                              {QStringLiteral("description"), QStringLiteral("created")},
                              {QStringLiteral("domainNames"), QJsonArray{QStringLiteral("cli.edit.example")}},
                              {QStringLiteral("tcpPortRanges"), QJsonArray{QStringLiteral("8080"), QStringLiteral("8081")}},
                              {QStringLiteral("segmentGroupId"), m_segmentGroup},
                              {QStringLiteral("serverGroups"), QJsonArray{QJsonObject{{QStringLiteral("id"), m_serverGroup}}}}};
        CliResult r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("create"), QStringLiteral("zl"),
                           QStringLiteral("--file"), writeFile(QStringLiteral("new.json"), seg), QStringLiteral("--json")});
        CLI_OK(r);
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("done"));
        const QString id = o.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());

        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("get"), QStringLiteral("zl"), id, QStringLiteral("--json")});
        CLI_OK(r);
        const QJsonObject got = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(got.value(QStringLiteral("id")).toString(), id);
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("get"), QStringLiteral("zl"), id});
        CLI_OK(r);
        QVERIFY(r.out.contains("TCP ports:") && r.out.contains("8080-8081"));

        // Update from the file `get` printed, edited: the diff is shown.
        QJsonObject edit = got;
        edit.insert(QStringLiteral("description"), QStringLiteral("changed by cli"));
        const QString editPath = writeFile(QStringLiteral("edit.json"), edit);
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("update"), QStringLiteral("zl"), id,
                 QStringLiteral("--file"), editPath});
        CLI_OK(r);
        QVERIFY2(r.out.contains("Description: created -> changed by cli"), qPrintable(r.text()));
        // The same file again: its modifiedTime is older than the server's only if the second
        // changed; make it explicitly stale to get the conflict.
        edit.insert(QStringLiteral("modifiedTime"), QStringLiteral("1"));
        edit.insert(QStringLiteral("description"), QStringLiteral("stale edit"));
        const QString stalePath = writeFile(QStringLiteral("stale.json"), edit);
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("update"), QStringLiteral("zl"), id,
                 QStringLiteral("--file"), stalePath});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("changed on the server") && r.err.contains("--force"), qPrintable(r.text()));
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("get"), QStringLiteral("zl"), id, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("description")).toString(), QStringLiteral("changed by cli"));
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("update"), QStringLiteral("zl"), id,
                 QStringLiteral("--file"), stalePath, QStringLiteral("--force")});
        CLI_OK(r);
        // Invalid ports in a patch: exit 2, named.
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("update"), QStringLiteral("zl"), id,
                 QStringLiteral("--file"),
                 writeFile(QStringLiteral("bad.json"), {{QStringLiteral("tcpPortRanges"), QJsonArray{QStringLiteral("9000"), QStringLiteral("80")}}})});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("invalid tcpPortRanges"), qPrintable(r.text()));

        // Delete needs --yes: exit 2 and nothing sent.
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("delete"), QStringLiteral("zl"), id});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--yes"));
        QCOMPARE(sim()->count(kDelete), qint64(0));
        // A protected tenant also needs its name.
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("edit"), QStringLiteral("Demo"), QStringLiteral("--protected")}));
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("delete"), QStringLiteral("zl"), id, QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("protected"));
        QCOMPARE(sim()->count(kDelete), qint64(0));
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("delete"), QStringLiteral("zl"), id, QStringLiteral("--yes"),
                 QStringLiteral("--confirm"), QStringLiteral("Demo")});
        CLI_OK(r);
        QVERIFY(r.out.contains(QByteArray("Deleted segment " + id.toUtf8())));
        QCOMPARE(sim()->count(kDelete), qint64(1));
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("edit"), QStringLiteral("Demo"), QStringLiteral("--unprotected"),
                    QStringLiteral("--confirm"), QStringLiteral("Demo")}));
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("get"), QStringLiteral("zl"), id});
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.err.contains("404"));

        // The audit file has the create, the two updates and the delete.
        QFile f(m_cfg + QStringLiteral("/audit.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList actions;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QJsonObject rec = QJsonDocument::fromJson(line).object();
            if (rec.value(QStringLiteral("objectId")).toString() == id)
                actions << rec.value(QStringLiteral("action")).toString();
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("update"),
                                       QStringLiteral("delete")}));
    }

    void errors()
    {
        CliResult r = cli({QStringLiteral("zpa"), QStringLiteral("segments"), QStringLiteral("nobody")});
        QCOMPARE(r.exitCode, 7);
        r = cli({QStringLiteral("zpa"), QStringLiteral("segment"), QStringLiteral("create"), QStringLiteral("zl"), QStringLiteral("--file"),
                 m_tmp.filePath(QStringLiteral("missing.json"))});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("zpa"), QStringLiteral("segments")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestZpaCli)
#include "tst_zpa_cli.moc"
