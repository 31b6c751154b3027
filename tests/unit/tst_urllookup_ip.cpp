// UrlLookup::normalize reads IP literals with QtCore alone (QUrl): it accepts and prints them
// exactly as QHostAddress (QtNetwork, the oracle here; core may not link it) does.
#include "core/UrlLookup.h"

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTest>

using namespace zc;

namespace {
QString randomText(QRandomGenerator &rng, const QString &alphabet, int maxLength)
{
    QString s;
    const int n = 1 + rng.bounded(maxLength);
    for (int i = 0; i < n; ++i)
        s += alphabet.at(rng.bounded(int(alphabet.size())));
    return s;
}
} // namespace

class TestUrlLookupIp : public QObject
{
    Q_OBJECT

private slots:
    void ipv4AsQHostAddress()
    {
        QStringList hosts{QStringLiteral("127.0.0.1"), QStringLiteral("127.1"), QStringLiteral("010.1.1.1"),
                          QStringLiteral("1.2.3.4.5"), QStringLiteral("256.1.1.1"), QStringLiteral("4294967295"),
                          QStringLiteral("09.1.1.1")};
        QRandomGenerator rng(4);
        for (int i = 0; i < 20000; ++i)
            hosts << randomText(rng, QStringLiteral("0123456789...."), 16);
        int accepted = 0;
        for (const QString &h : hosts) {
            if (h.startsWith(QLatin1Char('.')) || h.endsWith(QLatin1Char('.')))
                continue; // refused or trimmed before the address is read
            QHostAddress a;
            const bool expected = a.setAddress(h) && a.protocol() == QAbstractSocket::IPv4Protocol;
            QString why;
            const QString out = UrlLookup::normalize(QStringLiteral("http://") + h + QStringLiteral("/"), &why);
            const bool refusedAsIp = out.isEmpty() && why.contains(QStringLiteral("IPv4"));
            if (expected ? out.isEmpty() : !refusedAsIp)
                QFAIL(qPrintable(QStringLiteral("\"%1\": QHostAddress says %2, normalize says \"%3\" / %4")
                                     .arg(h, expected ? QStringLiteral("IPv4") : QStringLiteral("not IPv4"), out, why)));
            accepted += expected ? 1 : 0;
        }
        QVERIFY(accepted > 1000);
    }

    void ipv6AsQHostAddress()
    {
        QStringList addrs{QStringLiteral("::1"), QStringLiteral("::"), QStringLiteral("::ffff:1.2.3.4"),
                          QStringLiteral("fe80::1%eth0"), QStringLiteral("2001:DB8::0:1"),
                          QStringLiteral("1:2:3:4:5:6:7:8"), QStringLiteral("1:2:3:4:5:6:7:8:9"),
                          QStringLiteral("v1.ab:cd"), QStringLiteral("1::2::3"), QStringLiteral("f::8%")};
        QRandomGenerator rng(6);
        for (int i = 0; i < 20000; ++i)
            addrs << randomText(rng, QStringLiteral("0123456789abcdefABCDEF::::...%gz"), 20);
        int accepted = 0;
        for (const QString &a : addrs) {
            if (a.contains(QLatin1Char(']')))
                continue;
            QHostAddress h;
            const bool valid = h.setAddress(a) && h.protocol() == QAbstractSocket::IPv6Protocol;
            QString why;
            const QString out = UrlLookup::normalize(QStringLiteral("https://[") + a + QStringLiteral("]/"), &why);
            const QString expected = valid ? QLatin1Char('[') + h.toString().toLower() + QLatin1Char(']') : QString();
            if (valid ? out != expected : !why.contains(QStringLiteral("IPv6")))
                QFAIL(qPrintable(QStringLiteral("\"%1\": QHostAddress gives \"%2\", normalize \"%3\" / %4")
                                     .arg(a, expected, out, why)));
            accepted += valid ? 1 : 0;
        }
        QVERIFY(accepted > 50);
    }
};

QTEST_GUILESS_MAIN(TestUrlLookupIp)
#include "tst_urllookup_ip.moc"
