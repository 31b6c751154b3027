#pragma once

#include <QByteArray>
#include <QString>

namespace zc::cli {

// Reads a secret from standard input. On a terminal: prompts on stderr with echo off.
// `wholeInput` (private keys): everything until end of input; otherwise one line without its
// line break. Returns false with `error` set if nothing usable was read. Never echoes the value.
bool readSecretFromStdin(const QString &prompt, bool wholeInput, QByteArray *out, QString *error);

} // namespace zc::cli
