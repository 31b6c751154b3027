// zconsole-cli client add|list|show|edit|remove|set-secret
#include "CliOutput.h"
#include "CommandRegistry.h"
#include "SecretInput.h"
#include "StoreErrors.h"

#include "core/Endpoints.h"
#include "store/ClientSecrets.h"
#include "store/TenantStore.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>

namespace zc::cli {
namespace {

struct FieldOption
{
    const char *option;
    QString ApiClient::*member;
    const char *help;
    const char *value;
};

const FieldOption kFieldOptions[] = {
    {"client-id", &ApiClient::clientId, "Client id (OneAPI, ZPA, ZIA OAuth, SaaS Security).", "ID"},
    {"username", &ApiClient::username, "Admin username (zia-legacy).", "U"},
    {"scope", &ApiClient::scope, "Scope <cloud>::<orgId>::<API role> (zia-oauth).", "S"},
    {"region", &ApiClient::region, "SaaS Security region: us, apac, eu, uk, in, au, uk2, jp.", "R"},
    {"token-url", &ApiClient::tokenUrl, "Replace the whole token endpoint URL.", "URL"},
    {"base-url", &ApiClient::baseUrl,
     "Replace the scheme and host of the client's API, e.g. https://config.private.zscaler.com "
     "(ZPA legacy), https://zsapi.<cloud> (ZIA legacy), https://api.zsapi.net (OneAPI); the API "
     "path is still added.",
     "URL"},
    {"ca-file", &ApiClient::caFile, "Extra CA certificate(s) (PEM) trusted besides the system store.", "PEM"},
    {"notes", &ApiClient::notes, "Free-text notes.", "T"},
};

void addClientFieldOptions(QCommandLineParser &p, bool edit)
{
    p.addOption({QStringLiteral("tenant"), edit ? QStringLiteral("Move to another tenant.") : QStringLiteral("Owning tenant (name or id)."),
                 QStringLiteral("T")});
    p.addOption({QStringLiteral("kind"), QStringLiteral("Credential kind: %1.").arg(authKindNames().join(QStringLiteral(", "))),
                 QStringLiteral("KIND")});
    for (const auto &f : kFieldOptions)
        p.addOption({QString::fromLatin1(f.option), QString::fromLatin1(f.help), QString::fromLatin1(f.value)});
    p.addOption({QStringLiteral("client-auth"), QStringLiteral("zia-oauth client authentication: basic (HTTP Basic) or body (form fields)."),
                 QStringLiteral("basic|body")});
    p.addOption({QStringLiteral("secret-expires"), QStringLiteral("When the server-side secret expires (YYYY-MM-DD), for reminders."),
                 QStringLiteral("DATE")});
}

// Applies the options; returns an error message for a bad value.
QString applyClientOptions(CliContext &ctx, ApiClient &c)
{
    const QCommandLineParser &p = ctx.parser;
    if (p.isSet(QStringLiteral("tenant"))) {
        const Tenant *t = ctx.store()->findTenant(p.value(QStringLiteral("tenant")));
        if (!t)
            return QStringLiteral("no tenant named \"%1\"").arg(printable(p.value(QStringLiteral("tenant"))));
        c.tenantId = t->id;
    }
    if (p.isSet(QStringLiteral("kind")) && !parseAuthKind(p.value(QStringLiteral("kind")), &c.kind))
        return QStringLiteral("unknown kind \"%1\"; use one of: %2")
            .arg(printable(p.value(QStringLiteral("kind"))), authKindNames().join(QStringLiteral(", ")));
    for (const auto &f : kFieldOptions)
        if (p.isSet(QString::fromLatin1(f.option)))
            c.*(f.member) = p.value(QString::fromLatin1(f.option)).trimmed();
    if (p.isSet(QStringLiteral("ca-file")) && !c.caFile.isEmpty())
        c.caFile = QFileInfo(c.caFile).absoluteFilePath();
    if (p.isSet(QStringLiteral("region")))
        c.region = c.region.toLower();
    if (p.isSet(QStringLiteral("client-auth")) && !parseClientAuthStyle(p.value(QStringLiteral("client-auth")), &c.clientAuth))
        return QStringLiteral("--client-auth must be basic or body");
    if (p.isSet(QStringLiteral("secret-expires"))) {
        const QString v = p.value(QStringLiteral("secret-expires")).trimmed();
        if (v.isEmpty()) {
            c.secretExpiresAt = {};
        } else {
            QDateTime d = QDateTime::fromString(v, Qt::ISODate);
            if (!d.isValid())
                d = QDateTime(QDate::fromString(v, Qt::ISODate), QTime(0, 0), Qt::UTC);
            if (!d.isValid())
                return QStringLiteral("--secret-expires must be a date like 2027-01-31");
            c.secretExpiresAt = d.toUTC();
        }
    }
    return {};
}

QJsonObject clientJson(TenantStore *s, const ApiClient &c)
{
    QJsonObject o = c.toJson();
    o.remove(QStringLiteral("secretsSetAt"));
    const Tenant *t = s->tenant(c.tenantId);
    o.insert(QStringLiteral("tenant"), t ? t->name : QString());
    QJsonArray secrets;
    for (auto f : c.secretFields()) {
        QJsonObject so{{QStringLiteral("field"), secretFieldName(f)}, {QStringLiteral("stored"), c.hasSecret(f)}};
        if (c.hasSecret(f))
            so.insert(QStringLiteral("storedAt"), c.secretsSetAt.value(f).toUTC().toString(Qt::ISODate));
        secrets.append(so);
    }
    o.insert(QStringLiteral("secrets"), secrets);
    if (t) {
        const ClientEndpoints e = Endpoints::forClient(c, *t);
        o.insert(QStringLiteral("effectiveBaseUrl"), e.baseUrl);
        o.insert(QStringLiteral("effectiveTokenUrl"), e.tokenUrl);
    }
    return o;
}

int runAdd(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("client add needs exactly one NAME"));
    if (!ctx.parser.isSet(QStringLiteral("tenant")) || !ctx.parser.isSet(QStringLiteral("kind")))
        return ctx.usage(QStringLiteral("client add needs --tenant T and --kind KIND"));
    ApiClient c;
    c.name = ctx.args().first();
    if (const QString e = applyClientOptions(ctx, c); !e.isEmpty())
        return e.startsWith(QStringLiteral("no tenant")) ? ctx.fail(ErrorKind::Config, e) : ctx.usage(e);
    const Tenant *t = ctx.store()->tenant(c.tenantId);
    if (t && t->isProtected && !confirmProtected(ctx, *t, QStringLiteral("add a client")))
        return ctx.fail(ErrorKind::Usage, QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(t->name)));
    const StoreResult r = ctx.store()->addClient(c);
    if (!r.ok)
        return failStore(ctx, r);
    const ApiClient *added = ctx.store()->client(r.id);
    if (ctx.json) {
        ctx.printJson(clientJson(ctx.store(), *added));
    } else {
        QStringList fields;
        for (auto f : added->secretFields())
            fields << secretFieldName(f);
        ctx.out << "Added API client \"" << printable(added->name) << "\" (" << added->id << ").\n"
                << "Store its " << fields.join(QStringLiteral(" and ")) << " with: zconsole-cli client set-secret \""
                << printable(added->name) << "\"" << (fields.size() > 1 ? QStringLiteral(" --field FIELD") : QString())
                << Qt::endl;
    }
    return exitcode::Ok;
}

