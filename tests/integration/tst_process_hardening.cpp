// README "Hardened process": the real zconsole-cli and zconsole binaries refuse core dumps and
// ptrace, seen from another process (this test), while they run.
//
// The prober is this test process. It first gives up CAP_SYS_PTRACE (effective, permitted,
// inheritable and bounding sets), so that, as root in CI as well as for a normal user, the only
// thing between it and a child of the same uid is the child's own non-dumpable flag: the kernel
// lets a same-uid prober without CAP_SYS_PTRACE attach to a dumpable process (open its
// /proc/PID/mem, read its /proc/PID/exe link) and refuses it for a non-dumpable one.
// (/proc/PID/environ stays readable either way on current kernels; nothing secret is in it.)
// It also raises its own RLIMIT_CORE, which every child inherits: a child that dumps no core
// lowered it itself.
// A plain `sleep` started the same way is the control: it is attachable, readable, its limit is
// the inherited one and it leaves a core file when killed by SIGSEGV.
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <csignal>
#include <fcntl.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

// Removes CAP_SYS_PTRACE from every capability set of this process, for good. The bounding set
// matters for root only (a child root regains its bounding set at exec; anyone else has no
// capabilities to regain, and may not change the bounding set).
QString dropPtraceCapability()
{
    if (geteuid() == 0 && prctl(PR_CAPBSET_READ, CAP_SYS_PTRACE) == 1 && prctl(PR_CAPBSET_DROP, CAP_SYS_PTRACE) != 0)
        return QStringLiteral("PR_CAPBSET_DROP: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    __user_cap_header_struct head = {_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    if (syscall(SYS_capget, &head, data) != 0)
        return QStringLiteral("capget: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    const __u32 bit = 1u << CAP_SYS_PTRACE; // 19: in the first word
    data[0].effective &= ~bit;
    data[0].permitted &= ~bit;
    data[0].inheritable &= ~bit;
    if (syscall(SYS_capset, &head, data) != 0)
        return QStringLiteral("capset: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    return {};
}

// The hex capability mask of a "CapEff:"-style line of /proc/self/status.
quint64 capabilityMask(const QByteArray &field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return ~quint64(0);
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().toULongLong(nullptr, 16);
    return ~quint64(0);
}

// The soft "Max core file size" of /proc/PID/limits (readable by anyone): -1 = unlimited,
// -2 = not found.
qint64 coreLimitOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -2;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.startsWith("Max core file size"))
            continue;
        const QList<QByteArray> words = line.mid(18).simplified().split(' ');
        return words.value(0) == "unlimited" ? -1 : words.value(0).toLongLong();
    }
    return -2;
}

// PTRACE_SEIZE from this process: 0 when allowed (the tracee must then be killed), else errno.
int seizeErrno(qint64 pid)
{
    return ptrace(PTRACE_SEIZE, pid_t(pid), nullptr, nullptr) == 0 ? 0 : errno;
}

// Opening /proc/PID/mem (ptrace attach access) from this process: 0 when allowed, else errno.
int openMemErrno(qint64 pid)
{
    const QByteArray path = QStringLiteral("/proc/%1/mem").arg(pid).toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDONLY);
    if (fd < 0)
        return errno;
    ::close(fd);
    return 0;
}

// Reading the /proc/PID/exe link (ptrace read access) from this process: 0 or errno.
int readExeErrno(qint64 pid)
{
    const QByteArray path = QStringLiteral("/proc/%1/exe").arg(pid).toLocal8Bit();
    char buf[512];
    return ::readlink(path.constData(), buf, sizeof buf) >= 0 ? 0 : errno;
}

// The child of this process whose command name (/proc/PID/comm, readable by anyone, set by
// exec) is `comm`, or 0. (/proc/PID/exe would not do: reading that link needs ptrace access.)
qint64 childRunning(const QByteArray &comm)
{
    const QByteArray self = QByteArray::number(QCoreApplication::applicationPid());
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (pid.toLongLong() <= 0)
            continue;
        QFile st(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!st.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = st.readAll(); // "pid (comm) state ppid …"
        const qsizetype open = stat.indexOf('('), close = stat.lastIndexOf(')');
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (open > 0 && stat.mid(open + 1, close - open - 1) == comm && fields.value(1) == self)
            return pid.toLongLong();
    }
    return 0;
}

QString errnoName(int e) { return e == 0 ? QStringLiteral("allowed") : QString::fromLocal8Bit(strerror(e)); }

} // namespace

