// The rules of a segment edit: port text and port ranges in both encodings, domain entries,
// and AppSegment::validate() with one issue per field and a clear message per bad entry.
#include "core/AppSegment.h"
#include "core/AppSegmentOrder.h"
#include "core/AppSegmentValidation.h"
#include "core/PortRange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace zc;

namespace {
QString ranges(const PortRangeList &r) { return ports::toText(r); }
QJsonObject obj(const char *json) { return QJsonDocument::fromJson(QByteArray(json)).object(); }
} // namespace

class TestAppSegmentRules : public QObject
{
    Q_OBJECT
private slots:
    void portText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("parsed");   // what was accepted, as text
        QTest::addColumn<QString>("messages"); // joined with " | "
        QTest::newRow("one") << "80" << true << "80" << "";
        QTest::newRow("list") << "80, 443, 8000-8080" << true << "80, 443, 8000-8080" << "";
        QTest::newRow("spaces and semicolons") << " 22 ;443  8080 " << true << "22, 443, 8080" << "";
        QTest::newRow("spaced dash") << "8000 - 8080" << true << "8000-8080" << "";
        QTest::newRow("en dash") << "8000–8080" << true << "8000-8080" << "";
        QTest::newRow("empty") << "" << true << "" << "";
        QTest::newRow("bounds") << "1, 65535" << true << "1, 65535" << "";
        QTest::newRow("too big") << "70000" << false << "" << "port 70000 is out of range 1–65535";
        QTest::newRow("zero") << "0" << false << "" << "port 0 is out of range 1–65535";
        QTest::newRow("reversed") << "80, 9000-8000" << false << "80" << "range 9000-8000 has from > to";
        QTest::newRow("range end too big") << "65000-65536" << false << "" << "port 65536 is out of range 1–65535";
        QTest::newRow("word") << "https" << false << "" << "\"https\" is not a port or a range like 8000-8080";
        QTest::newRow("open range") << "80-" << false << "" << "\"80-\" is not a port or a range like 8000-8080";
        QTest::newRow("negative") << "-5" << false << "" << "\"-5\" is not a port or a range like 8000-8080";
        QTest::newRow("several bad") << "1,abc,70000" << false << "1"
                                     << "\"abc\" is not a port or a range like 8000-8080 | port 70000 is out of range 1–65535";
    }
    void portText()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, parsed);
        QFETCH(QString, messages);
        PortRangeList out;
        QStringList errors;
        QCOMPARE(ports::parseText(text, &out, &errors), ok);
        QCOMPARE(ranges(out), parsed);
        QCOMPARE(errors.join(QStringLiteral(" | ")), messages);
    }

    void portValidation_data()
    {
        QTest::addColumn<PortRangeList>("list");
        QTest::addColumn<QStringList>("messages");
        QTest::newRow("fine") << PortRangeList{{80, 80}, {443, 443}, {8000, 8080}} << QStringList();
        QTest::newRow("adjacent is fine") << PortRangeList{{80, 90}, {91, 91}} << QStringList();
        QTest::newRow("overlap") << PortRangeList{{80, 90}, {85, 85}} << QStringList{QStringLiteral("ranges 80-90 and 85 overlap")};
        QTest::newRow("duplicate") << PortRangeList{{443, 443}, {443, 443}} << QStringList{QStringLiteral("ranges 443 and 443 overlap")};
        QTest::newRow("nested, unsorted") << PortRangeList{{9000, 9100}, {1, 65535}}
                                          << QStringList{QStringLiteral("ranges 1-65535 and 9000-9100 overlap")};
        QTest::newRow("out of range") << PortRangeList{{0, 0}, {70000, 70000}}
                                      << QStringList{QStringLiteral("port 0 is out of range 1–65535"),
                                                     QStringLiteral("port 70000 is out of range 1–65535")};
        QTest::newRow("reversed") << PortRangeList{{9000, 8000}} << QStringList{QStringLiteral("range 9000-8000 has from > to")};
    }
    void portValidation()
    {
        QFETCH(PortRangeList, list);
        QFETCH(QStringList, messages);
        const ValidationIssues issues = ports::validate(list, QStringLiteral("tcpPortRanges"));
        QStringList got;
        for (const ValidationIssue &i : issues) {
            QCOMPARE(i.field, QStringLiteral("tcpPortRanges"));
            got << i.message;
        }
        QCOMPARE(got, messages);
    }

    void portEncodings()
    {
        const QJsonObject both = obj(R"({"tcpPortRanges":["80","80","443","445"],
                                          "tcpPortRange":[{"from":"80","to":"80"},{"from":"443","to":"445"}]})");
        QStringList problems;
        const PortRangeList expected{{80, 80}, {443, 445}};
        QCOMPARE(ports::fromSegment(both, PortProtocol::Tcp, &problems), expected);
        QVERIFY(problems.isEmpty());
        QCOMPARE(ports::fromSegment(obj(R"({"tcpPortRange":[{"from":"80","to":"80"},{"from":"443","to":"445"}]})"),
                                    PortProtocol::Tcp),
                 expected); // structured only
        QCOMPARE(ports::fromSegment(obj(R"({"tcpPortRanges":[80,80,443,445],"tcpPortRange":[]})"), PortProtocol::Tcp),
                 expected); // numbers, and an empty structured list
        QCOMPARE(ports::toFlat(expected), both.value(QLatin1String("tcpPortRanges")).toArray());
        QCOMPARE(ports::toStructured(expected), both.value(QLatin1String("tcpPortRange")).toArray());
        QJsonObject written;
        ports::writeBoth(written, PortProtocol::Udp, expected);
        QCOMPARE(ports::fromFlat(written.value(QLatin1String("udpPortRanges"))), expected);
        QCOMPARE(ports::fromStructured(written.value(QLatin1String("udpPortRange"))), expected);

        problems.clear();
        const PortRangeList disagree = ports::fromSegment(
            obj(R"({"udpPortRanges":["53","53"],"udpPortRange":[{"from":"54","to":"54"}]})"), PortProtocol::Udp, &problems);
        QCOMPARE(disagree, (PortRangeList{{53, 53}}));
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.at(0).contains(QLatin1String("disagree")));
        problems.clear();
        QCOMPARE(ports::fromFlat(QJsonValue(QStringLiteral("80")), &problems).size(), 0);
        QCOMPARE(problems.size(), 1);
        QVERIFY(ports::containsPort(expected, 444));
        QVERIFY(!ports::containsPort(expected, 81));
    }

    void domains_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<int>("kind"); // DomainKind
        QTest::addColumn<QString>("why"); // part of the message for an invalid entry
        const int invalid = int(DomainKind::Invalid);
        QTest::newRow("fqdn") << "app.example.com" << int(DomainKind::Fqdn) << "";
        QTest::newRow("single label") << "intranet" << int(DomainKind::Fqdn) << "";
        QTest::newRow("underscore") << "_ldap._tcp.example.com" << int(DomainKind::Fqdn) << "";
        QTest::newRow("punycode") << "xn--bcher-kva.example" << int(DomainKind::Fqdn) << "";
        QTest::newRow("wildcard") << "*.example.com" << int(DomainKind::Wildcard) << "";
        QTest::newRow("ipv4") << "10.0.0.1" << int(DomainKind::IPv4) << "";
        QTest::newRow("ipv6 loopback") << "::1" << int(DomainKind::IPv6) << "";
        QTest::newRow("ipv6") << "2001:db8::8a2e:370:7334" << int(DomainKind::IPv6) << "";
        QTest::newRow("ipv6 full") << "2001:0db8:0000:0000:0000:ff00:0042:8329" << int(DomainKind::IPv6) << "";
        QTest::newRow("ipv6 mapped v4") << "::ffff:192.0.2.128" << int(DomainKind::IPv6) << "";
        QTest::newRow("v4 subnet") << "10.0.0.0/8" << int(DomainKind::IPv4Cidr) << "";
        QTest::newRow("v6 subnet") << "2001:db8::/32" << int(DomainKind::IPv6Cidr) << "";
        QTest::newRow("empty") << "" << invalid << "is empty";
        QTest::newRow("space") << "app .example.com" << invalid << "contains spaces";
        QTest::newRow("leading space") << " app.example.com" << invalid << "contains spaces";
        QTest::newRow("url") << "https://app.example.com" << invalid << "is a URL";
        QTest::newRow("port") << "app.example.com:443" << invalid << "includes a port";
        QTest::newRow("double dot") << "app..example.com" << invalid << "empty label";
        QTest::newRow("trailing dot") << "app.example.com." << invalid << "empty label";
        QTest::newRow("leading hyphen") << "-app.example.com" << invalid << "start or end with '-'";
        QTest::newRow("trailing hyphen") << "app-.example.com" << invalid << "start or end with '-'";
        QTest::newRow("long label") << QString(64, QLatin1Char('a')) + QStringLiteral(".com") << invalid << "longer than 63";
        QTest::newRow("too long") << QString(QString(60, QLatin1Char('a')) + QLatin1Char('.')).repeated(5) + QStringLiteral("com") << invalid << "longer than 253";
        QTest::newRow("bad ipv4") << "10.0.0.256" << invalid << "not a valid one";
        QTest::newRow("short ipv4") << "10.0.0" << invalid << "not a valid one";
        QTest::newRow("leading zero ipv4") << "010.0.0.1" << invalid << "not a valid one";
        QTest::newRow("bad ipv6") << "2001:db8:::1" << invalid << "not a valid IPv6";
        QTest::newRow("zone id") << "fe80::1%eth0" << invalid << "not a valid IPv6";
        QTest::newRow("v4 prefix") << "10.0.0.0/33" << invalid << "0–32";
        QTest::newRow("v6 prefix") << "::/129" << invalid << "0–128";
        QTest::newRow("slash") << "app.example.com/path" << invalid << "'/' is only allowed";
        QTest::newRow("broad wildcard") << "*.com" << invalid << "too broad";
        QTest::newRow("wildcard inside") << "app.*.example.com" << invalid << "only as the first label";
        QTest::newRow("wildcard without dot") << "*example.com" << invalid << "only as the first label";
        QTest::newRow("two wildcards") << "*.*.example.com" << invalid << "only as the first label";
        QTest::newRow("unicode") << "bücher.example" << invalid << "punycode";
        QTest::newRow("digits only") << "12345" << invalid << "looks like an IP address";
    }
    void domains()
    {
        QFETCH(QString, entry);
        QFETCH(int, kind);
        QFETCH(QString, why);
        QString message;
        QCOMPARE(int(classifyDomain(entry, &message)), kind);
        if (kind == int(DomainKind::Invalid)) {
            QVERIFY2(message.contains(why), qPrintable(message));
            QVERIFY2(message.startsWith(QLatin1Char('"') + entry.left(80)), qPrintable(message)); // names the entry
        }
    }

    // The table's text order: comparing folded sort keys must give the same answer as comparing
    // the texts (one order, or std::sort's assumptions break), for ASCII and non-ASCII alike.
    void sortOrderIsOneOrder()
    {
        const QStringList texts = {QStringLiteral("web"), QStringLiteral("Web"), QStringLiteral("WEB-2"),
                                   QStringLiteral("web-10"), QStringLiteral("Éclair"), QStringLiteral("éclair"),
                                   QStringLiteral("Zürich"), QStringLiteral("zebra"), QStringLiteral("straße"),
                                   QStringLiteral("STRASSE"), QStringLiteral("İstanbul"), QStringLiteral("東京"),
                                   QString(), QStringLiteral("a"), QStringLiteral("A\u00e9")};
        QList<QByteArray> utf8;
        for (const QString &t : texts)
            utf8 << t.toUtf8();
        auto sign = [](int v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); };
        for (const QByteArray &a : utf8)
            for (const QByteArray &b : utf8) {
                segorder::SortKey ka, kb;
                ka.setText(a);
                kb.setText(b);
                const int direct = sign(segorder::compareUtf8(a, b));
                QCOMPARE(sign(segorder::compareBytes(ka.text, kb.text)), direct);
                QCOMPARE(sign(segorder::compareUtf8(b, a)), -direct);
            }
        QCOMPARE(segorder::compareUtf8("Web", "web"), 0);
        QVERIFY(segorder::compareUtf8("web-10", "web-2") < 0);
        QVERIFY(segorder::compareIds(QByteArrayView("99"), QByteArrayView("100")) < 0);
        QVERIFY(segorder::compareIds(QStringLiteral("216196257331404639"), QStringLiteral("216196257331404640")) < 0);
    }

    void validateSegment()
    {
        AppSegment empty;
        ValidationIssues issues = empty.validate();
        QStringList fields;
        for (const ValidationIssue &i : issues)
            fields << i.field;
        QCOMPARE(fields, (QStringList{QStringLiteral("name"), QStringLiteral("domainNames"), QStringLiteral("ports"),
                                      QStringLiteral("segmentGroupId"), QStringLiteral("serverGroups")}));
        QCOMPARE(messageFor(issues, QStringLiteral("name")), QStringLiteral("Name must not be empty"));

        AppSegment s;
        s.setName(QStringLiteral("web"));
        s.setDomainNames({QStringLiteral("web.example.com"), QStringLiteral("*.web.example.com"), QStringLiteral("10.1.2.3")});
        s.setTcpPorts({{443, 443}});
        s.setSegmentGroup(QStringLiteral("216196257331404637"), QStringLiteral("group"));
        s.setServerGroups({{QStringLiteral("216196257331404638"), QStringLiteral("servers")}});
        QVERIFY2(s.validate().isEmpty(), qPrintable(joinIssues(s.validate())));

        s.setDomainNames({QStringLiteral("web.example.com"), QStringLiteral("bad domain"), QStringLiteral("WEB.example.com"),
                          QStringLiteral("10.0.0.999")});
        s.setTcpPorts({{443, 443}, {400, 500}});
        s.setUdpPorts({{0, 0}});
        issues = s.validate();
        QStringList domainMessages;
        for (const ValidationIssue &i : issues)
            if (i.field == QLatin1String("domainNames"))
                domainMessages << i.message;
        QCOMPARE(domainMessages.size(), 3); // one per bad entry + the duplicate
        QVERIFY(domainMessages.at(0).startsWith(QLatin1String("\"bad domain\"")));
        QVERIFY(domainMessages.at(1).contains(QLatin1String("listed twice")));
        QVERIFY(domainMessages.at(2).startsWith(QLatin1String("\"10.0.0.999\"")));
        QCOMPARE(messageFor(issues, QStringLiteral("tcpPortRanges")), QStringLiteral("ranges 400-500 and 443 overlap"));
        QCOMPARE(messageFor(issues, QStringLiteral("udpPortRanges")), QStringLiteral("port 0 is out of range 1–65535"));
        QVERIFY(messageFor(issues, QStringLiteral("ports")).isEmpty());

        s.setName(QStringLiteral("two\nlines"));
        QCOMPARE(messageFor(s.validate(), QStringLiteral("name")), QStringLiteral("Name must be one line of text"));
        s.setName(QString(256, QLatin1Char('n')));
        QCOMPARE(messageFor(s.validate(), QStringLiteral("name")), QStringLiteral("Name is longer than 255 characters"));
        s.setServerGroups({{QString(), QStringLiteral("no id")}});
        QCOMPARE(messageFor(s.validate(), QStringLiteral("serverGroups")), QStringLiteral("A chosen server group has no id"));
    }
};

QTEST_GUILESS_MAIN(TestAppSegmentRules)
#include "tst_appsegmentrules.moc"
