// core/ColorName: the QtCore-only colour check of Tenant::validate accepts exactly what QColor
// accepts (QtGui is the oracle here; core may not link it).
#include "core/ColorName.h"

#include <QColor>
#include <QRandomGenerator>
#include <QTest>

using namespace zc;

class TestColorName : public QObject
{
    Q_OBJECT

private slots:
    void examples_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("rrggbb") << "#1e90ff" << true;
        QTest::newRow("upper hex") << "#1E90FF" << true;
        QTest::newRow("rgb") << "#abc" << true;
        QTest::newRow("aarrggbb") << "#801e90ff" << true;
        QTest::newRow("rrrgggbbb") << "#123456789" << true;
        QTest::newRow("rrrrggggbbbb") << "#123456789abc" << true;
        QTest::newRow("svg name") << "steelblue" << true;
        QTest::newRow("mixed case, spaces") << " Steel Blue\t" << true;
        QTest::newRow("transparent") << "transparent" << true;
        QTest::newRow("not hex") << "#12345z" << false;
        QTest::newRow("4 digits") << "#1234" << false;
        QTest::newRow("hash only") << "#" << false;
        QTest::newRow("unknown name") << "blurple" << false;
        QTest::newRow("kelvin sign k") << QStringLiteral("\u212Ahaki") << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("blanks") << "  " << false;
    }
    void examples()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(QColor::isValidColorName(name), valid); // the oracle agrees with the table
        QCOMPARE(isValidColorName(name), valid);
    }

    void agreesWithQColor()
    {
        QStringList in;
        for (const QString &n : QColor::colorNames())
            in << n << n.toUpper() << (QLatin1Char(' ') + n + QLatin1Char('\t'))
               << (n.left(n.size() / 2) + QLatin1Char(' ') + n.mid(n.size() / 2)) << (n + QLatin1Char('x'))
               << n.chopped(1) << (n + QLatin1Char('\n')) << (n + QChar(0) + QLatin1Char('x'));
        const QString alphabet = QStringLiteral("0123456789abcdefABCDEFgGzZ# \t\u212Ak\u00e9");
        QRandomGenerator rng(11);
        for (int i = 0; i < 50000; ++i) {
            QString s = rng.bounded(2) ? QStringLiteral("#") : QString();
            const int len = rng.bounded(14);
            for (int j = 0; j < len; ++j)
                s += alphabet.at(rng.bounded(int(alphabet.size())));
            in << s;
        }
        int valid = 0;
        for (const QString &s : in) {
            const bool expected = QColor::isValidColorName(s);
            valid += expected ? 1 : 0;
            if (isValidColorName(s) != expected)
                QFAIL(qPrintable(QStringLiteral("differs from QColor on \"%1\"").arg(s)));
        }
        QVERIFY(valid > 1000); // the sample holds both kinds
        QVERIFY(valid < in.size() - 1000);
    }
};

QTEST_GUILESS_MAIN(TestColorName)
#include "tst_colorname.moc"