int runList(CliContext &ctx)
{
    TenantStore *s = ctx.store();
    QString tenantId;
    if (ctx.parser.isSet(QStringLiteral("tenant"))) {
        int rc = 0;
        const Tenant *t = requireTenant(ctx, ctx.parser.value(QStringLiteral("tenant")), &rc);
        if (!t)
            return rc;
        tenantId = t->id;
    }
    QList<ApiClient> clients;
    for (const ApiClient &c : s->clients())
        if (tenantId.isEmpty() || c.tenantId == tenantId)
            clients << c;
    if (ctx.json) {
        QJsonArray a;
        for (const ApiClient &c : clients)
            a.append(clientJson(s, c));
        ctx.printJson(a);
        return exitcode::Ok;
    }
    if (clients.isEmpty()) {
        ctx.out << "No API clients. Add one with: zconsole-cli client add NAME --tenant T --kind KIND" << Qt::endl;
        return exitcode::Ok;
    }
    QList<QStringList> rows;
    for (const ApiClient &c : clients) {
        const Tenant *t = s->tenant(c.tenantId);
        QStringList secrets;
        for (auto f : c.secretFields())
            secrets << secretFieldName(f) + (c.hasSecret(f) ? QStringLiteral(" ✓") : QStringLiteral(" missing"));
        rows << QStringList{c.name, t ? t->name : QString(), authKindName(c.kind),
                            c.kind == AuthKind::ZiaLegacy ? c.username : c.clientId,
                            secrets.join(QStringLiteral(", "))};
    }
    printTable(ctx.out, {QStringLiteral("NAME"), QStringLiteral("TENANT"), QStringLiteral("KIND"),
                         QStringLiteral("CLIENT ID / USER"), QStringLiteral("SECRETS")},
               rows);
    return exitcode::Ok;
}

