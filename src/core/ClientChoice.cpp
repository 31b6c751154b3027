#include "core/ClientChoice.h"

#include <algorithm>

namespace zc::clientchoice {

QList<ApiClient> speaking(const QList<ApiClient> &all, bool (*speaks)(AuthKind))
{
    QList<ApiClient> out;
    std::copy_if(all.cbegin(), all.cend(), std::back_inserter(out), [speaks](const ApiClient &c) { return speaks(c.kind); });
    return out;
}

QString best(const QList<ApiClient> &clients, int (*rank)(AuthKind))
{
    const auto it = std::min_element(clients.cbegin(), clients.cend(), [rank](const ApiClient &a, const ApiClient &b) {
        const int ra = rank(a.kind), rb = rank(b.kind);
        return ra != rb ? ra < rb : a.id < b.id;
    });
    return it == clients.cend() ? QString() : it->id;
}

} // namespace zc::clientchoice
