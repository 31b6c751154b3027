// backup create / restore of the real zconsole-cli binary with the test keychain: a round trip
// through a wiped config and keychain brings every tenant, client and secret back byte for byte;
// a wrong passphrase, a flipped byte anywhere, a truncated file and a newer-version file each
// fail with exit 2 or 7 and a clear message and change nothing; a restore over an existing set
// merges by name without duplicates; the file holds no secret in any encoding.
#include "CliRunner.h"

#include "store/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using zctest::CliResult;

#define CLI_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).text()))

namespace {
const QByteArray kPass = "correct horse battery staple";

QByteArray canary(const char *what)
{
    return QByteArray("canary-") + what + '-' + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}
QByteArray pemCanary()
{
    QByteArray body;
    for (int i = 0; i < 20; ++i)
        body += QByteArray::number(QRandomGenerator::global()->generate64(), 36).leftJustified(64, 'Q') + '\n';
    return "-----BEGIN PRIVATE KEY-----\n" + body + "-----END PRIVATE KEY-----\n";
}
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
void writeAll(const QString &path, const QByteArray &b)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(b), b.size());
}
} // namespace

class TestBackup : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_cfg;
    // client name -> field -> value
    QMap<QString, QMap<QString, QByteArray>> m_secrets;

    CliResult cli(QStringList args, const QByteArray &in = {})
    {
        args.prepend(m_cfg);
        args.prepend(QStringLiteral("--config-dir"));
        return zctest::runCli(args, in, 120'000);
    }
    static QJsonDocument doc(const CliResult &r) { return QJsonDocument::fromJson(r.out); }
    QString file(const QString &name) const { return m_tmp.filePath(name); }

    // The clients as `client list --json` shows them, by name, without the times of this machine.
    QMap<QString, QJsonObject> clientsByName()
    {
        const CliResult r = cli({QStringLiteral("client"), QStringLiteral("list"), QStringLiteral("--json")});
        QMap<QString, QJsonObject> m;
        for (const QJsonValue &v : doc(r).array()) {
            QJsonObject o = v.toObject();
            for (const char *k : {"id", "tenantId", "created", "modified"})
                o.remove(QLatin1String(k));
            QJsonArray secrets;
            for (const QJsonValue &s : o.value(QLatin1String("secrets")).toArray()) {
                QJsonObject so = s.toObject();
                so.remove(QStringLiteral("storedAt"));
                secrets.append(so);
            }
            o.insert(QStringLiteral("secrets"), secrets);
            m.insert(o.value(QLatin1String("name")).toString(), o);
        }
        return m;
    }
    QString clientId(const QString &name)
    {
        const CliResult r = cli({QStringLiteral("client"), QStringLiteral("show"), name, QStringLiteral("--json")});
        return doc(r).object().value(QLatin1String("id")).toString();
    }
    zc::SecretResult readKeychain(const QString &key)
    {
        zc::SecretStore store;
        return zc::SecretStore::waitFor(store.read(key));
    }
    QByteArray keychainValue(const QString &clientName, const QString &field)
    {
        const QString id = clientId(clientName);
        if (id.isEmpty())
            return {};
        zc::SecretResult r = readKeychain(id + QLatin1Char('/') + field);
        return r.ok() ? r.data : QByteArray("<") + zc::SecretResult::statusName(r.status).toUtf8() + '>';
    }
    void addClient(const QString &name, const QString &tenant, const QString &kind, const QStringList &extra,
                   const QMap<QString, QByteArray> &secrets)
    {
        CLI_OK(cli(QStringList{QStringLiteral("client"), QStringLiteral("add"), name, QStringLiteral("--tenant"), tenant,
                               QStringLiteral("--kind"), kind}
                   + extra));
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
            const QByteArray in = it.key() == QLatin1String("private-key") ? it.value() : it.value() + '\n';
            CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), name, QStringLiteral("--field"), it.key(),
                        QStringLiteral("--confirm"), tenant},
                       in));
        }
        m_secrets.insert(name, secrets);
    }
    void wipeEverything()
    {
        const CliResult r = cli({QStringLiteral("tenant"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue &v : doc(r).array())
            CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("remove"), v.toObject().value(QLatin1String("name")).toString(),
                        QStringLiteral("--yes"), QStringLiteral("--confirm"), v.toObject().value(QLatin1String("name")).toString()}));
        QFile::remove(QDir(m_cfg).filePath(QStringLiteral("zconsole-ui.ini")));
    }
    // Config and keychain as they are now, to prove a failed restore changed nothing.
    QByteArray state()
    {
        QByteArray s = readAll(QDir(m_cfg).filePath(QStringLiteral("config.json")));
        for (auto c = m_secrets.cbegin(); c != m_secrets.cend(); ++c)
            for (auto f = c.value().cbegin(); f != c.value().cend(); ++f)
                s += '|' + c.key().toUtf8() + '=' + keychainValue(c.key(), f.key());
        return s;
    }
    void expectRefused(const QString &path, const QByteArray &pass, const QByteArray &before, const char *what)
    {
        const CliResult r = cli({QStringLiteral("backup"), QStringLiteral("restore"), path}, pass + '\n');
        QVERIFY2(r.exitCode == 2 || r.exitCode == 7, qPrintable(QStringLiteral("%1: exit %2 %3").arg(QLatin1String(what)).arg(r.exitCode).arg(r.text())));
        QVERIFY2(r.err.contains(QFileInfo(path).fileName().toUtf8()) && r.err.size() > 30, qPrintable(r.text()));
        QVERIFY2(readAll(QDir(m_cfg).filePath(QStringLiteral("config.json"))) == before.left(before.indexOf('|') < 0 ? before.size() : before.indexOf('|')),
                 what);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh");
        m_cfg = m_tmp.filePath(QStringLiteral("cfg"));
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("Acme prod"), QStringLiteral("--cloud"), QStringLiteral("zscalertwo"),
                    QStringLiteral("--vanity"), QStringLiteral("acme"), QStringLiteral("--zpa-customer-id"), QStringLiteral("72000001"),
                    QStringLiteral("--protected"), QStringLiteral("--color"), QStringLiteral("#c0392b"), QStringLiteral("--notes"), QStringLiteral("prod ☃")}));
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("Beta lab"), QStringLiteral("--cloud"), QStringLiteral("zscalerbeta"),
                    QStringLiteral("--vanity"), QStringLiteral("betalab")}));
        const QStringList conf{QStringLiteral("--confirm"), QStringLiteral("Acme prod")};
        addClient(QStringLiteral("acme-oneapi"), QStringLiteral("Acme prod"), QStringLiteral("oneapi-secret"),
                  QStringList{QStringLiteral("--client-id"), QStringLiteral("cid-1"), QStringLiteral("--notes"), QStringLiteral("n1")} + conf,
                  {{QStringLiteral("secret"), canary("oneapi")}});
        addClient(QStringLiteral("acme-jwt"), QStringLiteral("Acme prod"), QStringLiteral("oneapi-jwt"),
                  QStringList{QStringLiteral("--client-id"), QStringLiteral("cid-2")} + conf, {{QStringLiteral("private-key"), pemCanary()}});
        addClient(QStringLiteral("beta-zia"), QStringLiteral("Beta lab"), QStringLiteral("zia-legacy"),
                  {QStringLiteral("--username"), QStringLiteral("admin@beta.example")},
                  {{QStringLiteral("password"), canary("pw")}, {QStringLiteral("api-key"), canary("key")}});
        addClient(QStringLiteral("beta-zpa"), QStringLiteral("Beta lab"), QStringLiteral("zpa-legacy"),
                  {QStringLiteral("--client-id"), QStringLiteral("zpa-cid")}, {{QStringLiteral("secret"), canary("zpa")}});
        writeAll(QDir(m_cfg).filePath(QStringLiteral("zconsole-ui.ini")), "[reminders]\nleadDays=30,7\n");
        for (auto c = m_secrets.cbegin(); c != m_secrets.cend(); ++c)
            for (auto f = c.value().cbegin(); f != c.value().cend(); ++f)
                QCOMPARE(keychainValue(c.key(), f.key()), f.value());
    }

    void help()
    {
        for (const char *sub : {"create", "restore"}) {
            const CliResult r = zctest::runCli({QStringLiteral("backup"), QLatin1String(sub), QStringLiteral("--help")});
            CLI_OK(r);
            QVERIFY(r.text().contains(QLatin1String("Exit codes")) && r.text().contains(QLatin1String("passphrase")));
        }
    }

    void passphraseNeverAnArgumentAndLongEnough()
    {
        const CliResult empty = cli({QStringLiteral("backup"), QStringLiteral("create"), file(QStringLiteral("x.zcb"))});
        QCOMPARE(empty.exitCode, 2);
        const CliResult shortPass = cli({QStringLiteral("backup"), QStringLiteral("create"), file(QStringLiteral("x.zcb"))}, "short\n");
        QCOMPARE(shortPass.exitCode, 2);
        QVERIFY(!QFile::exists(file(QStringLiteral("x.zcb"))));
    }

    void roundTripThroughAWipedConfigAndKeychain()
    {
        const QMap<QString, QJsonObject> before = clientsByName();
        QCOMPARE(before.size(), 4);
        const QString path = file(QStringLiteral("all.zcb"));
        const CliResult made = cli({QStringLiteral("backup"), QStringLiteral("create"), path, QStringLiteral("--json")}, kPass + '\n');
        CLI_OK(made);
        const QJsonObject mo = doc(made).object();
        QCOMPARE(mo.value(QLatin1String("tenants")).toInt(), 2);
        QCOMPARE(mo.value(QLatin1String("clients")).toInt(), 4);
        QCOMPARE(mo.value(QLatin1String("keychainEntries")).toInt(), 5);
        QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther), QFileDevice::Permissions());

        // No secret in the file, in any encoding.
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.startsWith("ZCBACKUP"));
        for (auto c = m_secrets.cbegin(); c != m_secrets.cend(); ++c)
            for (auto f = c.value().cbegin(); f != c.value().cend(); ++f) {
                const QByteArray v = f.value();
                const QByteArray probe = v.left(40); // a slice is enough: the whole value contains it
                for (const QByteArray &enc : {v, probe, v.toBase64(), v.toBase64(QByteArray::Base64UrlEncoding),
                                              v.toHex(), v.toHex().toUpper(), probe.toHex(), probe.toBase64(),
                                              QByteArray(reinterpret_cast<const char *>(QString::fromUtf8(probe).utf16()), probe.size() * 2)})
                    QVERIFY2(!bytes.contains(enc), qPrintable(c.key() + QLatin1Char('/') + f.key()));
            }
        // Neither do the CLI's output nor the audit log.
        for (auto c = m_secrets.cbegin(); c != m_secrets.cend(); ++c)
            for (auto f = c.value().cbegin(); f != c.value().cend(); ++f)
                QVERIFY(zctest::filesContaining(m_cfg, f.value().left(30)).isEmpty() && !made.text().contains(QString::fromUtf8(f.value().left(30))));

        const QMap<QString, QByteArray> oldIds{{QStringLiteral("acme-oneapi"), clientId(QStringLiteral("acme-oneapi")).toUtf8()}};
        wipeEverything();
        QCOMPARE(clientsByName().size(), 0);
        QVERIFY(!readKeychain(QString::fromUtf8(oldIds.value(QStringLiteral("acme-oneapi"))) + QStringLiteral("/secret")).ok());

        const CliResult dry = cli({QStringLiteral("backup"), QStringLiteral("restore"), path, QStringLiteral("--dry-run"), QStringLiteral("--json")}, kPass + '\n');
        CLI_OK(dry);
        QCOMPARE(doc(dry).object().value(QLatin1String("clients")).toObject().value(QLatin1String("add")).toArray().size(), 4);
        QCOMPARE(clientsByName().size(), 0);

        const CliResult restored = cli({QStringLiteral("backup"), QStringLiteral("restore"), path}, kPass + '\n');
        CLI_OK(restored);
        QVERIFY2(restored.text().contains(QLatin1String("add client \"beta-zia\"")) && restored.text().contains(QLatin1String("add tenant \"Acme prod\"")),
                 qPrintable(restored.text()));
        const QMap<QString, QJsonObject> after = clientsByName();
        QCOMPARE(after, before);
        for (auto c = m_secrets.cbegin(); c != m_secrets.cend(); ++c)
            for (auto f = c.value().cbegin(); f != c.value().cend(); ++f)
                QCOMPARE(keychainValue(c.key(), f.key()), f.value()); // byte for byte, from the keychain
        const QJsonObject acme = doc(cli({QStringLiteral("tenant"), QStringLiteral("show"), QStringLiteral("Acme prod"), QStringLiteral("--json")})).object();
        QCOMPARE(acme.value(QLatin1String("notes")).toString(), QStringLiteral("prod ☃"));
        QCOMPARE(acme.value(QLatin1String("zpaCustomerId")).toString(), QStringLiteral("72000001"));
        QVERIFY(acme.value(QLatin1String("protected")).toBool() || acme.value(QLatin1String("isProtected")).toBool());
        QCOMPARE(readAll(QDir(m_cfg).filePath(QStringLiteral("zconsole-ui.ini"))), QByteArray("[reminders]\nleadDays=30,7\n"));

        // The audit log: one backup and one restore, with counts and no secret.
        const QByteArray audit = readAll(QDir(m_cfg).filePath(QStringLiteral("audit.jsonl")));
        QVERIFY2(audit.contains("\"action\":\"backup\"") && audit.contains("\"action\":\"restore\"") && audit.contains("\"clientsAdded\":4"),
                 audit.constData());
    }

    void restoreOverAnExistingSetMerges()
    {
        const QString path = file(QStringLiteral("all.zcb"));
        QVERIFY(QFile::exists(path));
        // Local changes: one client edited, one secret changed, one client only here.
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("edit"), QStringLiteral("beta-zpa"), QStringLiteral("--notes"), QStringLiteral("changed here")}));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), QStringLiteral("beta-zia"), QStringLiteral("--field"), QStringLiteral("password")}, "local-change\n"));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("only-here"), QStringLiteral("--tenant"), QStringLiteral("Beta lab"),
                    QStringLiteral("--kind"), QStringLiteral("zpa-legacy"), QStringLiteral("--client-id"), QStringLiteral("x")}));
        const QString zpaId = clientId(QStringLiteral("beta-zpa"));

        const CliResult r = cli({QStringLiteral("backup"), QStringLiteral("restore"), path, QStringLiteral("--json")}, kPass + '\n');
        CLI_OK(r);
        const QJsonObject clients = doc(r).object().value(QLatin1String("clients")).toObject();
        const auto names = [&clients](const char *action) {
            QStringList l;
            for (const QJsonValue &v : clients.value(QLatin1String(action)).toArray())
                l << v.toString();
            l.sort();
            return l;
        };
        QCOMPARE(names("add"), QStringList());
        QCOMPARE(names("replace"), (QStringList{QStringLiteral("beta-zia"), QStringLiteral("beta-zpa")}));
        QCOMPARE(names("leave"), (QStringList{QStringLiteral("acme-jwt"), QStringLiteral("acme-oneapi"), QStringLiteral("only-here")}));
        const QMap<QString, QJsonObject> now = clientsByName();
        QCOMPARE(now.size(), 5); // no duplicate
        QCOMPARE(clientId(QStringLiteral("beta-zpa")), zpaId); // replaced in place
        QCOMPARE(now.value(QStringLiteral("beta-zpa")).value(QLatin1String("notes")).toString(), QString());
        QCOMPARE(keychainValue(QStringLiteral("beta-zia"), QStringLiteral("password")), m_secrets[QStringLiteral("beta-zia")][QStringLiteral("password")]);
        const CliResult tenants = cli({QStringLiteral("tenant"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(doc(tenants).array().size(), 2);

        // The same restore again: everything is left as it is.
        const CliResult again = cli({QStringLiteral("backup"), QStringLiteral("restore"), path, QStringLiteral("--json")}, kPass + '\n');
        CLI_OK(again);
        const QJsonObject o = doc(again).object();
        QCOMPARE(o.value(QLatin1String("clients")).toObject().value(QLatin1String("replace")).toArray().size(), 0);
        QCOMPARE(o.value(QLatin1String("clients")).toObject().value(QLatin1String("add")).toArray().size(), 0);
        QCOMPARE(o.value(QLatin1String("tenants")).toObject().value(QLatin1String("leave")).toArray().size(), 2);
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("remove"), QStringLiteral("only-here")}));
    }

    void wrongPassphraseChangesNothing()
    {
        const QString path = file(QStringLiteral("all.zcb"));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), QStringLiteral("beta-zpa")}, "local-only-value\n"));
        const QByteArray before = state();
        const CliResult r = cli({QStringLiteral("backup"), QStringLiteral("restore"), path}, "not the passphrase\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("wrong passphrase"), r.err.constData());
        QCOMPARE(state(), before);
    }

    void flippedByteAnywhereChangesNothing()
    {
        const QByteArray good = readAll(file(QStringLiteral("all.zcb")));
        const QByteArray before = state();
        QList<qsizetype> positions;
        for (qsizetype i = 0; i < 60; ++i) // every byte of the header
            positions << i;
        for (qsizetype i = 60; i < good.size(); i += qMax<qsizetype>(1, (good.size() - 60) / 40)) // and through the chunks
            positions << i;
        positions << good.size() - 1;
        const QString path = file(QStringLiteral("flipped.zcb"));
        for (const qsizetype pos : std::as_const(positions)) {
            QByteArray bad = good;
            bad[pos] = char(bad[pos] ^ (pos % 2 ? 0x01 : 0x80));
            writeAll(path, bad);
            const CliResult r = cli({QStringLiteral("backup"), QStringLiteral("restore"), path}, kPass + '\n');
            QVERIFY2(r.exitCode == 2 || r.exitCode == 7, qPrintable(QStringLiteral("byte %1: exit %2 %3").arg(pos).arg(r.exitCode).arg(r.text())));
            QVERIFY2(r.err.contains("backup") || r.err.contains("passphrase"), qPrintable(QStringLiteral("byte %1: %2").arg(pos).arg(r.text())));
        }
        QCOMPARE(state(), before);
    }

    void truncatedFileChangesNothing()
    {
        const QByteArray good = readAll(file(QStringLiteral("all.zcb")));
        const QByteArray before = state();
        const QString path = file(QStringLiteral("short.zcb"));
        for (const qsizetype n : {qsizetype(0), qsizetype(5), qsizetype(30), qsizetype(60), qsizetype(64), good.size() / 2,
                                  good.size() - 4 - 4 - 17, good.size() - 1}) {
            writeAll(path, good.left(n));
            const CliResult r = cli({QStringLiteral("backup"), QStringLiteral("restore"), path}, kPass + '\n');
            QVERIFY2(r.exitCode == 7, qPrintable(QStringLiteral("%1 bytes: exit %2 %3").arg(n).arg(r.exitCode).arg(r.text())));
            QVERIFY2(n < 8 ? r.err.contains("not a zconsole backup") : r.err.contains("truncated"),
                     qPrintable(QStringLiteral("%1 bytes: %2").arg(n).arg(r.text())));
        }
        // Bytes after the final chunk are refused too.
        writeAll(path, good + "extra");
        QCOMPARE(cli({QStringLiteral("backup"), QStringLiteral("restore"), path}, kPass + '\n').exitCode, 7);
        QCOMPARE(state(), before);
    }

    void newerVersionChangesNothing()
    {
        QByteArray newer = readAll(file(QStringLiteral("all.zcb")));
        const QByteArray before = state();
        newer[8] = 0;
        newer[9] = 2; // format version 2
        const QString path = file(QStringLiteral("newer.zcb"));
        writeAll(path, newer);
        const CliResult r = cli({QStringLiteral("backup"), QStringLiteral("restore"), path}, kPass + '\n');
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.contains("version 2") && r.err.contains("newer"), r.err.constData());
        QByteArray kdf = readAll(file(QStringLiteral("all.zcb")));
        kdf[10] = 2; // an unknown key derivation
        writeAll(path, kdf);
        const CliResult k = cli({QStringLiteral("backup"), QStringLiteral("restore"), path}, kPass + '\n');
        QCOMPARE(k.exitCode, 7);
        QVERIFY2(k.err.contains("newer"), k.err.constData());
        QCOMPARE(state(), before);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