int runShow(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("client show needs exactly one NAME"));
    int rc = 0;
    const ApiClient *c = requireClient(ctx, ctx.args().first(), &rc);
    if (!c)
        return rc;
    const QJsonObject o = clientJson(ctx.store(), *c);
    if (ctx.json) {
        ctx.printJson(o);
        return exitcode::Ok;
    }
    QStringList secrets;
    for (auto f : c->secretFields())
        secrets << secretFieldName(f) + (c->hasSecret(f) ? QStringLiteral(" (stored %1)").arg(c->secretsSetAt.value(f).toUTC().toString(Qt::ISODate))
                                                          : QStringLiteral(" (missing)"));
    QList<QPair<QString, QString>> fields{{QStringLiteral("Name"), c->name},
                                          {QStringLiteral("Id"), c->id},
                                          {QStringLiteral("Tenant"), o.value(QStringLiteral("tenant")).toString()},
                                          {QStringLiteral("Kind"), c->info().name + QStringLiteral(" — ") + c->info().label}};
    auto add = [&fields](const QString &k, const QString &v) {
        if (!v.isEmpty())
            fields.append({k, v});
    };
    add(QStringLiteral("Client id"), c->clientId);
    add(QStringLiteral("Username"), c->username);
    add(QStringLiteral("Scope"), c->scope);
    add(QStringLiteral("Region"), c->region);
    if (c->kind == AuthKind::ZiaOAuth)
        add(QStringLiteral("Client auth"), clientAuthStyleName(c->clientAuth));
    add(QStringLiteral("Token URL"), o.value(QStringLiteral("effectiveTokenUrl")).toString()
                                         + (c->tokenUrl.isEmpty() ? QString() : QStringLiteral(" (override)")));
    add(QStringLiteral("Base URL"), o.value(QStringLiteral("effectiveBaseUrl")).toString()
                                        + (c->baseUrl.isEmpty() ? QString() : QStringLiteral(" (override)")));
    add(QStringLiteral("CA file"), c->caFile);
    fields.append({QStringLiteral("Secrets"), secrets.join(QStringLiteral(", "))});
    if (c->secretExpiresAt.isValid())
        add(QStringLiteral("Secret expires"), c->secretExpiresAt.toUTC().toString(Qt::ISODate));
    add(QStringLiteral("Notes"), c->notes);
    printFields(ctx.out, fields);
    return exitcode::Ok;
}

int runEdit(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("client edit needs exactly one NAME"));
    int rc = 0;
    const ApiClient *found = requireClient(ctx, ctx.args().first(), &rc);
    if (!found)
        return rc;
    ApiClient c = *found;
    const ApiClient before = c;
    if (ctx.parser.isSet(QStringLiteral("name")))
        c.name = ctx.parser.value(QStringLiteral("name"));
    if (const QString e = applyClientOptions(ctx, c); !e.isEmpty())
        return e.startsWith(QStringLiteral("no tenant")) ? ctx.fail(ErrorKind::Config, e) : ctx.usage(e);
    if (c.kind != before.kind)
        return ctx.usage(QStringLiteral("the kind of a client cannot change (its secrets differ); add a new client instead"));
    const Tenant *t = ctx.store()->tenant(c.tenantId);
    if (t && t->isProtected && !confirmProtected(ctx, *t, QStringLiteral("change its client")))
        return ctx.fail(ErrorKind::Usage, QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(t->name)));
    const StoreResult r = ctx.store()->updateClient(c);
    if (!r.ok)
        return failStore(ctx, r);
    if (ctx.json)
        ctx.printJson(clientJson(ctx.store(), *ctx.store()->client(c.id)));
    else
        ctx.out << "Updated API client \"" << printable(c.name) << "\"" << Qt::endl;
    return exitcode::Ok;
}

