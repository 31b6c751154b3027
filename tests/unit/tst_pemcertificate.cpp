// core/PemCertificate: the QtCore-only check behind ApiClient::validateWithFiles ("the CA file
// holds a PEM certificate") answers as QSslCertificate::fromData (the oracle; core may not link
// QtNetwork) for real certificates and for the files people pick by mistake.
#include "AuthTlsServer.h"
#include "core/PemCertificate.h"

#include <QFile>
#include <QSslCertificate>
#include <QTest>

using namespace zc;
using zctest::AuthTlsServer;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
bool qtFindsCertificate(const QByteArray &pem) { return !QSslCertificate::fromData(pem, QSsl::Pem).isEmpty(); }
} // namespace

class TestPemCertificate : public QObject
{
    Q_OBJECT

private slots:
    void inputs_data()
    {
        const QByteArray ca = readAll(AuthTlsServer::caFile());
        const QByteArray other = readAll(AuthTlsServer::otherCaFile());
        QVERIFY(ca.contains("-----BEGIN CERTIFICATE-----"));
        const qsizetype body = ca.indexOf('\n') + 1;
        QByteArray crlf = ca;
        crlf.replace("\n", "\r\n");

        QTest::addColumn<QByteArray>("pem");
        QTest::addColumn<bool>("holds");
        QTest::newRow("test CA") << ca << true;
        QTest::newRow("two CAs") << (ca + other) << true;
        QTest::newRow("CRLF lines") << crlf << true;
        QTest::newRow("text before") << (QByteArray("subject=CN test\n") + ca) << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("not a certificate") << QByteArray("not a certificate\n") << false;
        QTest::newRow("garbage body")
            << QByteArray("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")
            << false;
        QTest::newRow("no end line") << ca.left(ca.indexOf("-----END")) << false;
        QTest::newRow("cut in half")
            << (ca.left(body + (ca.size() - body) / 2) + "\n-----END CERTIFICATE-----\n") << false;
        QTest::newRow("private key")
            << QByteArray("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIB0fJcRIaXNNdKqoTDDfn3wsBqYyqlaDOOH9ypldQ2dH\n"
                          "-----END PRIVATE KEY-----\n")
            << false;
        QTest::newRow("bad block then CA")
            << (QByteArray("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") + ca) << true;
    }
    void inputs()
    {
        QFETCH(QByteArray, pem);
        QFETCH(bool, holds);
        QCOMPARE(qtFindsCertificate(pem), holds); // the oracle agrees with the expectation
        QCOMPARE(holdsPemCertificate(pem), holds);
    }
};

QTEST_GUILESS_MAIN(TestPemCertificate)
#include "tst_pemcertificate.moc"
