#pragma once

#include "core/ApiError.h"
#include "net/HttpTypes.h"

namespace zc {

// What an error reply says, from whichever API sent it:
//   ZPA {id, reason}; ZIA {code, message}; OAuth {error, error_description};
//   OneAPI gateway {detail}; SaaS Security {error, resolution, error_description};
//   Business Insights {errorCode}; an HTML page; an empty body; plain text.
struct ErrorBodyInfo
{
    QString code;    // "invalid_client", "EDIT_LOCK_NOT_AVAILABLE", "api.concurrent.access.error"
    QString reason;  // the server's words, one line, at most 300 characters
    bool html = false;
    bool empty = false;
};

ErrorBodyInfo parseErrorBody(const QByteArray &body, const QByteArray &contentType = {});

// An ApiError for a non-2xx reply: kind by status (401 → Authentication, 429 → RateLimited,
// other → Api), message quoting the server's reason, endpoint, status, code and request id.
ApiError apiErrorFromResponse(const HttpResponse &response);

// Text a person reads for an HTTP status without a useful body ("401 Unauthorized").
QString httpStatusText(int status);

} // namespace zc
