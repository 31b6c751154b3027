#pragma once

#include <QJsonObject>
#include <QString>

#include <initializer_list>

namespace zc {

// The text of a field that vendors send as a string or as a whole number (ids, risk levels
// and dates come both ways): the first of `keys` that holds either, a number written without
// a fraction; empty when none does (missing, null, bool, array, object).
QString jsonText(const QJsonObject &o, std::initializer_list<const char *> keys);

} // namespace zc
