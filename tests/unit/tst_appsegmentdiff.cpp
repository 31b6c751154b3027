// "Show what will change" and "the object changed on the server since you opened it":
// field-level diffs and the three-way check base / server now / my edit.
#include "core/AppSegment.h"
#include "core/AppSegmentDiff.h"

#include <QJsonArray>
#include <QTest>

using namespace zc;

namespace {

const QByteArray kBase = R"({"id":"216196257331404639","name":"web","description":"old","enabled":true,
  "domainNames":["web.example.com"],"tcpPortRanges":["9001","9001"],"tcpPortRange":[{"from":"9001","to":"9001"}],
  "segmentGroupId":"10","segmentGroupName":"group ten",
  "serverGroups":[{"id":"20","name":"servers a","modifiedTime":"1"},{"id":"21","name":"servers b"}],
  "bypassType":"NEVER","doubleEncrypt":false,"modifiedTime":"1773369874","creationTime":"1773369874",
  "modifiedBy":"216196257331372705","microtenantName":"Default"})";

AppSegment base() { return AppSegment::fromJsonBytes(kBase); }

QStringList fields(const QList<AppSegmentChange> &changes)
{
    QStringList out;
    for (const AppSegmentChange &c : changes)
        out << c.field;
    return out;
}

} // namespace

class TestAppSegmentDiff : public QObject
{
    Q_OBJECT
private slots:
    void noChange()
    {
        QVERIFY(AppSegmentDiff::diff(base(), base()).isEmpty());
        QVERIFY(AppSegmentDiff::diff(base(), base(), true).isEmpty());
    }

    void whatWillChange()
    {
        AppSegment edit = base();
        edit.setDescription(QStringLiteral("new"));
        edit.setTcpPorts({{9002, 9002}, {8000, 8080}});
        edit.setUdpPorts({{53, 53}});
        edit.setEnabled(false);
        const QList<AppSegmentChange> changes = AppSegmentDiff::diff(base(), edit);
        QCOMPARE(fields(changes),
                 (QStringList{QStringLiteral("description"), QStringLiteral("enabled"), QStringLiteral("tcpPorts"),
                              QStringLiteral("udpPorts")}));
        QCOMPARE(changes.at(0).beforeText, QStringLiteral("old"));
        QCOMPARE(changes.at(0).afterText, QStringLiteral("new"));
        QCOMPARE(changes.at(1).label, QStringLiteral("Enabled"));
        QCOMPARE(changes.at(2).label, QStringLiteral("TCP ports"));
        QCOMPARE(changes.at(2).beforeText, QStringLiteral("9001"));
        QCOMPARE(changes.at(2).afterText, QStringLiteral("9002, 8000-8080"));
        QCOMPARE(changes.at(3).beforeText, QStringLiteral("(not set)"));
        QVERIFY(changes.at(3).before.isUndefined());
        QCOMPARE(changes.at(3).afterText, QStringLiteral("53"));
    }

    void groupsCompareByIdAndDomainsIgnoreOrder()
    {
        AppSegment edit = base();
        const QList<ZpaRef> g = edit.serverGroups();
        edit.setServerGroups({g.at(1), g.at(0)}); // same set, other order
        edit.setDomainNames({QStringLiteral("WEB.example.com")});
        QVERIFY(AppSegmentDiff::diff(base(), edit).isEmpty());

        edit.setServerGroups({g.at(0), {QStringLiteral("22"), QStringLiteral("servers c")}});
        edit.setSegmentGroup(QStringLiteral("11"), QStringLiteral("group eleven"));
        const QList<AppSegmentChange> changes = AppSegmentDiff::diff(base(), edit);
        QCOMPARE(fields(changes), (QStringList{QStringLiteral("segmentGroup"), QStringLiteral("serverGroups")}));
        QCOMPARE(changes.at(0).beforeText, QStringLiteral("group ten"));
        QCOMPARE(changes.at(0).afterText, QStringLiteral("group eleven"));
        QCOMPARE(changes.at(1).beforeText, QStringLiteral("servers a, servers b"));
        QCOMPARE(changes.at(1).afterText, QStringLiteral("servers a, servers c"));
    }

