// zconsole: the desktop face. Argument parsing, translations and wiring only.
#include "services/AppServices.h"
#include "DemoMode.h"
#include "Icons.h"
#include "MainWindow.h"
#include "core/ProcessHardening.h"
#include "store/TenantStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

namespace {

void installTranslators(QApplication &app, const QLocale &locale)
{
    // zconsole's own (embedded by qt_add_translations as :/i18n/zconsole_<lang>.qm), Qt's and
    // qtkeychain's; English (no translator) is the fallback for each.
    struct Source
    {
        const char *name;
        QString dir;
    };
    const Source sources[] = {
        {"zconsole", QStringLiteral(":/i18n")},
        {"qtbase", QLibraryInfo::path(QLibraryInfo::TranslationsPath)},
        {"qtkeychain", QStringLiteral("/usr/share/qt6keychain/translations")},
        {"qtkeychain", QLibraryInfo::path(QLibraryInfo::TranslationsPath)},
    };
    QSet<QString> loaded;
    for (const Source &s : sources) {
        const QString name = QString::fromLatin1(s.name);
        if (loaded.contains(name) || (!s.dir.startsWith(QLatin1Char(':')) && !QFileInfo(s.dir).isDir()))
            continue;
        auto *t = new QTranslator(&app);
        if (t->load(locale, name, QStringLiteral("_"), s.dir)) {
            QCoreApplication::installTranslator(t);
            loaded.insert(name);
        } else {
            delete t;
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    zc::hardenProcess(); // before anything can hold a secret: no core dumps, no ptrace

    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("zconsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ZCONSOLE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("zconsole"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.zconsole"));
    zc::Icons::initResources();
    QApplication::setWindowIcon(zc::Icons::get(QStringLiteral("zconsole")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Console and offline credential manager for Zscaler and SaaS Security tenants."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configDirOpt(
        QStringLiteral("config-dir"),
        QStringLiteral("Use DIR for the configuration (default: $ZCONSOLE_CONFIG_DIR or the "
                       "platform's config folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption langOpt(QStringLiteral("lang"),
                                     QStringLiteral("User-interface language, e.g. de."),
                                     QStringLiteral("LANG"));
    const QCommandLineOption screenshotOpt(
        QStringLiteral("screenshot"),
        QStringLiteral("Show the window, save a PNG of it to FILE and exit."), QStringLiteral("FILE"));
    const QCommandLineOption demoOpt(
        QStringLiteral("demo"),
        QStringLiteral("Start the built-in API simulator and open a demo tenant (nothing real is "
                       "touched)."));
    parser.addOptions({configDirOpt, langOpt, screenshotOpt, demoOpt});
    parser.process(app);

    const QLocale locale = parser.isSet(langOpt) ? QLocale(parser.value(langOpt)) : QLocale();
    if (parser.isSet(langOpt))
        QLocale::setDefault(locale);
    installTranslators(app, locale);

    QString configDir = parser.isSet(configDirOpt) ? parser.value(configDirOpt)
                                                   : zc::TenantStore::defaultConfigDir();
    configDir = QDir::cleanPath(QDir(configDir).absolutePath());

    std::unique_ptr<zc::DemoMode> demo;
    QString keychainService = zc::SecretStore::defaultService();
    if (parser.isSet(demoOpt)) {
        demo = std::make_unique<zc::DemoMode>();
        QString error;
        if (!demo->start(configDir, &error)) {
            std::fprintf(stderr, "zconsole: %s\n", qPrintable(error));
            return demo->exitCode();
        }
        configDir = demo->configDir();
        keychainService = demo->keychainService();
    }

    zc::AppServices services(configDir, keychainService);
    services.load();
    if (demo && !demo->seed(&services)) {
        std::fprintf(stderr, "zconsole: %s\n", qPrintable(demo->errorString()));
        return demo->exitCode();
    }

    // The background session: token tracking and refresh, ZIA status (its own thread).
    services.startSession();

    zc::MainWindow window(&services);
    window.show();

    if (parser.isSet(screenshotOpt)) {
        const QString file = parser.value(screenshotOpt);
        QTimer::singleShot(300, &window, [&window, file] {
            QDir().mkpath(QFileInfo(file).absolutePath());
            const bool ok = window.grab().save(file, "PNG");
            if (!ok)
                std::fprintf(stderr, "zconsole: cannot write the screenshot %s\n", qPrintable(file));
            window.saveSettings();
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }
    const int rc = app.exec();
    services.stopSession(); // before the demo simulator goes away
    if (demo)
        demo->stop();
    return rc;
}
