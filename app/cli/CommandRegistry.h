#pragma once

#include "CliContext.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace zc::cli {

// One command of zconsole-cli, e.g. {"tenant","add"}. Command files register themselves with a
// static CommandRegistrar, so adding a command never touches main.cpp.
struct Command
{
    QStringList words;   // {"tenant", "add"}
    QString synopsis;    // "NAME [--cloud C] ..." (after the command words)
    QString summary;     // one line for the command list
    QString description; // paragraph(s) for the command's --help
    std::function<void(QCommandLineParser &)> setup; // adds options and positional args
    std::function<int(CliContext &)> run;
};

class CommandRegistry
{
public:
    static void add(Command command);
    static const QList<Command> &all();
    // The command whose words are the longest prefix of `args`; null if none.
    static const Command *match(const QStringList &args, int *consumed);
    // Commands under a group prefix, e.g. {"tenant"}.
    static QList<const Command *> under(const QStringList &prefix);
};

struct CommandRegistrar
{
    explicit CommandRegistrar(Command command) { CommandRegistry::add(std::move(command)); }
};

} // namespace zc::cli
