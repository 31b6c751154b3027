// ZidInventoryModel (+ TableFilterProxy) with a fixed `now`: local profiles and remote clients
// linked by client id, local-only and remote-only rows, days-left sort order and colours by
// threshold, and no secret value in any role of any cell.
#include "models/ModelRoles.h"
#include "models/TableFilterProxy.h"
#include "models/ZidInventoryModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace zc;

namespace {
const QDateTime kNow = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
const QString kCanary = QStringLiteral("CANARY-secret-value-4711");

ApiClient profile(const QString &id, const QString &clientId, AuthKind kind = AuthKind::OneApiSecret, bool stored = true)
{
    ApiClient c;
    c.id = id;
    c.tenantId = QStringLiteral("t-1");
    c.name = QStringLiteral("profile-") + id;
    c.kind = kind;
    c.clientId = clientId;
    if (stored)
        for (SecretField f : c.secretFields())
            c.secretsSetAt.insert(f, kNow.addDays(-3));
    return c;
}

ZidApiClient remote(const QString &id, QList<int> expiryDays)
{
    ZidApiClient c;
    c.id = id;
    c.name = QStringLiteral("Client ") + id;
    c.authType = zidAuth::Secret;
    c.accessTokenLifeTime = 3600;
    c.resources = {ZidResource{QStringLiteral("r1"), QStringLiteral("ZIA"), false,
                               {ZidScope{QStringLiteral("s1"), QStringLiteral("Role:Super Admin")}}},
                   ZidResource{QStringLiteral("r2"), QStringLiteral("ZPA"), false, {}}};
    for (int d : expiryDays) {
        ZidSecret s;
        s.id = id + QStringLiteral("-s") + QString::number(d);
        s.createdAt = kNow.addDays(-60);
        s.expiresAt = kNow.addDays(d).addSecs(60); // clear of the day boundary
        s.value = kCanary; // a caller that forgot to drop it: the model must
        c.secrets << s;
    }
    c.raw = QJsonObject{{QStringLiteral("secret"), kCanary}};
    return c;
}
} // namespace

class TestZidInventoryModel : public QObject
{
    Q_OBJECT

private:
    ZidInventoryModel m_model;

    QString cell(const QString &remoteId, int column) const
    {
        const int row = m_model.rowOfRemote(remoteId);
        return row < 0 ? QStringLiteral("<no row>") : m_model.index(row, column).data().toString();
    }

private slots:
    void init()
    {
        const QList<ApiClient> profiles = {
            profile(QStringLiteral("p-linked"), QStringLiteral("cid-a")),
            profile(QStringLiteral("p-local"), QStringLiteral("cid-gone"), AuthKind::OneApiJwt, false),
            profile(QStringLiteral("p-zpa"), QStringLiteral("cid-b"), AuthKind::ZpaLegacy), // no oneapi-*: not shown
            profile(QStringLiteral("p-second"), QStringLiteral("cid-a")), // a second profile of cid-a: local only
        };
        QList<ZidApiClient> clients = {
            remote(QStringLiteral("cid-a"), {45, 200}),
            remote(QStringLiteral("cid-b"), {3}),
            remote(QStringLiteral("cid-c"), {-2}),
            remote(QStringLiteral("cid-d"), {20}),
            remote(QStringLiteral("cid-e"), {}),
        };
        clients[4].authType = zidAuth::PublicKey;
        clients[3].status = false;
        m_model.setData(profiles, clients, kNow);
    }

