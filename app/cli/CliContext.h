#pragma once

#include "core/ApiError.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QTextStream>
#include <memory>

namespace zc {
class TenantStore;
class SecretStore;
class ClientSecrets;
} // namespace zc

namespace zc::cli {

// What every command gets: the parsed options, output streams, and lazily opened stores.
class CliContext
{
public:
    CliContext();
    ~CliContext();

    QCommandLineParser parser;
    QTextStream out;
    QTextStream err;
    bool json = false;
    QString configDir;

    // Loads the config (prints its warnings to stderr once). Null + error printed on failure.
    zc::TenantStore *store();
    zc::SecretStore *keychain();
    zc::ClientSecrets *secrets();

    // Prints the error (text or JSON on stderr) and returns its exit code.
    int fail(const ApiError &error);
    int fail(ErrorKind kind, const QString &message);
    int usage(const QString &message); // exit 2 with a hint to --help

    void printJson(const QJsonObject &o);
    void printJson(const QJsonArray &a);

    // Positional arguments after the command words.
    QStringList args() const { return parser.positionalArguments(); }

private:
    std::unique_ptr<zc::TenantStore> m_store;
    std::unique_ptr<zc::SecretStore> m_keychain;
    std::unique_ptr<zc::ClientSecrets> m_secrets;
    bool m_storeLoaded = false;
};

} // namespace zc::cli
