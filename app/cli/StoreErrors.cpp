#include "StoreErrors.h"

#include "CliOutput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>
#include <unistd.h>

namespace zc::cli {

int failStore(CliContext &ctx, const StoreResult &r)
{
    if (r.issues.isEmpty())
        return ctx.fail(r.error);
    if (ctx.json) {
        QJsonArray issues;
        for (const auto &i : r.issues)
            issues.append(QJsonObject{{QStringLiteral("field"), i.field}, {QStringLiteral("message"), i.message}});
        const QJsonObject e{{QStringLiteral("kind"), ApiError::kindName(ErrorKind::Usage)},
                            {QStringLiteral("message"), joinIssues(r.issues)},
                            {QStringLiteral("exitCode"), exitcode::Usage},
                            {QStringLiteral("issues"), issues}};
        ctx.err << QJsonDocument(QJsonObject{{QStringLiteral("error"), e}}).toJson(QJsonDocument::Compact)
                << Qt::endl;
    } else {
        for (const auto &i : r.issues)
            ctx.err << "zconsole-cli: invalid " << i.field << ": " << printable(i.message) << Qt::endl;
    }
    return exitcode::Usage;
}

const Tenant *requireTenant(CliContext &ctx, const QString &name, int *rc)
{
    TenantStore *s = ctx.store();
    const Tenant *t = s->findTenant(name);
    if (!t)
        *rc = ctx.fail(ErrorKind::Config,
                       QObject::tr("No tenant named \"%1\" (see: zconsole-cli tenant list)").arg(printable(name)));
    return t;
}

const ApiClient *requireClient(CliContext &ctx, const QString &name, int *rc)
{
    TenantStore *s = ctx.store();
    const ApiClient *c = s->findClient(name);
    if (!c)
        *rc = ctx.fail(ErrorKind::Config,
                       QObject::tr("No API client named \"%1\" (see: zconsole-cli client list)").arg(printable(name)));
    return c;
}

namespace {
QString readLineFromTty()
{
    QTextStream in(stdin);
    return in.readLine();
}
} // namespace

bool confirmProtected(CliContext &ctx, const Tenant &t, const QString &action)
{
    if (ctx.parser.isSet(QStringLiteral("confirm")))
        return ctx.parser.value(QStringLiteral("confirm")) == t.name;
    if (!isatty(STDIN_FILENO))
        return false;
    ctx.err << QObject::tr("\"%1\" is a protected tenant. To %2, type its name: ").arg(printable(t.name), action);
    ctx.err.flush();
    return readLineFromTty() == t.name;
}

bool askYesNo(CliContext &ctx, const QString &question)
{
    if (!isatty(STDIN_FILENO))
        return false;
    ctx.err << question << " [y/N] ";
    ctx.err.flush();
    const QString a = readLineFromTty().trimmed().toLower();
    return a == QLatin1String("y") || a == QLatin1String("yes");
}

} // namespace zc::cli
