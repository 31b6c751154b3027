#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace zc::plaintext {

// The SDKs' plaintext credential files, read into their environment variable names
// (ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET, ZSCALER_PRIVATE_KEY, ZSCALER_VANITY_DOMAIN,
// ZSCALER_CLOUD, ZPA_CUSTOMER_ID, ZPA_MICROTENANT_ID, ZIA_USERNAME, ZIA_PASSWORD, ZIA_API_KEY,
// ZIA_CLOUD, ZPA_CLIENT_ID, ZPA_CLIENT_SECRET, ZPA_CLOUD). Other names are dropped.
using Variables = QMap<QString, QByteArray>;

// KEY=VALUE lines; `export `, comments, single/double quotes, "\n" escapes and a double-quoted
// value over several lines (a PEM) are understood.
Variables parseDotenv(const QByteArray &text);
// ~/.zscaler/zscaler.yaml: `zscaler: client: clientId: …` (the SDKs' camelCase keys) or the
// variable names as keys; "key: value" lines, a `|` block for the private key.
Variables parseZscalerYaml(const QByteArray &text);
// A Postman environment export: {"values": [{"key", "value", "enabled"}]}; false + *error.
bool parsePostman(const QByteArray &text, Variables *out, QString *error);

// The variable name for a key of any of the files (SDK name, camelCase or snake_case), or empty.
QString variableFor(const QString &key);
// The names of the secret variables in `v`.
QStringList secretNames(const Variables &v);

} // namespace zc::plaintext
