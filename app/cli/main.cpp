// zconsole-cli: the command-line face of zconsole. Parses the command words, hands the rest to
// the matching command's own QCommandLineParser, and maps errors to the documented exit codes.
#include "CommandRegistry.h"

#include "core/ApiError.h"
#include "core/ProcessHardening.h"
#include "store/TenantStore.h"

#include <QCoreApplication>
#include <algorithm>
#include <QDir>
#include <QLoggingCategory>
#include <QTextStream>

using namespace zc;
using namespace zc::cli;

namespace {

QString exitCodeHelp()
{
    return QStringLiteral(
        "Exit codes:\n"
        "  0  ok\n"
        "  2  usage error (bad arguments or input)\n"
        "  3  authentication failed (the server refused the credentials)\n"
        "  4  network or TLS error\n"
        "  5  API error (any other error reply from the server)\n"
        "  6  keychain error (missing, locked, refused or timed out)\n"
        "  7  configuration error (config file, unknown tenant/client, missing secret)\n"
        "  8  client expiring: a known secret expires within the days asked, or has expired\n");
}

QString globalHelp()
{
    QString s;
    QTextStream t(&s);
    t << "Usage: zconsole-cli [--config-dir DIR] [--json] COMMAND [ARGS...]\n\n"
      << "Keeps Zscaler (ZPA, ZIA, ZIdentity/OneAPI) and SaaS Security API credentials in the OS\n"
      << "keychain and talks to the APIs. Secrets are read from standard input, never from\n"
      << "arguments.\n\nCommands:\n";
    int width = 0;
    for (const Command &c : CommandRegistry::all())
        width = std::max(width, int(c.words.join(QLatin1Char(' ')).size()));
    for (const Command &c : CommandRegistry::all()) {
        const QString head = c.words.join(QLatin1Char(' '));
        t << "  " << head.leftJustified(width + 2) << c.summary << '\n';
    }
    t << "\nGlobal options (before or after the command):\n"
      << "  --config-dir DIR   config folder (default: $ZCONSOLE_CONFIG_DIR or "
      << QDir::toNativeSeparators(TenantStore::defaultConfigDir()) << ")\n"
      << "  --json             machine-readable JSON output (errors as JSON on stderr)\n"
      << "  -h, --help         help (also after any command)\n"
      << "  -v, --version      version\n\n"
      << "Environment:\n"
      << "  ZCONSOLE_CONFIG_DIR        config folder, like --config-dir\n"
      << "  ZCONSOLE_KEYCHAIN_SERVICE  keychain service name (default \"zconsole\")\n"
      << "  ZCONSOLE_KEYCHAIN_TIMEOUT  seconds to wait for the keychain (default 30)\n\n"
      << exitCodeHelp();
    return s;
}

QString groupHelp(const QString &group)
{
    QString s;
    QTextStream t(&s);
    t << "Usage: zconsole-cli " << group << " SUBCOMMAND [ARGS...]\n\nSubcommands:\n";
    const QList<const Command *> cmds = CommandRegistry::under(group.split(QLatin1Char(' ')));
    int width = 0;
    for (const Command *c : cmds)
        width = std::max(width, int(c->words.join(QLatin1Char(' ')).size()));
    for (const Command *c : cmds)
        t << "  " << c->words.join(QLatin1Char(' ')).leftJustified(width + 2) << c->summary << '\n';
    t << "\nAdd --help after a subcommand for its options.\n";
    return s;
}

void addGlobalOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("config-dir"), QStringLiteral("Config folder."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable JSON output.")});
    p.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
}

QString commandHelp(const Command &c, QCommandLineParser &p)
{
    QString help = p.helpText();
    // QCommandLineParser prints "Usage: zconsole-cli [options] args"; show the real command.
    const int nl = help.indexOf(QLatin1Char('\n'));
    QString usage = QStringLiteral("Usage: zconsole-cli ") + c.words.join(QLatin1Char(' '))
                    + (c.synopsis.isEmpty() ? QString() : QLatin1Char(' ') + c.synopsis);
    help = usage + help.mid(nl);
    return help + QLatin1Char('\n') + exitCodeHelp();
}

} // namespace

