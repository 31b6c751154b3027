// Benchmark: CPU time of the session worker's thread while it tracks 200 clients with valid
// tokens (180 OAuth-style tokens of 1 h, 20 ZIA sessions with a 5-minute idle deadline) and
// nothing is due: with one timer armed for the next deadline, it should stay near zero.
// Measured with getrusage(RUSAGE_THREAD) inside the worker thread. Prints a table.
#include "auth/CredentialProvider.h"
#include "session/SessionWorker.h"
#include "store/ClientSecrets.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <sys/resource.h>

using namespace zc;

namespace {
qint64 threadCpuUs()
{
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return qint64(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1'000'000 + u.ru_utime.tv_usec + u.ru_stime.tv_usec;
}
qint64 processCpuUs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return qint64(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1'000'000 + u.ru_utime.tv_usec + u.ru_stime.tv_usec;
}

// Runs fn in the worker thread and waits for its result.
qint64 inWorker(SessionWorker &w, std::function<qint64(ApiCaller *)> fn)
{
    std::atomic<qint64> out{-1};
    std::atomic<bool> done{false};
    w.post([&](ApiCaller *c) {
        out = fn(c);
        done = true;
    });
    QElapsedTimer t;
    t.start();
    while (!done && t.elapsed() < 10000)
        QTest::qWait(1);
    return out;
}
} // namespace

class BenchAuthWorker : public QObject
{
    Q_OBJECT
private slots:
    void idleCpuWith200Clients()
    {
        const int clients = 200;
        const int seconds = qEnvironmentVariableIntValue("ZC_BENCH_SECONDS") > 0
                                ? qEnvironmentVariableIntValue("ZC_BENCH_SECONDS")
                                : 10;
        QTemporaryDir dir;
        TenantStore store(dir.path());
        store.load();
        SecretStore keychain;
        ClientSecrets secrets(&store, &keychain);
        KeychainCredentials creds(&secrets);
        SessionWorker worker(&creds);
        worker.start();

        Tenant t;
        t.id = QStringLiteral("t-bench");
        t.name = QStringLiteral("bench");
        t.cloud = QStringLiteral("zscaler");
        t.vanity = QStringLiteral("bench");
        int statusSignals = 0;
        connect(&worker, &SessionWorker::statusChanged, this, [&statusSignals] { ++statusSignals; });
        const qint64 installed = inWorker(worker, [&](ApiCaller *caller) -> qint64 {
            TokenBroker *b = caller->broker();
            Clock *clock = b->clock();
            for (int i = 0; i < clients; ++i) {
                ApiClient c;
                c.id = QStringLiteral("c-bench%1").arg(i, 4, 10, QLatin1Char('0'));
                c.name = c.id;
                c.tenantId = t.id;
                c.kind = i < 180 ? AuthKind::OneApiSecret : AuthKind::ZiaLegacy;
                c.clientId = c.id;
                c.username = QStringLiteral("admin");
                b->upsertClient(c, t);
                Token tok;
                tok.value = "bench-token-" + c.id.toLatin1();
                tok.obtainedMs = clock->monotonicMs() - qint64(i) * 1000; // spread like real life
                tok.obtainedUtc = clock->nowUtc();
                if (c.kind == AuthKind::ZiaLegacy) {
                    tok.type = QStringLiteral("JSESSIONID");
                    tok.source = ExpirySource::IdleTimeout;
                    tok.idleTimeoutMs = 300'000;
                    tok.touch(clock->monotonicMs(), clock->nowUtc());
                } else {
                    tok.type = QStringLiteral("Bearer");
                    tok.source = ExpirySource::ExpiresIn;
                    tok.expiresMs = tok.obtainedMs + 3'600'000;
                    tok.expiresUtc = tok.obtainedUtc.addMSecs(3'600'000);
                }
                b->adopt(c.id, tok);
            }
            return b->clientIds().size();
        });
        QCOMPARE(installed, qint64(clients));
        QTest::qWait(500); // let the status signals drain

        const qint64 w0 = inWorker(worker, [](ApiCaller *) { return threadCpuUs(); });
        const qint64 p0 = processCpuUs();
        const qint64 next = inWorker(worker, [](ApiCaller *c) {
            return c->broker()->nextDeadlineMs() - c->broker()->clock()->monotonicMs();
        });
        const int signalsBefore = statusSignals;
        QElapsedTimer wall;
        wall.start();
        QTest::qWait(seconds * 1000);
        const qint64 w1 = inWorker(worker, [](ApiCaller *) { return threadCpuUs(); });
        const qint64 p1 = processCpuUs();
        const double wallMs = double(wall.elapsed());
        const double workerMs = double(w1 - w0) / 1000.0;
        const double processMs = double(p1 - p0) / 1000.0;

        QTextStream out(stdout);
        out << "\nSession worker, idle, " << clients << " tracked clients (180 tokens of 1 h, 20 ZIA sessions)\n";
        out << "| measure                        | value      |\n";
        out << "|--------------------------------|------------|\n";
        out << "| wall time                      | " << QString::number(wallMs / 1000.0, 'f', 1).rightJustified(7) << " s  |\n";
        out << "| worker thread CPU              | " << QString::number(workerMs, 'f', 2).rightJustified(7) << " ms |\n";
        out << "| worker thread CPU share        | " << QString::number(100.0 * workerMs / wallMs, 'f', 3).rightJustified(7) << " %  |\n";
        out << "| whole process CPU (test incl.) | " << QString::number(processMs, 'f', 2).rightJustified(7) << " ms |\n";
        out << "| next deadline in               | " << QString::number(double(next) / 1000.0, 'f', 1).rightJustified(7) << " s  |\n";
        out << "| status signals while idle      | " << QString::number(statusSignals - signalsBefore).rightJustified(7) << "    |\n";
        out.flush();
        // Near zero: well under 1 % of one core.
        QVERIFY2(workerMs < wallMs * 0.01, qPrintable(QString::number(workerMs)));
        QCOMPARE(statusSignals - signalsBefore, 0);
        QVERIFY(next > 10'000);
        worker.stop();
    }
};

QTEST_GUILESS_MAIN(BenchAuthWorker)
#include "bench_auth_worker.moc"
