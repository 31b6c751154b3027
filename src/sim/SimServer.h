// The HTTPS front: QSslServer + QHttpServer (Qt 6.4), one missing-handler that routes every
// request itself, writes replies as raw HTTP/1.1 (so it can cut, delay or reset them) and never
// blocks the thread (latency uses timers).
#pragma once

#include "sim/Http.h"

#include <QObject>
#include <QPointer>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QSslServer;
class QTcpSocket;

namespace zsim {

class SimCore;
struct TlsMaterial;
struct SimContext;

class SimServer : public QObject
{
    Q_OBJECT
public:
    SimServer(SimCore &core, QObject *parent = nullptr);
    ~SimServer() override;

    // Listens on 127.0.0.1 only; returns false with an error text.
    bool listen(quint16 port, const TlsMaterial &tls, QString *error);
    quint16 port() const { return m_port; }

private:
    enum class Mode { Normal, Reset, Truncate };
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    SimResponse process(const SimRequest &req, Mode *mode, int *delayMs);
    void decorate(SimResponse &r, SimContext &ctx);
    void send(const QPointer<QTcpSocket> &socket, const SimResponse &r, Mode mode, bool close);

    SimCore &m_core;
    QHttpServer *m_http = nullptr;
    QSslServer *m_ssl = nullptr;
    quint16 m_port = 0;
    qint64 m_gatewayWindowStart = 0;
    int m_gatewayCount = 0;
    qint64 m_dateSecond = -1;
    QByteArray m_date;
};

} // namespace zsim
