#include "sim/SimCli.h"

#include "sim/Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace zsim {

namespace {

int g_signalFd[2] = {-1, -1};

extern "C" void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalFd[1], &c, 1);
}

// Self-pipe: the async-signal-safe handler writes a byte; a notifier quits the event loop.
class SignalGuard
{
public:
    bool install()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
            return false;
        ::fcntl(g_signalFd[1], F_SETFL, O_NONBLOCK);
        struct sigaction sa = {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &sa, &m_oldInt);
        ::sigaction(SIGTERM, &sa, &m_oldTerm);
        m_notifier = new QSocketNotifier(g_signalFd[0], QSocketNotifier::Read);
        QObject::connect(m_notifier, &QSocketNotifier::activated, m_notifier, [] {
            char c = 0;
            [[maybe_unused]] const ssize_t n = ::read(g_signalFd[0], &c, 1);
            QCoreApplication::quit();
        });
        return true;
    }
    ~SignalGuard()
    {
        if (g_signalFd[0] < 0)
            return;
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        delete m_notifier;
        ::close(g_signalFd[0]);
        ::close(g_signalFd[1]);
        g_signalFd[0] = g_signalFd[1] = -1;
    }

private:
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
    QSocketNotifier *m_notifier = nullptr;
};

int usage(QTextStream &err, const QCommandLineParser &p, const QString &message)
{
    err << "zconsole-cli sim: " << message << "\n\n" << p.helpText();
    err.flush();
    return 2;
}

} // namespace

int runSimulatorCli(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList argv{QStringLiteral("zconsole-cli sim")};
    qsizetype first = 0;
    while (first < args.size() && !args.at(first).startsWith(QLatin1Char('-')))
        ++first;
    argv += args.mid(first);

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Runs the built-in HTTPS simulator of the ZPA, ZIA, ZIdentity/OneAPI, SaaS Security, AppTotal\n"
        "and Sandbox APIs on 127.0.0.1 until SIGINT or SIGTERM. The demo credentials are written to\n"
        "<state-dir>/demo-profile.json (mode 0600), never to the terminal.\n"
        "Exit codes: 0 stopped cleanly, 2 bad usage, 4 cannot start or listen."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port on 127.0.0.1 (0 = any free port; default 0)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("JSON file of knobs (see src/sim/README.md)."), QStringLiteral("FILE"));
    const QCommandLineOption segments(QStringLiteral("segments"), QStringLiteral("Generated ZPA application segments (default 10000)."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption zidClients(QStringLiteral("zid-clients"), QStringLiteral("Generated ZIdentity API clients (default 300)."), QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the generated data and of probabilistic faults (default 1)."), QStringLiteral("S"), QStringLiteral("1"));
    const QString defaultDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/zconsole/sim");
    const QCommandLineOption stateDir(QStringLiteral("state-dir"),
                                      QStringLiteral("Folder for the CA, the server certificate and demo-profile.json (default %1).").arg(defaultDir),
                                      QStringLiteral("DIR"), defaultDir);
    p.addOptions({help, port, config, segments, zidClients, seed, stateDir});
    if (!p.parse(argv))
        return usage(err, p, p.errorText());
    if (p.isSet(help)) {
        out << p.helpText();
        out.flush();
        return 0;
    }
    if (!p.positionalArguments().isEmpty())
        return usage(err, p, QStringLiteral("unexpected argument %1").arg(p.positionalArguments().first()));

    SimOptions o;
    bool ok = false;
    const uint portValue = p.value(port).toUInt(&ok);
    if (!ok || portValue > 65535)
        return usage(err, p, QStringLiteral("--port needs a number from 0 to 65535"));
    o.port = quint16(portValue);
    o.segments = p.value(segments).toInt(&ok);
    if (!ok || o.segments < 0 || o.segments > 1000000)
        return usage(err, p, QStringLiteral("--segments needs a number from 0 to 1000000"));
    o.zidClients = p.value(zidClients).toInt(&ok);
    if (!ok || o.zidClients < 0 || o.zidClients > 100000)
        return usage(err, p, QStringLiteral("--zid-clients needs a number from 0 to 100000"));
    o.seed = p.value(seed).toULongLong(&ok);
    if (!ok)
        return usage(err, p, QStringLiteral("--seed needs a whole number"));
    o.stateDir = QDir(p.value(stateDir)).absolutePath();
    if (p.isSet(config)) {
        QFile f(p.value(config));
        if (!f.open(QIODevice::ReadOnly))
            return usage(err, p, QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject())
            return usage(err, p, QStringLiteral("%1 is not a JSON object of knobs").arg(f.fileName()));
        o.knobs = doc.object();
    }

    Simulator sim(o);
    QString why;
    if (!sim.start(&why)) {
        const int code = why.startsWith(QLatin1String("invalid knobs")) ? 2 : 4;
        err << "zconsole-cli sim: " << why << "\n";
        err.flush();
        return code;
    }
    const QString profilePath = o.stateDir + QStringLiteral("/demo-profile.json");
    QSaveFile profile(profilePath);
    if (profile.open(QIODevice::WriteOnly)) {
        profile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        profile.write(QJsonDocument(sim.demoProfile()).toJson(QJsonDocument::Indented));
        profile.commit();
    }
    SignalGuard guard;
    guard.install();
    out << "Simulator listening: " << sim.baseUrl() << "\n"
        << "CA certificate:      " << sim.caCertificatePath() << "\n"
        << "Control token:       " << sim.controlToken() << "  (header X-Sim-Control on /__sim/*)\n"
        << "Serving ZPA, ZIA, ZIdentity/OneAPI, SaaS Security, AppTotal and Sandbox routes; "
        << "demo credentials in " << profilePath << " (mode 0600). Ctrl+C stops.\n";
    out.flush();
    QCoreApplication::exec();
    sim.stop();
    out << "Simulator stopped.\n";
    out.flush();
    return 0;
}

} // namespace zsim
