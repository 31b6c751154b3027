// zconsole-cli tenant add|list|show|edit|remove
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "StoreErrors.h"

#include "core/Cloud.h"
#include "store/ClientSecrets.h"
#include "store/TenantStore.h"

#include <QEventLoop>
#include <QJsonArray>

namespace zc::cli {
namespace {

const QString kCloud = QStringLiteral("cloud");
const QString kVanity = QStringLiteral("vanity");
const QString kZpa = QStringLiteral("zpa-customer-id");
const QString kZia = QStringLiteral("zia-org-id");
const QString kNotes = QStringLiteral("notes");
const QString kColor = QStringLiteral("color");
const QString kProtected = QStringLiteral("protected");
const QString kUnprotected = QStringLiteral("unprotected");
const QString kZidAdmin = QStringLiteral("zid-admin");
const QString kZidRoute = QStringLiteral("zid-route");
const QString kZidUrl = QStringLiteral("zid-url");

QString cloudList()
{
    QStringList ids;
    for (const auto &c : Clouds::known())
        ids << c.id;
    return ids.join(QStringLiteral(", "));
}

void addTenantFieldOptions(QCommandLineParser &p, bool edit)
{
    p.addOption({kCloud, QStringLiteral("Cloud: one of %1, or a host name for a custom cloud%2.")
                             .arg(cloudList(), edit ? QString() : QStringLiteral(" (default zscaler)")),
                 QStringLiteral("C")});
    p.addOption({kVanity, QStringLiteral("ZIdentity vanity domain (\"acme\" of acme.zslogin.net; a full host is accepted)."),
                 QStringLiteral("V")});
    p.addOption({kZpa, QStringLiteral("ZPA customer id (digits)."), QStringLiteral("ID")});
    p.addOption({kZia, QStringLiteral("ZIA organisation id (digits)."), QStringLiteral("ID")});
    p.addOption({kNotes, QStringLiteral("Free-text notes."), QStringLiteral("T")});
    p.addOption({kColor, QStringLiteral("Banner colour, e.g. #c0392b."), QStringLiteral("C")});
    p.addOption({kProtected, QStringLiteral("Mark as a protected (production) tenant: changes ask for its name.")});
    p.addOption({kZidAdmin, QStringLiteral("The oneapi-* profile (name or id) that manages the tenant's ZIdentity API clients."),
                 QStringLiteral("CLIENT")});
    p.addOption({kZidRoute, QStringLiteral("How the ZIdentity admin API is reached: gateway (default, {base}/ziam/admin/api/v1) "
                                           "or direct ({vanity}-admin.zslogin.net/admin/api/v1)."),
                 QStringLiteral("ROUTE")});
    p.addOption({kZidUrl, QStringLiteral("With --zid-route direct: the https:// scheme and host to use instead."), QStringLiteral("URL")});
    if (edit)
        p.addOption({kUnprotected, QStringLiteral("Clear the protected mark (asks for the name).")});
}

void applyTenantOptions(const QCommandLineParser &p, Tenant &t, bool edit)
{
    if (p.isSet(kCloud))
        t.setCloudFromInput(p.value(kCloud));
    if (p.isSet(kVanity))
        t.vanity = Tenant::normalizeVanity(p.value(kVanity));
    if (p.isSet(kZpa))
        t.zpaCustomerId = p.value(kZpa).trimmed();
    if (p.isSet(kZia))
        t.ziaOrgId = p.value(kZia).trimmed();
    if (p.isSet(kNotes))
        t.notes = p.value(kNotes);
    if (p.isSet(kColor))
        t.color = p.value(kColor).trimmed();
    if (p.isSet(kZidAdmin))
        t.zidAdminClient = p.value(kZidAdmin).trimmed();
    if (p.isSet(kZidRoute))
        t.zidRoute = p.value(kZidRoute).trimmed().toLower();
    if (p.isSet(kZidUrl))
        t.zidDirectUrl = p.value(kZidUrl).trimmed();
    if (p.isSet(kProtected))
        t.isProtected = true;
    if (edit && p.isSet(kUnprotected))
        t.isProtected = false;
}

QJsonObject tenantJson(TenantStore *s, const Tenant &t)
{
    QJsonObject o = t.toJson();
    o.insert(QStringLiteral("clientCount"), int(s->clientsOf(t.id).size()));
    return o;
}

int runAdd(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("tenant add needs exactly one NAME"));
    TenantStore *s = ctx.store();
    Tenant t;
    t.name = ctx.args().first();
    t.cloud = QStringLiteral("zscaler");
    applyTenantOptions(ctx.parser, t, false);
    const StoreResult r = s->addTenant(t);
    if (!r.ok)
        return failStore(ctx, r);
    const Tenant *added = s->tenant(r.id);
    if (ctx.json)
        ctx.printJson(tenantJson(s, *added));
    else
        ctx.out << "Added tenant \"" << printable(added->name) << "\" (" << added->id << ")" << Qt::endl;
    return exitcode::Ok;
}

int runList(CliContext &ctx)
{
    if (!ctx.args().isEmpty())
        return ctx.usage(QStringLiteral("tenant list takes no arguments"));
    TenantStore *s = ctx.store();
    if (ctx.json) {
        QJsonArray a;
        for (const Tenant &t : s->tenants())
            a.append(tenantJson(s, t));
        ctx.printJson(a);
        return exitcode::Ok;
    }
    if (s->tenants().isEmpty()) {
        ctx.out << "No tenants yet. Add one with: zconsole-cli tenant add NAME --cloud zscaler" << Qt::endl;
        return exitcode::Ok;
    }
    QList<QStringList> rows;
    for (const Tenant &t : s->tenants())
        rows << QStringList{t.name, t.cloudDisplay(), t.vanity, t.zpaCustomerId, t.ziaOrgId,
                            QString::number(s->clientsOf(t.id).size()),
                            t.isProtected ? QStringLiteral("yes") : QString()};
    printTable(ctx.out, {QStringLiteral("NAME"), QStringLiteral("CLOUD"), QStringLiteral("VANITY"),
                         QStringLiteral("ZPA CUSTOMER"), QStringLiteral("ZIA ORG"),
                         QStringLiteral("CLIENTS"), QStringLiteral("PROTECTED")},
               rows);
    return exitcode::Ok;
}

int runShow(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("tenant show needs exactly one NAME"));
    int rc = 0;
    const Tenant *t = requireTenant(ctx, ctx.args().first(), &rc);
    if (!t)
        return rc;
    TenantStore *s = ctx.store();
    const QList<ApiClient> clients = s->clientsOf(t->id);
    if (ctx.json) {
        QJsonObject o = tenantJson(s, *t);
        QJsonArray ca;
        for (const ApiClient &c : clients)
            ca.append(QJsonObject{{QStringLiteral("id"), c.id},
                                  {QStringLiteral("name"), c.name},
                                  {QStringLiteral("kind"), authKindName(c.kind)}});
        o.insert(QStringLiteral("clients"), ca);
        ctx.printJson(o);
        return exitcode::Ok;
    }
    QStringList names;
    for (const ApiClient &c : clients)
        names << c.name + QStringLiteral(" (") + authKindName(c.kind) + QLatin1Char(')');
    printFields(ctx.out, {{QStringLiteral("Name"), t->name},
                          {QStringLiteral("Id"), t->id},
                          {QStringLiteral("Cloud"), t->cloudDisplay()},
                          {QStringLiteral("Vanity domain"), t->vanity},
                          {QStringLiteral("ZPA customer id"), t->zpaCustomerId},
                          {QStringLiteral("ZIA org id"), t->ziaOrgId},
                          {QStringLiteral("Colour"), t->color},
                          {QStringLiteral("Protected"), t->isProtected ? QStringLiteral("yes") : QStringLiteral("no")},
                          {QStringLiteral("Notes"), t->notes},
                          {QStringLiteral("API clients"), names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))},
                          {QStringLiteral("Created"), t->created.toString(Qt::ISODate)},
                          {QStringLiteral("Modified"), t->modified.toString(Qt::ISODate)}});
    return exitcode::Ok;
}

