#pragma once

#include "core/ApiError.h"

#include <QString>
#include <QStringList>

namespace zc {

// The answer of one ZpaApi call: a value or an error (ZPA's {id, reason} in error.code /
// error.message), plus what the network layer did.
template <typename T>
struct ZpaReply
{
    T value{};
    ApiError error;
    int httpStatus = 0;
    QString requestId;
    int attempts = 0;     // HTTP requests sent for this call (the pipeline's retries included)
    QStringList problems; // odd but usable content (parser notes), at most a few dozen lines

    bool ok() const { return !error.isError(); }
};

} // namespace zc
