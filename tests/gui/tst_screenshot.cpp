// Runs the built `zconsole` as a person would: --help, --version, and --screenshot on a config
// folder with a few tenants and clients (the README picture), checking the PNG is a real image.
#include "GuiTestUtil.h"

#include "store/TenantStore.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace zc;
using namespace zc::guitest;

class TestScreenshot : public QObject
{
    Q_OBJECT

private slots:
    void helpAndVersion();
    void screenshotOfPopulatedConfig();
    void demoMode();

private:
    static int run(const QStringList &args, QByteArray *out = nullptr, int timeoutMs = 60000);
};

int TestScreenshot::run(const QStringList &args, QByteArray *out, int timeoutMs)
{
    QProcess p;
    p.setProgram(QStringLiteral(ZC_GUI_EXE));
    p.setArguments(args);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

void TestScreenshot::helpAndVersion()
{
    QByteArray out;
    QCOMPARE(run({QStringLiteral("--help")}, &out), 0);
    for (const char *opt : {"--config-dir", "--lang", "--screenshot", "--demo"})
        QVERIFY2(out.contains(opt), opt);
    QCOMPARE(run({QStringLiteral("--version")}, &out), 0);
    QVERIFY(out.contains(ZCONSOLE_VERSION));
}

void TestScreenshot::screenshotOfPopulatedConfig()
{
    QTemporaryDir dir;
    {
        TenantStore store(dir.path());
        QVERIFY(store.load());
        Tenant prod = makeTenant(QStringLiteral("Acme Production"), QStringLiteral("zscalertwo"), true);
        prod.vanity = QStringLiteral("acme");
        prod.zpaCustomerId = QStringLiteral("216196257331281920");
        prod.ziaOrgId = QStringLiteral("8956412");
        prod.color = QStringLiteral("#c62828");
        prod.notes = QStringLiteral("EU production — change window Tue 18:00 CET");
        Tenant stage = makeTenant(QStringLiteral("Acme Staging"), QStringLiteral("zscalerbeta"));
        stage.vanity = QStringLiteral("acme-stage");
        stage.color = QStringLiteral("#1565c0");
        Tenant lab = makeTenant(QStringLiteral("Globex Lab"), QStringLiteral("zscloud"));
        lab.zpaCustomerId = QStringLiteral("72057594037927936");
        const StoreResult p = store.addTenant(prod);
        QVERIFY(p.ok);
        QVERIFY(store.addTenant(stage).ok);
        const StoreResult l = store.addTenant(lab);
        QVERIFY(l.ok);
        QVERIFY(store.addClient(makeClient(p.id, QStringLiteral("acme-oneapi"), AuthKind::OneApiSecret)).ok);
        QVERIFY(store.addClient(makeClient(p.id, QStringLiteral("acme-zpa"), AuthKind::ZpaLegacy)).ok);
        QVERIFY(store.addClient(makeClient(l.id, QStringLiteral("globex-zia"), AuthKind::ZiaLegacy)).ok);
        QSettings ini(QDir(dir.path()).filePath(QStringLiteral("zconsole-ui.ini")), QSettings::IniFormat);
        ini.setValue(QStringLiteral("services/activeTenant"), p.id);
    }
    const QString shot = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots/zconsole.png");
    QFile::remove(shot);
    QByteArray out;
    const int rc = run({QStringLiteral("--config-dir"), dir.path(), QStringLiteral("--screenshot"), shot}, &out);
    QVERIFY2(rc == 0, out.constData());
    QVERIFY(QFileInfo::exists(shot));
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800 && image.height() >= 400);
    QVERIFY2(maxDistinctColoursInARow(image) > 2, "blank screenshot (missing fonts?)");

    // The window reopens where it was left: the API Clients page, from zconsole-ui.ini.
    {
        QSettings ini(QDir(dir.path()).filePath(QStringLiteral("zconsole-ui.ini")), QSettings::IniFormat);
        QVERIFY(!ini.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        ini.setValue(QStringLiteral("window/page"), 1);
    }
    const QString clients = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots/zconsole-clients.png");
    QVERIFY2(run({QStringLiteral("--config-dir"), dir.path(), QStringLiteral("--screenshot"), clients}, &out) == 0,
             out.constData());
    QVERIFY(!QImage(clients).isNull());
}

void TestScreenshot::demoMode()
{
    QByteArray out;
    QTemporaryDir dir;
    const QString shot = QStringLiteral(ZC_BINARY_DIR) + QStringLiteral("/screenshots/zconsole-demo.png");
    QFile::remove(shot);
    const int rc = run({QStringLiteral("--demo"), QStringLiteral("--config-dir"), dir.path(),
                        QStringLiteral("--screenshot"), shot}, &out);
#ifdef ZC_EXPECT_DEMO
    QVERIFY2(rc == 0, out.constData());
    QVERIFY(QFileInfo::exists(shot));
    // The demo tenant is on screen: its colour (#00897b) marks the banner's stripe and name.
    const QImage image(shot);
    QVERIFY(!image.isNull());
    int demoPixels = 0;
    for (int y = 0; y < image.height() / 4; ++y)
        for (int x = 0; x < image.width(); ++x)
            demoPixels += image.pixel(x, y) == qRgb(0x00, 0x89, 0x7b) ? 1 : 0;
    QVERIFY2(demoPixels > 150, qPrintable(QString::number(demoPixels)));
    // The demo never writes into the real config folder.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList());
#else
    QCOMPARE(rc, 2);
    QVERIFY2(out.contains("demo mode needs the simulator"), out.constData());
#endif
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
