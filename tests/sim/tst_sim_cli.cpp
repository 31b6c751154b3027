// zsim::runSimulatorCli: help, usage errors (exit 2), a port in use (exit 4), and a real run
// stopped by SIGTERM (exit 0) whose demo profile is written with mode 0600 and whose output
// carries no credential.
#include "SimTestUtil.h"
#include "sim/SimCli.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace {

// Runs fn with stdout and stderr redirected to a file; returns what was written.
template <typename Fn>
QByteArray captured(Fn fn, int *code)
{
    std::fflush(stdout);
    std::fflush(stderr);
    char path[] = "/tmp/zsim-cli-XXXXXX";
    const int fd = ::mkstemp(path);
    const int savedOut = ::dup(1), savedErr = ::dup(2);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    *code = fn();
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(savedOut, 1);
    ::dup2(savedErr, 2);
    ::close(savedOut);
    ::close(savedErr);
    ::close(fd);
    QFile f(QString::fromLocal8Bit(path));
    f.open(QIODevice::ReadOnly);
    const QByteArray out = f.readAll();
    f.remove();
    return out;
}

} // namespace

class TestSimCli : public QObject
{
    Q_OBJECT

private slots:
    void help();
    void badUsage();
    void portInUse();
    void runsUntilSigterm();
};

void TestSimCli::help()
{
    int code = -1;
    const QByteArray out = captured([] { return zsim::runSimulatorCli({QStringLiteral("zconsole-cli"), QStringLiteral("sim"), QStringLiteral("--help")}); }, &code);
    QCOMPARE(code, 0);
    for (const char *opt : {"--port", "--config", "--segments", "--zid-clients", "--seed", "--state-dir"})
        QVERIFY2(out.contains(opt), out.constData());
}

void TestSimCli::badUsage()
{
    QTemporaryDir dir;
    QFile knobs(dir.filePath(QStringLiteral("knobs.json")));
    QVERIFY(knobs.open(QIODevice::WriteOnly));
    knobs.write(R"({"latencyMsTypo": 3})");
    knobs.close();
    const QList<QStringList> cases = {
        {QStringLiteral("--bogus")},
        {QStringLiteral("--port"), QStringLiteral("abc")},
        {QStringLiteral("--port"), QStringLiteral("70000")},
        {QStringLiteral("--segments"), QStringLiteral("-1")},
        {QStringLiteral("--zid-clients"), QStringLiteral("-1")},
        {QStringLiteral("--zid-clients"), QStringLiteral("many")},
        {QStringLiteral("--config"), dir.filePath(QStringLiteral("missing.json"))},
        {QStringLiteral("--config"), knobs.fileName(), QStringLiteral("--state-dir"), dir.path()},
    };
    for (const QStringList &args : cases) {
        int code = -1;
        const QByteArray out = captured([&] { return zsim::runSimulatorCli(QStringList{QStringLiteral("sim")} + args); }, &code);
        QVERIFY2(code == 2, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") + QString::number(code) + QLatin1Char(' ') + QString::fromUtf8(out)));
    }
}

void TestSimCli::portInUse()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    int code = -1;
    const QByteArray out = captured([&] {
        return zsim::runSimulatorCli({QStringLiteral("--port"), QString::number(taken.serverPort()), QStringLiteral("--segments"), QStringLiteral("5"),
                                      QStringLiteral("--state-dir"), dir.path()});
    }, &code);
    QVERIFY2(code == 4, out.constData());
}

void TestSimCli::runsUntilSigterm()
{
    QTemporaryDir dir;
    QFile knobs(dir.filePath(QStringLiteral("knobs.json")));
    QVERIFY(knobs.open(QIODevice::WriteOnly));
    knobs.write(R"({"latencyMs": 1, "readOnly": true})");
    knobs.close();
    const QString profilePath = dir.filePath(QStringLiteral("state/demo-profile.json"));
    QJsonObject profile;
    bool readOnlySeen = false;
    // Runs on the CLI's first event-loop turn: it has listened and written the profile by then.
    QTimer::singleShot(0, qApp, [&] {
        QFile f(profilePath);
        if (f.open(QIODevice::ReadOnly))
            profile = QJsonDocument::fromJson(f.readAll()).object();
        // The server answers while the CLI runs, with the --config knobs applied.
        if (!profile.isEmpty()) {
            QNetworkAccessManager nam;
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            QFile ca(profile.value(QLatin1String("caFile")).toString());
            ca.open(QIODevice::ReadOnly);
            ssl.setCaCertificates(QSslCertificate::fromData(ca.readAll(), QSsl::Pem));
            QNetworkRequest req(QUrl(profile.value(QLatin1String("baseUrl")).toString() + QStringLiteral("/zia/api/v1/status")));
            req.setSslConfiguration(ssl);
            QNetworkReply *reply = nam.get(req);
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(5000, &loop, &QEventLoop::quit);
            loop.exec();
            readOnlySeen = reply->rawHeader("x-zscaler-mode") == "read-only";   // 401 replies carry it too
            delete reply;
        }
        ::raise(SIGTERM);
    });
    int code = -1;
    const QByteArray out = captured([&] {
        return zsim::runSimulatorCli({QStringLiteral("zconsole-cli"), QStringLiteral("sim"), QStringLiteral("--segments"), QStringLiteral("100"),
                                      QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--config"), knobs.fileName(),
                                      QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state"))});
    }, &code);
    QVERIFY2(code == 0, out.constData());
    QVERIFY(readOnlySeen);
    QCOMPARE(profile.value(QLatin1String("clients")).toArray().size(), 8);
    const QString base = profile.value(QLatin1String("baseUrl")).toString();
    QVERIFY(out.contains(base.toUtf8()));
    QVERIFY(out.contains(dir.filePath(QStringLiteral("state/ca.pem")).toUtf8()));
    QVERIFY(out.contains(profilePath.toUtf8()));
    for (const QJsonValue &c : profile.value(QLatin1String("clients")).toArray()) {
        for (const char *secret : {"secret", "password", "apiKey", "privateKey"}) {
            const QString value = c.toObject().value(QLatin1String(secret)).toString();
            if (!value.isEmpty())
                QVERIFY2(!out.contains(value.toUtf8()), secret);
        }
    }
    QFile f(profilePath);
    QCOMPARE(f.permissions() & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::Permissions());
}

QTEST_GUILESS_MAIN(TestSimCli)
#include "tst_sim_cli.moc"
