#pragma once

#include <QJsonValue>
#include <QString>

namespace zc::zpajson {

// Tolerant readers for ZPA JSON. The server sends ids, times and counts as strings; some
// endpoints and proxies send numbers instead, and a broken reply can send anything. None of
// these throw or assert; they return a best value and say whether the input was the canonical
// form (so a caller can tell "as sent" from "converted").

// String fields (ids, names, epoch-second times). Strings as they are; integral numbers in
// decimal without exponent (64-bit exact when the JSON parser kept the integer); other numbers
// via QString::number; booleans "true"/"false"; null/undefined/array/object → empty.
// `exact` = the value was a JSON string.
QString toStr(const QJsonValue &v, bool *exact = nullptr);

// Booleans: true/false, "true"/"false" (any case), numbers (non-zero = true). `exact` = a JSON
// bool. Anything else gives `fallback`.
bool toBool(const QJsonValue &v, bool fallback = false, bool *exact = nullptr);

// Integer counts: 12 or "12" (surrounding spaces allowed). Returns false for anything else,
// for fractions and for values outside qint64.
bool toInt64(const QJsonValue &v, qint64 *out);

// A short, safe description of a JSON value for problem messages: "a number", "null", …
QString typeName(const QJsonValue &v);

} // namespace zc::zpajson