class TestProcessHardening : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    bool m_coreFilesInCwd = false; // core_pattern writes a plain file into the process's cwd

    // A fresh, empty working folder.
    QString freshDir(const QString &name)
    {
        const QString dir = m_tmp.filePath(name);
        QDir(dir).removeRecursively();
        QDir().mkpath(dir);
        return dir;
    }
    static QStringList entries(const QString &dir)
    {
        return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    }

    // What the prober sees of a live, ready process; `label` names it in failures.
    void expectRefused(qint64 pid, const QString &label)
    {
        QCOMPARE(coreLimitOf(pid), qint64(0));
        const int seize = seizeErrno(pid);
        if (seize == 0)
            ::kill(pid_t(pid), SIGKILL); // do not leave a traced process behind
        QVERIFY2(seize == EPERM, qPrintable(label + QStringLiteral(": PTRACE_SEIZE ") + errnoName(seize)));
        const int attach = ptrace(PTRACE_ATTACH, pid_t(pid), nullptr, nullptr) == 0 ? 0 : errno;
        if (attach == 0)
            ::kill(pid_t(pid), SIGKILL);
        QVERIFY2(attach == EPERM, qPrintable(label + QStringLiteral(": PTRACE_ATTACH ") + errnoName(attach)));
        const int mem = openMemErrno(pid);
        QVERIFY2(mem == EACCES, qPrintable(label + QStringLiteral(": /proc/PID/mem ") + errnoName(mem)));
        const int exe = readExeErrno(pid);
        QVERIFY2(exe == EACCES, qPrintable(label + QStringLiteral(": /proc/PID/exe ") + errnoName(exe)));
    }

    // After the process died of `sig` in `cwd`: no core file there (when the kernel would
    // write one there at all; the control proves it would for a dumpable process).
    void expectNoCore(const QString &cwd, const QString &label)
    {
        if (m_coreFilesInCwd)
            QVERIFY2(entries(cwd).isEmpty(), qPrintable(label + QStringLiteral(" left: ") + entries(cwd).join(QLatin1Char(' '))));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const QString dropped = dropPtraceCapability();
        QVERIFY2(dropped.isEmpty(), qPrintable(dropped));
        const quint64 ptraceBit = quint64(1) << CAP_SYS_PTRACE;
        QCOMPARE(capabilityMask("CapEff:") & ptraceBit, quint64(0));
        QCOMPARE(capabilityMask("CapPrm:") & ptraceBit, quint64(0));
        if (geteuid() == 0)
            QCOMPARE(capabilityMask("CapBnd:") & ptraceBit, quint64(0));
        // Children inherit a core limit that allows dumps (root may raise the hard limit too).
        struct rlimit lim = {};
        QCOMPARE(getrlimit(RLIMIT_CORE, &lim), 0);
        lim.rlim_cur = geteuid() == 0 ? RLIM_INFINITY : lim.rlim_max;
        if (geteuid() == 0)
            lim.rlim_max = RLIM_INFINITY;
        QCOMPARE(setrlimit(RLIMIT_CORE, &lim), 0);
        QVERIFY2(coreLimitOf(QCoreApplication::applicationPid()) != 0, "the hard core limit is 0: nothing can be shown");
        QFile pattern(QStringLiteral("/proc/sys/kernel/core_pattern"));
        QVERIFY(pattern.open(QIODevice::ReadOnly));
        const QByteArray p = pattern.readAll().trimmed();
        m_coreFilesInCwd = !p.isEmpty() && !p.startsWith('|') && !p.contains('/');
        if (!m_coreFilesInCwd)
            qInfo("core_pattern \"%s\" does not write into the working folder: the core-file checks "
                  "are replaced by the limit and dumpable checks alone", p.constData());
    }

    // The probes work: a plain process is attachable, readable and dumps a core.
    void controlIsInspectableAndDumps()
    {
        const QString sleepExe = QStandardPaths::findExecutable(QStringLiteral("sleep"));
        QVERIFY(!sleepExe.isEmpty());
        QProcess traced;
        traced.start(sleepExe, {QStringLiteral("600")});
        QVERIFY(traced.waitForStarted());
        const qint64 pid = traced.processId();
        QVERIFY(coreLimitOf(pid) != 0);
        QCOMPARE(openMemErrno(pid), 0);
        QCOMPARE(readExeErrno(pid), 0);
        const int seize = seizeErrno(pid);
        ::kill(pid_t(pid), SIGKILL);
        QVERIFY2(seize == 0, qPrintable(QStringLiteral("PTRACE_SEIZE of a plain process: ") + errnoName(seize)));
        QVERIFY(traced.waitForFinished());

        const QString cwd = freshDir(QStringLiteral("control"));
        QProcess crashing;
        crashing.setWorkingDirectory(cwd);
        crashing.start(sleepExe, {QStringLiteral("600")});
        QVERIFY(crashing.waitForStarted());
        ::kill(pid_t(crashing.processId()), SIGSEGV);
        QVERIFY(crashing.waitForFinished());
        QCOMPARE(crashing.exitStatus(), QProcess::CrashExit);
        if (m_coreFilesInCwd)
            QVERIFY2(entries(cwd).size() == 1, qPrintable(QStringLiteral("expected one core file, found: ")
                                                          + entries(cwd).join(QLatin1Char(' '))));
    }

    void cli_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGSEGV") << int(SIGSEGV);
        QTest::newRow("SIGABRT") << int(SIGABRT);
    }
    // `zconsole-cli sim` serves until stopped: probed once it has written its demo profile.
    void cli()
    {
        QFETCH(int, signal);
        const QString cwd = freshDir(QStringLiteral("cli-cwd"));
        const QString state = freshDir(QStringLiteral("cli-state"));
        const QString before = QDir::currentPath();
        QVERIFY(QDir::setCurrent(cwd)); // runCli's child starts here
        zctest::CliResult r;
        QThread *runner = QThread::create([&r, state] {
            r = zctest::runCli({QStringLiteral("sim"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--segments"),
                                QStringLiteral("0"), QStringLiteral("--state-dir"), state},
                               {}, 120'000);
        });
        qint64 pid = 0;
        const auto cleanup = qScopeGuard([&] {
            if (runner->isRunning() && (pid > 0 || (pid = childRunning("zconsole-cli")) > 0))
                ::kill(pid_t(pid), SIGKILL);
            runner->wait();
            delete runner;
            QDir::setCurrent(before);
        });
        runner->start();
        QTRY_VERIFY_WITH_TIMEOUT((pid = childRunning("zconsole-cli")) > 0, 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(state + QStringLiteral("/demo-profile.json")), 60'000);
        QVERIFY(QDir::setCurrent(before));
        expectRefused(pid, QStringLiteral("zconsole-cli sim"));
        QCOMPARE(::kill(pid_t(pid), signal), 0);
        QVERIFY(runner->wait(60'000));
        QVERIFY2(r.finished, qPrintable(r.text()));
        // Died of the signal (CliResult: crashed); under ASan a SIGSEGV becomes its report and exit 1.
        QVERIFY2(r.exitCode == -1 || (r.exitCode == 1 && r.err.contains("AddressSanitizer")), qPrintable(r.text()));
        expectNoCore(cwd, QStringLiteral("zconsole-cli"));
    }

    // The GUI under offscreen Qt: probed once its session worker has started (it says so in
    // its log category, switched on for this run).
    void gui()
    {
        const QString cwd = freshDir(QStringLiteral("gui-cwd"));
        const QString config = freshDir(QStringLiteral("gui-config"));
        QProcess gui;
        gui.setWorkingDirectory(cwd);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("zconsole.session.info=true"));
        gui.setProcessEnvironment(env);
        QByteArray log;
        connect(&gui, &QProcess::readyReadStandardError, this, [&] {
            const QByteArray chunk = gui.readAllStandardError();
            log += chunk;
            std::fwrite(chunk.constData(), 1, size_t(chunk.size()), stderr);
        });
        gui.start(QStringLiteral(ZC_BINARY_DIR "/app/zconsole"), {QStringLiteral("--config-dir"), config});
        QVERIFY2(gui.waitForStarted(), qPrintable(gui.errorString()));
        const qint64 pid = gui.processId();
        const auto cleanup = qScopeGuard([&] {
            if (gui.state() != QProcess::NotRunning) {
                gui.kill();
                gui.waitForFinished();
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(log.contains("session started"), 60'000);
        expectRefused(pid, QStringLiteral("zconsole"));
        QCOMPARE(::kill(pid_t(pid), SIGSEGV), 0);
        QVERIFY(gui.waitForFinished(60'000));
        QVERIFY(gui.exitStatus() == QProcess::CrashExit || gui.exitCode() == 1); // 1: ASan's SEGV report
        expectNoCore(cwd, QStringLiteral("zconsole"));
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_process_hardening.moc"