int runRemove(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("client remove needs exactly one NAME"));
    int rc = 0;
    const ApiClient *found = requireClient(ctx, ctx.args().first(), &rc);
    if (!found)
        return rc;
    const ApiClient c = *found;
    const Tenant *t = ctx.store()->tenant(c.tenantId);
    if (t && t->isProtected && !confirmProtected(ctx, *t, QStringLiteral("remove its client")))
        return ctx.fail(ErrorKind::Usage, QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(t->name)));
    QEventLoop loop;
    ApiError result;
    bool done = false;
    ctx.secrets()->removeClient(c.id, &loop, [&](const ApiError &e) {
        result = e;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    if (result.isError() && result.kind == ErrorKind::Keychain)
        return ctx.fail(ApiError::make(ErrorKind::Keychain,
                                       QStringLiteral("API client removed from the config, but its keychain entries "
                                                      "could not be deleted: ")
                                           + result.message));
    if (result.isError())
        return ctx.fail(result);
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("removed"), c.id}});
    else
        ctx.out << "Removed API client \"" << printable(c.name) << "\" and its keychain entries" << Qt::endl;
    return exitcode::Ok;
}

int runSetSecret(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("client set-secret needs exactly one NAME (the value is read from standard input)"));
    int rc = 0;
    const ApiClient *c = requireClient(ctx, ctx.args().first(), &rc);
    if (!c)
        return rc;
    SecretField field;
    if (ctx.parser.isSet(QStringLiteral("field"))) {
        if (!parseSecretField(ctx.parser.value(QStringLiteral("field")), &field))
            return ctx.usage(QStringLiteral("--field must be secret, password, api-key or private-key"));
    } else if (c->secretFields().size() == 1) {
        field = c->secretFields().first();
    } else {
        QStringList f;
        for (auto x : c->secretFields())
            f << secretFieldName(x);
        return ctx.usage(QStringLiteral("\"%1\" (%2) has several secrets; choose one with --field %3")
                             .arg(printable(c->name), c->info().name, f.join(QLatin1Char('|'))));
    }
    if (!c->secretFields().contains(field))
        return ctx.usage(QStringLiteral("\"%1\" (%2) has no %3").arg(printable(c->name), c->info().name, secretFieldName(field)));
    const Tenant *t = ctx.store()->tenant(c->tenantId);
    if (t && t->isProtected && !confirmProtected(ctx, *t, QStringLiteral("change a secret")))
        return ctx.fail(ErrorKind::Usage, QStringLiteral("\"%1\" is protected: confirm with --confirm \"%1\"").arg(printable(t->name)));

    QByteArray value;
    QString error;
    if (!readSecretFromStdin(QStringLiteral("%1 for %2: ").arg(secretFieldLabel(field), printable(c->name)),
                             field == SecretField::PrivateKey, &value, &error))
        return ctx.usage(error);
    QEventLoop loop;
    ApiError result;
    bool done = false;
    const QString name = c->name;
    ctx.secrets()->setSecret(c->id, field, value, &loop, [&](const ApiError &e) {
        result = e;
        done = true;
        loop.quit();
    });
    std::fill(value.begin(), value.end(), char(0));
    if (!done)
        loop.exec();
    if (result.isError())
        return ctx.fail(result);
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("client"), name}, {QStringLiteral("field"), secretFieldName(field)},
                                  {QStringLiteral("stored"), true}, {QStringLiteral("service"), ctx.keychain()->service()}});
    else
        ctx.out << "Stored the " << secretFieldName(field) << " of \"" << printable(name) << "\" in the OS keychain" << Qt::endl;
    return exitcode::Ok;
}

