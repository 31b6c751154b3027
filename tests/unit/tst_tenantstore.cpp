// TenantStore: persistence, atomic writes, corrupt files, merges with other processes.
#include "store/TenantStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;

class TestTenantStore : public QObject
{
    Q_OBJECT
private:
    static Tenant tenant(const QString &name)
    {
        Tenant t;
        t.name = name;
        t.cloud = QStringLiteral("zscaler");
        return t;
    }
    static ApiClient client(const QString &name, const QString &tenantId)
    {
        ApiClient c;
        c.name = name;
        c.tenantId = tenantId;
        c.kind = AuthKind::ZpaLegacy;
        c.clientId = QStringLiteral("id-") + name;
        return c;
    }
    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private slots:
    void persistsAcrossRestart()
    {
        QTemporaryDir dir;
        {
            TenantStore s(dir.path());
            QVERIFY(s.load());
            const StoreResult a = s.addTenant(tenant(QStringLiteral("Acme Zürich ✓")));
            QVERIFY2(a.ok, qPrintable(a.message()));
            const StoreResult c = s.addClient(client(QStringLiteral("zpa"), a.id));
            QVERIFY2(c.ok, qPrintable(c.message()));
            QVERIFY(s.setSecretRecorded(c.id, SecretField::Secret, true).ok);
        }
        TenantStore s2(dir.path());
        QVERIFY(s2.load());
        QCOMPARE(s2.tenants().size(), 1);
        QCOMPARE(s2.tenants().first().name, QStringLiteral("Acme Zürich ✓"));
        QCOMPARE(s2.clients().size(), 1);
        QVERIFY(s2.clients().first().hasSecret(SecretField::Secret));
        const QJsonObject root = QJsonDocument::fromJson(readFile(s2.configPath())).object();
        QCOMPARE(root.value(QStringLiteral("schemaVersion")).toInt(), TenantStore::SchemaVersion);
        QCOMPARE(QFileInfo(s2.configPath()).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    }

    void uniqueNamesAndValidation()
    {
        QTemporaryDir dir;
        TenantStore s(dir.path());
        s.load();
        QVERIFY(s.addTenant(tenant(QStringLiteral("Acme"))).ok);
        const StoreResult dup = s.addTenant(tenant(QStringLiteral("  aCME ")));
        QVERIFY(!dup.ok);
        QCOMPARE(dup.issues.size(), 1);
        QCOMPARE(dup.issues.first().field, QStringLiteral("name"));
        Tenant bad = tenant(QStringLiteral("Bad"));
        bad.zpaCustomerId = QStringLiteral("12ab");
        QVERIFY(!s.addTenant(bad).ok);
        QCOMPARE(s.tenants().size(), 1);
        // Nothing invalid reached the file.
        QVERIFY(!readFile(s.configPath()).contains("12ab"));
        const StoreResult noTenant = s.addClient(client(QStringLiteral("x"), QStringLiteral("t-ffffffff")));
        QVERIFY(!noTenant.ok);
    }

    void editAndRemoveCascade()
    {
        QTemporaryDir dir;
        TenantStore s(dir.path());
        s.load();
        const QString t1 = s.addTenant(tenant(QStringLiteral("A"))).id;
        const QString t2 = s.addTenant(tenant(QStringLiteral("B"))).id;
        QVERIFY(s.addClient(client(QStringLiteral("a1"), t1)).ok);
        QVERIFY(s.addClient(client(QStringLiteral("b1"), t2)).ok);
        QVERIFY(s.addClient(client(QStringLiteral("a2"), t1)).ok);
        Tenant e = *s.tenant(t1);
        e.name = QStringLiteral("A renamed");
        e.isProtected = true;
        QVERIFY(s.updateTenant(e).ok);
        QCOMPARE(s.tenant(t1)->name, QStringLiteral("A renamed"));
        QSignalSpy removedClients(&s, &TenantStore::clientRemoved);
        QSignalSpy removedTenants(&s, &TenantStore::tenantRemoved);
        QList<ApiClient> gone;
        QVERIFY(s.removeTenant(t1, &gone).ok);
        QCOMPARE(gone.size(), 2);
        QCOMPARE(removedClients.size(), 2);
        QCOMPARE(removedTenants.size(), 1);
        QCOMPARE(s.clients().size(), 1);
        QCOMPARE(s.clients().first().name, QStringLiteral("b1"));
        TenantStore again(dir.path());
        again.load();
        QCOMPARE(again.tenants().size(), 1);
        QCOMPARE(again.clients().size(), 1);
    }

    void corruptFileIsKeptAndReported()
    {
        QTemporaryDir dir;
        const QByteArray garbage = "{\"schemaVersion\": 1, \"tenants\": [ {\"id\": \"t-1234";
        writeFile(dir.filePath(QStringLiteral("config.json")), garbage);
        TenantStore s(dir.path());
        QVERIFY(!s.load());
        QCOMPARE(s.tenants().size(), 0);
        QVERIFY(!s.isReadOnly());
        const QStringList backups = QDir(dir.path()).entryList({QStringLiteral("config.json.corrupt-*")});
        QCOMPARE(backups.size(), 1);
        QCOMPARE(readFile(dir.filePath(backups.first())), garbage);
        QCOMPARE(s.warnings().size(), 1);
        QVERIFY(s.warnings().first().contains(backups.first()));
        // Working on: the backup stays untouched.
        QVERIFY(s.addTenant(tenant(QStringLiteral("fresh"))).ok);
        QCOMPARE(readFile(dir.filePath(backups.first())), garbage);
    }

    void partlyDamagedFileKeepsTheGoodEntries()
    {
        QTemporaryDir dir;
        const QByteArray bytes = R"({"schemaVersion":1,"tenants":[
            {"id":"t-00000001","name":"Good","cloud":"zscaler"},
            {"id":"BAD ID","name":"Broken","cloud":"zscaler"},
            42],
          "clients":[{"id":"c-00000001","tenantId":"t-00000001","name":"c","kind":"apptotal-key"},
                     {"id":"c-00000002","tenantId":"t-missing","name":"orphan","kind":"apptotal-key"}]})";
        writeFile(dir.filePath(QStringLiteral("config.json")), bytes);
        TenantStore s(dir.path());
        QVERIFY(!s.load());
        QCOMPARE(s.tenants().size(), 1);
        QCOMPARE(s.clients().size(), 1);
        QVERIFY(s.warnings().first().contains(QStringLiteral("Broken")));
        QVERIFY(s.warnings().first().contains(QStringLiteral("orphan")));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("config.json.corrupt-*")}).size(), 1);
    }

    void wrongTypesAreNotACrash()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("config.json")), R"({"schemaVersion":"one","tenants":{}})");
        TenantStore s(dir.path());
        QVERIFY(!s.load());
        writeFile(dir.filePath(QStringLiteral("config.json")), R"([1,2,3])");
        QVERIFY(!s.load());
        writeFile(dir.filePath(QStringLiteral("config.json")), QByteArray("\xef\xbb\xbf\x00\x01", 5));
        QVERIFY(!s.load());
        QCOMPARE(s.tenants().size(), 0);
    }

    void newerSchemaIsReadOnly()
    {
        QTemporaryDir dir;
        const QByteArray bytes = R"({"schemaVersion":99,"tenants":[{"id":"t-00000001","name":"Future","cloud":"zscaler"}],"clients":[]})";
        writeFile(dir.filePath(QStringLiteral("config.json")), bytes);
        TenantStore s(dir.path());
        s.load();
        QVERIFY(s.isReadOnly());
        QCOMPARE(s.tenants().size(), 1);
        const StoreResult r = s.addTenant(tenant(QStringLiteral("x")));
        QVERIFY(!r.ok);
        QCOMPARE(r.error.kind, ErrorKind::Config);
        QCOMPARE(readFile(dir.filePath(QStringLiteral("config.json"))), bytes);
    }

    void changesFromAnotherProcessAreMerged()
    {
        QTemporaryDir dir;
        TenantStore gui(dir.path());
        gui.load();
        TenantStore cli(dir.path());
        cli.load();
        QVERIFY(gui.addTenant(tenant(QStringLiteral("from gui"))).ok);
        QSignalSpy reset(&cli, &TenantStore::reset);
        QVERIFY(cli.addTenant(tenant(QStringLiteral("from cli"))).ok); // must not drop "from gui"
        QCOMPARE(reset.size(), 1);
        QCOMPARE(cli.tenants().size(), 2);
        const StoreResult dup = gui.addTenant(tenant(QStringLiteral("FROM CLI")));
        QVERIFY(!dup.ok); // gui re-read first and saw the clash
        TenantStore third(dir.path());
        third.load();
        QCOMPARE(third.tenants().size(), 2);
    }

    void defaultConfigDirHonoursEnvironment()
    {
        qputenv("ZCONSOLE_CONFIG_DIR", "/tmp/zc-env-test");
        QCOMPARE(TenantStore::defaultConfigDir(), QStringLiteral("/tmp/zc-env-test"));
        qunsetenv("ZCONSOLE_CONFIG_DIR");
        QVERIFY(TenantStore::defaultConfigDir().endsWith(QStringLiteral("/zconsole")));
    }
};

QTEST_GUILESS_MAIN(TestTenantStore)
#include "tst_tenantstore.moc"