int main(int argc, char **argv)
{
    hardenProcess();
    // Debug output only when asked for (QT_LOGGING_RULES, applied after these, wins).
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\nzconsole.*.info=false"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("zconsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ZCONSOLE_VERSION));

    QTextStream out(stdout), err(stderr);
    const QStringList all = app.arguments().mid(1);

    // Split: leading global options, then the command words.
    QStringList pre, rest;
    int i = 0;
    for (; i < all.size(); ++i) {
        const QString &a = all[i];
        if (a == QLatin1String("--config-dir") && i + 1 < all.size()) {
            pre << a << all[++i];
        } else if (a.startsWith(QLatin1Char('-'))) {
            pre << a;
        } else {
            break;
        }
    }
    rest = all.mid(i);
    const bool wantHelp = pre.contains(QStringLiteral("--help")) || pre.contains(QStringLiteral("-h"))
                          || pre.contains(QStringLiteral("help"));
    if (pre.contains(QStringLiteral("--version")) || pre.contains(QStringLiteral("-v"))) {
        out << "zconsole-cli " << ZCONSOLE_VERSION << Qt::endl;
        return exitcode::Ok;
    }
    if (rest.isEmpty() || rest.first() == QLatin1String("help")) {
        if (rest.size() > 1) { // "help tenant add"
            rest.removeFirst();
            rest << QStringLiteral("--help");
        } else {
            (wantHelp || !rest.isEmpty() ? out : err) << globalHelp();
            return wantHelp || !rest.isEmpty() ? exitcode::Ok : exitcode::Usage;
        }
    }

    int consumed = 0;
    const Command *cmd = CommandRegistry::match(rest, &consumed);
    if (!cmd) {
        // A group word alone ("tenant") or a typo.
        QStringList words;
        for (const QString &w : rest) {
            if (w.startsWith(QLatin1Char('-')))
                break;
            words << w;
        }
        for (int n = int(words.size()); n > 0; --n) {
            const QString g = words.mid(0, n).join(QLatin1Char(' '));
            if (!CommandRegistry::under(words.mid(0, n)).isEmpty()) {
                const bool help = rest.contains(QStringLiteral("--help")) || rest.contains(QStringLiteral("-h"));
                if (!help && n < words.size())
                    err << "zconsole-cli: unknown command '" << words.join(QLatin1Char(' ')) << "'\n";
                (help ? out : err) << groupHelp(g);
                return help ? exitcode::Ok : exitcode::Usage;
            }
        }
        err << "zconsole-cli: unknown command '" << rest.first() << "'\n"
            << "Try 'zconsole-cli --help'." << Qt::endl;
        return exitcode::Usage;
    }

    CliContext ctx;
    QCommandLineParser &p = ctx.parser;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.setApplicationDescription(cmd->summary + (cmd->description.isEmpty()
                                                    ? QString()
                                                    : QStringLiteral("\n\n") + cmd->description));
    addGlobalOptions(p);
    if (cmd->setup)
        cmd->setup(p);
    QStringList parseArgs{QStringLiteral("zconsole-cli")};
    parseArgs << pre << rest.mid(consumed);
    if (!p.parse(parseArgs)) {
        ctx.err << "zconsole-cli " << cmd->words.join(QLatin1Char(' ')) << ": " << p.errorText() << Qt::endl;
        ctx.err << "Try 'zconsole-cli " << cmd->words.join(QLatin1Char(' ')) << " --help'." << Qt::endl;
        return exitcode::Usage;
    }
    if (p.isSet(QStringLiteral("help")) || wantHelp) {
        out << commandHelp(*cmd, p);
        return exitcode::Ok;
    }
    ctx.json = p.isSet(QStringLiteral("json"));
    ctx.configDir = p.isSet(QStringLiteral("config-dir")) ? p.value(QStringLiteral("config-dir"))
                                                          : TenantStore::defaultConfigDir();
    const int rc = cmd->run(ctx);
    ctx.out.flush();
    ctx.err.flush();
    return rc;
}
