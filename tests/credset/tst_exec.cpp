// exec of the real zconsole-cli binary: a test program (sh) sees the profile's SDK variables
// with the secrets from the keychain; zconsole-cli's own environment and command line (read by
// the child from /proc/<its parent>) never hold them; the child's exit code comes back.
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using zctest::CliResult;

#define CLI_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).text()))

class TestExec : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    CliResult cli(QStringList args, const QByteArray &in = {})
    {
        args.prepend(m_tmp.filePath(QStringLiteral("cfg")));
        args.prepend(QStringLiteral("--config-dir"));
        return zctest::runCli(args, in, 60'000);
    }
    QByteArray readAll(const QString &name)
    {
        QFile f(m_tmp.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }

private slots:
    void childSeesTheVariablesParentDoesNot()
    {
        QVERIFY2(zctest::haveTestKeyring(), "needs the private keyring of tests/run-isolated.sh");
        const QByteArray pw = "canary-exec-pw-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        const QByteArray key = "canary-exec-key-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        const QByteArray sec = "canary-exec-sec-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        CLI_OK(cli({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("T"), QStringLiteral("--cloud"), QStringLiteral("zscalertwo"),
                    QStringLiteral("--vanity"), QStringLiteral("acme"), QStringLiteral("--zpa-customer-id"), QStringLiteral("7200")}));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("zia"), QStringLiteral("--tenant"), QStringLiteral("T"),
                    QStringLiteral("--kind"), QStringLiteral("zia-legacy"), QStringLiteral("--username"), QStringLiteral("admin@acme.example")}));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), QStringLiteral("zia"), QStringLiteral("--field"), QStringLiteral("password")}, pw + '\n'));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), QStringLiteral("zia"), QStringLiteral("--field"), QStringLiteral("api-key")}, key + '\n'));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("one"), QStringLiteral("--tenant"), QStringLiteral("T"),
                    QStringLiteral("--kind"), QStringLiteral("oneapi-secret"), QStringLiteral("--client-id"), QStringLiteral("cid-77")}));
        CLI_OK(cli({QStringLiteral("client"), QStringLiteral("set-secret"), QStringLiteral("one")}, sec + '\n'));

        const QString dir = m_tmp.path();
        const QString script = QStringLiteral(
                                   "cd '%1' && printf '%s|%s|%s|%s' \"$ZIA_USERNAME\" \"$ZIA_PASSWORD\" \"$ZIA_API_KEY\" \"$ZIA_CLOUD\" > zia.txt"
                                   " && cat /proc/$PPID/environ > parent-environ && cat /proc/$PPID/cmdline > parent-cmdline; exit 42")
                                   .arg(dir);
        const CliResult r = cli({QStringLiteral("exec"), QStringLiteral("zia"), QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script});
        QCOMPARE(r.exitCode, 42); // the child's
        QCOMPARE(readAll(QStringLiteral("zia.txt")), "admin@acme.example|" + pw + '|' + key + "|zscalertwo");
        const QByteArray env = readAll(QStringLiteral("parent-environ")), cmdline = readAll(QStringLiteral("parent-cmdline"));
        QVERIFY(cmdline.contains("exec") && env.contains("HOME="));
        for (const QByteArray &s : {pw, key})
            QVERIFY2(!env.contains(s) && !cmdline.contains(s) && !r.out.contains(s) && !r.err.contains(s), s.constData());

        // Options after CLIENT belong to the command; no "--" needed.
        const CliResult o = cli({QStringLiteral("exec"), QStringLiteral("one"), QStringLiteral("sh"), QStringLiteral("-c"),
                                 QStringLiteral("printf '%s|%s|%s|%s' \"$ZSCALER_CLIENT_ID\" \"$ZSCALER_CLIENT_SECRET\" \"$ZSCALER_VANITY_DOMAIN\" \"$ZPA_CUSTOMER_ID\"; exit 0")});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.out, "cid-77|" + sec + "|acme|7200");
        QCOMPARE(cli({QStringLiteral("exec"), QStringLiteral("one"), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")}).exitCode, 3);
        QCOMPARE(cli({QStringLiteral("exec"), QStringLiteral("one"), QStringLiteral("/nonexistent/program")}).exitCode, 127);
        QCOMPARE(cli({QStringLiteral("exec"), QStringLiteral("nobody"), QStringLiteral("true")}).exitCode, 7);
        QVERIFY(zctest::filesContaining(m_tmp.filePath(QStringLiteral("cfg")), pw).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExec)
#include "tst_exec.moc"
