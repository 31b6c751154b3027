// Segment input before anything is sent (ZpaSegmentInput): port encodings that disagree, patches
// applied onto the server's object with both encodings rewritten, patch checks limited to the
// fields set, the create body; the diff a person sees; ZPA search expressions and their encoding.
#include "api/ZpaApi.h"
#include "core/ZpaSegmentInput.h"
#include "core/AppSegmentDiff.h"

#include <QJsonArray>
#include <QTest>

using namespace zc;

namespace {

QJsonObject server()
{
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("216196257331404639")},
        {QStringLiteral("name"), QStringLiteral("web")},
        {QStringLiteral("description"), QStringLiteral("old")},
        {QStringLiteral("enabled"), true},
        {QStringLiteral("domainNames"), QJsonArray{QStringLiteral("web.example.com")}},
        {QStringLiteral("tcpPortRanges"), QJsonArray{QStringLiteral("443"), QStringLiteral("443")}},
        {QStringLiteral("tcpPortRange"), QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("443")},
                                                                {QStringLiteral("to"), QStringLiteral("443")}}}},
        {QStringLiteral("segmentGroupId"), QStringLiteral("10")},
        {QStringLiteral("serverGroups"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("20")}}}},
        {QStringLiteral("modifiedTime"), QStringLiteral("1773369874")},
        {QStringLiteral("bypassType"), QStringLiteral("NEVER")},
    };
}

// The fields named, each once.
QStringList fields(const ValidationIssues &issues)
{
    QStringList f;
    for (const ValidationIssue &i : issues)
        f << i.field;
    f.removeDuplicates();
    return f;
}

} // namespace

