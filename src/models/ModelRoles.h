#pragma once

#include <Qt>

namespace zc {

// Roles shared by zconsole's table models.
enum ModelRole {
    IdRole = Qt::UserRole + 1, // stable id of the row's object
    SortRole,                  // raw value to sort by (numbers, dates, case-folded text)
    FilterRole,                // text the filter box matches against
};

} // namespace zc
