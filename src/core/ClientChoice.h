#pragma once

#include "core/ApiClient.h"

#include <QList>
#include <QString>

namespace zc {

// Choosing among a tenant's API clients by auth scheme, one rule for every service.
namespace clientchoice {

// The clients of `all` whose kind `speaks` (in their order).
QList<ApiClient> speaking(const QList<ApiClient> &all, bool (*speaks)(AuthKind));
// The id of the client with the lowest rank(kind), ties by the smaller id; "" when empty.
QString best(const QList<ApiClient> &clients, int (*rank)(AuthKind));

} // namespace clientchoice
} // namespace zc
