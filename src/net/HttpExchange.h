#pragma once

#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>

namespace zc {

// One request of HttpClient, from the first send to the last redirect hop. Internal.
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    HttpExchange(HttpClient *client, const HttpRequest &request, QObject *ctx,
                 HttpClient::Callback done, CancelHandle cancel);
    ~HttpExchange() override;
    void start();

private:
    void sendHop();
    void onReadyRead();
    void onMetaData();
    void onFinished();
    void onSslErrors(const QList<QSslError> &errors);
    bool followRedirect(int status, const HttpResponse &r);
    void fail(ErrorKind kind, const QString &message);
    void finish(HttpResponse response);
    void abortReply();
    QString tlsMessage() const;
    QString networkMessage(QNetworkReply::NetworkError code) const;

    HttpClient *m_client;
    HttpRequest m_request; // current hop (headers may be stripped, method may change)
    QString m_firstEndpoint;
    QPointer<QObject> m_ctx;
    bool m_hasCtx;
    HttpClient::Callback m_done;
    CancelHandle m_cancel;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    qint64 m_cap = 0;
    int m_redirects = 0;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    bool m_deadline = false;
    bool m_sentReported = false;
    QStringList m_sslErrors;
    QElapsedTimer m_clock;
    QElapsedTimer m_hopClock;
    QTimer m_totalTimer;
};

} // namespace zc
