// Test helpers for the simulator tests: a plain QNetworkAccessManager that trusts only the
// simulator's CA, synchronous request helpers and the demo credentials.
#pragma once

#include "sim/Simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

#include <memory>

using HeaderPairs = QList<QPair<QByteArray, QByteArray>>;

struct HttpResult {
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
    QJsonObject object() const;
    QJsonArray array() const;
    bool isJson() const;
    QString describe() const;  // for failure messages
};

class SimClient
{
public:
    explicit SimClient(zsim::Simulator *sim);

    HttpResult send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                    const HeaderPairs &headers = {}, int timeoutMs = 20000);
    HttpResult get(const QString &path, const HeaderPairs &headers = {}) { return send("GET", path, {}, headers); }
    HttpResult del(const QString &path, const HeaderPairs &headers = {}) { return send("DELETE", path, {}, headers); }
    HttpResult postJson(const QString &path, const QJsonValue &body, HeaderPairs headers = {});
    HttpResult putJson(const QString &path, const QJsonValue &body, HeaderPairs headers = {});
    HttpResult postForm(const QString &path, const QList<QPair<QString, QString>> &fields, HeaderPairs headers = {});

    QJsonObject demoClient(const QString &kind) const;
    QByteArray oneApiToken();              // demo oneapi-secret client, cached
    QByteArray zpaToken();                 // demo zpa-legacy client via /signin, cached
    static HeaderPairs bearer(const QByteArray &token);
    HeaderPairs control() const;           // X-Sim-Control
    QString zpaBase(bool gateway) const;   // ".../admin/customers/<id>"

    QNetworkAccessManager &nam() { return *m_nam; }
    zsim::Simulator *sim() const { return m_sim; }

private:
    zsim::Simulator *m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QSslConfiguration m_ssl;
    QString m_base;
    QJsonObject m_profile;
    QByteArray m_oneApiToken;
    QByteArray m_zpaToken;
};

QByteArray formEncode(const QList<QPair<QString, QString>> &fields);
// The ZIA API-key obfuscation written from zscaler-api-notes.md §4.2, independently of src/sim.
QString testObfuscate(const QString &apiKey, qint64 timestampMs);
// A simulator on its own thread, with options suited to tests (small data set by default).
std::unique_ptr<zsim::SimulatorThread> startSim(zsim::SimOptions options = {});
