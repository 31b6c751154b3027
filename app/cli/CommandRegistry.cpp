#include "CommandRegistry.h"

#include <algorithm>

namespace zc::cli {

namespace {
QList<Command> &registry()
{
    static QList<Command> commands;
    return commands;
}
} // namespace

void CommandRegistry::add(Command command)
{
    registry().append(std::move(command));
    std::sort(registry().begin(), registry().end(),
              [](const Command &a, const Command &b) { return a.words < b.words; });
}

const QList<Command> &CommandRegistry::all() { return registry(); }

const Command *CommandRegistry::match(const QStringList &args, int *consumed)
{
    const Command *best = nullptr;
    for (const Command &c : registry()) {
        if (c.words.size() > args.size())
            continue;
        if (args.mid(0, c.words.size()) != c.words)
            continue;
        if (!best || c.words.size() > best->words.size())
            best = &c;
    }
    if (best && consumed)
        *consumed = int(best->words.size());
    return best;
}

QList<const Command *> CommandRegistry::under(const QStringList &prefix)
{
    QList<const Command *> out;
    for (const Command &c : registry())
        if (c.words.size() > prefix.size() && c.words.mid(0, prefix.size()) == prefix)
            out.append(&c);
    return out;
}

} // namespace zc::cli
