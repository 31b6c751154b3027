#include "CliContext.h"

#include "store/ClientSecrets.h"
#include "store/SecretStore.h"
#include "store/TenantStore.h"

#include <QJsonDocument>
#include <cstdio>

namespace zc::cli {

CliContext::CliContext()
    : out(stdout)
    , err(stderr)
{
}

CliContext::~CliContext() = default;

TenantStore *CliContext::store()
{
    if (!m_storeLoaded) {
        m_storeLoaded = true;
        m_store = std::make_unique<TenantStore>(configDir);
        m_store->load();
        for (const QString &w : m_store->warnings())
            err << "zconsole-cli: warning: " << w << Qt::endl;
    }
    return m_store.get();
}

SecretStore *CliContext::keychain()
{
    if (!m_keychain)
        m_keychain = std::make_unique<SecretStore>();
    return m_keychain.get();
}

ClientSecrets *CliContext::secrets()
{
    if (!m_secrets)
        m_secrets = std::make_unique<ClientSecrets>(store(), keychain());
    return m_secrets.get();
}

int CliContext::fail(const ApiError &error)
{
    const int code = exitCodeFor(error.kind);
    if (json) {
        QJsonObject e{{QStringLiteral("kind"), ApiError::kindName(error.kind)},
                      {QStringLiteral("message"), error.message},
                      {QStringLiteral("exitCode"), code}};
        if (error.httpStatus)
            e.insert(QStringLiteral("httpStatus"), error.httpStatus);
        if (!error.code.isEmpty())
            e.insert(QStringLiteral("code"), error.code);
        if (!error.endpoint.isEmpty())
            e.insert(QStringLiteral("endpoint"), error.endpoint);
        if (!error.requestId.isEmpty())
            e.insert(QStringLiteral("requestId"), error.requestId);
        err << QJsonDocument(QJsonObject{{QStringLiteral("error"), e}}).toJson(QJsonDocument::Compact)
            << Qt::endl;
    } else {
        err << "zconsole-cli: " << error.toString() << Qt::endl;
    }
    return code;
}

int CliContext::fail(ErrorKind kind, const QString &message)
{
    return fail(ApiError::make(kind, message));
}

int CliContext::usage(const QString &message)
{
    err << "zconsole-cli: " << message << Qt::endl
        << "Try 'zconsole-cli --help' or add --help after the command." << Qt::endl;
    return exitcode::Usage;
}

void CliContext::printJson(const QJsonObject &o)
{
    out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    out.flush();
}

void CliContext::printJson(const QJsonArray &a)
{
    out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    out.flush();
}

} // namespace zc::cli