const CommandRegistrar addCmd({{QStringLiteral("client"), QStringLiteral("add")},
                               QStringLiteral("NAME --tenant T --kind KIND [--client-id ID] [--username U] [--scope S] [--region R] "
                                              "[--token-url URL] [--base-url URL] [--ca-file PEM] [--client-auth basic|body] [--notes T]"),
                               QStringLiteral("Add an API client (credential profile) to a tenant."),
                               QStringLiteral("Kinds and what they need:\n"
                                              "  oneapi-secret  --client-id; secret (tenant vanity or --token-url)\n"
                                              "  oneapi-jwt     --client-id; private-key (PEM RSA)\n"
                                              "  zpa-legacy     --client-id; secret\n"
                                              "  zia-legacy     --username; password and api-key\n"
                                              "  zia-oauth      --client-id --token-url --scope; secret; --client-auth basic|body\n"
                                              "  saas-security  --client-id --region; secret\n"
                                              "  apptotal-key   api-key\n"
                                              "  sandbox-token  api-key\n"
                                              "Secrets are set afterwards with 'client set-secret', from standard input."),
                               [](QCommandLineParser &p) {
                                   p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Client name (unique)."));
                                   addClientFieldOptions(p, false);
                                   p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
                               },
                               runAdd});
const CommandRegistrar listCmd({{QStringLiteral("client"), QStringLiteral("list")}, QStringLiteral("[--tenant T]"),
                                QStringLiteral("List API clients (never touches the keychain)."), QString(),
                                [](QCommandLineParser &p) {
                                    p.addOption({QStringLiteral("tenant"), QStringLiteral("Only this tenant's clients."), QStringLiteral("T")});
                                },
                                runList});
const CommandRegistrar showCmd({{QStringLiteral("client"), QStringLiteral("show")}, QStringLiteral("NAME"),
                                QStringLiteral("Show one API client, its effective URLs and which secrets are stored."), QString(),
                                [](QCommandLineParser &p) {
                                    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Client name or id."));
                                },
                                runShow});
const CommandRegistrar editCmd({{QStringLiteral("client"), QStringLiteral("edit")},
                                QStringLiteral("NAME [--name NEW] [--tenant T] [--client-id ID] [--username U] [--scope S] [--region R] "
                                               "[--token-url URL] [--base-url URL] [--ca-file PEM] [--client-auth basic|body] [--notes T]"),
                                QStringLiteral("Change an API client."),
                                QStringLiteral("Only the options given change; an empty value clears a field. The kind cannot change."),
                                [](QCommandLineParser &p) {
                                    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Client name or id."));
                                    p.addOption({QStringLiteral("name"), QStringLiteral("New name."), QStringLiteral("NEW")});
                                    addClientFieldOptions(p, true);
                                    p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
                                },
                                runEdit});
const CommandRegistrar removeCmd({{QStringLiteral("client"), QStringLiteral("remove")}, QStringLiteral("NAME [--confirm NAME]"),
                                  QStringLiteral("Remove an API client and its keychain entries."), QString(),
                                  [](QCommandLineParser &p) {
                                      p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Client name or id."));
                                      p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
                                  },
                                  runRemove});
const CommandRegistrar setSecretCmd({{QStringLiteral("client"), QStringLiteral("set-secret")},
                                     QStringLiteral("NAME [--field secret|password|api-key|private-key] < secret"),
                                     QStringLiteral("Store a client's secret in the OS keychain, read from standard input."),
                                     QStringLiteral("On a terminal it prompts with echo off. From a pipe it reads one line without its "
                                                    "line break, or the whole input for a private key. Secrets are never taken from "
                                                    "arguments or the environment. Exit 6 if the keychain is missing or locked."),
                                     [](QCommandLineParser &p) {
                                         p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Client name or id."));
                                         p.addOption({QStringLiteral("field"), QStringLiteral("Which secret (default: the kind's only one)."),
                                                      QStringLiteral("secret|password|api-key|private-key")});
                                         p.addOption({QStringLiteral("confirm"), QStringLiteral("The tenant's name, when it is protected."), QStringLiteral("NAME")});
                                     },
                                     runSetSecret});

} // namespace
} // namespace zc::cli
