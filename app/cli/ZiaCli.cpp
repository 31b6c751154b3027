#include "ZiaCli.h"

#include "CliOutput.h"

#include "store/TenantStore.h"

#include <QFile>
#include <cstdio>
#include <unistd.h>

namespace zc::cli {

const ApiClient *addClientOfKind(CliContext &ctx, AuthRuntime &rt, const QString &name,
                                 bool (*accepts)(AuthKind), const QString &needs, int *rc)
{
    const ApiClient *c = rt.addClient(name, rc);
    if (!c)
        return nullptr;
    if (!accepts(c->kind)) {
        *rc = ctx.fail(ErrorKind::Usage, QStringLiteral("\"%1\" is a %2 client; this command needs %3")
                                             .arg(printable(c->name), c->info().name, needs));
        return nullptr;
    }
    return c;
}

const Tenant *tenantOf(CliContext &ctx, const ApiClient &client)
{
    return ctx.store() ? ctx.store()->tenant(client.tenantId) : nullptr;
}

void printUrlIssues(CliContext &ctx, const UrlLookupInput &input)
{
    for (const UrlIssue &i : input.invalid)
        ctx.err << "zconsole-cli: not sent: entry " << i.line << " \"" << printable(i.input) << "\": "
                << i.reason << Qt::endl;
    if (input.duplicates > 0)
        ctx.err << "zconsole-cli: " << input.duplicates << " duplicate(s) dropped" << Qt::endl;
}

QJsonArray urlIssuesJson(const UrlLookupInput &input)
{
    QJsonArray a;
    for (const UrlIssue &i : input.invalid)
        a.append(QJsonObject{{QStringLiteral("entry"), i.line},
                             {QStringLiteral("input"), i.input},
                             {QStringLiteral("reason"), i.reason}});
    return a;
}

QString pendingNote(const ApiClient &client, const Tenant &tenant)
{
    QString s = QStringLiteral("Tenant \"%1\" now has pending changes: nothing takes effect until someone activates "
                               "(zconsole-cli zia activate \"%2\").")
                    .arg(printable(tenant.name), printable(client.name));
    if (client.kind == AuthKind::ZiaLegacy)
        s += QStringLiteral(" Note: this zia-legacy session activates them by itself when it ends (idle timeout, "
                            "5 to 20 minutes).");
    return s;
}

QString readAllStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll());
}

bool stdinIsTerminal()
{
    return isatty(STDIN_FILENO);
}

} // namespace zc::cli