int runEdit(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("tenant edit needs exactly one NAME"));
    int rc = 0;
    const Tenant *found = requireTenant(ctx, ctx.args().first(), &rc);
    if (!found)
        return rc;
    Tenant t = *found;
    if (t.isProtected && !confirmProtected(ctx, t, QStringLiteral("change it")))
        return ctx.fail(ErrorKind::Usage,
                        QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(t.name)));
    if (ctx.parser.isSet(QStringLiteral("name")))
        t.name = ctx.parser.value(QStringLiteral("name"));
    applyTenantOptions(ctx.parser, t, true);
    const StoreResult r = ctx.store()->updateTenant(t);
    if (!r.ok)
        return failStore(ctx, r);
    if (ctx.json)
        ctx.printJson(tenantJson(ctx.store(), *ctx.store()->tenant(t.id)));
    else
        ctx.out << "Updated tenant \"" << printable(t.name) << "\"" << Qt::endl;
    return exitcode::Ok;
}

int runRemove(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("tenant remove needs exactly one NAME"));
    int rc = 0;
    const Tenant *found = requireTenant(ctx, ctx.args().first(), &rc);
    if (!found)
        return rc;
    const Tenant t = *found;
    const int nClients = int(ctx.store()->clientsOf(t.id).size());
    if (t.isProtected && !confirmProtected(ctx, t, QStringLiteral("remove it")))
        return ctx.fail(ErrorKind::Usage,
                        QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(t.name)));
    if (nClients > 0 && !ctx.parser.isSet(QStringLiteral("yes"))
        && !askYesNo(ctx, QStringLiteral("Remove \"%1\", its %2 API client(s) and their keychain entries?")
                              .arg(printable(t.name))
                              .arg(nClients)))
        return ctx.fail(ErrorKind::Usage,
                        QStringLiteral("\"%1\" has %2 API client(s); add --yes to remove them and their keychain entries too")
                            .arg(printable(t.name))
                            .arg(nClients));
    QEventLoop loop;
    ApiError result;
    bool done = false;
    ctx.secrets()->removeTenant(t.id, &loop, [&](const ApiError &e) {
        result = e;
        done = true;
        loop.quit();
    });
    if (!done) // the callback may already have run (nothing to wipe)
        loop.exec();
    if (result.isError())
        return ctx.fail(result.kind == ErrorKind::Keychain
                            ? ApiError::make(ErrorKind::Keychain,
                                             QStringLiteral("Tenant removed from the config, but: ") + result.message)
                            : result);
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("removed"), t.id}, {QStringLiteral("clientsRemoved"), nClients}});
    else
        ctx.out << "Removed tenant \"" << printable(t.name) << "\"" << (nClients ? QStringLiteral(" and %1 API client(s)").arg(nClients) : QString())
                << Qt::endl;
    return exitcode::Ok;
}