    void contract()
    {
        QAbstractItemModelTester tester(&m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TableFilterProxy proxy;
        proxy.setSourceModel(&m_model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        init(); // a reset under both testers
        proxy.sort(ZidInventoryModel::DaysLeft);
        proxy.setFilterText(QStringLiteral("cid-c"));
        QCOMPARE(proxy.rowCount(), 1);
    }

    void linkedByClientId()
    {
        QCOMPARE(m_model.rowCount(), 7); // 5 remote + 2 local only
        const int row = m_model.rowOfRemote(QStringLiteral("cid-a"));
        QVERIFY(row >= 0);
        QCOMPARE(m_model.linkAt(row), ZidInventoryModel::Link::Linked);
        QCOMPARE(cell(QStringLiteral("cid-a"), ZidInventoryModel::SyncState), QStringLiteral("linked"));
        QCOMPARE(cell(QStringLiteral("cid-a"), ZidInventoryModel::Profile), QStringLiteral("profile-p-linked"));
        QCOMPARE(m_model.index(row, 0).data(ZidInventoryModel::ProfileIdRole).toString(), QStringLiteral("p-linked"));
        QCOMPARE(cell(QStringLiteral("cid-a"), ZidInventoryModel::Keychain), QStringLiteral("stored"));
        QCOMPARE(cell(QStringLiteral("cid-a"), ZidInventoryModel::Secrets), QStringLiteral("2"));
        QCOMPARE(cell(QStringLiteral("cid-a"), ZidInventoryModel::DaysLeft), QStringLiteral("45")); // the earliest
        QCOMPARE(cell(QStringLiteral("cid-a"), ZidInventoryModel::Lifetime), QStringLiteral("60 min"));
        QCOMPARE(cell(QStringLiteral("cid-a"), ZidInventoryModel::Resources), QStringLiteral("ZIA, ZPA"));
        QVERIFY(m_model.index(row, ZidInventoryModel::Resources).data(Qt::ToolTipRole).toString()
                    .contains(QStringLiteral("Role:Super Admin")));
        QCOMPARE(cell(QStringLiteral("cid-a"), ZidInventoryModel::Status), QStringLiteral("enabled"));
        QCOMPARE(cell(QStringLiteral("cid-d"), ZidInventoryModel::Status), QStringLiteral("disabled"));
        QCOMPARE(m_model.countOf(ZidInventoryModel::Link::Linked), 1);
    }

    void remoteOnlyRows()
    {
        for (const char *id : {"cid-b", "cid-c", "cid-d", "cid-e"}) {
            const int row = m_model.rowOfRemote(QLatin1String(id));
            QVERIFY2(row >= 0, id);
            QCOMPARE(m_model.linkAt(row), ZidInventoryModel::Link::RemoteOnly);
            QCOMPARE(m_model.index(row, ZidInventoryModel::Keychain).data().toString(), QStringLiteral("—"));
            QVERIFY(m_model.index(row, 0).data(ZidInventoryModel::ProfileIdRole).toString().isEmpty());
        }
        // The ZPA profile with client id cid-b is no oneapi-* profile: no link.
        QCOMPARE(m_model.rowOfProfile(QStringLiteral("p-zpa")), -1);
        QCOMPARE(cell(QStringLiteral("cid-e"), ZidInventoryModel::Secrets), QStringLiteral("—")); // PUBKEYCERT
        QCOMPARE(cell(QStringLiteral("cid-e"), ZidInventoryModel::DaysLeft), QStringLiteral("—"));
    }

    void localOnlyRows()
    {
        QCOMPARE(m_model.countOf(ZidInventoryModel::Link::LocalOnly), 2);
        for (const char *id : {"p-local", "p-second"}) {
            const int row = m_model.rowOfProfile(QLatin1String(id));
            QVERIFY2(row >= 0, id);
            QCOMPARE(m_model.linkAt(row), ZidInventoryModel::Link::LocalOnly);
            QCOMPARE(m_model.index(row, ZidInventoryModel::SyncState).data().toString(), QStringLiteral("local only"));
            QCOMPARE(m_model.index(row, 0).data(IdRole).toString(), QLatin1String(id));
            QVERIFY(m_model.index(row, 0).data(ZidInventoryModel::RemoteIdRole).toString().isEmpty());
        }
        const int local = m_model.rowOfProfile(QStringLiteral("p-local"));
        QCOMPARE(m_model.index(local, ZidInventoryModel::Keychain).data().toString(), QStringLiteral("missing"));
        QCOMPARE(m_model.index(local, ZidInventoryModel::ClientId).data().toString(), QStringLiteral("cid-gone"));
    }

    void localExpiryWithoutRemote()
    {
        ApiClient p = profile(QStringLiteral("p-x"), QStringLiteral("cid-x"));
        p.secretExpiresAt = kNow.addDays(10).addSecs(60);
        m_model.setData({p}, {}, kNow);
        QCOMPARE(m_model.index(0, ZidInventoryModel::DaysLeft).data().toString(), QStringLiteral("10"));
        QCOMPARE(m_model.index(0, ZidInventoryModel::DaysLeft).data(ZidInventoryModel::BandRole).toInt(),
                 int(ZidInventoryModel::Band::Month));
    }

    void daysLeftSortOrder()
    {
        TableFilterProxy proxy;
        proxy.setSourceModel(&m_model);
        proxy.sort(ZidInventoryModel::DaysLeft, Qt::AscendingOrder);
        QStringList order;
        for (int r = 0; r < proxy.rowCount(); ++r)
            order << proxy.index(r, ZidInventoryModel::DaysLeft).data().toString();
        // expired first, numbers in numeric order (3 < 20 < 45, not "20" < "3"), no expiry last.
        QCOMPARE(order.mid(0, 4), (QStringList{QStringLiteral("expired"), QStringLiteral("3"), QStringLiteral("20"),
                                               QStringLiteral("45")}));
        for (const QString &s : order.mid(4))
            QCOMPARE(s, QStringLiteral("—"));
        QCOMPARE(proxy.index(0, 0).data(IdRole).toString(), QStringLiteral("cid-c"));
        proxy.sort(ZidInventoryModel::DaysLeft, Qt::DescendingOrder);
        QCOMPARE(proxy.index(proxy.rowCount() - 1, 0).data(IdRole).toString(), QStringLiteral("cid-c"));
    }

    void coloursByThreshold()
    {
        const ZidInventoryModel::Palette pal;
        auto fg = [this](const char *id) {
            return m_model.index(m_model.rowOfRemote(QLatin1String(id)), ZidInventoryModel::DaysLeft).data(Qt::ForegroundRole);
        };
        auto bg = [this](const char *id) {
            return m_model.index(m_model.rowOfRemote(QLatin1String(id)), ZidInventoryModel::DaysLeft).data(Qt::BackgroundRole);
        };
        QCOMPARE(bg("cid-c").value<QColor>(), pal.expiredBackground); // expired
        QCOMPARE(fg("cid-c").value<QColor>(), pal.expiredText);
        QCOMPARE(fg("cid-b").value<QColor>(), pal.weekText);          // 3 days
        QVERIFY(bg("cid-b").isNull());
        QCOMPARE(fg("cid-d").value<QColor>(), pal.monthText);         // 20 days
        QVERIFY(fg("cid-a").isNull());                                // 45 days
        QVERIFY(fg("cid-e").isNull());                                // no expiry
        // Other columns stay plain.
        QVERIFY(m_model.index(m_model.rowOfRemote(QStringLiteral("cid-c")), ZidInventoryModel::Name)
                    .data(Qt::BackgroundRole).isNull());
        // The boundaries.
        QCOMPARE(ZidInventoryModel::bandOf(-1), ZidInventoryModel::Band::Expired);
        QCOMPARE(ZidInventoryModel::bandOf(0), ZidInventoryModel::Band::Week);
        QCOMPARE(ZidInventoryModel::bandOf(6), ZidInventoryModel::Band::Week);
        QCOMPARE(ZidInventoryModel::bandOf(7), ZidInventoryModel::Band::Month);
        QCOMPARE(ZidInventoryModel::bandOf(29), ZidInventoryModel::Band::Month);
        QCOMPARE(ZidInventoryModel::bandOf(30), ZidInventoryModel::Band::None);
        // The GUI's own colours replace the defaults.
        ZidInventoryModel::Palette mine;
        mine.weekText = QColor(0x12, 0x34, 0x56);
        m_model.setPalette(mine);
        QCOMPARE(fg("cid-b").value<QColor>(), mine.weekText);
    }

    void noSecretValueInAnyRole()
    {
        QList<int> roles;
        for (int r = 0; r <= Qt::UserRole + 40; ++r)
            roles << r;
        for (int row = 0; row < m_model.rowCount(); ++row)
            for (int col = 0; col < m_model.columnCount(); ++col)
                for (int role : roles) {
                    const QVariant v = m_model.index(row, col).data(role);
                    QVERIFY2(!v.toString().contains(kCanary), qPrintable(QStringLiteral("row %1 col %2 role %3").arg(row).arg(col).arg(role)));
                }
        for (int col = 0; col < m_model.columnCount(); ++col)
            QVERIFY(!m_model.headerData(col, Qt::Horizontal).toString().contains(kCanary));
    }
};

QTEST_GUILESS_MAIN(TestZidInventoryModel)
#include "tst_zidinventorymodel.moc"
