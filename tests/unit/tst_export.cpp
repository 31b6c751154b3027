// Export of a view: CSV that survives commas, quotes, newlines and formula-like cells (read back
// by a small RFC 4180 reader), BOM on request, and JSON that round-trips (the original segment
// objects for the segment model, the visible columns for any other model).
#include "core/AppSegment.h"
#include "core/ExportCsv.h"
#include "models/AppSegmentFilterProxy.h"
#include "models/AppSegmentTableModel.h"
#include "models/ExportTable.h"
#include "models/ModelRoles.h"

#include "../bench/zpa/ZpaSegmentGenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;

namespace {

// RFC 4180: fields separated by ',', records by CRLF (LF accepted), quoted fields may hold
// ',', CR, LF and doubled quotes. Returns false on a malformed quote.
bool readCsv(const QString &text, QList<QStringList> *out)
{
    QStringList row;
    QString field;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted)
                return false; // a quote inside an unquoted field
            quoted = wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row << field;
            out->append(row);
            row.clear();
            field.clear();
            wasQuoted = false;
        } else {
            if (wasQuoted)
                return false; // text after a closing quote
            field += c;
        }
    }
    if (quoted)
        return false;
    if (!field.isEmpty() || !row.isEmpty()) {
        row << field;
        out->append(row);
    }
    return true;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private slots:
    void trickyCells_data()
    {
        // cell, what a spreadsheet reads back, and the record exactly as written (hand-written).
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("readBack");
        QTest::addColumn<QByteArray>("record");
        QTest::newRow("plain") << "web" << "web" << QByteArray("x,web,y\r\n");
        QTest::newRow("comma") << "a,b" << "a,b" << QByteArray("x,\"a,b\",y\r\n");
        QTest::newRow("quote") << "say \"hi\"" << "say \"hi\"" << QByteArray("x,\"say \"\"hi\"\"\",y\r\n");
        QTest::newRow("newline") << "line1\nline2" << "line1\nline2" << QByteArray("x,\"line1\nline2\",y\r\n");
        QTest::newRow("crlf inside") << "a\r\nb" << "a\r\nb" << QByteArray("x,\"a\r\nb\",y\r\n");
        QTest::newRow("dde") << "=cmd|' /C calc'!A0" << "'=cmd|' /C calc'!A0" << QByteArray("x,'=cmd|' /C calc'!A0,y\r\n");
        QTest::newRow("equals") << "=cmd" << "'=cmd" << QByteArray("x,'=cmd,y\r\n");
        QTest::newRow("plus") << "+1" << "'+1" << QByteArray("x,'+1,y\r\n");
        QTest::newRow("minus") << "-1" << "'-1" << QByteArray("x,'-1,y\r\n");
        QTest::newRow("minus two") << "-2" << "'-2" << QByteArray("x,'-2,y\r\n");
        QTest::newRow("at") << "@SUM(A1:A2)" << "'@SUM(A1:A2)" << QByteArray("x,'@SUM(A1:A2),y\r\n");
        QTest::newRow("at word") << "@x" << "'@x" << QByteArray("x,'@x,y\r\n");
        QTest::newRow("tab") << "\t=1+1" << "'\t=1+1" << QByteArray("x,'\t=1+1,y\r\n");
        QTest::newRow("tab text") << "\tfoo" << "'\tfoo" << QByteArray("x,'\tfoo,y\r\n");
        QTest::newRow("carriage return") << "\r=1+1" << "'\r=1+1" << QByteArray("x,\"'\r=1+1\",y\r\n");
        QTest::newRow("carriage return text") << "\rbar" << "'\rbar" << QByteArray("x,\"'\rbar\",y\r\n");
        QTest::newRow("fullwidth equals") << "＝1+1" << "'＝1+1" << QByteArray("x,'\xEF\xBC\x9D" "1+1,y\r\n");
        QTest::newRow("formula with comma") << "=HYPERLINK(\"http://x\",\"y\")" << "'=HYPERLINK(\"http://x\",\"y\")"
                                            << QByteArray("x,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",y\r\n");
        QTest::newRow("non-ASCII") << "Zürich ✓ 東京 عربى" << "Zürich ✓ 東京 عربى"
                                   << QByteArray("x,Z\xC3\xBCrich \xE2\x9C\x93 \xE6\x9D\xB1\xE4\xBA\xAC \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x89,y\r\n");
        QTest::newRow("spaces kept") << "  padded  " << "  padded  " << QByteArray("x,\"  padded  \",y\r\n");
        QTest::newRow("empty") << "" << "" << QByteArray("x,,y\r\n");
        QTest::newRow("inner equals") << "a=b" << "a=b" << QByteArray("x,a=b,y\r\n");
        QTest::newRow("inner minus") << "a-1" << "a-1" << QByteArray("x,a-1,y\r\n");
        QTest::newRow("ports") << "80, 8000-8080" << "80, 8000-8080" << QByteArray("x,\"80, 8000-8080\",y\r\n");
    }
    void trickyCells()
    {
        QFETCH(QString, cell);
        QFETCH(QString, readBack);
        QFETCH(QByteArray, record);
        QStandardItemModel model(1, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("before"), QStringLiteral("cell"), QStringLiteral("after")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("x")));
        model.setItem(0, 1, new QStandardItem(cell));
        model.setItem(0, 2, new QStandardItem(QStringLiteral("y")));
        const QByteArray csv = ExportTable::toCsv(&model);
        QVERIFY(!csv.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(csv, QByteArray("before,cell,after\r\n") + record);
        QList<QStringList> rows;
        QVERIFY2(readCsv(QString::fromUtf8(csv), &rows), csv.constData());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0), (QStringList{QStringLiteral("before"), QStringLiteral("cell"), QStringLiteral("after")}));
        QCOMPARE(rows.at(1), (QStringList{QStringLiteral("x"), readBack, QStringLiteral("y")}));
        QCOMPARE(ExportCsv::needsNeutralising(cell), readBack.startsWith(QLatin1Char('\'')) && !cell.startsWith(QLatin1Char('\'')));
    }

    void optionsAndColumns()
    {
        QStandardItemModel model(2, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 3; ++c)
                model.setItem(r, c, new QStandardItem(QStringLiteral("%1%2").arg(r).arg(c)));
        ExportTable::Options o;
        o.csv.byteOrderMark = true;
        o.columns = {2, 0};
        o.headers = false;
        const QByteArray csv = ExportTable::toCsv(&model, o);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(csv.mid(3), QByteArray("02,00\r\n12,10\r\n"));
        o.csv.neutraliseFormulas = false;
        QCOMPARE(ExportCsv::field(QStringLiteral("=1"), o.csv), QStringLiteral("=1"));
        o.csv.separator = QLatin1Char(';');
        QCOMPARE(ExportCsv::field(QStringLiteral("a;b"), o.csv), QStringLiteral("\"a;b\""));

        // JSON of the columns, keyed by the header texts.
        const QJsonArray rows = QJsonDocument::fromJson(ExportTable::toJson(&model)).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).toObject(), (QJsonObject{{QStringLiteral("a"), QStringLiteral("10")},
                                                     {QStringLiteral("b"), QStringLiteral("11")},
                                                     {QStringLiteral("c"), QStringLiteral("12")}}));
    }

    void segmentViewToJsonAndCsv()
    {
        zctest::ZpaSegmentGenerator gen(21);
        QList<QByteArray> originals;
        QList<AppSegment> segments;
        for (int i = 0; i < 400; ++i) {
            originals << gen.segment(i);
            segments << AppSegment::fromJsonBytes(originals.last());
        }
        AppSegmentTableModel model;
        AppSegmentFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.appendRows(segments);
        proxy.sort(AppSegmentTableModel::Name, Qt::DescendingOrder);
        proxy.setSearchText(QStringLiteral("web"));
        QVERIFY(proxy.rowCount() > 5);

        ExportTable::Options o;
        o.jsonRole = AppSegmentTableModel::JsonRole;
        const QJsonArray exported = QJsonDocument::fromJson(ExportTable::toJson(&proxy, o)).array();
        QCOMPARE(exported.size(), proxy.rowCount());
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const QString id = proxy.index(r, 0).data(IdRole).toString();
            const QJsonObject o2 = exported.at(r).toObject();
            QCOMPARE(o2.value(QLatin1String("id")).toString(), id); // the view's order
            const qsizetype i = id.toLongLong() - 216196257331000000LL;
            QCOMPARE(o2, QJsonDocument::fromJson(originals.at(i)).object()); // the complete original
        }

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("segments.csv"));
        QString error;
        QCOMPARE(ExportTable::writeFile(path, ExportTable::Format::Csv, &proxy, ExportTable::Options(), &error),
                 qint64(proxy.rowCount()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QStringList> rows;
        QVERIFY(readCsv(QString::fromUtf8(f.readAll()), &rows));
        QCOMPARE(rows.size(), proxy.rowCount() + 1);
        QCOMPARE(rows.at(0).at(AppSegmentTableModel::TcpPorts), QStringLiteral("TCP ports"));
        QCOMPARE(rows.at(1).at(AppSegmentTableModel::Name), proxy.index(0, AppSegmentTableModel::Name).data().toString());
        QCOMPARE(rows.at(1).at(AppSegmentTableModel::Domains), proxy.index(0, AppSegmentTableModel::Domains).data().toString());
        QCOMPARE(rows.at(1).size(), int(AppSegmentTableModel::ColumnCount));

        QVERIFY(ExportTable::writeFile(dir.filePath(QStringLiteral("no/such/dir/x.json")), ExportTable::Format::Json,
                                       &proxy, o, &error) < 0);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
