#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSslServer>
#include <QString>
#include <functional>
#include <memory>

namespace zctest {

// A tiny scripted HTTPS server on 127.0.0.1 for unit tests of the network layer (redirects,
// body caps, timeouts, TLS failures). Certificates are made once per process with the openssl
// CLI: a test CA and a leaf for 127.0.0.1 / localhost.
class AuthTlsServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path + query
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    // What to answer: raw HTTP bytes (the server closes the connection after writing them), or
    // an empty array to answer nothing and keep the connection open (a stalled server).
    using Handler = std::function<QByteArray(const Request &)>;

    explicit AuthTlsServer(Handler handler, QObject *parent = nullptr);
    bool listen(); // false if the certificates could not be made
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl() const; // "https://127.0.0.1:<port>"
    const QList<Request> &requests() const { return m_requests; }

    static QString caFile();    // PEM of the test CA (trust it with HttpRequest::caFile)
    static QString otherCaFile(); // a CA that signed nothing here (for "untrusted" tests)
    // "HTTP/1.1 <status> X\r\n<headers>Content-Length: n\r\n\r\n<body>"
    static QByteArray reply(int status, const QByteArray &body = {},
                            const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    void onConnection();
    QSslServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
};

} // namespace zctest
