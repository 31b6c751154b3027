#include "AuthTlsServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace zctest {

namespace {
struct Material
{
    bool ok = false;
    QString dir;
    QString ca, otherCa;
    QSslCertificate cert;
    QSslKey key;
};

bool run(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    return p.waitForFinished(30000) && p.exitCode() == 0;
}

const Material &material()
{
    static Material m = [] {
        Material out;
        static QTemporaryDir tmp;
        const QString d = tmp.path();
        const QString ec = QStringLiteral("-newkey");
        bool ok = run(d, {QStringLiteral("req"), QStringLiteral("-x509"), ec, QStringLiteral("ec"),
                          QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                          QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                          QStringLiteral("-out"), QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                          QStringLiteral("-subj"), QStringLiteral("/CN=zconsole unit test CA"),
                          QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                          QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
        ok = ok && run(d, {QStringLiteral("req"), QStringLiteral("-x509"), ec, QStringLiteral("ec"),
                           QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                           QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("other.key"),
                           QStringLiteral("-out"), QStringLiteral("other.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                           QStringLiteral("-subj"), QStringLiteral("/CN=some other CA")});
        ok = ok && run(d, {QStringLiteral("req"), ec, QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                           QStringLiteral("-keyout"), QStringLiteral("leaf.key"), QStringLiteral("-out"),
                           QStringLiteral("leaf.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        QFile ext(d + QStringLiteral("/ext.cnf"));
        ok = ok && ext.open(QIODevice::WriteOnly);
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        ext.close();
        ok = ok && run(d, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("leaf.csr"),
                           QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                           QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("leaf.pem"),
                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("ext.cnf")});
        if (!ok)
            return out;
        QFile cf(d + QStringLiteral("/leaf.pem")), kf(d + QStringLiteral("/leaf.key"));
        cf.open(QIODevice::ReadOnly);
        kf.open(QIODevice::ReadOnly);
        out.cert = QSslCertificate(cf.readAll(), QSsl::Pem);
        out.key = QSslKey(kf.readAll(), QSsl::Ec, QSsl::Pem);
        out.ca = d + QStringLiteral("/ca.pem");
        out.otherCa = d + QStringLiteral("/other.pem");
        out.ok = !out.cert.isNull() && !out.key.isNull();
        return out;
    }();
    return m;
}
} // namespace

AuthTlsServer::AuthTlsServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &AuthTlsServer::onConnection);
}

bool AuthTlsServer::listen()
{
    const Material &m = material();
    if (!m.ok)
        return false;
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(m.cert);
    conf.setPrivateKey(m.key);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server.setSslConfiguration(conf);
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString AuthTlsServer::baseUrl() const { return QStringLiteral("https://127.0.0.1:%1").arg(port()); }
QString AuthTlsServer::caFile() { return material().ca; }
QString AuthTlsServer::otherCaFile() { return material().otherCa; }

QByteArray AuthTlsServer::reply(int status, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
    bool hasLength = false;
    for (const auto &h : headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasLength = hasLength || h.first.toLower() == "content-length";
    }
    if (!hasLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n" + body;
    return out;
}

void AuthTlsServer::onConnection()
{
    while (QTcpSocket *s = m_server.nextPendingConnection()) {
        auto buf = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        connect(s, &QTcpSocket::readyRead, this, [this, s, buf] {
            *buf += s->readAll();
            const int end = int(buf->indexOf("\r\n\r\n"));
            if (end < 0)
                return;
            Request r;
            const QList<QByteArray> lines = buf->left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            r.method = first.value(0);
            r.target = first.value(1);
            for (int i = 1; i < lines.size(); ++i) {
                const int c = int(lines[i].indexOf(':'));
                if (c > 0)
                    r.headers.insert(lines[i].left(c).trimmed().toLower(), lines[i].mid(c + 1).trimmed());
            }
            const int len = r.headers.value("content-length").toInt();
            if (buf->size() < end + 4 + len)
                return;
            r.body = buf->mid(end + 4, len);
            buf->clear();
            m_requests.append(r);
            const QByteArray out = m_handler(r);
            if (out.isEmpty())
                return; // stall
            s->write(out);
            s->flush();
            s->disconnectFromHost();
        });
    }
}

} // namespace zctest
