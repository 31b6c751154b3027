// Every command of zconsole-cli has complete --help: usage line, each option of its synopsis
// described, the exit codes; and the global help lists every command.
#include "CliRunner.h"

#include <QRegularExpression>
#include <QTest>

class TestCliHelp : public QObject
{
    Q_OBJECT
private:
    QList<QStringList> commands()
    {
        const zctest::CliResult r = zctest::runCli({QStringLiteral("--help")});
        QList<QStringList> out;
        bool inCommands = false;
        for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("Commands:"))) {
                inCommands = true;
                continue;
            }
            if (inCommands && line.trimmed().isEmpty())
                break;
            if (inCommands) {
                const QString head = line.trimmed().section(QStringLiteral("  "), 0, 0);
                out << head.split(QLatin1Char(' '));
            }
        }
        return out;
    }

private slots:
    void globalHelp()
    {
        const zctest::CliResult r = zctest::runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *s : {"tenant add", "tenant list", "tenant show", "tenant edit", "tenant remove", "client add",
                              "client list", "client show", "client edit", "client remove", "client set-secret",
                              "--config-dir", "--json", "Exit codes", "6  keychain", "7  configuration"})
            QVERIFY2(r.out.contains(s), s);
        QCOMPARE(zctest::runCli({}).exitCode, 2);
        QCOMPARE(zctest::runCli({QStringLiteral("--version")}).exitCode, 0);
    }

    void everyCommandHelp_data()
    {
        QTest::addColumn<QStringList>("words");
        for (const QStringList &w : commands())
            QTest::newRow(qPrintable(w.join(QLatin1Char(' ')))) << w;
        QVERIFY(commands().size() >= 12);
    }
    void everyCommandHelp()
    {
        QFETCH(QStringList, words);
        const zctest::CliResult r = zctest::runCli(words + QStringList{QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        const QString help = QString::fromUtf8(r.out);
        QVERIFY2(help.startsWith(QStringLiteral("Usage: zconsole-cli ") + words.join(QLatin1Char(' '))), qPrintable(help));
        QVERIFY(help.contains(QStringLiteral("Exit codes:")));
        QVERIFY(help.contains(QStringLiteral("--config-dir")));
        // Each --option named in the usage line is described below it.
        const QString usage = help.section(QLatin1Char('\n'), 0, 0);
        static const QRegularExpression opt(QStringLiteral("--([a-z][a-z-]+)"));
        auto it = opt.globalMatch(usage);
        while (it.hasNext()) {
            const QString o = it.next().captured(1);
            QVERIFY2(help.indexOf(QStringLiteral("--") + o, usage.size()) > 0, qPrintable(o));
        }
        // Help after a group word lists its subcommands.
        const zctest::CliResult g = zctest::runCli({words.first(), QStringLiteral("--help")});
        QCOMPARE(g.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_clihelp.moc"