const CommandRegistrar addCmd({{QStringLiteral("tenant"), QStringLiteral("add")},
                               QStringLiteral("NAME [--cloud C] [--vanity V] [--zpa-customer-id ID] [--zia-org-id ID] [--notes T] [--color C] [--protected] [--zid-admin CLIENT] [--zid-route gateway|direct] [--zid-url URL]"),
                               QStringLiteral("Add a tenant."),
                               QStringLiteral("NAME must be unique (case-insensitive). Nothing secret is stored with a tenant."),
                               [](QCommandLineParser &p) {
                                   p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Tenant name."));
                                   addTenantFieldOptions(p, false);
                               },
                               runAdd});
const CommandRegistrar listCmd({{QStringLiteral("tenant"), QStringLiteral("list")}, QString(),
                                QStringLiteral("List tenants."), QString(), nullptr, runList});
const CommandRegistrar showCmd({{QStringLiteral("tenant"), QStringLiteral("show")}, QStringLiteral("NAME"),
                                QStringLiteral("Show one tenant and its API clients."), QString(),
                                [](QCommandLineParser &p) {
                                    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Tenant name or id."));
                                },
                                runShow});
const CommandRegistrar editCmd({{QStringLiteral("tenant"), QStringLiteral("edit")},
                                QStringLiteral("NAME [--name NEW] [--cloud C] [--vanity V] [--zpa-customer-id ID] [--zia-org-id ID] [--notes T] [--color C] [--protected|--unprotected] [--zid-admin CLIENT] [--zid-route gateway|direct] [--zid-url URL] [--confirm NAME]"),
                                QStringLiteral("Change a tenant."),
                                QStringLiteral("Only the options given change. An empty value clears a field. A protected tenant "
                                               "asks for its name to be typed (or --confirm NAME)."),
                                [](QCommandLineParser &p) {
                                    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Tenant name or id."));
                                    p.addOption({QStringLiteral("name"), QStringLiteral("New name."), QStringLiteral("NEW")});
                                    addTenantFieldOptions(p, true);
                                    p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, to confirm a change of a protected tenant."), QStringLiteral("NAME")});
                                },
                                runEdit});
const CommandRegistrar removeCmd({{QStringLiteral("tenant"), QStringLiteral("remove")},
                                  QStringLiteral("NAME [--yes] [--confirm NAME]"),
                                  QStringLiteral("Remove a tenant, its API clients and their keychain entries."),
                                  QStringLiteral("A tenant with API clients needs --yes (or a yes at the prompt on a terminal). "
                                                 "A protected tenant also needs its name typed (or --confirm NAME)."),
                                  [](QCommandLineParser &p) {
                                      p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Tenant name or id."));
                                      p.addOption({QStringLiteral("yes"), QStringLiteral("Do not ask; also remove its API clients.")});
                                      p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, to confirm removal of a protected tenant."), QStringLiteral("NAME")});
                                  },
                                  runRemove});

} // namespace
} // namespace zc::cli
