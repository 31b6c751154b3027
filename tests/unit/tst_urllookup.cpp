// URL lookup input rules (normalisation, validation, duplicates), batching and ETA arithmetic,
// reply parsing (recorded traffic), the results table model and its CSV export (the shared
// ExportTable, formula-neutralised).
#include "core/UrlLookup.h"
#include "core/ExportCsv.h"
#include "models/ExportTable.h"
#include "models/UrlLookupTableModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;

class TestUrlLookup : public QObject
{
    Q_OBJECT
private slots:
    void normalize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty = refused
        QTest::addColumn<QString>("reason");   // part of the reason when refused

        const QString p1015 = QString(1015, QLatin1Char('a'));
        QTest::newRow("plain") << "google.com" << "google.com" << "";
        QTest::newRow("trimmed") << "  \tgoogle.com \r" << "google.com" << "";
        QTest::newRow("https") << "https://Example.COM/Path?Q=1" << "example.com/Path?Q=1" << "";
        QTest::newRow("http upper scheme") << "HTTP://www.Example.com" << "www.example.com" << "";
        QTest::newRow("scheme-relative") << "//example.com/x" << "example.com/x" << "";
        QTest::newRow("trailing slash only") << "https://example.com/" << "example.com" << "";
        QTest::newRow("fragment dropped") << "example.com/a#top" << "example.com/a" << "";
        QTest::newRow("port 443 dropped") << "https://example.com:443/x" << "example.com/x" << "";
        QTest::newRow("port 80 dropped") << "example.com:80" << "example.com" << "";
        QTest::newRow("port kept") << "example.com:8080/x" << "example.com:8080/x" << "";
        QTest::newRow("trailing dot") << "example.com." << "example.com" << "";
        QTest::newRow("ipv4") << "10.1.2.3/admin" << "10.1.2.3/admin" << "";
        QTest::newRow("ipv6") << "https://[2001:DB8::1]:8443/" << "[2001:db8::1]:8443" << "";
        QTest::newRow("idn") << QString::fromUtf8("https://Bücher.example/straße")
                             << QString::fromUtf8("xn--bcher-kva.example/straße") << "";
        QTest::newRow("underscore label") << "_dmarc.example.com" << "_dmarc.example.com" << "";
        QTest::newRow("query only") << "example.com?x=1" << "example.com?x=1" << "";
        // 1,024 characters exactly after normalisation (scheme not counted) vs 1,025.
        QTest::newRow("1024 ok") << QStringLiteral("https://a.example/") + QString(1024 - 10, QLatin1Char('x'))
                                 << QStringLiteral("a.example/") + QString(1024 - 10, QLatin1Char('x')) << "";
        QTest::newRow("1025 refused") << QStringLiteral("a.example/") + QString(1025 - 10, QLatin1Char('x')) << ""
                                      << "1,024";
        QTest::newRow("empty") << "   " << "" << "empty";
        QTest::newRow("ftp") << "ftp://example.com/file" << "" << "scheme";
        QTest::newRow("javascript") << "javascript:alert(1)" << "" << "scheme";
        QTest::newRow("mailto") << "mailto:a@example.com" << "" << "scheme";
        QTest::newRow("user info") << "https://user:pw@example.com/" << "" << "user";
        QTest::newRow("space in path") << "example.com/a b" << "" << "whitespace";
        QTest::newRow("space in host") << "exa mple.com" << "" << "host";
        QTest::newRow("bad port") << "example.com:99999" << "" << "port";
        QTest::newRow("port zero") << "example.com:0" << "" << "port";
        QTest::newRow("bare ipv6") << "2001:db8::1" << "" << "brackets";
        QTest::newRow("bad ipv4") << "300.1.2.3" << "" << "IPv4";
        QTest::newRow("leading dot (lookup)") << ".example.com" << "" << "dot";
        QTest::newRow("wildcard (lookup)") << "*.example.com" << "" << "wildcard";
        QTest::newRow("hyphen edge") << "-bad.example.com" << "" << "host";
        QTest::newRow("no host") << "https:///path" << "" << "host";
        QTest::newRow("long label") << QString(64, QLatin1Char('a')) + QStringLiteral(".com") << "" << "host";
        QTest::newRow("control char") << QStringLiteral("example.com/a") + QChar(0x7) << "" << "control";
        Q_UNUSED(p1015);
    }

    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        QString why;
        const QString got = UrlLookup::normalize(input, &why);
        QCOMPARE(got, expected);
        if (expected.isEmpty())
            QVERIFY2(why.contains(reason, Qt::CaseInsensitive), qPrintable(why));
        else
            QVERIFY(got.size() <= UrlLookup::MaxUrlLength);
    }

    void categoryEntriesAllowLeadingDot()
    {
        QString why;
        QCOMPARE(UrlLookup::normalize(QStringLiteral(".Example.com"), &why, true), QStringLiteral(".example.com"));
        QCOMPARE(UrlLookup::normalize(QStringLiteral("*.example.com"), &why, true), QStringLiteral(".example.com"));
        QCOMPARE(UrlLookup::normalize(QStringLiteral(".10.0.0.1"), &why, true), QString());
    }

    void prepareDropsDuplicatesAndBlanks()
    {
        const QStringList in = UrlLookup::splitLines(QStringLiteral(
            "google.com\r\n\r\nhttps://google.com/\nGOOGLE.COM\n  \nftp://x.example\nbing.com\r"));
        QCOMPARE(in.size(), 7);
        const UrlLookupInput r = UrlLookup::prepare(in);
        QCOMPARE(r.urls, (QStringList{QStringLiteral("google.com"), QStringLiteral("bing.com")}));
        QCOMPARE(r.duplicates, 2);
        QCOMPARE(r.blanks, 2);
        QCOMPARE(r.invalid.size(), 1);
        QCOMPARE(r.invalid.first().line, 6);
        QCOMPARE(r.invalid.first().input, QStringLiteral("ftp://x.example"));
        QVERIFY(r.invalid.first().reason.contains(QLatin1String("scheme")));
        // A refused entry with credentials is shown without them.
        const UrlLookupInput creds = UrlLookup::prepare({QStringLiteral("https://admin:s3cret@example.com/x@y")});
        QCOMPARE(creds.invalid.size(), 1);
        QCOMPARE(creds.invalid.first().input, QStringLiteral("https://***@example.com/x@y"));
        QVERIFY(!creds.invalid.first().input.contains(QLatin1String("s3cret")));
        // Very long refused input is shortened for display.
        const UrlLookupInput big = UrlLookup::prepare({QStringLiteral("a.example/") + QString(2000, QLatin1Char('x'))});
        QCOMPARE(big.invalid.size(), 1);
        QVERIFY(big.invalid.first().input.size() <= 200);
    }

    void batching()
    {
        QCOMPARE(UrlLookup::batchCount(0), 0);
        QCOMPARE(UrlLookup::batchCount(1), 1);
        QCOMPARE(UrlLookup::batchCount(100), 1);
        QCOMPARE(UrlLookup::batchCount(101), 2);
        QCOMPARE(UrlLookup::batchCount(1000), 10);
        QCOMPARE(UrlLookup::batchCount(275'000), 2750);
        QStringList urls;
        for (int i = 0; i < 250; ++i)
            urls << QStringLiteral("u%1.example").arg(i);
        const QList<QStringList> b = UrlLookup::batches(urls);
        QCOMPARE(b.size(), 3);
        QCOMPARE(b.at(0).size(), 100);
        QCOMPARE(b.at(2).size(), 50);
        QCOMPARE(b.at(2).last(), QStringLiteral("u249.example"));
    }

    void eta()
    {
        // 10 requests, 1.1 s apart, fresh hour: 9 gaps.
        QCOMPARE(UrlLookup::etaMs(10, 1100, 400, 0), 9 * 1100);
        QCOMPARE(UrlLookup::etaMs(1, 1100, 400, 0), 0);
        QCOMPARE(UrlLookup::etaMs(0, 1100, 400, 0), 0);
        QCOMPARE(UrlLookup::etaMs(10, 1100, 400, 0, 500), 500 + 9 * 1100);
        // 400 fit in the hour; the 401st waits for the window (one hour).
        QCOMPARE(UrlLookup::etaMs(400, 1000, 400, 0), 399 * 1000);
        QCOMPARE(UrlLookup::etaMs(401, 1000, 400, 0), 3'600'000);
        // 2,750 requests (275k URLs): 400 now, then 6 more hours, the last 350 paced.
        QCOMPARE(UrlLookup::etaMs(2750, 1000, 400, 0), 6 * 3'600'000LL + 349 * 1000);
        // Budget already used up this hour: even one request waits up to an hour.
        QCOMPARE(UrlLookup::etaMs(1, 1000, 400, 400), 3'600'000);
        QCOMPARE(UrlLookup::etaMs(5, 1000, 400, 398), 3'600'000 + 2 * 1000);
    }

    void parseRecordedReply()
    {
        QFile f(QStringLiteral(ZC_FIXTURES_DIR "/recorded-json/zia/TestURLCategories.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray body;
        for (const QJsonValue &i : QJsonDocument::fromJson(f.readAll()).object().value("interactions").toArray()) {
            const QJsonObject req = i.toObject().value("request").toObject();
            if (req.value("uri").toString().endsWith(QLatin1String("/urlLookup")))
                body = i.toObject().value("response").toObject().value("body").toString().toUtf8();
        }
        QVERIFY(!body.isEmpty());
        QList<UrlLookupResult> rows;
        QString why;
        QVERIFY2(UrlLookup::parseReply(body, &rows, &why), qPrintable(why));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().url, QStringLiteral("google.com"));
        QCOMPARE(rows.first().categories, QStringList{QStringLiteral("WEB_SEARCH")});
        QVERIFY(rows.first().securityAlerts.isEmpty());

        QVERIFY(!UrlLookup::parseReply("{\"url\":1}", &rows, &why));
        QVERIFY(!UrlLookup::parseReply("[1,2]", &rows, &why));
        QVERIFY(!UrlLookup::parseReply("<html>", &rows, &why));
        QVERIFY(UrlLookup::parseReply("[]", &rows, &why));
        QVERIFY(rows.isEmpty());
    }

    void modelAndCsv()
    {
        UrlLookupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendResults({{QStringLiteral("google.com"), {QStringLiteral("WEB_SEARCH")}, {}},
                             {QStringLiteral("=cmd|' /C calc'!A0"), {QStringLiteral("A"), QStringLiteral("B")}, {QStringLiteral("MALWARE_SITE")}}});
        model.appendResults({{QStringLiteral("x.example/\"q\",y"), {}, {}}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.alertCount(), 1);
        QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("A, B"));
        QCOMPARE(model.data(model.index(1, 1), UrlLookupTableModel::RawRole).toStringList().size(), 2);
        QCOMPARE(model.data(model.index(1, 0), UrlLookupTableModel::HasAlertRole).toBool(), true);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Security alerts"));

        const QByteArray csv = ExportTable::toCsv(&model);
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.at(0), QByteArray("URL,Categories,Security alerts\r"));
        QCOMPARE(lines.at(1), QByteArray("google.com,WEB_SEARCH,\r"));
        QCOMPARE(lines.at(2), QByteArray("'=cmd|' /C calc'!A0,\"A, B\",MALWARE_SITE\r"));
        QCOMPARE(lines.at(3), QByteArray("\"x.example/\"\"q\"\",y\",,\r"));
        QCOMPARE(ExportCsv::field(QStringLiteral("-1")), QStringLiteral("'-1"));
        QCOMPARE(ExportCsv::field(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(ExportCsv::field(QStringLiteral("+1")), QStringLiteral("'+1"));

        QTemporaryDir dir;
        QString why;
        QCOMPARE(ExportTable::writeFile(dir.filePath(QStringLiteral("out.csv")), ExportTable::Format::Csv, &model,
                                        ExportTable::Options(), &why),
                 3);
        QFile out(dir.filePath(QStringLiteral("out.csv")));
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readAll(), csv);
        QCOMPARE(ExportTable::writeFile(dir.filePath(QStringLiteral("no/such/dir/out.csv")), ExportTable::Format::Csv,
                                        &model, ExportTable::Options(), &why),
                 -1);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUrlLookup)
#include "tst_urllookup.moc"
