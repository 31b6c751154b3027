// ZPA route registration and the helpers shared by the segment and entity handlers.
#pragma once

#include "sim/Http.h"
#include "sim/Router.h"

#include <QList>

#include <optional>

namespace zsim {

class SimCore;

void registerZpaRoutes(SimCore &core);
void registerZpaEntityRoutes(SimCore &core, const QString &prefix, Api api);

namespace zpa {

std::optional<SimResponse> checkCustomer(const SimContext &ctx);

struct Paging {
    int page = 1;
    int pageSize = 20;
};
// page is 1-based (default 1); pagesize defaults to 20 and is clamped to 500.
Paging paging(const SimRequest &req);

// search=name+EQ+value (also NE, CONTAINS, STARTSWITH, ENDSWITH; case-insensitive); text without
// operator = CONTAINS on the name.
struct Search {
    QString op;
    QString value;
    QString error;
    bool matches(const QString &name) const;
};
Search parseSearch(const SimRequest &req);

// microtenantId: absent = all, 0 = Default, id = that one. Returns false for an unknown id.
bool microtenantFilter(const SimContext &ctx, std::optional<qint64> *out);

QByteArray envelope(qint64 total, const Paging &p, const QList<QByteArray> &items);

} // namespace zpa
} // namespace zsim
