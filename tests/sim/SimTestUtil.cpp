#include "SimTestUtil.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSslCertificate>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject HttpResult::object() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray HttpResult::array() const
{
    return QJsonDocument::fromJson(body).array();
}

bool HttpResult::isJson() const
{
    QJsonParseError e{};
    QJsonDocument::fromJson(body, &e);
    return e.error == QJsonParseError::NoError;
}

QString HttpResult::describe() const
{
    return QStringLiteral("HTTP %1 (error %2: %3) body: %4")
        .arg(status).arg(int(error)).arg(errorString, QString::fromUtf8(body.left(600)));
}

SimClient::SimClient(zsim::Simulator *sim)
    : m_sim(sim), m_nam(std::make_unique<QNetworkAccessManager>())
{
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(QSslCertificate::fromData(sim->caCertificatePem(), QSsl::Pem));
    m_base = sim->baseUrl();
    m_profile = sim->demoProfile();
}

HttpResult SimClient::send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                           const HeaderPairs &headers, int timeoutMs)
{
    QNetworkRequest req(QUrl(m_base + pathAndQuery));
    req.setSslConfiguration(m_ssl);
    req.setTransferTimeout(timeoutMs);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = body.isEmpty() && (method == "GET" || method == "DELETE")
        ? m_nam->sendCustomRequest(req, method)
        : m_nam->sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 5000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult r;
    r.elapsedMs = timer.elapsed();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.errorString = reply->errorString();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    if (!reply->isFinished()) {
        r.error = QNetworkReply::TimeoutError;
        reply->abort();
    }
    reply->deleteLater();
    return r;
}

HttpResult SimClient::postJson(const QString &path, const QJsonValue &body, HeaderPairs headers)
{
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    const QByteArray data = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                           : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    return send("POST", path, data, headers);
}

HttpResult SimClient::putJson(const QString &path, const QJsonValue &body, HeaderPairs headers)
{
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("PUT", path, QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact), headers);
}

HttpResult SimClient::postForm(const QString &path, const QList<QPair<QString, QString>> &fields, HeaderPairs headers)
{
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return send("POST", path, formEncode(fields), headers);
}

QJsonObject SimClient::demoClient(const QString &kind) const
{
    for (const QJsonValue &v : m_profile.value(QLatin1String("clients")).toArray()) {
        if (v.toObject().value(QLatin1String("kind")).toString() == kind)
            return v.toObject();
    }
    return {};
}

QByteArray SimClient::oneApiToken()
{
    if (m_oneApiToken.isEmpty()) {
        const QJsonObject c = demoClient(QStringLiteral("oneapi-secret"));
        const HttpResult r = postForm(QStringLiteral("/oauth2/v1/token"),
                                      {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                       {QStringLiteral("client_id"), c.value(QLatin1String("clientId")).toString()},
                                       {QStringLiteral("client_secret"), c.value(QLatin1String("secret")).toString()},
                                       {QStringLiteral("audience"), QStringLiteral("https://api.zscaler.com")}});
        m_oneApiToken = r.object().value(QLatin1String("access_token")).toString().toLatin1();
    }
    return m_oneApiToken;
}

QByteArray SimClient::zpaToken()
{
    if (m_zpaToken.isEmpty()) {
        const QJsonObject c = demoClient(QStringLiteral("zpa-legacy"));
        const HttpResult r = postForm(QStringLiteral("/signin"),
                                      {{QStringLiteral("client_id"), c.value(QLatin1String("clientId")).toString()},
                                       {QStringLiteral("client_secret"), c.value(QLatin1String("secret")).toString()}});
        m_zpaToken = r.object().value(QLatin1String("access_token")).toString().toLatin1();
    }
    return m_zpaToken;
}

HeaderPairs SimClient::bearer(const QByteArray &token)
{
    return {{"Authorization", "Bearer " + token}};
}

HeaderPairs SimClient::control() const
{
    return {{"X-Sim-Control", m_sim->controlToken().toLatin1()}};
}

QString SimClient::zpaBase(bool gateway) const
{
    const QString customer = m_profile.value(QLatin1String("tenant")).toObject().value(QLatin1String("zpaCustomerId")).toString();
    return (gateway ? QStringLiteral("/zpa") : QString()) + QStringLiteral("/mgmtconfig/v1/admin/customers/") + customer;
}

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return out;
}

QString testObfuscate(const QString &apiKey, qint64 timestampMs)
{
    const QString ts = QString::number(timestampMs);
    const QString high = ts.right(6);
    const QString low = QString::number(high.toInt() >> 1).rightJustified(6, QLatin1Char('0'));
    QString out;
    for (int i = 0; i < 6; ++i)
        out += apiKey.at(high.at(i).toLatin1() - '0');
    for (int i = 0; i < 6; ++i)
        out += apiKey.at(low.at(i).toLatin1() - '0' + 2);
    return out;
}

std::unique_ptr<zsim::SimulatorThread> startSim(zsim::SimOptions options)
{
    auto t = std::make_unique<zsim::SimulatorThread>(options);
    QString error;
    if (!t->start(&error)) {
        qWarning("simulator did not start: %s", qPrintable(error));
        return nullptr;
    }
    return t;
}
