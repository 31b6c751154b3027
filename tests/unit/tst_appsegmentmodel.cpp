// AppSegmentTableModel + AppSegmentFilterProxy under QAbstractItemModelTester while pages arrive
// (with duplicates across pages), the filter compared with a brute-force reference, sorting on
// every column, and row changes while sorted and filtered.
#include "core/AppSegmentFilter.h"
#include "core/AppSegmentPage.h"
#include "core/ZpaInternPool.h"
#include "models/AppSegmentFilterProxy.h"
#include "models/AppSegmentTableModel.h"
#include "models/ModelRoles.h"

#include "../bench/zpa/ZpaSegmentGenerator.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace zc;

namespace {

// 20 batches of 500; every batch after the first repeats 50 rows of the batch before it.
QList<QList<AppSegment>> batchesWithDuplicates(int *unique)
{
    zctest::ZpaSegmentGenerator gen(11);
    ZpaInternPool pool;
    QList<QList<AppSegment>> out;
    int next = 0;
    for (int b = 0; b < 20; ++b) {
        QList<AppSegment> batch;
        for (int i = 0; i < 500; ++i) {
            const bool repeat = b > 0 && i < 50;
            const int index = repeat ? next - 500 + i * 7 : next + i - (b > 0 ? 50 : 0);
            batch.append(AppSegment::fromJsonBytes(gen.segment(index), nullptr, &pool));
        }
        next += b > 0 ? 450 : 500;
        out.append(batch);
    }
    *unique = next;
    return out;
}

QList<AppSegment> someSegments(int n, quint32 seed = 3)
{
    zctest::ZpaSegmentGenerator gen(seed);
    QList<AppSegment> out;
    for (int i = 0; i < n; ++i)
        out.append(AppSegment::fromJsonBytes(gen.segment(i)));
    return out;
}

QSet<QString> proxyIds(const QAbstractItemModel &proxy)
{
    QSet<QString> ids;
    for (int r = 0; r < proxy.rowCount(); ++r)
        ids.insert(proxy.index(r, 0).data(IdRole).toString());
    return ids;
}

} // namespace

class TestAppSegmentModel : public QObject
{
    Q_OBJECT
private:
    QList<AppSegment> m_rows; // 2,000 generated segments, shared by the filter cases

private slots:
    void initTestCase() { m_rows = someSegments(2000); }

    void incrementalLoadingUnderTester_data()
    {
        QTest::addColumn<int>("sortColumn");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("bulkThreshold");
        QTest::newRow("unsorted") << -1 << QString() << 2000;
        QTest::newRow("sorted by modified, filtered") << int(AppSegmentTableModel::Modified) << QStringLiteral("web") << 2000;
        QTest::newRow("row-wise filter signals") << int(AppSegmentTableModel::TcpPorts) << QStringLiteral("443") << 1000000;
    }
    void incrementalLoadingUnderTester()
    {
        QFETCH(int, sortColumn);
        QFETCH(QString, filter);
        QFETCH(int, bulkThreshold);
        int unique = 0;
        const QList<QList<AppSegment>> batches = batchesWithDuplicates(&unique);
        QCOMPARE(unique, 9050);

        AppSegmentTableModel model;
        AppSegmentFilterProxy proxy;
        proxy.setBulkThreshold(bulkThreshold);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        t1.setUseFetchMore(false);
        t2.setUseFetchMore(false);
        proxy.sort(sortColumn);
        proxy.setSearchText(filter);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        int duplicates = 0;
        for (const QList<AppSegment> &b : batches) {
            const auto st = model.appendRows(b);
            duplicates += st.replaced;
            QCOMPARE(st.rejected, 0);
            QVERIFY(!QTest::currentTestFailed());
        }
        QCOMPARE(model.rowCount(), unique);
        QCOMPARE(duplicates, 19 * 50);
        QCOMPARE(model.duplicateCount(), 19 * 50);
        QCOMPARE(inserted.count(), 20); // one beginInsertRows per batch
        QSet<QString> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.insert(model.index(r, AppSegmentTableModel::Id).data().toString());
        QCOMPARE(ids.size(), unique);
        QCOMPARE(model.rowOf(*ids.cbegin()) >= 0, true);

        // The proxy holds exactly the rows the filter accepts.
        AppSegmentFilter f;
        f.setText(filter);
        QSet<QString> expected;
        for (const AppSegment &s : model.segmentsInArrivalOrder())
            if (f.matches(s))
                expected.insert(s.id());
        QCOMPARE(proxyIds(proxy), expected);
        QVERIFY(!expected.isEmpty());
    }

