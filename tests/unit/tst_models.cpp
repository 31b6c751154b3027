// TenantTableModel / ApiClientTableModel / TableFilterProxy through real store changes, each
// watched by QAbstractItemModelTester (it aborts the test on any model contract violation).
#include "models/ApiClientTableModel.h"
#include "models/ModelRoles.h"
#include "models/TableFilterProxy.h"
#include "models/TenantTableModel.h"
#include "store/TenantStore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;

class TestModels : public QObject
{
    Q_OBJECT
private:
    static QString addTenant(TenantStore &s, const QString &name, const QString &cloud = QStringLiteral("zscaler"))
    {
        Tenant t;
        t.name = name;
        t.cloud = cloud;
        const StoreResult r = s.addTenant(t);
        return r.ok ? r.id : QString();
    }
    static QString addClient(TenantStore &s, const QString &name, const QString &tenantId, AuthKind kind)
    {
        ApiClient c;
        c.name = name;
        c.tenantId = tenantId;
        c.kind = kind;
        c.clientId = QStringLiteral("cid");
        c.username = QStringLiteral("admin@example.com");
        c.scope = QStringLiteral("zscaler.net::1::Role");
        c.tokenUrl = QStringLiteral("https://idp.example.com/token");
        c.region = QStringLiteral("us");
        const StoreResult r = s.addClient(c);
        return r.ok ? r.id : QString();
    }

private slots:
    void tenantModelFollowsStore()
    {
        QTemporaryDir dir;
        TenantStore store(dir.path());
        store.load();
        TenantTableModel model(&store);
        TableFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(TenantTableModel::Name);

        const QString b = addTenant(store, QStringLiteral("Bravo"));
        const QString a = addTenant(store, QStringLiteral("alpha"), QStringLiteral("zscalerbeta"));
        addTenant(store, QStringLiteral("Charlie ✓"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("alpha"));
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("Bravo"));

        addClient(store, QStringLiteral("c1"), a, AuthKind::ZpaLegacy);
        addClient(store, QStringLiteral("c2"), a, AuthKind::AppTotalKey);
        QCOMPARE(model.index(model.rowOf(a), TenantTableModel::Clients).data().toInt(), 2);

        proxy.setFilterText(QStringLiteral("beta"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, TenantTableModel::Name).data(IdRole).toString(), a);
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 3);

        Tenant e = *store.tenant(b);
        e.name = QStringLiteral("Zulu");
        QVERIFY(store.updateTenant(e).ok);
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("Zulu"));

        QVERIFY(store.removeTenant(a).ok);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(a), -1);
    }

    void reloadResetsModels()
    {
        QTemporaryDir dir;
        TenantStore store(dir.path());
        store.load();
        TenantTableModel tm(&store);
        ApiClientTableModel cm(&store);
        QAbstractItemModelTester t1(&tm, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&cm, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString a = addTenant(store, QStringLiteral("A"));
        addClient(store, QStringLiteral("one"), a, AuthKind::ZiaLegacy);
        // Another process adds a tenant; the next change here re-reads the file first.
        {
            TenantStore other(dir.path());
            other.load();
            addTenant(other, QStringLiteral("B"));
        }
        store.reloadIfChanged();
        QCOMPARE(tm.rowCount(), 2);
        QCOMPARE(cm.rowCount(), 1);
    }

    void clientModelColumns()
    {
        QTemporaryDir dir;
        TenantStore store(dir.path());
        store.load();
        ApiClientTableModel model(&store);
        TableFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString a = addTenant(store, QStringLiteral("Prod"));
        const QString z = addClient(store, QStringLiteral("zia"), a, AuthKind::ZiaLegacy);
        const QString s = addClient(store, QStringLiteral("saas"), a, AuthKind::SaasSecurity);
        QVERIFY(!z.isEmpty() && !s.isEmpty());
        const int row = model.rowOf(z);
        QCOMPARE(model.index(row, ApiClientTableModel::Kind).data().toString(), QStringLiteral("zia-legacy"));
        QCOMPARE(model.index(row, ApiClientTableModel::Identity).data().toString(), QStringLiteral("admin@example.com"));
        QCOMPARE(model.index(row, ApiClientTableModel::Tenant).data().toString(), QStringLiteral("Prod"));
        QVERIFY(model.index(row, ApiClientTableModel::Secrets).data().toString().contains(QStringLiteral("password missing")));
        QVERIFY(store.setSecretRecorded(z, SecretField::Password, true).ok);
        QVERIFY(model.index(row, ApiClientTableModel::Secrets).data().toString().contains(QStringLiteral("password stored")));
        // Renaming the tenant updates the Tenant column.
        Tenant t = *store.tenant(a);
        t.name = QStringLiteral("Production");
        QVERIFY(store.updateTenant(t).ok);
        QCOMPARE(model.index(row, ApiClientTableModel::Tenant).data().toString(), QStringLiteral("Production"));
        proxy.setFilterText(QStringLiteral("saas-security"));
        QCOMPARE(proxy.rowCount(), 1);
        QVERIFY(store.removeClient(s).ok);
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(model.rowCount(), 1);
    }

    void manyRowsSortAndFilter()
    {
        QTemporaryDir dir;
        TenantStore store(dir.path());
        store.load();
        for (int i = 0; i < 60; ++i)
            QVERIFY(!addTenant(store, QStringLiteral("tenant %1").arg(i, 3, 10, QLatin1Char('0'))).isEmpty());
        TenantTableModel model(&store);
        TableFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(TenantTableModel::Name, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("tenant 059"));
        proxy.setFilterText(QStringLiteral("tenant 05"));
        QCOMPARE(proxy.rowCount(), 11); // 050…059 and 005
        proxy.setFilterText(QStringLiteral("TENANT 0 9"));
        QCOMPARE(proxy.rowCount(), 6); // every word must match: 009, 019, …, 059
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
