// export / import of the real zconsole-cli binary: the export holds no secret (canaries in the
// keychain, searched in the file as plain, base64 and hex), no keychain key and no local id;
// importing it into an empty config recreates the same profiles, names each one that needs its
// secret, and a second import (or one over the source) leaves everything without duplicates.
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using zctest::CliResult;

#define CLI_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).text()))

class TestShare : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QList<QByteArray> m_canaries;

    CliResult cli(const QString &cfg, QStringList args, const QByteArray &in = {})
    {
        args.prepend(cfg);
        args.prepend(QStringLiteral("--config-dir"));
        return zctest::runCli(args, in, 120'000);
    }
    static QJsonDocument doc(const CliResult &r) { return QJsonDocument::fromJson(r.out); }
    QMap<QString, QJsonObject> clients(const QString &cfg, QStringList *ids = nullptr)
    {
        QMap<QString, QJsonObject> m;
        for (const QJsonValue &v : doc(cli(cfg, {QStringLiteral("client"), QStringLiteral("list"), QStringLiteral("--json")})).array()) {
            QJsonObject o = v.toObject();
            if (ids)
                *ids << o.value(QLatin1String("id")).toString() << o.value(QLatin1String("tenantId")).toString();
            for (const char *k : {"id", "tenantId", "created", "modified", "secrets"})
                o.remove(QLatin1String(k));
            m.insert(o.value(QLatin1String("name")).toString(), o);
        }
        return m;
    }

private slots:
    void exportHasNoSecretAndImportRecreatesTheProfiles()
    {
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh");
        const QString a = m_tmp.filePath(QStringLiteral("a")), b = m_tmp.filePath(QStringLiteral("b"));
        CLI_OK(cli(a, {QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("Acme"), QStringLiteral("--cloud"), QStringLiteral("zscalertwo"),
                       QStringLiteral("--vanity"), QStringLiteral("acme"), QStringLiteral("--zia-org-id"), QStringLiteral("123")}));
        CLI_OK(cli(a, {QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("Other"), QStringLiteral("--cloud"), QStringLiteral("zscalerbeta")}));
        CLI_OK(cli(a, {QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("acme-api"), QStringLiteral("--tenant"), QStringLiteral("Acme"),
                       QStringLiteral("--kind"), QStringLiteral("oneapi-secret"), QStringLiteral("--client-id"), QStringLiteral("cid-9"), QStringLiteral("--notes"), QStringLiteral("team")}));
        CLI_OK(cli(a, {QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("acme-zia"), QStringLiteral("--tenant"), QStringLiteral("Acme"),
                       QStringLiteral("--kind"), QStringLiteral("zia-legacy"), QStringLiteral("--username"), QStringLiteral("admin@acme.example")}));
        CLI_OK(cli(a, {QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("other-zpa"), QStringLiteral("--tenant"), QStringLiteral("Other"),
                       QStringLiteral("--kind"), QStringLiteral("zpa-legacy"), QStringLiteral("--client-id"), QStringLiteral("z1")}));
        const auto secret = [&](const QString &client, const QString &field) {
            const QByteArray v = "canary-share-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
            m_canaries << v;
            return cli(a, {QStringLiteral("client"), QStringLiteral("set-secret"), client, QStringLiteral("--field"), field}, v + '\n');
        };
        CLI_OK(secret(QStringLiteral("acme-api"), QStringLiteral("secret")));
        CLI_OK(secret(QStringLiteral("acme-zia"), QStringLiteral("password")));
        CLI_OK(secret(QStringLiteral("acme-zia"), QStringLiteral("api-key")));
        CLI_OK(secret(QStringLiteral("other-zpa"), QStringLiteral("secret")));

        QStringList ids;
        const QMap<QString, QJsonObject> source = clients(a, &ids);
        const QString path = m_tmp.filePath(QStringLiteral("team.json"));
        CLI_OK(cli(a, {QStringLiteral("export"), path}));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(QJsonDocument::fromJson(bytes).isObject());
        for (const QByteArray &c : std::as_const(m_canaries))
            for (const QByteArray &enc : {c, c.toBase64(), c.toHex(), QByteArray(c).replace("canary-share-", "")})
                QVERIFY2(!bytes.contains(enc), enc.constData());
        for (const QString &id : std::as_const(ids)) // neither ids nor keychain keys ("<id>/<field>")
            QVERIFY2(!bytes.contains(id.toUtf8()), qPrintable(id));
        for (const char *word : {"secretsSetAt", "\"secret\"", "token", "keychain"})
            QVERIFY2(!bytes.contains(word), word);

        // --tenant limits it.
        const QString one = m_tmp.filePath(QStringLiteral("one.json"));
        const CliResult limited = cli(a, {QStringLiteral("export"), one, QStringLiteral("--tenant"), QStringLiteral("Other"), QStringLiteral("--json")});
        CLI_OK(limited);
        QCOMPARE(doc(limited).object().value(QLatin1String("clients")).toInt(), 1);

        // Into an empty config: a dry run changes nothing, then the same profiles.
        const CliResult dry = cli(b, {QStringLiteral("import"), path, QStringLiteral("--dry-run"), QStringLiteral("--json")});
        CLI_OK(dry);
        QCOMPARE(doc(dry).object().value(QLatin1String("clients")).toObject().value(QLatin1String("add")).toArray().size(), 3);
        QCOMPARE(clients(b).size(), 0);
        const CliResult in = cli(b, {QStringLiteral("import"), path, QStringLiteral("--json")});
        CLI_OK(in);
        QCOMPARE(clients(b), source);
        QStringList need;
        for (const QJsonValue &v : doc(in).object().value(QLatin1String("needSecret")).toArray())
            need << v.toObject().value(QLatin1String("client")).toString();
        need.sort();
        QCOMPARE(need, (QStringList{QStringLiteral("acme-api"), QStringLiteral("acme-zia"), QStringLiteral("other-zpa")}));
        const QJsonObject acme = doc(cli(b, {QStringLiteral("tenant"), QStringLiteral("show"), QStringLiteral("Acme"), QStringLiteral("--json")})).object();
        QCOMPARE(acme.value(QLatin1String("ziaOrgId")).toString(), QStringLiteral("123"));

        // Again, and over the source: nothing added, nothing duplicated; the source keeps its secrets.
        const CliResult again = cli(b, {QStringLiteral("import"), path, QStringLiteral("--json")});
        CLI_OK(again);
        QCOMPARE(doc(again).object().value(QLatin1String("clients")).toObject().value(QLatin1String("leave")).toArray().size(), 3);
        QCOMPARE(clients(b).size(), 3);
        const CliResult over = cli(a, {QStringLiteral("import"), path, QStringLiteral("--json")});
        CLI_OK(over);
        QCOMPARE(doc(over).object().value(QLatin1String("needSecret")).toArray().size(), 0);
        QCOMPARE(clients(a), source);

        const QByteArray audit = [&] {
            QFile af(QDir(a).filePath(QStringLiteral("audit.jsonl")));
            return af.open(QIODevice::ReadOnly) ? af.readAll() : QByteArray();
        }();
        QVERIFY2(audit.contains("\"action\":\"export\"") && audit.contains("\"action\":\"import\""), audit.constData());
        for (const QByteArray &c : std::as_const(m_canaries))
            QVERIFY(zctest::filesContaining(m_tmp.path(), c).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestShare)
#include "tst_share.moc"
