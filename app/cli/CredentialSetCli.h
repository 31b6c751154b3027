#pragma once

#include "CliContext.h"

#include "core/CredentialMerge.h"

#include <QJsonObject>

namespace zc::cli {

// What backup, restore, export and import share on the command line.

// The passphrase of a backup: on a terminal asked with echo off (twice when `twice`, and both
// must match); otherwise one line of standard input. Never an argument. False + *error if none.
bool readPassphrase(bool twice, QByteArray *out, QString *error);

// Prints what a merge does (add / replace / leave, by name); JSON {"tenants": {"add": [...],
// "replace": [...], "leave": [...]}, "clients": {...}} for --json (returned, not printed).
QJsonObject printPlan(CliContext &ctx, const MergePlan &plan, bool dryRun);

// One audit record (names and counts only) for a backup / restore / export / import.
void auditCredentialSet(CliContext &ctx, const QString &action, const QString &file, const QJsonObject &counts);

// Reads a file of at most `maxBytes`; false + *error.
bool readWholeFile(const QString &path, qint64 maxBytes, QByteArray *out, QString *error);
// Writes atomically with mode 0600; false + *error.
bool writePrivateFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace zc::cli