class TestZpaInput : public QObject
{
    Q_OBJECT
private slots:
    void portEncodings()
    {
        QVERIFY(ZpaSegmentInput::checkPortEncodings(server()).isEmpty());
        QJsonObject o = server();
        o.insert(QStringLiteral("tcpPortRange"), QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("80")},
                                                                        {QStringLiteral("to"), QStringLiteral("80")}}});
        ValidationIssues i = ZpaSegmentInput::checkPortEncodings(o);
        QCOMPARE(i.size(), 1);
        QCOMPARE(i.first().field, QStringLiteral("tcpPortRanges"));
        QVERIFY(i.first().message.contains(QLatin1String("443")) && i.first().message.contains(QLatin1String("80")));
        // Only one encoding, or the other one empty: fine.
        o.insert(QStringLiteral("tcpPortRanges"), QJsonArray());
        QVERIFY(ZpaSegmentInput::checkPortEncodings(o).isEmpty());
        // An odd flat list (not pairs) is named.
        o = server();
        o.insert(QStringLiteral("udpPortRanges"), QJsonArray{QStringLiteral("53")});
        i = ZpaSegmentInput::checkPortEncodings(o);
        QCOMPARE(fields(i), QStringList{QStringLiteral("udpPortRanges")});
    }

    void validateWholeSegment()
    {
        QVERIFY(ZpaSegmentInput::validate(AppSegment::fromJson(server())).isEmpty());
        QJsonObject o = server();
        o.insert(QStringLiteral("tcpPortRanges"), QJsonArray{QStringLiteral("0"), QStringLiteral("10")});
        o.remove(QStringLiteral("tcpPortRange"));
        o.insert(QStringLiteral("domainNames"), QJsonArray{QStringLiteral("bad host"), QStringLiteral("ok.example")});
        o.remove(QStringLiteral("serverGroups"));
        const QStringList f = fields(ZpaSegmentInput::validate(AppSegment::fromJson(o)));
        QVERIFY(f.contains(QStringLiteral("tcpPortRanges")));
        QVERIFY(f.contains(QStringLiteral("domainNames")));
        QVERIFY(f.contains(QStringLiteral("serverGroups")));
    }

    void patchAppliedBothEncodings()
    {
        const QJsonObject patch{{QStringLiteral("description"), QStringLiteral("new")},
                                {QStringLiteral("tcpPortRange"), QJsonArray{QJsonObject{{QStringLiteral("from"), 8000},
                                                                                        {QStringLiteral("to"), 8080}}}},
                                {QStringLiteral("id"), QStringLiteral("999")},
                                {QStringLiteral("modifiedTime"), QStringLiteral("1")}};
        const QJsonObject out = ZpaSegmentInput::applyPatch(server(), patch);
        QCOMPARE(out.value(QStringLiteral("id")).toString(), QStringLiteral("216196257331404639")); // server fields kept
        QCOMPARE(out.value(QStringLiteral("modifiedTime")).toString(), QStringLiteral("1773369874"));
        QCOMPARE(out.value(QStringLiteral("description")).toString(), QStringLiteral("new"));
        QCOMPARE(out.value(QStringLiteral("bypassType")).toString(), QStringLiteral("NEVER"));
        QCOMPARE(out.value(QStringLiteral("tcpPortRanges")).toArray(), (QJsonArray{QStringLiteral("8000"), QStringLiteral("8080")}));
        QCOMPARE(out.value(QStringLiteral("tcpPortRange")).toArray().size(), 1);
        QVERIFY(ZpaSegmentInput::checkPortEncodings(out).isEmpty());

        // The diff a person sees for that patch: two fields, ports as ranges.
        const QList<AppSegmentChange> changes = AppSegmentDiff::diff(server(), out);
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).field, QStringLiteral("description"));
        QCOMPARE(changes.at(0).beforeText, QStringLiteral("old"));
        QCOMPARE(changes.at(0).afterText, QStringLiteral("new"));
        QCOMPARE(changes.at(1).label, QStringLiteral("TCP ports"));
        QCOMPARE(changes.at(1).beforeText, QStringLiteral("443"));
        QCOMPARE(changes.at(1).afterText, QStringLiteral("8000-8080"));
    }

    void patchChecksOnlyItsFields()
    {
        QVERIFY(ZpaSegmentInput::checkPatch({{QStringLiteral("description"), QStringLiteral("x")}}).isEmpty());
        QCOMPARE(fields(ZpaSegmentInput::checkPatch({{QStringLiteral("udpPortRange"),
                                                      QJsonArray{QJsonObject{{QStringLiteral("from"), 70000}, {QStringLiteral("to"), 70001}}}}})),
                 QStringList{QStringLiteral("udpPortRanges")});
        QCOMPARE(fields(ZpaSegmentInput::checkPatch({{QStringLiteral("domainNames"), QJsonArray{QStringLiteral("*.com")}}})),
                 QStringList{QStringLiteral("domainNames")});
        QCOMPARE(fields(ZpaSegmentInput::checkPatch({{QStringLiteral("name"), QStringLiteral("  ")}})),
                 QStringList{QStringLiteral("name")});
    }

    void createBody()
    {
        QJsonObject o = server();
        o.remove(QStringLiteral("tcpPortRange"));
        const QJsonObject body = ZpaSegmentInput::createBody(AppSegment::fromJson(o));
        QVERIFY(!body.contains(QStringLiteral("id")));
        QVERIFY(!body.contains(QStringLiteral("modifiedTime")));
        QCOMPARE(body.value(QStringLiteral("tcpPortRange")).toArray().size(), 1);
        QCOMPARE(body.value(QStringLiteral("tcpPortRanges")).toArray().size(), 2);
        QVERIFY(ZpaSegmentInput::checkPortEncodings(body).isEmpty());
    }

    void searchExpressions()
    {
        QCOMPARE(ZpaApi::searchExpression(QString()), QString());
        QCOMPARE(ZpaApi::searchExpression(QStringLiteral("  web ")), QStringLiteral("name+CONTAINS+web"));
        QCOMPARE(ZpaApi::searchExpression(QStringLiteral("name+EQ+web app")), QStringLiteral("name+EQ+web app"));
        QCOMPARE(ZpaApi::searchExpression(QStringLiteral("name+startswith+w")), QStringLiteral("name+startswith+w"));
        QCOMPARE(ZpaApi::searchExpression(QStringLiteral("C++ tools")), QStringLiteral("name+CONTAINS+C++ tools"));
        QCOMPARE(ZpaApi::encodedSearch(QStringLiteral("name+EQ+a b&c=\"d\"+é")),
                 QStringLiteral("name%2BEQ%2Ba%20b%26c%3D%22d%22%2B%C3%A9"));
    }

    void budgetsHaveAnArrivalMargin()
    {
        QCOMPARE(ZpaApi::arrivalMarginMs(10'000), qint64(100));
        QCOMPARE(ZpaApi::arrivalMarginMs(1'000), qint64(50));
        const QList<RateBudget> b = ZpaApi::withMargin({{20, 10'000}});
        QCOMPARE(b.size(), 1);
        QCOMPARE(b.first().count, 20);
        QCOMPARE(b.first().windowMs, qint64(10'100));
        QCOMPARE(ZpaApi::readRateKey(QStringLiteral("t-1")), QStringLiteral("t-1/zpa/read"));
    }
};

QTEST_GUILESS_MAIN(TestZpaInput)
#include "tst_zpainput.moc"
