// ActivationLedger: the ZIA activation budget shared by every zconsole process of one config
// folder (two ledger objects on one folder stand for two processes), on a manual clock.
#include "core/Clock.h"
#include "store/ActivationLedger.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace zc;

class TestActivationLedger : public QObject
{
    Q_OBJECT

private slots:
    void tenPerMinuteAcrossProcesses()
    {
        QTemporaryDir dir;
        ManualClock clock;
        ActivationLedger gui(dir.path(), &clock), cli(dir.path(), &clock);
        const ZiaActivationBudget b; // 10 per minute, 40 per hour
        qint64 wait = -1;
        for (int i = 0; i < 10; ++i) {
            ActivationLedger &who = (i % 2) ? gui : cli;
            QVERIFY2(who.reserve(QStringLiteral("t1"), b, &wait), qPrintable(QString::number(i)));
            QCOMPARE(wait, 0);
            clock.advance(1000);
        }
        QVERIFY(!gui.reserve(QStringLiteral("t1"), b, &wait));
        QCOMPARE(wait, 50'000); // the first of the ten leaves the minute 50 s from now
        QCOMPARE(cli.waitMs(QStringLiteral("t1"), b), 50'000);
        QCOMPARE(cli.countWithin(QStringLiteral("t1"), 60'000), 10);
        // Another tenant has its own budget.
        QVERIFY(cli.reserve(QStringLiteral("t2"), b, &wait));
        clock.advance(50'000);
        QVERIFY(cli.reserve(QStringLiteral("t1"), b, &wait));
        QVERIFY(!gui.reserve(QStringLiteral("t1"), b, &wait));
        QCOMPARE(wait, 1000);
        QCOMPARE(QFile::permissions(gui.path()) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
    }

    void fortyPerHour()
    {
        QTemporaryDir dir;
        ManualClock clock;
        ActivationLedger l(dir.path(), &clock);
        const ZiaActivationBudget b;
        qint64 wait = 0;
        for (int i = 0; i < 40; ++i) {
            QVERIFY(l.reserve(QStringLiteral("t"), b, &wait));
            clock.advance(61'000); // never 10 within a minute
        }
        QVERIFY(!l.reserve(QStringLiteral("t"), b, &wait));
        QCOMPARE(wait, 3'600'000 - 40 * 61'000);
        clock.advance(wait);
        QVERIFY(l.reserve(QStringLiteral("t"), b, &wait));
    }

    void clockGoingBackAndDamagedFile()
    {
        QTemporaryDir dir;
        ManualClock clock;
        ActivationLedger l(dir.path(), &clock);
        ZiaActivationBudget b;
        b.perMinute = 2;
        qint64 wait = 0;
        QVERIFY(l.reserve(QStringLiteral("t"), b, &wait));
        QVERIFY(l.reserve(QStringLiteral("t"), b, &wait));
        clock.jumpWall(-3'600'000); // the wall clock goes back an hour: the entries count as now
        QVERIFY(!l.reserve(QStringLiteral("t"), b, &wait));
        QVERIFY(wait > 0 && wait <= 60'000);
        // A damaged file is an empty ledger (and is replaced by the next write), never a crash.
        QFile f(l.path());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"version\":1,\"tenants\":{\"t\":[\"x\",null,{}]}");
        f.close();
        QCOMPARE(l.waitMs(QStringLiteral("t"), b), 0);
        QVERIFY(l.reserve(QStringLiteral("t"), b, &wait));
        QCOMPARE(l.countWithin(QStringLiteral("t"), 60'000), 1);
    }

    void unwritableFolderStillAllows()
    {
        // The ledger cannot be written: the activation is not blocked by that (the in-process
        // budget still applies) but the caller is told why.
        ManualClock clock;
        ActivationLedger l(QStringLiteral("/proc/zconsole-no-such-dir"), &clock);
        qint64 wait = 0;
        QString error;
        QVERIFY(l.reserve(QStringLiteral("t"), ZiaActivationBudget{}, &wait, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestActivationLedger)
#include "tst_activationledger.moc"