    void unknownFieldsCount()
    {
        const AppSegment a = AppSegment::fromJsonBytes(R"({"id":"1","x":{"k":[1,2]},"y":true})");
        const AppSegment b = AppSegment::fromJsonBytes(R"({"id":"1","x":{"k":[1,3]},"z":"new"})");
        const QList<AppSegmentChange> changes = AppSegmentDiff::diff(a, b);
        QCOMPARE(fields(changes), (QStringList{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}));
        QCOMPARE(changes.at(0).afterText, QStringLiteral("{\"k\":[1,3]}"));
        QVERIFY(changes.at(2).before.isUndefined());
    }

    void metadataOnlyOnRequest()
    {
        AppSegment later = base();
        later.setModifiedTime(QStringLiteral("1773369999"));
        QVERIFY(AppSegmentDiff::diff(base(), later).isEmpty());
        QCOMPARE(fields(AppSegmentDiff::diff(base(), later, true)), QStringList{QStringLiteral("modifiedTime")});
        const AppSegmentMerge m = AppSegmentDiff::threeWay(base(), later, base());
        QVERIFY(m.serverChanged);
        QVERIFY(m.theirs.isEmpty());
        QVERIFY(!m.hasConflicts());
    }

    void threeWayMergesDisjointChanges()
    {
        AppSegment server = base();
        server.setDescription(QStringLiteral("changed by a colleague"));
        server.setModifiedTime(QStringLiteral("1773370000"));
        AppSegment mine = base();
        mine.setTcpPorts({{443, 443}});
        mine.setName(QStringLiteral("web-new"));
        const AppSegmentMerge m = AppSegmentDiff::threeWay(base(), server, mine);
        QVERIFY(m.serverChanged);
        QCOMPARE(fields(m.theirs), QStringList{QStringLiteral("description")});
        QCOMPARE(fields(m.mine), (QStringList{QStringLiteral("name"), QStringLiteral("tcpPorts")}));
        QVERIFY(!m.hasConflicts());
        const AppSegment merged = AppSegment::fromJson(m.merged);
        QCOMPARE(merged.description(), QStringLiteral("changed by a colleague")); // theirs kept
        QCOMPARE(merged.name(), QStringLiteral("web-new"));                      // mine applied
        QCOMPARE(merged.tcpPorts(), (PortRangeList{{443, 443}}));
        QCOMPARE(m.merged.value(QLatin1String("tcpPortRange")).toArray().size(), 1); // both encodings
        QCOMPARE(merged.modifiedTime(), QStringLiteral("1773370000"));              // the server's current
        QCOMPARE(merged.serverGroups(), base().serverGroups());
    }

    void threeWayFindsConflicts()
    {
        AppSegment server = base();
        server.setName(QStringLiteral("theirs"));
        server.setTcpPorts({{22, 22}});
        server.setEnabled(false);
        AppSegment mine = base();
        mine.setName(QStringLiteral("mine"));
        mine.setTcpPorts({{22, 22}}); // the same change as theirs: not a conflict
        mine.setEnabled(true);        // unchanged from base
        const AppSegmentMerge m = AppSegmentDiff::threeWay(base(), server, mine);
        QCOMPARE(m.conflicts.size(), 1);
        const AppSegmentConflict &c = m.conflicts.at(0);
        QCOMPARE(c.field, QStringLiteral("name"));
        QCOMPARE(c.label, QStringLiteral("Name"));
        QCOMPARE(c.baseText, QStringLiteral("web"));
        QCOMPARE(c.serverText, QStringLiteral("theirs"));
        QCOMPARE(c.mineText, QStringLiteral("mine"));
        // Their other change survives in the merge; the conflicting field holds mine.
        QCOMPARE(AppSegment::fromJson(m.merged).enabled(), false);
        QCOMPARE(AppSegment::fromJson(m.merged).name(), QStringLiteral("mine"));
    }

    void bothDeletedAField()
    {
        const AppSegment withX = AppSegment::fromJsonBytes(R"({"id":"1","x":1,"y":2})");
        const AppSegment serverNoX = AppSegment::fromJsonBytes(R"({"id":"1","y":2})");
        const AppSegment mineX3 = AppSegment::fromJsonBytes(R"({"id":"1","x":3,"y":2})");
        const AppSegmentMerge m = AppSegmentDiff::threeWay(withX, serverNoX, mineX3);
        QCOMPARE(m.conflicts.size(), 1);
        QVERIFY(m.conflicts.at(0).server.isUndefined());
        QCOMPARE(m.conflicts.at(0).serverText, QStringLiteral("(not set)"));
    }
};

QTEST_GUILESS_MAIN(TestAppSegmentDiff)
#include "tst_appsegmentdiff.moc"