    void filterMatchesReference_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("enabled");
        QTest::addColumn<QString>("microtenant");
        QTest::newRow("name word") << "web" << 0 << "";
        QTest::newRow("two words, any case") << "WEB EU-west" << 0 << "";
        QTest::newRow("domain part") << "corp.example" << 0 << "";
        QTest::newRow("wildcard") << "*.svc1" << 0 << "";
        QTest::newRow("glob inside") << "web*corp" << 0 << "";
        QTest::newRow("port") << "443" << 0 << "";
        QTest::newRow("tcp port in range") << "tcp:8085" << 0 << "";
        QTest::newRow("udp port") << "udp:550" << 0 << "";
        QTest::newRow("port and word") << "port:22 ssh" << 0 << "";
        QTest::newRow("ip") << "10.1" << 0 << "";
        QTest::newRow("disabled only") << "" << 2 << "";
        QTest::newRow("enabled web") << "web" << 1 << "";
        QTest::newRow("default microtenant") << "" << 0 << "0";
        QTest::newRow("one microtenant") << "" << 0 << "216196257331404642";
        QTest::newRow("segment id") << "216196257331000042" << 0 << "";
        QTest::newRow("nothing") << "no-such-thing" << 0 << "";
    }
    void filterMatchesReference()
    {
        QFETCH(QString, text);
        QFETCH(int, enabled);
        QFETCH(QString, microtenant);
        const QList<AppSegment> &rows = m_rows;
        // The reference: the documented rules written out naively on the segment's fields.
        auto reference = [&](const AppSegment &s) {
            if (enabled && s.enabled() != (enabled == 1))
                return false;
            if (!microtenant.isEmpty() && s.microtenantKey() != microtenant)
                return false;
            QStringList fields{s.name()};
            fields << s.domainNames() << s.segmentGroupName();
            for (const ZpaRef &g : s.serverGroups())
                fields << g.name;
            fields << s.microtenantName();
            auto anyField = [&](const QString &needle) {
                return std::any_of(fields.cbegin(), fields.cend(),
                                   [&](const QString &fld) { return fld.contains(needle, Qt::CaseInsensitive); });
            };
            auto portIn = [&](const PortRangeList &l, int p) {
                for (const PortRange &r : l)
                    if (r.from <= p && p <= r.to)
                        return true;
                return false;
            };
            for (const QString &w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                const QString word = w.toLower();
                bool ok = false;
                if (word.startsWith(QLatin1String("tcp:")))
                    ok = portIn(s.tcpPorts(), word.mid(4).toInt());
                else if (word.startsWith(QLatin1String("udp:")))
                    ok = portIn(s.udpPorts(), word.mid(4).toInt());
                else if (word.startsWith(QLatin1String("port:")))
                    ok = portIn(s.tcpPorts(), word.mid(5).toInt()) || portIn(s.udpPorts(), word.mid(5).toInt());
                else if (word.contains(QLatin1Char('*'))) {
                    const QRegularExpression re(QRegularExpression::escape(word).replace(QStringLiteral("\\*"), QStringLiteral(".*")),
                                                QRegularExpression::CaseInsensitiveOption);
                    ok = std::any_of(fields.cbegin(), fields.cend(), [&](const QString &fld) { return re.match(fld).hasMatch(); });
                } else {
                    bool isNumber = false;
                    const int p = word.toInt(&isNumber);
                    ok = anyField(word) || (isNumber && p >= 1 && p <= 65535 && (portIn(s.tcpPorts(), p) || portIn(s.udpPorts(), p)))
                         || (isNumber && word.size() >= 6 && s.id().contains(word));
                    if (!isNumber && word.size() >= 6 && s.id().contains(word))
                        ok = true;
                }
                if (!ok)
                    return false;
            }
            return true;
        };
        QSet<QString> expected;
        for (const AppSegment &s : rows)
            if (reference(s))
                expected.insert(s.id());

        auto check = [&](const QList<AppSegment> &input, int threshold, bool watched) {
            QSet<QString> want;
            for (const AppSegment &s : input)
                if (expected.contains(s.id()))
                    want.insert(s.id());
            AppSegmentTableModel model;
            AppSegmentFilterProxy proxy;
            proxy.setBulkThreshold(threshold);
            proxy.setSourceModel(&model);
            std::unique_ptr<QAbstractItemModelTester> tester;
            if (watched)
                tester = std::make_unique<QAbstractItemModelTester>(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.appendRows(input);
            proxy.sort(AppSegmentTableModel::Name);
            proxy.setSearchText(text);
            proxy.setEnabledState(AppSegmentFilter::EnabledState(enabled));
            proxy.setMicrotenant(microtenant);
            QCOMPARE(proxyIds(proxy), want);
            proxy.setSearchText(QString());
            proxy.setEnabledState(AppSegmentFilter::EnabledState::Any);
            proxy.setMicrotenant(QString());
            QCOMPARE(proxy.rowCount(), input.size());
        };
        // All rows, for the reference; then a smaller view under the model tester (it walks the
        // whole proxy on every signal), once with row-wise filter signals and once with one
        // layout change per filter change.
        check(rows, 10, false);
        check(rows, 100000, false);
        check(rows.mid(0, 250), 100000, true);
        check(rows.mid(0, 250), 10, true);
        if (text == QLatin1String("no-such-thing"))
            QVERIFY(expected.isEmpty());
        else if (text != QLatin1String("216196257331000042"))
            QVERIFY2(expected.size() > 1 && expected.size() < rows.size(), qPrintable(QString::number(expected.size())));
        else
            QCOMPARE(expected.size(), 1);
    }

    void sortingEveryColumn()
    {
        AppSegmentTableModel model;
        AppSegmentFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendRows(someSegments(2000, 5));
        const QPersistentModelIndex watched = proxy.index(123, 0);
        const QString watchedId = watched.data(IdRole).toString();
        // The primary key of each column, compared as the column promises.
        auto key = [](const AppSegment &s, int col) -> QVariant {
            switch (col) {
            case AppSegmentTableModel::Name: return s.name().toCaseFolded();
            case AppSegmentTableModel::Enabled: return int(s.enabled());
            case AppSegmentTableModel::Domains: return s.domainNames().value(0).toCaseFolded();
            case AppSegmentTableModel::TcpPorts:
            case AppSegmentTableModel::UdpPorts: {
                const PortRangeList p = col == AppSegmentTableModel::TcpPorts ? s.tcpPorts() : s.udpPorts();
                return p.isEmpty() ? 1LL << 40 : qint64(p.first().from) * 65536 + p.first().to;
            }
            case AppSegmentTableModel::SegmentGroup: return s.segmentGroupName().toCaseFolded();
            case AppSegmentTableModel::ServerGroups: return s.serverGroups().value(0).name.toCaseFolded();
            case AppSegmentTableModel::Microtenant: return s.microtenantName().toCaseFolded();
            case AppSegmentTableModel::Modified: return s.modifiedSecs();
            case AppSegmentTableModel::Id: return s.id().toULongLong();
            }
            return {};
        };
        for (int col = 0; col < AppSegmentTableModel::ColumnCount; ++col) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                proxy.sort(col, order);
                QCOMPARE(model.sortColumn(), col);
                for (int r = 1; r < proxy.rowCount(); ++r) {
                    const QVariant a = key(model.segmentAt(r - 1), col);
                    const QVariant b = key(model.segmentAt(r), col);
                    const auto c = QVariant::compare(a, b);
                    const bool inOrder = order == Qt::AscendingOrder ? c != QPartialOrdering::Greater
                                                                     : c != QPartialOrdering::Less;
                    QVERIFY2(inOrder, qPrintable(QStringLiteral("column %1 row %2: %3 then %4")
                                                     .arg(col).arg(r).arg(a.toString(), b.toString())));
                }
                QCOMPARE(watched.data(IdRole).toString(), watchedId); // persistent indexes follow rows
            }
        }
        // SortRole gives raw values for a plain QSortFilterProxyModel.
        const QModelIndex m0 = model.index(0, AppSegmentTableModel::Modified);
        QCOMPARE(m0.data(SortRole).metaType(), QMetaType::fromType<QDateTime>());
        QCOMPARE(model.index(0, AppSegmentTableModel::Id).data(SortRole).metaType(), QMetaType::fromType<qulonglong>());
        proxy.sort(-1);
        QCOMPARE(model.segmentAt(0).id(), model.segmentsInArrivalOrder().at(0).id());
    }

    void changesWhileSortedAndFiltered()
    {
        AppSegmentTableModel model;
        AppSegmentFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<AppSegment> rows = someSegments(300, 9);
        model.appendRows(rows);
        proxy.sort(AppSegmentTableModel::Name);
        proxy.setSearchText(QStringLiteral("zzz-renamed"));
        QCOMPARE(proxy.rowCount(), 0);

        // An update that makes a row match, and moves it in the sorted order.
        AppSegment edited = rows.at(17);
        edited.setName(QStringLiteral("AAA zzz-renamed"));
        QVERIFY(model.upsert(edited));
        QCOMPARE(model.rowCount(), 300);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("AAA zzz-renamed"));
        QCOMPARE(model.rowOf(edited.id()), 0); // first by name
        QCOMPARE(model.duplicateCount(), 1);

        // A new row arriving while sorted lands in its place.
        AppSegment created = AppSegment::fromJsonBytes(R"({"id":"1","name":"zzz-renamed too","enabled":true})");
        QVERIFY(model.upsert(created));
        QCOMPARE(model.rowOf(QStringLiteral("1")), 300);
        QCOMPARE(proxy.rowCount(), 2);

        QVERIFY(model.removeById(edited.id()));
        QVERIFY(!model.removeById(edited.id()));
        QCOMPARE(model.rowCount(), 300);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(model.rowOf(edited.id()), -1);
        QVERIFY(model.segmentById(QStringLiteral("1")));

        QSignalSpy counts(&model, &AppSegmentTableModel::countsChanged);
        QCOMPARE(model.appendRows({AppSegment::fromJsonBytes(R"({"name":"no id"})")}).rejected, 1);
        QCOMPARE(model.rejectedCount(), 1);
        model.setTotalExpected(301);
        QCOMPARE(model.totalExpected(), 301);
        QCOMPARE(counts.count(), 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(model.totalExpected(), -1);
        QCOMPARE(model.duplicateCount(), 0);
    }

    void displayAndRoles()
    {
        AppSegmentTableModel model;
        model.appendRows({AppSegment::fromJsonBytes(R"({"id":"216196257331404639","name":"web",
            "domainNames":["a.example.com","*.b.example.com"],"tcpPortRanges":["80","80","8000","8080"],
            "udpPortRange":[{"from":"53","to":"53"}],"segmentGroupName":"sg","serverGroups":[{"id":"1","name":"s1"},{"id":"2"}],
            "enabled":false,"modifiedTime":"1773369874","modifiedBy":"99","microtenantId":"5","microtenantName":"mt"})")});
        auto cell = [&](int col, int role = Qt::DisplayRole) { return model.index(0, col).data(role); };
        QCOMPARE(cell(AppSegmentTableModel::Name).toString(), QStringLiteral("web"));
        QCOMPARE(cell(AppSegmentTableModel::Enabled).toString(), QStringLiteral("Disabled"));
        QCOMPARE(cell(AppSegmentTableModel::Domains).toString(), QStringLiteral("a.example.com, *.b.example.com"));
        QCOMPARE(cell(AppSegmentTableModel::TcpPorts).toString(), QStringLiteral("80, 8000-8080"));
        QCOMPARE(cell(AppSegmentTableModel::UdpPorts).toString(), QStringLiteral("53"));
        QCOMPARE(cell(AppSegmentTableModel::SegmentGroup).toString(), QStringLiteral("sg"));
        QCOMPARE(cell(AppSegmentTableModel::ServerGroups).toString(), QStringLiteral("s1, 2"));
        QCOMPARE(cell(AppSegmentTableModel::Microtenant).toString(), QStringLiteral("mt"));
        QVERIFY(!cell(AppSegmentTableModel::Modified).toString().isEmpty());
        QVERIFY(cell(AppSegmentTableModel::Modified, Qt::ToolTipRole).toString().contains(QLatin1String("by 99")));
        QCOMPARE(cell(AppSegmentTableModel::Id).toString(), QStringLiteral("216196257331404639"));
        QCOMPARE(cell(AppSegmentTableModel::Name, IdRole).toString(), QStringLiteral("216196257331404639"));
        QCOMPARE(cell(AppSegmentTableModel::Modified, SortRole).toDateTime(), QDateTime::fromSecsSinceEpoch(1773369874, Qt::UTC));
        QCOMPARE(cell(0, AppSegmentTableModel::JsonRole).toJsonObject().value(QLatin1String("microtenantId")).toString(),
                 QStringLiteral("5"));
        for (int c = 0; c < AppSegmentTableModel::ColumnCount; ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAppSegmentModel)
#include "tst_appsegmentmodel.moc"
